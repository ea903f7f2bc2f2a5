import Core
import Testing

@testable import Analysis

/// Wijk series across a boundary change with a crosswalk that lists only the wijken the change touched, and a
/// crosswalk reached in two steps.
@Suite struct HarmonisedSeriesTests {
    static func code(_ s: String) -> RegionCode { RegionCode(s)! }

    /// Wijken with inhabitants and area (ha) in one year's indeling.
    static func table(_ year: Int, _ rows: [(String, Double, Double)]) -> RegionTable {
        let source = SourceRef(
            dataset: "kwb-\(year)", table: "kwb-\(year)", year: year, attribution: "Bron: CBS", licence: "CC BY 4.0")
        let catalogue = IndicatorCatalogue.standard
        return RegionTable(
            period: year, regions: rows.map { Region(code: code($0.0), name: $0.0, indelingYear: year) },
            columns: [
                RegionTable.Column(
                    indicator: catalogue["population"]!, cells: rows.map { .value($0.1) }, source: source),
                RegionTable.Column(
                    indicator: catalogue["area_total_ha"]!, cells: rows.map { .value($0.2) }, source: source),
            ])
    }

    /// 2016: A (WK000101) is split over A and a new wijk C (WK000103); B (WK000102) is unchanged.
    static let tables = [
        2016: table(2016, [("WK000101", 1000, 200), ("WK000102", 500, 100)]),
        2022: table(2022, [("WK000101", 700, 120), ("WK000102", 520, 100), ("WK000103", 330, 80)]),
    ]

    static func touchedOnly(from: Int = 2016, to: Int = 2022) -> Crosswalk {
        Crosswalk(
            level: .district, fromYear: from, toYear: to, origin: "grenswijzigen",
            links: [
                .init(from: code("WK000101"), to: code("WK000101"), share: 0.6, basis: .addresses),
                .init(from: code("WK000101"), to: code("WK000103"), share: 0.4, basis: .addresses),
            ])
    }

    @Test func wijkenATableDoesNotListJoinByTheUnchangedRule() throws {
        let series = try #require(
            HarmonisedSeries.build(level: .district, tables: Self.tables, crosswalks: [Self.touchedOnly()], names: [:]))
        let old = try #require(series.tables[2016])
        #expect(old.cell(Self.code("WK000101"), "population") == .computed(600))
        #expect(old.cell(Self.code("WK000103"), "population") == .computed(400))
        // B is not in the crosswalk; same code, area within 1 %: its published figure joins the line.
        #expect(old.cell(Self.code("WK000102"), "population")?.number == 500)
        #expect(series.methods[2016]?.origin.hasPrefix("grenswijzigen; overige: zelfde code") == true)
        #expect(series.breaks[2016] == nil)
    }

    @Test func aCrosswalkToAnEarlierIndelingIsFollowedByTheOneFromThere() throws {
        // Figures of 2016 and 2024; crosswalks 2016→2022 and 2022→2024 (C joins B in 2024).
        var tables = Self.tables
        tables[2022] = nil
        tables[2024] = Self.table(2024, [("WK000101", 690, 120), ("WK000102", 860, 180)])
        let later = Crosswalk(
            level: .district, fromYear: 2022, toYear: 2024, origin: "afgeleid",
            links: [
                .init(from: Self.code("WK000101"), to: Self.code("WK000101"), share: 1, basis: .whole),
                .init(from: Self.code("WK000102"), to: Self.code("WK000102"), share: 1, basis: .whole),
                .init(from: Self.code("WK000103"), to: Self.code("WK000102"), share: 1, basis: .whole),
            ])
        let series = try #require(
            HarmonisedSeries.build(
                level: .district, tables: tables, crosswalks: [Self.touchedOnly(), later], names: [:]))
        let old = try #require(series.tables[2016])
        #expect(old.cell(Self.code("WK000101"), "population") == .computed(600))
        // In 2024 B holds A's 40 % (by way of C) and B of 2016 itself, which neither crosswalk names (the first
        // lists only what the change touched, and 2022's figures to tell B unchanged are absent): B is left out
        // rather than shown as 400.
        #expect(old.cell(Self.code("WK000102"), "population") == nil)
        #expect(series.methods[2016]?.origin.contains("grenswijzigen; daarna afgeleid") == true)
    }

    @Test func followingCrosswalksMultipliesSharesAndDropsPartsWithNoWayOn() {
        let composed = Self.touchedOnly().followed(
            by: Crosswalk(
                level: .district, fromYear: 2022, toYear: 2024, origin: "b",
                links: [
                    .init(from: Self.code("WK000101"), to: Self.code("WK000101"), share: 0.5, basis: .area),
                    .init(from: Self.code("WK000101"), to: Self.code("WK000104"), share: 0.5, basis: .area),
                    .init(from: Self.code("WK000103"), to: Self.code("WK000104"), share: 1, basis: .whole),
                ]))
        #expect(composed.fromYear == 2016 && composed.toYear == 2024)
        let shares = Dictionary(uniqueKeysWithValues: composed.links.map { ($0.to.rawValue, $0.share) })
        #expect(shares == ["WK000101": 0.3, "WK000104": 0.7])
        let partial = Self.touchedOnly().followed(
            by: Crosswalk(
                level: .district, fromYear: 2022, toYear: 2024, origin: "b",
                links: [.init(from: Self.code("WK000101"), to: Self.code("WK000101"), share: 1, basis: .whole)]))
        #expect(partial.links.isEmpty, "A's part in C has no way on: A is not converted in part")
    }

    @Test func aRegionalExtractOfANewerYearDoesNotMoveTheLine() throws {
        var tables = Self.tables
        // One gemeente's wijk of 2025: the line stays on 2022, the indeling nearly all figures are on.
        tables[2025] = Self.table(2025, [("WK000101", 690, 120)])
        let series = try #require(
            HarmonisedSeries.build(level: .district, tables: tables, crosswalks: [Self.touchedOnly()], names: [:]))
        #expect(series.indeling == 2022)
        #expect(series.tables[2016]?.cell(Self.code("WK000101"), "population") == .computed(600))
    }

    @Test func aYearWithoutAreaJoinsByTheAreaOfItsIndeling() throws {
        // A Leefbaarometer-like file of 2020 on the indeling of 2022, without area; the line is on 2024.
        let source = SourceRef(
            dataset: "lbm", table: "lbm", year: 2020, attribution: "Bron: BZK", licence: "CC BY 4.0",
            indelingYear: 2022)
        let lbm = RegionTable(
            period: 2020, regions: [Region(code: Self.code("WK000102"), name: "B", indelingYear: 2022)],
            columns: [
                RegionTable.Column(
                    indicator: IndicatorCatalogue.standard["population"]!, cells: [.value(480)], source: source)
            ])
        let tables = [
            2020: lbm, 2022: Self.tables[2022]!,
            2024: Self.table(2024, [("WK000101", 710, 120), ("WK000102", 530, 100.5), ("WK000103", 340, 80)]),
        ]
        let series = try #require(HarmonisedSeries.build(level: .district, tables: tables, crosswalks: [], names: [:]))
        #expect(series.indeling == 2024)
        #expect(series.tables[2020]?.cell(Self.code("WK000102"), "population")?.number == 480)
        #expect(series.breaks[2020] == nil)
    }
}
