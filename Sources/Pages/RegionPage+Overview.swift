import Analysis
import Core
import HTML

/// The top of the wijkanalyse: key figures as tiles, the page's sections, and the downloads.
extension RegionPage {
    /// The key figures of every region, in this order; the same ones for a wijk, buurt and gemeente.
    static let tileIndicators = [
        "population", "low_income_persons_pct", "woz_value", "labour_participation_pct", "owner_occupied_pct",
        "age_65_plus_pct",
    ]

    /// `onPaper`: the brief, where the signal tile's "uitleg" would lead nowhere.
    static func tiles(_ model: Model, _ sources: Sources, onPaper: Bool = false) -> Node {
        guard let profile = model.profile else { return .empty }
        let rows = tileIndicators.compactMap { id in profile.rows.first { $0.indicator.id == id } }
        return section(.aria("labelledby", "in-een-oogopslag")) {
            h2(.id("in-een-oogopslag"), .class("visually-hidden")) { "Kerncijfers in één oogopslag" }
            ul(.class("tiles")) {
                for row in rows {
                    li {
                        span(.class("tile-label")) { "\(row.indicator.label) (\(row.indicator.unit))" }
                        span(.class("tile-value")) { Components.cell(row.value, decimals: row.indicator.decimals) }
                        span(.class("tile-compare")) {
                            if model.region.level != .municipality {
                                "gemeente "; Components.cell(row.municipality, decimals: row.indicator.decimals)
                                " · "
                            }
                            "Nederland "; Components.cell(row.national, decimals: row.indicator.decimals)
                            " "; sources.reference(row.source)
                        }
                    }
                }
                if let warning = model.warning {
                    li(.class(warning.signal ? "signal" : "")) {
                        span(.class("tile-label")) { "Vroegsignalering" }
                        span(.class("tile-value")) { warning.signal ? "Signaal" : "Geen signaal" }
                        span(.class("tile-compare")) {
                            "\(warning.fired) van \(warning.flags.count) regels"
                            if !onPaper { "; "; a(.href("#signalen")) { "uitleg" } }
                        }
                    }
                }
            }
            p(.class("meta")) {
                "Cijfers van \(profile.period). Nederland: berekend door Wijkradar uit alle gemeenten (*). "
                "Bron: zie de voetnoot bij elk cijfer."
            }
        }
    }

    /// The sections of the page, for a reader who wants to jump (the page is long).
    static func onPageNavigation(_ model: Model) -> Node {
        var items: [(String, String)] = [("kort", "In het kort"), ("kerncijfers", "Kerncijfers")]
        if model.districts != nil { items.append(("wijken", "Wijken")) }
        items += [("ontwikkeling", "Ontwikkeling"), ("lijkt-op", "Lijkt op"), ("signalen", "Signalen")]
        if model.change != nil { items.append(("verandering", "Verandering")) }
        if model.map != nil { items.append(("kaart", "Kaart")) }
        items += [("downloads", "Downloads"), ("bronnen", "Bronnen")]
        return nav(.class("on-page"), .aria("labelledby", "op-deze-pagina")) {
            h2(.id("op-deze-pagina")) { "Op deze pagina" }
            ul { for (id, label) in items { li { a(.href("#\(id)")) { label } } } }
        }
    }

    static func downloads(_ model: Model) -> Node {
        let code = model.region.code.rawValue
        let similar = model.neighbours.prefix(4).map(\.code)
        return section(.aria("labelledby", "downloads"), .class("print-hide")) {
            h2(.id("downloads")) { "Downloads en vergelijken" }
            ul(.class("actions")) {
                li {
                    a(.href(SiteURL.regionBrief(code).path), .class("button")) {
                        "Wijkanalyse in het kort (PDF, 2 pagina's)"
                    }
                }
                li { a(.href(SiteURL.regionXLSX(code).path), .class("button")) { "Alle cijfers (Excel)" } }
                li {
                    a(.href(SiteURL.regionCSV(code).path(query: ["formaat": "excel"])), .class("button")) {
                        "CSV voor Excel (puntkomma)"
                    }
                }
                li {
                    a(.href(SiteURL.regionCSV(code).path), .class("button")) { "CSV (komma, punt; voor programma's)" }
                }
                li { a(.href(SiteURL.regionPrint(code).path), .class("button")) { "Afdrukversie (A4)" } }
                if !similar.isEmpty {
                    li {
                        a(
                            .href(SiteURL.compare.path(query: ([code] + similar).map { ("regio", $0) })),
                            .class("button")
                        ) {
                            "Vergelijk met de gelijkende \(Components.levelNoun(model.region.level))"
                        }
                    }
                }
            }
        }
    }
}
