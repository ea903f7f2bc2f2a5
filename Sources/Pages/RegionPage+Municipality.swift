import Analysis
import Core
import HTML

/// The gemeente dashboard's own section: its wijken with their signals in one sortable table, and its buurten.
extension RegionPage {
    public struct NeighbourhoodTable: Sendable {
        public var period: Int
        public var source: SourceRef
        public var indicators: [Indicator]
        public var rows: [(code: String, name: String, cells: [Cell?])]

        public init(
            period: Int, source: SourceRef, indicators: [Indicator],
            rows: [(code: String, name: String, cells: [Cell?])]
        ) {
            (self.period, self.source, self.indicators, self.rows) = (period, source, indicators, rows)
        }
    }

    /// Sort keys of the wijken table, as in the radar ("" = score).
    public static let districtSorts: [(key: String, label: String)] = [
        ("naam", "Wijk"), ("inwoners", "Inwoners"), ("", "Score"), ("verandering", "Verandering"),
    ]

    static func districtSection(_ model: Model, _ sources: Sources) -> Node {
        guard let districts = model.districts else { return .empty }
        let signals = districts.rows.filter(\.signal).count
        let code = model.region.code.rawValue
        func sortLink(_ key: String, _ label: String) -> Node {
            let query = [("wijken", key), ("kaart", model.map?.selected.id ?? "")]
            let current = districts.filters.sort == key
            return th(.scope("col"), current ? .aria("sort", key == "naam" ? "ascending" : "descending") : .class("")) {
                a(.href(SiteURL.region(code).path(query: query) + "#wijken"), .class("sort")) {
                    label; current ? " (gesorteerd)" : ""
                }
            }
        }
        return section(.aria("labelledby", "wijken")) {
            h2(.id("wijken")) { "Wijken van \(model.region.name)" }
            p {
                strong { "\(signals) van de \(districts.rows.count) \(districts.rows.count == 1 ? "wijk" : "wijken")" }
                " \(signals == 1 ? "heeft" : "hebben") in \(districts.period) een signaal in de vroegsignalering "
                "(\(EarlyWarning.threshold) of meer van de \(EarlyWarning.standardRules.count) regels). "
                "Klik op een kolomkop om anders te sorteren; de kaart hieronder toont dezelfde wijken."
            }
            div(.class("table-scroll")) {
                table(.class("figures districts")) {
                    caption { "Wijken met hun signalen, \(districts.period)" }
                    thead {
                        tr {
                            sortLink("naam", "Wijk")
                            sortLink("inwoners", "Inwoners")
                            sortLink("", "Score")
                            th(.scope("col")) { "Regels" }
                            th(.scope("col")) { "Signaal" }
                            sortLink("verandering", "Verandering")
                            th(.scope("col")) { "Ontwikkeling" }
                        }
                    }
                    tbody {
                        for row in districts.rows {
                            tr(.class(row.programme ? "programme" : "")) {
                                th(.scope("row")) { a(.href(SiteURL.region(row.code).path)) { row.name } }
                                td(.class("num")) {
                                    row.population.map { Node.text(DutchFormat.number($0, decimals: 0)) }
                                        ?? Components.cell(nil, decimals: 0)
                                }
                                td(.class("num")) {
                                    row.composite.map { Node.text(DutchFormat.number($0, decimals: 2)) }
                                        ?? Components.cell(nil, decimals: 0)
                                }
                                td(.class("num")) { String(row.fired) }
                                td { row.signal ? span(.class("signal-yes")) { "signaal" } : "geen" }
                                td(.class("num")) {
                                    row.change.map { "\($0.fired) (\($0.years))" } ?? "–"
                                }
                                td { row.change?.type ?? "–" }
                            }
                        }
                    }
                }
            }
            neighbourhoodTable(model, sources)
            p(.class("source")) {
                "Score: gemiddelde van de gestandaardiseerde regels (0 = gemiddeld, hoger = kwetsbaarder; berekend door Wijkradar). "
                "Verandering: aantal veranderingsregels dat afgaat, met de vergeleken jaren. "
                sources.reference(districts.source)
            }
        }
    }

    static func neighbourhoodTable(_ model: Model, _ sources: Sources) -> Node {
        guard let buurten = model.neighbourhoods, !buurten.rows.isEmpty else { return .empty }
        return element("details", [.class("context")]) {
            element("summary", []) {
                "De \(DutchFormat.count(buurten.rows.count, "buurt", "buurten")) van \(model.region.name) (\(buurten.period))"
            }
            p(.class("meta")) {
                "Buurten hebben geen vroegsignalering: die rekent op wijken. "
                    + (model.districts?.filters.sort == "inwoners" ? "Meeste inwoners eerst. " : "Op naam. ")
                sources.reference(buurten.source)
            }
            div(.class("table-scroll")) {
                table(.class("figures")) {
                    caption { "Buurten van \(model.region.name), \(buurten.period)" }
                    thead {
                        tr {
                            th(.scope("col")) { "Buurt" }
                            for indicator in buurten.indicators {
                                th(.scope("col")) { "\(indicator.label) (\(indicator.unit))" }
                            }
                        }
                    }
                    tbody {
                        for row in buurten.rows {
                            tr {
                                th(.scope("row")) { a(.href(SiteURL.region(row.code).path)) { row.name } }
                                for (index, cell) in row.cells.enumerated() {
                                    td(.class("num")) {
                                        Components.cell(cell, decimals: buurten.indicators[index].decimals)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
