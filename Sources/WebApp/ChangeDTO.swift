import Analysis
import Vapor

extension SignalsDTO {
    /// The change rules between the earliest and latest comparable years, and Wijkradar's development type.
    struct ChangeDTO: Content {
        struct Rule: Content {
            var rule, label, indicator: String
            var fromYear, toYear: Int
            var first, last, change: Double
            var median: Double?
            var peers: Int
            var computed, fires: Bool
        }

        var fired: Int
        var score: Double?
        var developmentType: String?
        var rules: [Rule]
        /// Rule id → why it could not be computed.
        var unavailable: [String: String]

        init(_ r: ChangeSignals.Result, type: DevelopmentType?) {
            fired = r.fired
            score = r.score
            developmentType = type?.rawValue
            rules = r.changes.map {
                Rule(
                    rule: $0.rule, label: $0.label, indicator: $0.indicator, fromYear: $0.fromYear, toYear: $0.toYear,
                    first: $0.first, last: $0.last, change: $0.change, median: $0.median, peers: $0.peers,
                    computed: $0.computed, fires: $0.fires)
            }
            unavailable = r.unavailable
        }
    }
}
