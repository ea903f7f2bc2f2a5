@testable import Analysis
import Core
import Testing

/// Four real wijken from CBS KWB 2022 (NLD_dist_2022_wijk_attributes.csv); expected values computed by hand.
enum Excerpt {
    static let catalogue = IndicatorCatalogue.standard
    static let codes = ["WK011410", "WK011443", "WK011446", "WK039221"].map { RegionCode($0)! }
    static let names = ["Wijk 10 Schoonebeek", "Wijk 43 Angelslo", "Wijk 46 Bargeres", "Meerwijk"]
    static let values: [String: [Double]] = [
        "woz_value": [229, 151, 168, 265],
        "low_income_persons_pct": [41.5, 54.7, 46.4, 50.6],
        "high_income_persons_pct": [14.9, 6.5, 10.3, 10.4],
        "labour_participation_pct": [62, 50, 58, 54],
        "owner_occupied_pct": [73, 46, 56, 20],
        "education_high_pct": [18, 11, 20, 16],
        "dwellings": [2143, 3796, 4442, 3956],
        "population": [4910, 7685, 8860, 8845],
        "origin_non_western_pct": [1, 30, 10, 20],
    ]
    static let source = SourceRef(
        dataset: "cbs-kwb-2022-wijken", table: "kwb-2022", year: 2022,
        attribution: "Bron: CBS", licence: "CC BY 4.0")

    static func table(_ ids: [String]? = nil) -> RegionTable {
        let regions = zip(codes, names).map { Region(code: $0, name: $1, indelingYear: 2022) }
        let columns = (ids ?? Array(values.keys)).map { id in
            RegionTable.Column(indicator: catalogue[id]!, cells: values[id]!.map(Cell.value), source: source)
        }
        return RegionTable(period: 2022, regions: regions, columns: columns)
    }
}

@Suite struct StatisticsTests {
    @Test func percentileIsMidRank() throws {
        let woz = try #require(Excerpt.table().distribution("woz_value"))
        #expect(woz.percentile(of: 151) == 12.5)
        #expect(woz.percentile(of: 168) == 37.5)
        #expect(woz.percentile(of: 265) == 87.5)
        #expect(Distribution([1, 2, 2, 3]).percentile(of: 2) == 50)
    }

    @Test func meanStandardDeviationAndZ() throws {
        let woz = try #require(Excerpt.table().distribution("woz_value"))
        #expect(woz.mean == 203.25)
        #expect(abs(woz.standardDeviation - 53.06835) < 1e-5)
        #expect(abs(woz.zScore(of: 151)! - -0.98458) < 1e-5)
        #expect(Distribution([5]).zScore(of: 5) == nil)
    }

    @Test func secretAndMissingAreLeftOutNotZero() {
        let regions = Excerpt.codes.map { Region(code: $0, name: "", indelingYear: 2022) }
        let column = RegionTable.Column(
            indicator: Excerpt.catalogue["woz_value"]!,
            cells: [.value(229), .secret, .missing, .value(265)], source: Excerpt.source)
        let table = RegionTable(period: 2022, regions: regions, columns: [column])
        #expect(table.distribution("woz_value")?.count == 2)
        #expect(table.distribution("woz_value")?.mean == 247)
    }
}

@Suite struct AggregationTests {
    let catalogue = IndicatorCatalogue.standard

    @Test func sumsCountsAndWeighsShares() {
        // Focus area of Angelslo and Bargeres.
        let population = Aggregator.aggregate(catalogue["population"]!, cells: [.value(7685), .value(8860)])
        #expect(population == .computed(16545))
        let woz = Aggregator.aggregate(
            catalogue["woz_value"]!, cells: [.value(151), .value(168)],
            weights: [.value(3796), .value(4442)])
        guard case .computed(let value) = woz else { Issue.record("\(woz)"); return }
        #expect(abs(value - 160.16655) < 1e-4)
        #expect(woz.cell.status == .computed)
    }

    @Test func secretPartsOrNonAggregatableIndicatorsGiveNoValue() {
        let secret = Aggregator.aggregate(catalogue["population"]!, cells: [.value(7685), .secret])
        #expect(secret == .unavailable(reason: "een deelgebied heeft een geheime waarde"))
        #expect(secret.cell == .missing)
        if case .unavailable(let reason) = Aggregator.aggregate(
            catalogue["median_wealth"]!, cells: [.value(1), .value(2)])
        {
            #expect(reason.contains("niet op te tellen"))
        } else {
            Issue.record("a median must not be aggregated")
        }
        #expect(
            Aggregator.aggregate(catalogue["woz_value"]!, cells: [.value(151)], weights: nil)
                == .unavailable(reason: "gewicht dwellings ontbreekt"))
    }
}

