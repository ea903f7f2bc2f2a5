import Analysis
import Charts
import Core
import HTML

/// The later sections of the wijkanalyse: development over the years, similar wijken, signals and the map.
extension RegionPage {
    static func developmentSection(_ model: Model, _ sources: Sources) -> Node {
        section(.aria("labelledby", "ontwikkeling")) {
            h2(.id("ontwikkeling")) { "Ontwikkeling" }
            p(.class("meta")) {
                "Cijfers uit oudere CBS-indelingen zijn waar mogelijk omgerekend naar de nieuwste indeling, zodat een regio één lijn is (open rondjes: omgerekend). Waar dat niet kan, worden jaren uit een andere indeling niet met een lijn verbonden. Aantallen staan op een as vanaf nul; bij percentages en bedragen staat de verandering onder de figuur uitgeschreven. Zie de "
                a(.href("/methode#omrekenen")) { "methode" }
                "."
            }
            if model.series.isEmpty {
                p { "Er zijn geen cijfers over meerdere jaren voor deze regio." }
            }
            div(.class("charts")) {
                for (index, series) in model.series.enumerated() { chartFigure(series, number: index + 1) }
            }
        }
    }

    /// One figure: the chart with its legend, caption and source line, and its figures as a table; a series of one
    /// year is the table alone.
    static func chartFigure(_ series: Series, number: Int) -> Node {
        figure(.class(series.isSingleYear ? "chart single-year" : "chart")) {
            if series.hasOriginal && !series.isSingleYear {
                // A checkbox before the chart shows the published figures (CSS, no script needed).
                input(.type("checkbox"), .id("gepubliceerd-\(number)"), .class("show-original"))
                label(.for("gepubliceerd-\(number)"), .class("show-original")) {
                    "Toon ook de cijfers zoals gepubliceerd"
                }
            }
            if !series.isSingleYear {
                series.chart.render()
                series.chart.legend()
            }
            figcaption {
                strong { "Figuur \(number). " }
                series.indicator.label + " (\(series.indicator.unit))"
                if let change = series.change { br(); change }
                if let note = series.note { br(); span(.class("note")) { note } }
                span(.class("source")) { series.source }
            }
            table(.class("chart-data")) {
                caption {
                    series.isSingleYear
                        ? "Cijfers (één jaar: geen ontwikkeling te tonen)" : "Cijfers bij figuur \(number)"
                }
                thead {
                    tr {
                        th(.scope("col")) { "Reeks" }; th(.scope("col")) { "Jaar" }
                        th(.scope("col")) { "Waarde" }
                    }
                }
                tbody {
                    for (name, year, text) in series.table {
                        tr {
                            td { name }; td { String(year) }; td(.class("num")) { text }
                        }
                    }
                }
            }
        }
    }

    static func similarSection(_ model: Model) -> Node {
        section(.aria("labelledby", "lijkt-op")) {
            h2(.id("lijkt-op")) { "Lijkt op" }
            if model.neighbours.isEmpty {
                p { "Geen vergelijking mogelijk: te weinig kenmerken bekend voor deze regio." }
            } else {
                p(.class("meta")) {
                    "De \(model.neighbours.count) meest gelijkende \(Components.levelNoun(model.region.level)) van Nederland op \(model.neighbourFeatures.joined(separator: ", ")) (gestandaardiseerd; herkomst telt nooit mee)."
                }
                ol(.class("neighbours")) {
                    for n in model.neighbours {
                        li {
                            a(.href(SiteURL.region(n.code).path)) { n.name }
                            " (\(n.municipality)) "
                            span(.class("meta")) {
                                "afstand \(DutchFormat.number(n.distance, decimals: 2)); vooral gelijk in \(n.closestOn.joined(separator: ", "))"
                            }
                        }
                    }
                }
                if !model.research.isEmpty {
                    h3(.id("onderzoek")) { "Onderzoek over deze wijk" }
                    ul {
                        for item in model.research {
                            li { a(.href(SiteURL.knowledgeRecord(item.id).path)) { item.citation } }
                        }
                    }
                }
                if !model.whatWorked.isEmpty {
                    h3(.id("wat-werkte")) { "Wat werkte in wijken zoals deze" }
                    p(.class("meta")) {
                        "Aanpakken die in de gelijkende wijken hierboven zijn vastgelegd, meest gelijkende wijk eerst. Een aanwijzing om verder te kijken: die wijken lijken in cijfers, niet in alles."
                    }
                    ul(.class("what-worked")) {
                        for item in model.whatWorked {
                            li {
                                a(.href(SiteURL.knowledgeRecord(item.id).path)) { item.title }
                                " — \(item.wijk) (nr. \(item.neighbourRank) hierboven); bewijsniveau: \(item.evidence)"
                            }
                        }
                    }
                }
            }
        }
    }

