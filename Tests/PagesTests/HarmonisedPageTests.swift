import Core
import Foundation
import HTML
import Pages
import SnapshotTesting
import Testing
import Wijkanalyse

/// Groningen as one line from 2013 on the indeling of 2024, Haren and Ten Boer included before 2019; counts of the
/// whole country conserved by the conversion. In the page suite: its one bundled database is made once, serially
/// (a second suite waiting on it in parallel would hold the last cooperative thread).
extension PageSnapshotTests {
    @Test func groningenIsOneLineFrom2013() throws {
        let model = try #require(WijkanalyseBuilder(snapshot: Self.snapshot).model(for: RegionCode("GM0014")!))
        let population = try #require(model.series.first { $0.indicator.id == "population" })
        let region = try #require(population.chart.series.first)
        #expect(region.segments.count == 1, "one line: \(region.segments.map { $0.map(\.x) })")
        #expect(region.segments[0].map(\.x) == [2013, 2017, 2019, 2022, 2024])
        // Before 2019 Haren and Ten Boer are added: converted, drawn open.
        #expect(region.segments[0].filter(\.converted).map(\.x) == [2013, 2017])
        // The figures as published are still there, hidden until asked for.
        #expect(population.hasOriginal)
        #expect(population.table.contains { $0.0 == "Zoals gepubliceerd (indeling 2014)" && $0.1 == 2013 })
        assertSnapshot(of: Self.lines(RegionPage.render(model)), as: .lines, named: "GM0014")
    }

    @Test func countsAreConservedForEveryYear() throws {
        let harmonised = try #require(Self.snapshot.harmonised[.municipality])
        #expect(harmonised.indeling == 2024)
        for (period, original) in Self.snapshot.tables[.municipality] ?? [:] {
            guard let converted = harmonised.tables[period], let column = original.columns["population"],
                column.cells.count > 300
            else { continue }
            let before = column.cells.compactMap(\.number).reduce(0, +)
            let after = try #require(converted.columns["population"]).cells.compactMap(\.number).reduce(0, +)
            // Whole-unit merges are exact; split shares are rounded to four decimals in the table.
            #expect(abs(after - before) / before < 0.001, "\(period): \(before) → \(after)")
            #expect(converted.regions.count == 342, "\(period)")
        }
    }

    /// A split gemeente's parts are weighed by the inhabitants they had then, not by today's new districts: no
    /// receiving gemeente jumps at its change (Groningen 2017 → 2019 had read as a decline, with Meerstad's 2022
    /// inhabitants counted in 2017).
    @Test func noGemeenteThatReceivedAPartJumpsAtItsChange() throws {
        let harmonised = try #require(Self.snapshot.harmonised[.municipality])
        let receivers = [
            "GM0014", "GM1952", "GM0757", "GM0824", "GM0855", "GM0865", "GM0080", "GM1900", "GM1949", "GM0796",
            "GM0828", "GM1966", "GM1969", "GM0363", "GM1942", "GM1930", "GM1992",
        ]
        let periods = harmonised.tables.filter { $0.value.regions.count > 300 }.keys.sorted()
        for code in receivers.map({ RegionCode($0)! }) {
            let values = periods.compactMap { harmonised.tables[$0]?.cell(code, "population")?.number }
            #expect(values.count == periods.count, "\(code)")
            for (a, b) in zip(values, values.dropFirst()) {
                #expect((-0.02...0.05).contains(b / a - 1), "\(code): \(a) → \(b)")
            }
        }
    }
}
