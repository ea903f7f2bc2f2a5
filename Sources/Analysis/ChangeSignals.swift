import Core

/// Early warning on change: how a region developed between two years on one indeling, next to where it stands.
///
/// Each rule compares the earliest and the latest year in which its indicator is known for the level (on the
/// harmonised series, so a boundary change does not read as a change) and fires on a clear unfavourable change:
/// - measured against all regions of the level (the median change over the same years), where a general trend
///   (prices, incomes, the labour market) moves every wijk and only falling behind it says something;
/// - or absolutely, for decline in inhabitants and dwellings, which is not normal anywhere.
/// Small regions are left out of the relative rules: a few people moving makes a large percentage there. The change
/// score is the mean of the changes' z-scores among all regions, signed so that higher is less favourable; the radar
/// sorts on it. Origin-based indicators are never a rule.
public struct ChangeSignals: Sendable {
    public struct Rule: Sendable, Hashable {
        public enum Measure: String, Sendable { case percent, points }
        public var id: String
        public var indicator: String
        public var measure: Measure
        /// +1 when a rise is unfavourable, −1 when a fall is.
        public var side: Double
        /// Against the median change of all regions (true) or against zero.
        public var relative: Bool
        /// The unfavourable change (in the measure's unit, positive) from which the rule fires.
        public var threshold: Double
        /// Smallest first-year value for the change to count (inhabitants, dwellings), if any.
        public var minimumBase: Double?
        public var label: String
    }

    public struct Change: Sendable, Equatable {
        public var rule: String
        public var label: String
        public var indicator: String
        public var fromYear: Int
        public var toYear: Int
        public var first: Double
        public var last: Double
        /// Percent or percentage points.
        public var change: Double
        /// Median change of all regions with the same two years, for the relative rules.
        public var median: Double?
        /// How many regions have the same two years: what the median and the z-score are taken over.
        public var peers: Int
        public var zScore: Double?
        public var fires: Bool
        /// The sources of the two years' figures.
        public var sources: [SourceRef]
        /// Whether a figure was converted onto the indeling (`Harmonisation`).
        public var computed: Bool
    }

    public struct Result: Sendable, Equatable {
        public var region: RegionCode
        public var changes: [Change]
        /// Rule id → why it could not be computed for this region.
        public var unavailable: [String: String]
        public var score: Double?
        public var fired: Int { changes.filter(\.fires).count }
    }

    public static let standardRules: [Rule] = [
        Rule(
            id: "woz-blijft-achter", indicator: "woz_value", measure: .percent, side: -1, relative: true,
            threshold: 10, minimumBase: nil, label: "de WOZ-waarde stijgt duidelijk minder dan elders"),
        Rule(
            id: "meer-lage-inkomens", indicator: "low_income_persons_pct", measure: .points, side: 1, relative: true,
            threshold: 3, minimumBase: nil, label: "het aandeel inwoners met een laag inkomen stijgt sterker dan elders"
        ),
        Rule(
            id: "minder-inwoners", indicator: "population", measure: .percent, side: -1, relative: false,
            threshold: 5, minimumBase: 250, label: "het aantal inwoners daalt"),
        Rule(
            id: "minder-woningen", indicator: "dwellings", measure: .percent, side: -1, relative: false,
            threshold: 3, minimumBase: 100, label: "het aantal woningen daalt"),
        Rule(
            id: "dalende-arbeidsparticipatie", indicator: "labour_participation_pct", measure: .points, side: -1,
            relative: true, threshold: 3, minimumBase: nil,
            label: "de arbeidsparticipatie daalt ten opzichte van elders"),
    ]

    /// Fired change rules that make a change signal.
    public static let threshold = 2
    /// Smallest number of inhabitants in the first year for any change of the region to count.
    public static let minimumPopulation = 250.0
    /// Fewest regions with the same two years for a median and a z-score to compare with.
    public static let minimumPeers = 10

    /// One region's values of one rule: the years compared and the change.
    struct Measured: Sendable {
        var from: Int, to: Int, first: Double, last: Double, change: Double
        var sources: [SourceRef]
        var computed: Bool
    }

    public let rules: [Rule]
    /// Rule id → why no region of the level has a change for it.
    public let missing: [String: String]
    let measured: [String: [RegionCode: Measured]]
    /// Rule id → the two years → distribution of the changes of all regions with those two years.
    let distributions: [String: [[Int]: Distribution]]
    /// Region → rule id → why it has no change.
    let reasons: [RegionCode: [String: String]]

