import Core
import Testing

@testable import Analysis

/// Figures moved from one indeling to another, computed by hand: a merge, a split, a boundary shift, a share
/// recomputed from converted parts, a secret part.
@Suite struct HarmonisationTests {
    static let catalogue = IndicatorCatalogue.standard
    static let source = SourceRef(
        dataset: "test", table: "kwb-2017", year: 2017, attribution: "Bron: CBS", licence: "CC BY 4.0")

    /// Gemeenten A (GM0001), B (GM0002), C (GM0003) in 2017 with inhabitants, dwellings, WOZ, urbanity.
    static func table(_ rows: [(String, Cell, Cell, Cell, Cell)]) -> RegionTable {
        let regions = rows.map { Region(code: RegionCode($0.0)!, name: $0.0, indelingYear: 2017) }
        func column(_ id: String, _ pick: ((String, Cell, Cell, Cell, Cell)) -> Cell) -> RegionTable.Column {
            RegionTable.Column(indicator: catalogue[id]!, cells: rows.map(pick), source: source)
        }
        return RegionTable(
            period: 2017, regions: regions,
            columns: [
                column("population") { $0.1 }, column("dwellings") { $0.2 }, column("woz_value") { $0.3 },
                column("urbanity") { $0.4 },
            ])
    }

    static func crosswalk(_ links: [(String, String, Double)]) -> Crosswalk {
        Crosswalk(
            level: .municipality, fromYear: 2017, toYear: 2024, origin: "test",
            links: links.map {
                Crosswalk.Link(
                    from: RegionCode($0.0)!, to: RegionCode($0.1)!, share: $0.2, basis: $0.2 < 1 ? .inhabitants : .whole
                )
            })
    }

    static let figures = table([
        ("GM0001", .value(1000), .value(400), .value(200), .value(2)),
        ("GM0002", .value(3000), .value(1600), .value(300), .value(1)),
        ("GM0003", .value(2000), .value(1000), .value(250), .value(3)),
    ])

    @Test func aMergeAddsCountsAndRecomputesTheMeanFromConvertedDwellings() throws {
        // A and B merge into D (GM0004); C stays.
        let result = Harmonisation.convert(
            Self.figures,
            with: Self.crosswalk([("GM0001", "GM0004", 1), ("GM0002", "GM0004", 1), ("GM0003", "GM0003", 1)]))
        let t = result.table
        #expect(t.cell(RegionCode("GM0004")!, "population") == .computed(4000))
        #expect(t.cell(RegionCode("GM0004")!, "dwellings") == .computed(2000))
        // (400 × 200 + 1600 × 300) / 2000 = 280
        #expect(t.cell(RegionCode("GM0004")!, "woz_value") == .computed(280))
        // Urbanity cannot be added up: a merged gemeente has none until CBS publishes one.
        #expect(t.cell(RegionCode("GM0004")!, "urbanity") == .missing)
        // C is the same region: its published figures stay as they are, not marked computed.
        #expect(t.cell(RegionCode("GM0003")!, "population") == .value(2000))
        #expect(t.cell(RegionCode("GM0003")!, "urbanity") == .value(3))
        #expect(result.converted == [RegionCode("GM0004")!: 0])
        #expect(t.columns["population"]?.source.indelingYear == 2024)
    }

    @Test func aSplitDividesCountsByShareAndSaysHowMuchCameFromIt() throws {
        // B is split: 25 % to A, 75 % to C (shares of its inhabitants).
        let result = Harmonisation.convert(
            Self.figures,
            with: Self.crosswalk([
                ("GM0001", "GM0001", 1), ("GM0002", "GM0001", 0.25), ("GM0002", "GM0003", 0.75),
                ("GM0003", "GM0003", 1),
            ]))
        let t = result.table
        #expect(t.cell(RegionCode("GM0001")!, "population") == .computed(1750))
        #expect(t.cell(RegionCode("GM0003")!, "population") == .computed(4250))
        // Dwellings converted alike: A 400 + 400, C 1000 + 1200; WOZ (400×200 + 400×300) / 800 = 250.
        #expect(t.cell(RegionCode("GM0001")!, "woz_value") == .computed(250))
        // (1000×250 + 1200×300) / 2200 = 277,27…
        let c = try #require(t.cell(RegionCode("GM0003")!, "woz_value")?.number)
        #expect(abs(c - 610_000.0 / 2200) < 1e-9)
        // Of A's 1 750 inhabitants, 750 came from the split B.
        #expect(abs(result.converted[RegionCode("GM0001")!]! - 750.0 / 1750) < 1e-9)
        // Counts are conserved.
        let total = t.columns["population"]!.cells.compactMap(\.number).reduce(0, +)
        #expect(total == 6000)
    }

