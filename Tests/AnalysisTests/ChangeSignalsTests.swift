import Core
import Testing

@testable import Analysis

/// Change signals on Utrecht's ten wijken, 2022 → 2023, from real figures: inhabitants, dwellings and WOZ value from
/// CBS Kerncijfers wijken en buurten 2022 (via tmap) and 2023 (kwb-2023.xlsx, Utrecht). The 2023 file has no income
/// or labour figures yet (".", as CBS publishes them later), so those two are constructed from the real 2022 values
/// with stated changes: +1,0 point low incomes and +0,5 point labour participation everywhere, except Overvecht
/// (WK034403) with +5,0 and −4,0 — the pattern the rules are meant to catch.
@Suite struct ChangeSignalsTests {
    static let source = SourceRef(
        dataset: "kwb", table: "kwb", year: 2022, attribution: "Bron: CBS", licence: "CC BY 4.0")
    // code: inhabitants, dwellings, WOZ (× € 1 000), labour participation, low incomes (2022); inhabitants, dwellings,
    // WOZ (2023)
    static let utrecht: [(String, [Double], [Double])] = [
        ("WK034401", [28835, 13038, 387, 71, 33], [29040, 13097, 451]),
        ("WK034402", [44560, 21204, 345, 69, 37.7], [44710, 21321, 400]),
        ("WK034403", [34560, 17041, 250, 56, 49.5], [34910, 16865, 301]),
        ("WK034404", [39850, 17416, 475, 71, 32.6], [40520, 18131, 538]),
        ("WK034405", [32030, 14646, 472, 64, 42.8], [32770, 14903, 530]),
        ("WK034406", [19070, 10404, 472, 72, 30.5], [19630, 10718, 535]),
        ("WK034407", [27525, 13441, 328, 66, 38], [27860, 13463, 390]),
        ("WK034408", [39530, 19032, 307, 66, 40.2], [39920, 19243, 362]),
        ("WK034409", [44650, 17414, 447, 73, 28.9], [47100, 18755, 526]),
        ("WK034410", [50960, 18815, 476, 72, 32.2], [51295, 18904, 578]),
    ]
    static let indicators = [
        "population", "dwellings", "woz_value", "labour_participation_pct", "low_income_persons_pct",
    ]

    static func table(_ year: Int, _ rows: [(String, [Double])]) -> RegionTable {
        let catalogue = IndicatorCatalogue.standard
        return RegionTable(
            period: year, regions: rows.map { Region(code: RegionCode($0.0)!, name: $0.0, indelingYear: 2024) },
            columns: indicators.indices.compactMap { i in
                guard rows.allSatisfy({ $0.1.count > i }) else { return nil }
                return RegionTable.Column(
                    indicator: catalogue[indicators[i]]!, cells: rows.map { .value($0.1[i]) }, source: source)
            })
    }

    static let signals: ChangeSignals = {
        let later = utrecht.map { code, first, second -> (String, [Double]) in
            let overvecht = code == "WK034403"
            return (code, second + [first[3] + (overvecht ? -4 : 0.5), first[4] + (overvecht ? 5 : 1)])
        }
        return ChangeSignals(tables: [2022: table(2022, utrecht.map { ($0.0, $0.1) }), 2023: table(2023, later)])
    }()

    func change(_ code: String, _ rule: String) -> ChangeSignals.Change? {
        Self.signals.evaluate(RegionCode(code)!).changes.first { $0.rule == rule }
    }

    @Test func realWOZGrowthIsComparedWithTheMedianOfTheSameYears() throws {
        // 451 / 387 = +16,54 %; the median of the ten is (16,54 + 17,67) / 2 = 17,10 %: no wijk lags 10 points.
        let west = try #require(change("WK034401", "woz-blijft-achter"))
        #expect(abs(west.change - 16.5375) < 0.001)
        #expect(abs(west.median! - 17.1051) < 0.001)
        #expect(west.peers == 10 && west.fromYear == 2022 && west.toYear == 2023)
        #expect(!west.fires)
        #expect(Self.signals.evaluate(RegionCode("WK034401")!).fired == 0)
        // Overvecht: 16 865 dwellings after 17 041 is −1,03 %, under the 3 % of the rule.
        let dwellings = try #require(change("WK034403", "minder-woningen"))
        #expect(abs(dwellings.change - -1.0328) < 0.001 && !dwellings.fires && dwellings.median == nil)
    }

    @Test func overvechtFiresOnIncomesAndLabourAndIsDeclining() throws {
        // Low incomes: +5 against a median of +1 is 4 points more (≥ 3); labour: −4 against +0,5 is 4,5 less.
        let income = try #require(change("WK034403", "meer-lage-inkomens"))
        #expect(income.change == 5 && income.median == 1 && income.fires)
        let labour = try #require(change("WK034403", "dalende-arbeidsparticipatie"))
        #expect(labour.median == 0.5 && labour.fires)
        let result = Self.signals.evaluate(RegionCode("WK034403")!)
        #expect(result.fired == 2)
        // z of +5 among nine times +1 and one +5: (5 − 1,4) / √1,6 = 2,846.
        #expect(abs(income.zScore! - 2.8460) < 0.001)
        #expect(abs(result.score! - result.changes.compactMap(\.zScore).reduce(0, +) / 5) < 1e-12)
        #expect(DevelopmentType.classify(levelSignal: true, change: result) == .decline)
        let west = Self.signals.evaluate(RegionCode("WK034401")!)
        #expect(DevelopmentType.classify(levelSignal: false, change: west) == nil)
        #expect(DevelopmentType.classify(levelSignal: true, change: west) == .vulnerable)
        #expect(Self.signals.ranking(of: Self.utrecht.map { RegionCode($0.0)! }).first?.region.rawValue == "WK034403")
    }

    @Test func whatCannotBeComputedSaysWhy() {
        // 2024 has inhabitants and dwellings only, as CBS's first release of 2024 does.
        let tables = [
            2022: Self.table(2022, Self.utrecht.map { ($0.0, $0.1) } + [("WK034499", [180, 90, 300, 60, 40])]),
            2024: Self.table(2024, Self.utrecht.map { ($0.0, Array($0.2.prefix(2))) } + [("WK034499", [170, 90])]),
        ]
        let signals = ChangeSignals(tables: tables)
        let west = signals.evaluate(RegionCode("WK034401")!)
        #expect(west.changes.map(\.rule) == ["minder-inwoners", "minder-woningen"])
        #expect(
            west.unavailable["woz-blijft-achter"] == "Wijkradar heeft hiervan op dit niveau alleen cijfers uit 2022")
        let small = signals.evaluate(RegionCode("WK034499")!)
        #expect(small.changes.isEmpty)
        #expect(small.unavailable["minder-inwoners"] == "te klein om veranderingen te meten")
        #expect(DevelopmentType.classify(levelSignal: nil, change: small) == nil)
    }

    @Test func tooFewPeersGiveNoMedian() {
        let three = Array(Self.utrecht.prefix(3))
        let signals = ChangeSignals(tables: [
            2022: Self.table(2022, three.map { ($0.0, $0.1) }), 2023: Self.table(2023, three.map { ($0.0, $0.2) }),
        ])
        let west = signals.evaluate(RegionCode("WK034401")!)
        #expect(west.changes.isEmpty)
        #expect(
            west.unavailable["woz-blijft-achter"]
                == "te weinig regio's met cijfers uit 2022 en 2023 om mee te vergelijken")
    }
}