    /// - Parameter tables: one level's figures per period, all on one indeling (a harmonised series).
    public init(tables: [Int: RegionTable], rules: [Rule] = ChangeSignals.standardRules) {
        self.rules = rules.filter { rule in !(IndicatorCatalogue.standard[rule.indicator]?.stigmatising ?? false) }
        var missing: [String: String] = [:], measured: [String: [RegionCode: Measured]] = [:]
        var distributions: [String: [[Int]: Distribution]] = [:], reasons: [RegionCode: [String: String]] = [:]
        let periods = tables.keys.sorted()
        for rule in self.rules {
            let withIndicator = periods.filter { tables[$0]!.columns[rule.indicator] != nil }
            guard withIndicator.count >= 2 else {
                missing[rule.id] =
                    withIndicator.isEmpty
                    ? "Wijkradar heeft hiervan op dit niveau geen cijfers"
                    : "Wijkradar heeft hiervan op dit niveau alleen cijfers uit \(withIndicator[0])"
                continue
            }
            var values: [RegionCode: Measured] = [:]
            let codes = Set(withIndicator.flatMap { tables[$0]!.regions.map(\.code) })
            for code in codes {
                let known = withIndicator.compactMap { p in
                    tables[p]!.cell(code, rule.indicator)?.number.map { (p, $0) }
                }
                guard let (from, first) = known.first, let (to, last) = known.last, from < to else {
                    reasons[code, default: [:]][rule.id] =
                        known.count == 1
                        ? "alleen een cijfer uit \(known[0].0)" : "geheim of onbekend"
                    continue
                }
                guard Self.largeEnough(code, rule: rule, first: first, in: tables[from]!),
                    let change = Self.change(rule.measure, first, last)
                else {
                    reasons[code, default: [:]][rule.id] = "te klein om veranderingen te meten"
                    continue
                }
                let cells = [from, to].map { tables[$0]!.cell(code, rule.indicator) }
                values[code] = Measured(
                    from: from, to: to, first: first, last: last, change: change,
                    sources: [from, to].compactMap { tables[$0]!.columns[rule.indicator]?.source },
                    computed: cells.contains { $0?.status == .computed })
            }
            for (years, group) in Dictionary(grouping: values, by: { [$0.value.from, $0.value.to] }) {
                guard group.count >= Self.minimumPeers else {
                    for (code, _) in group {
                        values[code] = nil
                        reasons[code, default: [:]][rule.id] =
                            "te weinig regio's met cijfers uit \(years[0]) en \(years[1]) om mee te vergelijken"
                    }
                    continue
                }
                distributions[rule.id, default: [:]][years] = Distribution(group.map(\.value.change))
            }
            measured[rule.id] = values
        }
        (self.missing, self.measured, self.distributions, self.reasons) = (missing, measured, distributions, reasons)
    }

    static func change(_ measure: Rule.Measure, _ first: Double, _ last: Double) -> Double? {
        switch measure {
        case .points: return last - first
        case .percent: return first > 0 ? (last / first - 1) * 100 : nil
        }
    }

    static func largeEnough(_ code: RegionCode, rule: Rule, first: Double, in table: RegionTable) -> Bool {
        if let minimum = rule.minimumBase, first < minimum { return false }
        // Without a known number of inhabitants the minimum cannot be checked: left out, as /methode says.
        guard let population = table.cell(code, "population")?.number else { return false }
        return population >= minimumPopulation
    }

    static func median(_ distribution: Distribution) -> Double? {
        let s = distribution.sorted
        guard !s.isEmpty else { return nil }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    public func evaluate(_ code: RegionCode) -> Result {
        var result: [Change] = [], unavailable: [String: String] = [:], adjusted: [Double] = []
        for rule in rules {
            guard let m = measured[rule.id]?[code], let distribution = distributions[rule.id]?[[m.from, m.to]] else {
                unavailable[rule.id] =
                    missing[rule.id] ?? reasons[code]?[rule.id] ?? "geen waarden uit twee jaren"
                continue
            }
            let median = rule.relative ? Self.median(distribution) : nil
            let unfavourable = (m.change - (median ?? 0)) * rule.side
            let z = distribution.zScore(of: m.change).map { $0 * rule.side }
            if let z { adjusted.append(z) }
            result.append(
                Change(
                    rule: rule.id, label: rule.label, indicator: rule.indicator, fromYear: m.from, toYear: m.to,
                    first: m.first, last: m.last, change: m.change, median: median, peers: distribution.count,
                    zScore: z, fires: unfavourable >= rule.threshold, sources: m.sources, computed: m.computed))
        }
        return Result(
            region: code, changes: result, unavailable: unavailable,
            score: adjusted.isEmpty ? nil : adjusted.reduce(0, +) / Double(adjusted.count))
    }

    /// Every region with at least one change, least favourable change first (score, then fired rules, then code).
    public func ranking(of codes: [RegionCode]) -> [Result] {
        codes.map(evaluate).filter { !$0.changes.isEmpty }.sorted {
            let a = $0.score ?? -.infinity, b = $1.score ?? -.infinity
            if a != b { return a > b }
            if $0.fired != $1.fired { return $0.fired > $1.fired }
            return $0.region < $1.region
        }
    }
}