@Suite struct SimilarityTests {
    @Test func nearestByRootMeanSquareOfZScoreGaps() throws {
        let model = SimilarityModel(
            table: Excerpt.table(), features: ["woz_value", "low_income_persons_pct"], minimumShared: 2)
        let neighbours = try #require(model.neighbours(of: Excerpt.codes[1], k: 3))
        #expect(neighbours.map(\.region.rawValue) == ["WK011446", "WK039221", "WK011410"])
        #expect(abs(neighbours[0].distance - 1.06141) < 1e-4)
        #expect(abs(neighbours[1].distance - 1.60303) < 1e-4)
        #expect(abs(neighbours[2].distance - 1.94931) < 1e-4)
        #expect(neighbours[0].closestOn == ["woz_value", "low_income_persons_pct"])
    }

    @Test func originBasedIndicatorsAreNeverFeatures() {
        let model = SimilarityModel(table: Excerpt.table(), features: ["woz_value", "origin_non_western_pct"])
        #expect(model.features == ["woz_value"])
    }

    @Test func unknownRegionGivesNil() {
        #expect(SimilarityModel(table: Excerpt.table()).neighbours(of: RegionCode("WK999999")!) == nil)
    }
}

@Suite struct EarlyWarningTests {
    let warning = EarlyWarning(table: Excerpt.table())

    @Test func eachRuleOnHandComputedZScores() throws {
        let angelslo = try #require(warning.evaluate(Excerpt.codes[1]))
        let z = Dictionary(uniqueKeysWithValues: angelslo.flags.map { ($0.rule, $0.zScore) })
        let fires = Dictionary(uniqueKeysWithValues: angelslo.flags.map { ($0.rule, $0.fires) })
        let expected: [(String, Double, Bool)] = [
            ("lage-inkomens", 1.13078, true),
            ("weinig-hoge-inkomens", -1.17160, true),
            ("lage-woz", -0.98458, false),  // just short of one standard deviation
            ("lage-arbeidsparticipatie", -1.16190, true),
            ("weinig-koopwoningen", -0.12403, false),
            ("laag-opleidingsniveau", -1.35932, true),
        ]
        for (rule, value, fired) in expected {
            #expect(abs(z[rule]! - value) < 1e-4, "\(rule)")
            #expect(fires[rule] == fired, "\(rule)")
        }
        #expect(angelslo.fired == 4)
        #expect(angelslo.signal)
        #expect(abs(angelslo.composite! - 0.98870) < 1e-4)
        let meerwijk = try #require(warning.evaluate(Excerpt.codes[3]))
        #expect(meerwijk.flags.first { $0.rule == "weinig-koopwoningen" }?.fires == true)
        #expect(!meerwijk.signal)
    }

    @Test func rankingPutsTheMostVulnerableFirst() {
        #expect(warning.ranking().first?.region.rawValue == "WK011443")
    }

    @Test func originBasedRulesAreDropped() {
        let rules =
            EarlyWarning.standardRules + [
                EarlyWarning.Rule(id: "herkomst", indicator: "origin_non_western_pct", side: 1, label: "x")
            ]
        #expect(!EarlyWarning(table: Excerpt.table(), rules: rules).rules.contains { $0.id == "herkomst" })
    }

    @Test func missingValuesAreNamedNotGuessed() throws {
        let partial = EarlyWarning(table: Excerpt.table(["woz_value", "low_income_persons_pct"]))
        let result = try #require(partial.evaluate(Excerpt.codes[1]))
        #expect(result.flags.count == 2)
        #expect(result.unavailable.count == 4)
        #expect(result.composite == nil, "two of six rules is too few to rank on")
    }
}

@Suite struct ClusterTests {
    /// Leefbaarometer 3.0 `afw`, Amstelveen (real values, rounded to four decimals).
    @Test func amstelveenWijken() {
        let uilenstede = [(2014, -0.3697), (2018, -0.0171), (2020, 0.0204), (2022, -0.0477)]
        #expect(Cluster.classify(uilenstede.map { ($0.0, $0.1) }) == .relapse)
        let groenelaan = [(2014, -0.0579), (2018, -0.0566), (2020, -0.0541), (2022, -0.0342)]
        #expect(Cluster.classify(groenelaan.map { ($0.0, $0.1) }) == .steadyRecovery)
        let randwijck = [(2014, 0.1683), (2018, 0.2007), (2020, 0.2084), (2022, 0.2259)]
        #expect(Cluster.classify(randwijck.map { ($0.0, $0.1) }) == nil)
    }

    @Test func successAndEarlyWarningAndTooShortSeries() {
        #expect(Cluster.classify([(2014, -0.05), (2022, 0.01)]) == .success)
        #expect(Cluster.classify([(2014, -0.05), (2022, -0.045)]) == .earlyWarning)
        #expect(Cluster.classify([(2022, -0.3)]) == nil)
    }
}