    @Test func aBoundaryShiftMovesAShare() {
        // 10 % of C moves to A; both keep their codes.
        let result = Harmonisation.convert(
            Self.figures,
            with: Self.crosswalk([
                ("GM0001", "GM0001", 1), ("GM0002", "GM0002", 1), ("GM0003", "GM0003", 0.9), ("GM0003", "GM0001", 0.1),
            ]))
        #expect(result.table.cell(RegionCode("GM0001")!, "population") == .computed(1200))
        #expect(result.table.cell(RegionCode("GM0003")!, "population") == .computed(1800))
        #expect(result.table.cell(RegionCode("GM0002")!, "population") == .value(3000))
    }

    @Test func aSecretPartMakesTheResultSecretUnlessItIsNegligible() {
        let secret = Self.table([
            ("GM0001", .value(1000), .secret, .secret, .value(2)),
            ("GM0002", .value(300_000), .value(1600), .value(300), .value(1)),
        ])
        // A whole: its secret dwellings make the merged dwellings secret.
        let merged = Harmonisation.convert(
            secret, with: Self.crosswalk([("GM0001", "GM0004", 1), ("GM0002", "GM0004", 1)]))
        #expect(merged.table.cell(RegionCode("GM0004")!, "population") == .computed(301_000))
        // 1 000 of 301 000 inhabitants is 0,33 %: below the 1 % threshold, so left out.
        #expect(merged.table.cell(RegionCode("GM0004")!, "dwellings") == .computed(1600))
        #expect(merged.table.cell(RegionCode("GM0004")!, "woz_value") == .computed(300))
        // The same secret part weighing more than 1 % keeps the result secret.
        let heavy = Self.table([
            ("GM0001", .value(10_000), .secret, .secret, .value(2)),
            ("GM0002", .value(30_000), .value(1600), .value(300), .value(1)),
        ])
        let secretResult = Harmonisation.convert(
            heavy, with: Self.crosswalk([("GM0001", "GM0004", 1), ("GM0002", "GM0004", 1)]))
        #expect(secretResult.table.cell(RegionCode("GM0004")!, "dwellings") == .secret)
        #expect(secretResult.table.cell(RegionCode("GM0004")!, "woz_value") == .secret)
    }

    @Test func theBundledHerindelingenAreCompleteAndKnowTheSplits() throws {
        let all = Crosswalk.municipalities
        #expect(all.map(\.fromYear) == [2014, 2017, 2019, 2022, 2023])
        for crosswalk in all {
            // Every older gemeente's shares add up to one.
            for (code, links) in Dictionary(grouping: crosswalk.links, by: \.from) {
                #expect(abs(links.map(\.share).reduce(0, +) - 1) < 0.001, "\(crosswalk.fromYear) \(code)")
            }
            #expect(crosswalk.targets.count == 342, "\(crosswalk.fromYear)")
        }
        let from2017 = try #require(all.first { $0.fromYear == 2017 })
        // Littenseradiel (2018) and Haaren (2021) were split, not merged.
        #expect(
            Set(from2017.links.filter { $0.from.rawValue == "GM0140" }.map(\.to.rawValue)) == [
                "GM0080", "GM1900", "GM1949",
            ])
        #expect(
            Set(from2017.links.filter { $0.from.rawValue == "GM0788" }.map(\.to.rawValue))
                == ["GM0757", "GM0824", "GM0855", "GM0865"])
        // Haren and Ten Boer went whole into Groningen in 2019; the part of Slochteren where Meerstad is built went
        // to Groningen, the rest to Midden-Groningen.
        #expect(
            from2017.parts(of: RegionCode("GM0014")!).map(\.from.rawValue).sorted()
                == ["GM0009", "GM0014", "GM0017", "GM0040"])
        #expect(from2017.links.first { $0.from.rawValue == "GM0017" }?.basis == .whole)
    }
}
