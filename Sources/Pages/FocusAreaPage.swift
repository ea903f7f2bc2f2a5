import Analysis
import Core
import HTML

/// A focus area's figures, each aggregated from its CBS regions by the indicator's rule.
public enum FocusAreaPage {
    public struct Model: Sendable {
        public var profile: FocusAreaProfile
        public var memberNames: [(code: String, name: String)]

        public init(profile: FocusAreaProfile, memberNames: [(code: String, name: String)]) {
            self.profile = profile
            self.memberNames = memberNames
        }
    }

    public static func render(_ model: Model) -> Node {
        let area = model.profile.area
        let noun = area.level.map(Components.levelNoun) ?? "regio's"
        return Layout.page(
            .init(
                title: area.name,
                description: "Cijfers van het focusgebied \(area.name), opgeteld uit \(area.members.count) \(noun).",
                path: SiteURL.focusArea(area.slug).path)
        ) {
            p(.class("meta")) { "Focusgebied · \(area.members.count) \(noun) · cijfers van \(model.profile.period)" }
            h1 { area.name }
            if !area.note.isEmpty { p(.class("note")) { area.note } }
            p {
                "Opgebouwd uit: "
                for (index, member) in model.memberNames.enumerated() {
                    if index > 0 { ", " }
                    a(.href(SiteURL.region(member.code).path)) { member.name }
                }
                "."
            }
            p(.class("meta")) {
                "Alle waarden zijn door Wijkradar berekend uit de deelgebieden (*): aantallen opgeteld, aandelen en gemiddelden gewogen. Waar een deelgebied geheim is of een indicator niet op te tellen is, staat ‘niet beschikbaar’ met de reden."
            }
            if !model.profile.missingMembers.isEmpty {
                p(.class("note")) {
                    "Geen cijfers voor \(model.profile.missingMembers.map(\.rawValue).joined(separator: ", ")); daarom is niets opgeteld."
                }
            }
            for domain in Components.domainTitles {
                let rows = model.profile.rows.filter { $0.indicator.domain == domain.id && !$0.indicator.stigmatising }
                if !rows.isEmpty {
                    table(.class("figures")) {
                        caption { domain.title }
                        thead {
                            tr {
                                th(.scope("col")) { "Indicator" }; th(.scope("col")) { area.name };
                                th(.scope("col")) { "Rekenregel" }; th(.scope("col")) { "Bron" }
                            }
                        }
                        tbody {
                            for row in rows {
                                tr {
                                    th(.scope("row")) {
                                        row.indicator.label; span(.class("unit")) { " (\(row.indicator.unit))" }
                                    }
                                    switch row.outcome {
                                    case .computed(let value):
                                        td(.class("num")) {
                                            Components.cell(.computed(value), decimals: row.indicator.decimals)
                                        }
                                    case .unavailable(let reason):
                                        td { span(.class("none"), .title(reason)) { "niet beschikbaar" } }
                                    }
                                    td(.class("meta")) { rule(row) }
                                    td(.class("meta")) { Components.sourceLine(row.source) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func rule(_ row: FocusAreaProfile.Row) -> String {
        if case .unavailable(let reason) = row.outcome { return reason }
        switch row.indicator.aggregation {
        case .sum: return "som"
        case .weightedMean(let weight):
            return "gewogen met \(IndicatorCatalogue.standard[weight]?.label.lowercased() ?? weight)"
        case .none: return "niet op te tellen"
        }
    }
}
