import Core

/// "In het kort": a handful of plain Dutch sentences about what stands out, each resting on a figure in the profile.
///
/// Chosen in a fixed order so the text is reproducible: size first, then the indicators where the region differs
/// most from comparable regions (largest |z| above 1, non-stigmatising only), then the early-warning outcome.
public enum Summary {
    public struct Sentence: Sendable, Equatable {
        public var text: String
        /// The indicator whose figure backs the sentence (nil for the signal sentence).
        public var indicator: String?
    }

    public static func sentences(
        profile: RegionProfile, warning: EarlyWarning.Result?, levelNoun: String,
        max count: Int = 6
    ) -> [Sentence] {
        var result: [Sentence] = []
        let name = profile.region.name
        if let population = profile.row("population"), let value = population.value.number {
            var text = "\(name) telt \(DutchFormat.number(value)) inwoners (\(profile.period))"
            if let p = population.percentile, profile.isNationalComparison {
                text +=
                    p >= 50
                    ? "; meer dan \(Int(p.rounded(.down)))% van de \(levelNoun) in Nederland."
                    : "; \(Int((100 - p).rounded(.down)))% van de \(levelNoun) in Nederland is groter."
            } else {
                text += "."
            }
            result.append(Sentence(text: text, indicator: "population"))
        }
        let notable = profile.rows
            .filter {
                !$0.indicator.stigmatising && $0.indicator.id != "population" && $0.isOutlier && $0.value.number != nil
            }
            // Counts and land area say how big a region is, not what stands out about it.
            .filter { $0.indicator.unit != "aantal" && $0.indicator.domain != "area" }
            .sorted { (abs($0.zScore!), $0.indicator.id) > (abs($1.zScore!), $1.indicator.id) }
        for row in notable.prefix(max(0, count - result.count - (warning == nil ? 0 : 1))) {
            let value = DutchFormat.number(row.value.number!, decimals: row.indicator.decimals)
            let unit = row.indicator.unit == "%" ? "%" : " " + row.indicator.unit
            let direction = row.zScore! > 0 ? "hoog" : "laag"
            var text =
                "\(row.indicator.label): \(value)\(unit), \(direction) vergeleken met de andere \(levelNoun) in de gegevens"
            if let p = row.percentile { text += " (percentiel \(Int(p.rounded())) van \(row.comparedWith))" }
            if let municipality = row.municipality?.number {
                text += "; gemeente \(DutchFormat.number(municipality, decimals: row.indicator.decimals))\(unit)"
            }
            result.append(Sentence(text: text + ".", indicator: row.indicator.id))
        }
        if let warning {
            let text: String
            if warning.signal {
                let labels = warning.flags.filter(\.fires).map(\.label)
                text =
                    "Vroegsignalering: \(warning.fired) van de \(warning.flags.count) signalen gaan af (\(labels.joined(separator: ", ")))."
            } else if warning.fired > 0 {
                text =
                    "Vroegsignalering: \(warning.fired) van de \(warning.flags.count) signalen \(warning.fired == 1 ? "gaat" : "gaan") af; dat is minder dan de drempel van \(EarlyWarning.threshold)."
            } else {
                text = "Vroegsignalering: geen van de \(warning.flags.count) signalen gaat af."
            }
            result.append(Sentence(text: text, indicator: nil))
        }
        return Array(result.prefix(count))
    }
}
