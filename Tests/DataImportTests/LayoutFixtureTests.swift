import Core
import Foundation
import Testing

@testable import DataImport

/// Every layout of CBS and PDOK files the catalogue documents (scripts/layouts, each with its source) imports its
/// fixture with zero unknown columns, each column bound to the indicator the catalogue says.
@Suite struct LayoutFixtureTests {
    static let layouts = IndicatorCatalogue.standard.layouts

    @Test func everyLayoutHasAFixture() {
        #expect(Self.layouts.count >= 15)
        for layout in Self.layouts {
            let fixture = layout.fixture.map { Fixture.url("layouts/" + $0) }
            #expect(fixture.map { FileManager.default.fileExists(atPath: $0.path) } == true, "\(layout.id)")
        }
    }

    @Test(arguments: layouts) func importsWithZeroUnknownColumns(layout: SourceLayout) throws {
        let catalogue = IndicatorCatalogue.standard
        var options = ImportOptions(year: layout.years.first)
        if layout.scheme == .kwb2019 {
            options.mapping = Fixture.bundled("cbs-kwb-2019-gemeenten.mapping.json")
        }
        let dataset = try DataImporter.read(Fixture.url("layouts/" + layout.fixture!), options: options)
        #expect(dataset.unknownColumns.isEmpty, "\(layout.id): \(dataset.unknownColumns)")
        #expect(dataset.warnings.filter { $0.contains("dezelfde indicator") }.isEmpty, "\(dataset.warnings)")
        #expect(!dataset.regions.isEmpty)
        // The figures the file has are the indicators its columns name, no more and no fewer.
        let named = Set(
            layout.columns.compactMap { column -> String? in
                guard layout.scheme != .statline else { return nil }
                return catalogue.indicator(named: column, in: layout.scheme)?.id
            })
        if layout.scheme != .statline {
            #expect(Set(dataset.indicators) == named, "\(layout.id)")
        }
        for indicator in dataset.indicators {
            #expect(catalogue[indicator]?.years.contains(layout.years[0]) == true, "\(layout.id): \(indicator)")
        }
    }

    @Test func statLineKeysThatShareAStemAreToldApartByTheirGroups() throws {
        let dataset = try DataImporter.read(
            Fixture.url("layouts/statline-85984NED.json"),
            options: ImportOptions(year: 2024, properties: Fixture.url("layouts/DataProperties.json")))
        #expect(dataset.unknownColumns.isEmpty, "\(dataset.unknownColumns)")
        // Nederland_17 is herkomstland Nederland; Nederland_20 geboren in Nederland met herkomst Nederland.
        #expect(dataset.indicators.contains("origin_nl"))
        #expect(dataset.indicators.contains("origin_born_nl"))
        #expect(dataset.indicators.contains("electricity_apartment"))
        #expect(dataset.indicators.contains("gas_apartment"))
        #expect(dataset.cell("GM1680", "population") == .value(25_845))
    }
}
