import DataImport
import Foundation
import Testing

/// The Wijk- en Buurtkaart through the real binary: what was read per layer, `--laag`, and which columns a year has.
@Suite(.serialized) struct GeometryCLITests {
    static let geopackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../DataImportTests/Fixtures/geo/wijkenbuurten_2022_v1.gpkg").standardizedFileURL

    @Test func aGeoPackageIsReadPerLayerOrOneLayer() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("migrate").status == 0)

        let one = try cli.run("import", Self.geopackage.path, "--laag", "wijken")
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("Dataset wijkenbuurten-2022-wijken: 66 rijen"))
        #expect(one.stdout.contains("  Laag wijken: 66 regio's, 66 grenzen, 8 indicatoren"))
        #expect(!one.stdout.contains("Laag gemeenten"))
        #expect(one.stdout.contains("  Gelezen in "))

        let all = try cli.run("import", Self.geopackage.path)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("  Laag gemeenten: 4 regio's, 4 grenzen, 8 indicatoren"))
        #expect(all.stdout.contains("  Laag wijken: 66 regio's"))
        #expect(!all.stdout.contains("Niet herkende kolommen"))
        // No terminal, no progress bar: a log file gets the summary only.
        #expect(!all.stderr.contains("["))

        let missing = try cli.run("import", Self.geopackage.path, "--laag", "buurten")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("laag 'buurten' staat niet in dit GeoPackage; wel: gemeenten, wijken"))
        let region = try cli.run("region", "GM0014")
        #expect(region.stdout.contains("Wijk- en Buurtkaart 2022"), "\(region.stdout)")
    }

    @Test func indicatorsOfAYearListTheVerifiedFilesAndRefuseAnUnverifiedYear() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let year = try cli.run("indicators", "--jaar", "2019")
        #expect(year.status == 0)
        #expect(year.stdout.hasPrefix("Bestanden uit 2019 waarvan Wijkradar elke kolom kent:"))
        let rows = year.stdout.split(separator: "\n").filter {
            $0.hasPrefix("population ") || $0.hasPrefix("youth_care ")
        }
        #expect(rows.count == 1 && rows[0].contains("2019"), "\(year.stdout)")
        let unverified = try cli.run("indicators", "--jaar", "2015")
        #expect(unverified.status != 0)
        #expect(unverified.stderr.contains("Voor 2015 is geen bestandsindeling van CBS of PDOK geverifieerd"))
    }

    @Test func theProgressBarCountsAndSaysTheRate() {
        let bar = ImportProgress.bar(done: 10_412, total: 27_403, seconds: 2, noun: "regels")
        #expect(bar == "[#########---------------]  37 %  10.412 van 27.403 regels, 5.206 per seconde")
        #expect(
            ImportProgress.bar(done: 0, total: 0, seconds: 0, noun: "regels").hasPrefix(
                "[########################] 100 %"))
        #expect(ImportProgress.rate(done: 10, seconds: 0.1) == "")
    }
}
