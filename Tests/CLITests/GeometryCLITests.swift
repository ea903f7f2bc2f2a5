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

    /// Outlines of 2016 and 2022 in the database: `harmoniseer` derives the wijk crosswalk and says what it found;
    /// a crosswalk file is read with its basis, and a wrong one is refused with its line and column.
    @Test func harmoniseerDerivesFromOutlinesAndReadsACrosswalkFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("import", Self.geopackage.path).status == 0)
        let zip = Self.geopackage.deletingLastPathComponent().appendingPathComponent("wijk_2016.zip")
        #expect(try cli.run("import", zip.path).status == 0)
        let derived = try cli.run("harmoniseer", "--niveau", "wijk")
        #expect(derived.status == 0, "\(derived.stderr)")
        #expect(
            derived.stdout.contains("wijk: omrekentabel 2016 → 2022 afgeleid uit de grenzen: "), "\(derived.stdout)")
        #expect(derived.stdout.contains("wijken gelijk gebleven"))

        let table = cli.dataDirectory.appendingPathComponent("omrekentabel.csv")
        try
            "van_jaar;naar_jaar;van_code;naar_code;gewicht\n2016;2022;WK001400;WK001400;0,9\n2016;2022;WK001400;WK001401;0,1\n"
            .write(to: table, atomically: true, encoding: .utf8)
        let imported = try cli.run(
            "harmoniseer", "--tabel", table.path, "--basis", "woningen", "--bron", "Gemeente Groningen")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stdout.contains(
                "wijk: omrekentabel 2016 → 2022 ingelezen uit omrekentabel.csv: 1 regio, 2 koppelingen"),
            "\(imported.stdout)")
        try "from_year,to_year,from_code,to_code,weight\n2016,2022,WK001400,WK001400,1\n".write(
            to: table, atomically: true, encoding: .utf8)
        let refused = try cli.run("harmoniseer", "--tabel", table.path)
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains("omrekentabel.csv, regel 1: de basis van de gewichten ontbreekt"),
            "\(refused.stderr)")
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
