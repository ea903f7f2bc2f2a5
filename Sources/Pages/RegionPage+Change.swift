import Analysis
import Core
import HTML

/// The early warning on change: each change rule with the years it compares, what could not be computed and why,
/// and Wijkradar's own development type.
extension RegionPage {
    public struct ChangeInfo: Sendable {
        public var result: ChangeSignals.Result
        public var type: DevelopmentType?

        public init(result: ChangeSignals.Result, type: DevelopmentType?) { (self.result, self.type) = (result, type) }
    }

    static func changeSection(_ model: Model, _ sources: Sources) -> Node {
        let noun =
            model.region.level == .municipality ? "gemeenten" : model.region.level == .district ? "wijken" : "buurten"
        return HTML.section(.aria("labelledby", "verandering")) {
            h3(.id("verandering")) { "Verandering" }
            if let info = model.change, !info.result.changes.isEmpty {
                let result = info.result
                p {
                    strong {
                        result.fired >= ChangeSignals.threshold ? "Veranderingssignaal: " : "Geen veranderingssignaal: "
                    }
                    "\(result.fired) van de \(result.changes.count) veranderingsregels \(result.fired == 1 ? "gaat" : "gaan") af (drempel: \(ChangeSignals.threshold)). "
                    if let score = result.score {
                        "Veranderingsscore \(DutchFormat.number(score, decimals: 2)) (0 = als de meeste \(noun); hoger = ongunstiger). "
                    }
                    a(.href(SiteURL.methodology.path(fragment: "verandering"))) { "Hoe dit wordt berekend" }
                }
                // Focusable: on a phone the table scrolls sideways, and a keyboard must be able to scroll it too.
                table(.class("figures"), Attribute("tabindex", "0")) {
                    caption { "Veranderingsregels: eerste en laatste jaar met een vergelijkbare waarde" }
                    thead {
                        tr {
                            for title in ["Regel", "Jaren", "Waarden", "Verandering", "Mediaan", "Gaat af", "Bron"] {
                                th(.scope("col")) { title }
                            }
                        }
                    }
                    tbody {
                        for change in result.changes {
                            let unit = change.indicator.hasSuffix("_pct") ? " procentpunt" : " %"
                            tr {
                                th(.scope("row")) { change.label }
                                td { "\(change.fromYear)–\(change.toYear)" }
                                let decimals = IndicatorCatalogue.standard[change.indicator]?.decimals ?? 1
                                td(.class("num")) {
                                    "\(DutchFormat.number(change.first, decimals: decimals)) → \(DutchFormat.number(change.last, decimals: decimals))"
                                    if change.computed { span(.class("meta")) { " (omgerekend)" } }
                                }
                                td(.class("num")) { DutchFormat.signed(change.change, decimals: 1) + unit }
                                td(.class("num")) {
                                    change.median.map {
                                        DutchFormat.signed($0, decimals: 1) + unit + " (\(change.peers) \(noun))"
                                    } ?? "–"
                                }
                                td { change.fires ? "ja" : "nee" }
                                td { for source in change.sources { sources.reference(source) } }
                            }
                        }
                    }
                }
                unavailable(result)
                developmentType(info, noun: noun)
            } else {
                p {
                    "Geen veranderingen: daarvoor zijn cijfers uit minstens twee jaren op dezelfde indeling nodig, en die heeft Wijkradar voor deze regio niet."
                }
                if let info = model.change { unavailable(info.result) }
            }
        }
    }

    /// Which rules could not be computed for this region, and why.
    static func unavailable(_ result: ChangeSignals.Result) -> Node {
        guard !result.unavailable.isEmpty else { return .empty }
        return p(.class("note")) {
            "Niet te berekenen: "
                + ChangeSignals.standardRules.compactMap { rule in
                    result.unavailable[rule.id].map { "\(rule.label) — \($0)" }
                }.joined(separator: "; ") + "."
        }
    }

    static func developmentType(_ info: ChangeInfo, noun: String) -> Node {
        p {
            strong { "Ontwikkelingstype (eigen methode van Wijkradar, niet de Leefbaarometer): " }
            if let type = info.type {
                "\(type.rawValue) — \(type.explanation). "
            } else if info.result.changes.count < DevelopmentType.minimumRules {
                "niet te bepalen: daarvoor zijn minstens \(DevelopmentType.minimumRules) veranderingsregels met een waarde nodig. "
            } else {
                "geen — geen signaal en geen duidelijke achteruitgang ten opzichte van de meeste \(noun). "
            }
            a(.href(SiteURL.methodology.path(fragment: "ontwikkelingstype"))) { "Over de typen" }
        }
    }
}