    static func signalSection(_ model: Model, _ sources: Sources) -> Node {
        section(.aria("labelledby", "signalen")) {
            h2(.id("signalen")) { "Signalen" }
            if let warning = model.warning {
                p {
                    strong { warning.signal ? "Signaal: " : "Geen signaal: " }
                    "\(warning.fired) van de \(warning.flags.count) regels \(warning.fired == 1 ? "gaat" : "gaan") af (drempel: \(EarlyWarning.threshold)). "
                    if let composite = warning.composite {
                        "Samengestelde score \(DutchFormat.number(composite, decimals: 2)) (0 = gemiddeld; hoger = kwetsbaarder). "
                    }
                    a(.href(SiteURL.methodology.path(fragment: "vroegsignalering"))) { "Hoe dit wordt berekend" }
                }
                if model.region.level == .municipality {
                    p(.class("meta")) {
                        "Een gemeente wordt met alle gemeenten van Nederland vergeleken, niet met wijken; gemiddelde en spreiding hieronder zijn die van de gemeenten."
                    }
                }
                // Focusable: on a phone the table scrolls sideways, and a keyboard must be able to scroll it too.
                table(.class("figures"), Attribute("tabindex", "0")) {
                    caption { "Regels van de vroegsignalering" }
                    thead {
                        tr {
                            th(.scope("col")) { "Regel" }; th(.scope("col")) { "Waarde" };
                            th(.scope("col")) { "Gemiddelde" }; th(.scope("col")) { "z-score" };
                            th(.scope("col")) { "Gaat af" }
                        }
                    }
                    tbody {
                        for flag in warning.flags {
                            tr {
                                th(.scope("row")) { flag.label }
                                td(.class("num")) { DutchFormat.number(flag.value, decimals: 1) }
                                td(.class("num")) { DutchFormat.number(flag.mean, decimals: 1) }
                                td(.class("num")) { DutchFormat.number(flag.zScore, decimals: 2) }
                                td { flag.fires ? "ja" : "nee" }
                            }
                        }
                    }
                }
                if !warning.unavailable.isEmpty {
                    p(.class("note")) {
                        "Niet te beoordelen (geen waarde): \(warning.unavailable.joined(separator: ", "))."
                    }
                }
            } else {
                p {
                    "Geen vroegsignalering: de vroegsignalering vergelijkt wijken; voor dit niveau of jaar ontbreken de benodigde cijfers."
                }
            }
            changeSection(model, sources)
            h3 { "Cluster" }
            if let cluster = model.cluster {
                p {
                    cluster.cluster.map { "Cluster: \($0.rawValue)." }
                        ?? "Geen cluster: de wijk lag in deze reeks nooit onder het landelijk gemiddelde, of de ontwikkeling past in geen van de vier."
                    " Op basis van de afwijking van het landelijk gemiddelde in de Leefbaarometer: "
                    cluster.series.map { "\($0.period): \(DutchFormat.number($0.deviation, decimals: 3))" }.joined(
                        separator: "; ")
                    ". "
                    sources.reference(cluster.source)
                }
            } else {
                p {
                    "Geen cluster: daarvoor zijn Leefbaarometerscores van minstens twee jaren nodig, en die zijn voor deze regio niet ingelezen."
                }
            }
        }
    }

    static func mapSection(_ model: Model, _ sources: Sources) -> Node {
        section(.aria("labelledby", "kaart")) {
            h2(.id("kaart")) { "Kaart van de wijken in \(model.municipalityName)" }
            if let map = model.map {
                form(
                    .action(SiteURL.region(model.region.code.rawValue).path), .method("get"),
                    .class("inline print-hide")
                ) {
                    label(.for("indicator")) { "Indicator" }
                    select(.id("indicator"), .name("kaart")) {
                        for indicator in map.indicators {
                            Components.choice(indicator.id, indicator.label, selected: indicator.id == map.selected.id)
                        }
                    }
                    button(.type("submit")) { "Toon" }
                }
                Choropleth(
                    title: "\(map.selected.label) per wijk, \(model.municipalityName)",
                    description:
                        "Kaart van de wijken van \(model.municipalityName), ingekleurd naar \(map.selected.label) in vijf klassen (kwintielen). "
                        + (model.region.code.level == .neighbourhood
                            ? "De wijk waarin \(model.region.name) ligt is dik omrand."
                            : model.region.code.level == .district ? "\(model.region.name) is dik omrand." : ""),
                    // A buurt is shown by the wijk it lies in (buurt outlines are not bundled).
                    areas: map.areas,
                    highlight: model.region.code.level == .municipality ? nil : model.region.code.district?.rawValue
                )
                .render { DutchFormat.number($0, decimals: map.selected.decimals) }
                p(.class("meta")) {
                    sources.reference(map.source); " Grenzen: Bron: Kadaster / CBS, Wijk- en Buurtkaart."
                }
            } else {
                p { "Geen kaart: er zijn geen wijkgrenzen of geen wijkcijfers voor deze gemeente ingelezen." }
            }
        }
    }
}
