import Core

/// The early-warning score: explainable flags on standardised indicators (k of n), plus a composite.
///
/// Each rule looks at one non-stigmatising indicator and fires when the region lies at least one standard
/// deviation on the unfavourable side of the mean of all comparable regions (all wijken of the Netherlands).
/// The composite is the mean of the direction-adjusted z-scores of the rules' indicators (higher = more
/// vulnerable). A region is "signaal" when at least `threshold` rules fire. Every number is on the methodology page.
public struct EarlyWarning: Sendable {
    public struct Rule: Sendable, Hashable {
        public var id: String
        public var indicator: String
        /// +1 when a high value is unfavourable, −1 when a low value is.
        public var side: Double
        public var label: String
    }

    public struct Flag: Sendable, Equatable {
        public var rule: String
        public var label: String
        public var indicator: String
        public var value: Double
        public var mean: Double
        public var zScore: Double
        public var fires: Bool
    }

    public struct Result: Sendable, Equatable {
        public var region: RegionCode
        /// All rules that could be evaluated, fired or not, so the explanation is complete.
        public var flags: [Flag]
        public var fired: Int { flags.filter(\.fires).count }
        /// Rules that could not be evaluated (secret or missing value).
        public var unavailable: [String]
        public var composite: Double?
        public var signal: Bool
    }

    public static let standardRules: [Rule] = [
        Rule(
            id: "lage-inkomens", indicator: "low_income_persons_pct", side: 1,
            label: "veel inwoners met een laag inkomen"),
        Rule(
            id: "weinig-hoge-inkomens", indicator: "high_income_persons_pct", side: -1,
            label: "weinig inwoners met een hoog inkomen"),
        Rule(id: "lage-woz", indicator: "woz_value", side: -1, label: "lage gemiddelde WOZ-waarde"),
        Rule(
            id: "lage-arbeidsparticipatie", indicator: "labour_participation_pct", side: -1,
            label: "lage netto arbeidsparticipatie"),
        Rule(
            id: "weinig-koopwoningen", indicator: "owner_occupied_pct", side: -1,
            label: "eenzijdige woningvoorraad: weinig koopwoningen"),
        Rule(id: "laag-opleidingsniveau", indicator: "education_high_pct", side: -1, label: "weinig hoogopgeleiden"),
    ]

    /// z-score from which a rule fires.
    public static let zThreshold = 1.0
    /// Number of fired rules that makes a signal.
    public static let threshold = 3

    public let rules: [Rule]
    let distributions: [String: Distribution]
    let table: RegionTable

    /// Whether the table has every rule's indicator (otherwise scores are not comparable with a full table's).
    public var isComplete: Bool { rules.allSatisfy { table.columns[$0.indicator] != nil } }

    public init(table: RegionTable, rules: [Rule] = EarlyWarning.standardRules) {
        // NB: origin-based indicators may never enter a warning, whatever a caller passes.
        self.rules = rules.filter { rule in
            !(table.columns[rule.indicator]?.indicator.stigmatising ?? IndicatorCatalogue.standard[rule.indicator]?
                .stigmatising ?? false)
        }
        self.table = table
        var distributions: [String: Distribution] = [:]
        for rule in self.rules { distributions[rule.indicator] = table.distribution(rule.indicator) }
        // Rules whose indicator the table lacks altogether are reported per region as unavailable.
        self.distributions = distributions
    }

    public func evaluate(_ code: RegionCode) -> Result? {
        guard table.index(of: code) != nil else { return nil }
        var flags: [Flag] = []
        var unavailable: [String] = []
        var adjusted: [Double] = []
        for rule in rules {
            guard let value = table.cell(code, rule.indicator)?.number,
                let distribution = distributions[rule.indicator],
                let z = distribution.zScore(of: value)
            else {
                unavailable.append(rule.id)
                continue
            }
            adjusted.append(z * rule.side)
            flags.append(
                Flag(
                    rule: rule.id, label: rule.label, indicator: rule.indicator, value: value,
                    mean: distribution.mean, zScore: z, fires: z * rule.side >= Self.zThreshold))
        }
        // A composite over fewer than half the rules says too little to rank on.
        let composite = adjusted.count * 2 >= rules.count ? adjusted.reduce(0, +) / Double(adjusted.count) : nil
        return Result(
            region: code, flags: flags, unavailable: unavailable, composite: composite,
            signal: flags.filter(\.fires).count >= Self.threshold)
    }

    /// Every region of the table, most vulnerable first (composite, then fired rules, then code).
    public func ranking() -> [Result] {
        table.regions.compactMap { evaluate($0.code) }.sorted {
            let a = $0.composite ?? -.infinity, b = $1.composite ?? -.infinity
            if a != b { return a > b }
            if $0.fired != $1.fired { return $0.fired > $1.fired }
            return $0.region.rawValue < $1.region.rawValue
        }
    }
}
