import Core
@testable import DataImport
import Foundation
import Testing

/// StatLine OData v3 `TypedDataSet`, on a response assembled from CBS's 85984NED keys and values.
@Suite struct StatLineFormatTests {
    @Test func readsTypedDataSetMatchingKeysOnTheirStem() throws {
        let dataset = try DataImporter.read(Fixture.url("statline-85984NED-excerpt.json"), options: .init(year: 2024))
        #expect(dataset.info.format == "statline")
        #expect(dataset.info.tableID == "85984NED")
        #expect(dataset.info.attribution == "Bron: CBS StatLine, 85984NED")
        // Padded codes are trimmed; the country row is skipped with a note.
        #expect(dataset.rows.map(\.region.rawValue) == ["GM0114", "WK011443", "WK003415"])
        #expect(dataset.warnings.contains { $0.contains("NL00") })
        // AantalInwoners_5 → population; 2024 values from CBS 85984NED.
        #expect(dataset.cell("WK011443", "population") == .value(7_695))
        #expect(dataset.cell("GM0114", "population") == .value(109_346))
        #expect(dataset.cell("WK011443", "area_land_ha") == .value(241))
        // null in OData is CBS's `.`: secret, not zero.
        #expect(dataset.cell("WK003415", "density") == .secret)
        #expect(dataset.cell("WK003415", "population") == .value(0))
        // Two keys with one stem are reported as ambiguous instead of being guessed.
        #expect(dataset.unknownColumns.contains { $0.hasPrefix("Appartement_54") && $0.contains("meer dan eens") })
        let names = Dictionary(uniqueKeysWithValues: dataset.regions.map { ($0.code.rawValue, $0.name) })
        #expect(names["GM0114"] == "Emmen")
        #expect(names["WK011443"] == "", "Gemeentenaam_1 is the gemeente's name, not the wijk's")
    }

    @Test func yearIsAskedForWhenTheResponseDoesNotSayIt() {
        let error = Fixture.rejection { _ = try DataImporter.read(Fixture.url("statline-85984NED-excerpt.json")) }
        #expect(error?.message.contains("--year") == true)
    }

    @Test func bundledTableUsesDataPropertiesAndTableInfos() throws {
        let name = "85984NED/TypedDataSet.json.gz"
        let dataset = try DataImporter.read(Fixture.bundled(name), options: Fixture.bundledOptions(name))
        #expect(dataset.info.year == 2024)
        #expect(dataset.info.title == "Kerncijfers wijken en buurten 2024")
        #expect(dataset.rows.count == 3_735)
        #expect(dataset.regions.filter { $0.level == .district }.count == 3_393)
        #expect(dataset.cell("WK011443", "population") == .value(7_695))
        // Amsterdam's wijk codes contain letters.
        #expect(dataset.rows.contains { $0.region.rawValue == "WK0363AA" })
        // Units in DataProperties agree with the catalogue for all eight measures.
        #expect(dataset.warnings.filter { $0.contains("eenheid") }.isEmpty, "\(dataset.warnings)")
    }

    @Test func stemDropsOnlyTheNumericSuffix() {
        #expect(StatLineFormat.stem("AantalInwoners_5") == "AantalInwoners")
        #expect(StatLineFormat.stem("k_0Tot15Jaar_8") == "k_0Tot15Jaar")
        #expect(StatLineFormat.stem("WijkenEnBuurten") == "WijkenEnBuurten")
    }

    @Test func pagedResponseIsRefusedRatherThanHalfRead() {
        let json = #"{"odata.metadata":"x/85984NED/$metadata","odata.nextLink":"next","value":[]}"#
        let error = Fixture.rejection {
            _ = try DataImporter.read(Array(json.utf8), fileName: "p.json", options: .init(year: 2024))
        }
        #expect(error?.message.contains("odata.nextLink") == true)
    }
}
