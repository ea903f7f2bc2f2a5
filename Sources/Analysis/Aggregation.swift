import Core

/// Combines cells of several regions into one, by the indicator's catalogue rule. The result is always marked
/// computed. A region whose value is secret or missing makes the total unknown rather than quietly too low.
public enum Aggregator {
    public enum Outcome: Sendable, Equatable {
        case computed(Double)
        /// The rule cannot be applied: not aggregatable, or a part is secret or missing (named in the reason).
        case unavailable(reason: String)

        public var cell: Cell {
            switch self {
            case .computed(let v): .computed(v)
            case .unavailable: .missing
            }
        }
    }

    /// - Parameters:
    ///   - cells: the indicator's cells of the parts, one per region.
    ///   - weights: the cells of the weight indicator for the same regions (weighted means only).
    public static func aggregate(_ indicator: Indicator, cells: [Cell], weights: [Cell]? = nil) -> Outcome {
        guard !cells.isEmpty else { return .unavailable(reason: "geen deelgebieden") }
        switch indicator.aggregation {
        case .none:
            return .unavailable(reason: "\(indicator.label) is niet op te tellen of te middelen over gebieden")
        case .sum:
            var total = 0.0
            for cell in cells {
                guard let v = cell.number else { return .unavailable(reason: reasonFor(cell)) }
                total += v
            }
            return .computed(total)
        case .weightedMean(let weightID):
            guard let weights, weights.count == cells.count else {
                return .unavailable(reason: "gewicht \(weightID) ontbreekt")
            }
            var sum = 0.0, weightSum = 0.0
            for (cell, weight) in zip(cells, weights) {
                guard let w = weight.number else {
                    return .unavailable(reason: "gewicht \(weightID): " + reasonFor(weight))
                }
                if w == 0 { continue }
                guard let v = cell.number else { return .unavailable(reason: reasonFor(cell)) }
                sum += v * w
                weightSum += w
            }
            guard weightSum > 0 else { return .unavailable(reason: "het gewicht \(weightID) is nul") }
            return .computed(sum / weightSum)
        }
    }

    private static func reasonFor(_ cell: Cell) -> String {
        switch cell {
        case .secret: "een deelgebied heeft een geheime waarde"
        case .notApplicable: "niet van toepassing in een deelgebied"
        default: "een deelgebied heeft geen waarde"
        }
    }
}
