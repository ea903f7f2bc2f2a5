import Core
@testable import DataImport
import Foundation
import Testing

@Suite struct OtherFormatTests {
    @Test func leefbaarometerScoresPerRegionAndYear() throws {
        let name = "leefbaarometer-3-amstelveen-wijken.csv"
        let dataset = try DataImporter.read(Fixture.bundled(name))
        #expect(dataset.info.format == "leefbaarometer")
        #expect(dataset.rows.count == 56)
        #expect(Set(dataset.rows.map(\.region)).count == 14)
        #expect(Set(dataset.rows.map(\.period)) == [2014, 2018, 2020, 2022])
        #expect(dataset.cell("WK036201", "lbm_score", period: 2014) == .value(4.270599604867483))
        #expect(dataset.unknownColumns.isEmpty)
        // Leefbaarometer 3.0: total = 4.102265 + the five dimensions, in every row of the real file.
        let index = { (id: String) in dataset.indicators.firstIndex(of: id)! }
        for row in dataset.rows {
            let dims = ["lbm_housing", "lbm_physical", "lbm_amenities", "lbm_social", "lbm_safety"].map {
                row.cells[index($0)].number!
            }
            #expect(abs(4.102265 + dims.reduce(0, +) - row.cells[index("lbm_score")].number!) < 1e-5)
        }
    }

    @Test func mappedCSVThroughAMappingFile() throws {
        let dataset = try DataImporter.read(
            Fixture.url("kwb-2019-gemeenten-excerpt.csv"),
            options: .init(mapping: Fixture.url("kwb-2019-gemeenten.mapping.json")))
        #expect(dataset.info.format == "mapped")
        #expect(dataset.info.year == 2019)
        #expect(dataset.cell("GM0014", "population") == .value(231_299))
        #expect(dataset.cell("GM0114", "age_0_14") == .value(15_735))
        #expect(dataset.regions.first { $0.code.rawValue == "GM1900" }?.name == "Súdwest-Fryslân")
        #expect(dataset.unknownColumns.isEmpty)
    }

    /// Each bundled gemeente file's indeling follows from its own rows, not from its label: the file called 2013 has
    /// 403 gemeenten including De Friese Meren (GM1921, formed 1 January 2014), so its indeling is 2014's.
    @Test func bundledGemeenteFilesCarryTheIndelingTheirRowsShow() throws {
        let expected: [(String, year: Int, indeling: Int, count: Int, newest: String)] = [
            ("cbs-gemeenten-2013.csv.gz", 2013, 2014, 403, "GM1921"),
            ("cbs-gemeenten-2017.csv.gz", 2017, 2017, 388, "GM1945"),  // Groesbeek renamed Berg en Dal, 2016
            ("cbs-kwb-2019-gemeenten.csv.gz", 2019, 2019, 355, "GM1966"),  // Het Hogeland, 2019
            ("cbs-kwb-2022-gemeente.csv.gz", 2022, 2022, 345, "GM1980"),  // Dijk en Waard, formed 2022
        ]
        for (name, year, indeling, count, newest) in expected {
            let dataset = try DataImporter.read(Fixture.bundled(name), options: Fixture.bundledOptions(name))
            #expect(dataset.info.year == year, "\(name)")
            #expect(dataset.indelingYear == indeling, "\(name)")
            #expect(Set(dataset.regions.map(\.code)).count == count, "\(name)")
            #expect(dataset.regions.contains { $0.code.rawValue == newest }, "\(name)")
        }
    }

    @Test func bundledAllNetherlandsWijkData() throws {
        let name = "cbs-kwb-2022-wijk.csv.gz"
        let dataset = try DataImporter.read(Fixture.bundled(name), options: Fixture.bundledOptions(name))
        #expect(dataset.rows.count == 3_340)
        #expect(dataset.regions.allSatisfy { $0.level == .district })
        // Angelslo (Emmen), KWB 2022, read by hand from NLD_dist_2022_wijk_attributes.csv.
        #expect(dataset.cell("WK011443", "population") == .value(7_685))
        #expect(dataset.cell("WK011443", "woz_value") == .value(151))
        #expect(dataset.cell("WK011443", "low_income_persons_pct") == .value(54.7))
        // Text classes recoded to numbers are marked computed; R's NA is missing, not zero.
        #expect(dataset.cell("WK011443", "urbanity") == .computed(3))
        #expect(dataset.cell("WK003415", "woz_value") == .missing)
        #expect(dataset.regions.first { $0.code.rawValue == "WK011443" }?.name == "Wijk 43 Angelslo")
    }

    @Test func wijkOutlines() throws {
        let name = "wijkgrenzen-2022.geojson.gz"
        let dataset = try DataImporter.read(Fixture.bundled(name), options: Fixture.bundledOptions(name))
        #expect(dataset.info.format == "geometry")
        #expect(dataset.geometries.count == 3_340)
        let angelslo = try #require(dataset.geometries.first { $0.region.rawValue == "WK011443" })
        #expect(angelslo.geojson.contains("\"type\":\"Polygon\""))
    }

    @Test func gzipRoundTripAndDamage() throws {
        let original = try Data(contentsOf: Fixture.bundled("cbs-kwb-2022-gemeente.csv.gz"))
        let text = try #require(Gzip.decompress(Array(original)))
        #expect(String(decoding: text.prefix(8), as: UTF8.self) == "\"code\",\"")
        #expect(Gzip.decompress(Array(original.dropLast(100))) == nil)
    }
}
