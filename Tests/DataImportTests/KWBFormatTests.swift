import Core
@testable import DataImport
import Foundation
import Testing

/// The CBS kwb layout, on a real excerpt of kwb-2023 (gemeente Utrecht) in the layouts it is downloaded in.
@Suite struct KWBFormatTests {
    static let variants = [
        "kwb-2023-utrecht-excerpt.csv",
        "kwb-2023-utrecht-excerpt-semicolon-cp1252.csv",
        "kwb-2023-utrecht-excerpt-bom-crlf.csv",
    ]

    @Test(arguments: variants)
    func readsEveryLayoutToTheSameFigures(_ name: String) throws {
        let dataset = try DataImporter.read(Fixture.url(name))
        #expect(dataset.info.format == "kwb")
        #expect(dataset.info.year == 2023)
        #expect(dataset.info.attribution == "Bron: CBS, Kerncijfers wijken en buurten 2023")
        #expect(dataset.rows.count == 6)
        // Read by hand from CBS-Utrecht-kwb-2023.csv.
        #expect(dataset.cell("GM0344", "population") == .value(367_947))
        #expect(dataset.cell("WK034401", "population") == .value(29_040))
        #expect(dataset.cell("BU03441014", "population") == .value(990))
        #expect(dataset.cell("GM0344", "household_size") == .value(1.9))
        #expect(dataset.cell("BU03441014", "household_size") == .value(3.2))
        // `.` is secret, never zero: the gemeente's electricity use is `.` in the source.
        #expect(dataset.cell("GM0344", "electricity_use") == .secret)
        let levels = Dictionary(grouping: dataset.regions, by: \.level).mapValues(\.count)
        #expect(levels == [.municipality: 1, .district: 3, .neighbourhood: 2])
        let names = Dictionary(uniqueKeysWithValues: dataset.regions.map { ($0.code.rawValue, $0.name) })
        #expect(names["BU03440224"] == "Egelantierstraat, Mariëndaalstraat e.o.")
        #expect(names["BU03441014"] == "Máximapark")
        #expect(names["WK034410"] == "Wijk 10 Vleuten-De Meern")
        // Every column of CBS's 2023 layout is known, down to electricity use per dwelling type.
        #expect(dataset.unknownColumns.isEmpty, "\(dataset.unknownColumns)")
        #expect(dataset.indicators.contains("electricity_apartment"))
    }

    @Test func layoutsAgreeCellForCell() throws {
        let reference = try DataImporter.read(Fixture.url(Self.variants[0]))
        for name in Self.variants.dropFirst() {
            let other = try DataImporter.read(Fixture.url(name))
            #expect(other.indicators == reference.indicators)
            #expect(other.rows == reference.rows, "\(name)")
        }
    }

    @Test func xlsxMatchesTheCSVConversionOfTheSameFile() throws {
        let xlsx = try DataImporter.read(Fixture.bundled("kwb-2023-utrecht.xlsx"))
        #expect(xlsx.rows.count == 122)
        #expect(xlsx.info.year == 2023)
        let levels = Dictionary(grouping: xlsx.regions, by: \.level).mapValues(\.count)
        #expect(levels == [.municipality: 1, .district: 10, .neighbourhood: 111])
        let csv = try DataImporter.read(Fixture.url(Self.variants[0]))
        #expect(xlsx.indicators == csv.indicators)
        for row in csv.rows {
            #expect(xlsx.rows.first { $0.region == row.region } == row)
        }
        // Counted independently (Python over the CSV conversion): 5 569 `.` cells outside the region columns.
        #expect(xlsx.secretCount == 5569)
        #expect(xlsx.unknownColumns.isEmpty)
    }

    @Test func yearMustBeKnown() throws {
        let bytes = try Fixture.bytes(Self.variants[0])
        let error = Fixture.rejection { _ = try DataImporter.read(bytes, fileName: "kerncijfers.csv") }
        #expect(error?.message.contains("--year") == true)
        let dataset = try DataImporter.read(bytes, fileName: "kerncijfers.csv", options: .init(year: 2023))
        #expect(dataset.info.year == 2023)
    }
}
