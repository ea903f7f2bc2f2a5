import Analysis
import Charts
import Core
import HTML

/// The wijkanalyse of one region.
public enum RegionPage {
    public struct Series: Sendable {
        public var indicator: Indicator
        public var chart: LineChart
        /// Plain-language change, e.g. "+10 inwoners (2022–2024, andere indeling)".
        public var change: String?
        public var note: String?
        /// The figures of the chart as a table, for screen readers and print: (series, year, text).
        public var table: [(String, Int, String)]
        /// The chart holds the figures as published, hidden until the reader turns them on.
        public var hasOriginal: Bool

        public init(
            indicator: Indicator, chart: LineChart, change: String?, note: String?, table: [(String, Int, String)],
            hasOriginal: Bool = false
        ) {
            self.hasOriginal = hasOriginal
            self.indicator = indicator
            self.chart = chart
            self.change = change
            self.note = note
            self.table = table
        }
    }

    public struct Neighbour: Sendable {
        public var code: String
        public var name: String
        public var municipality: String
        public var distance: Double
        public var closestOn: [String]

        public init(code: String, name: String, municipality: String, distance: Double, closestOn: [String]) {
            self.code = code
            self.name = name
            self.municipality = municipality
            self.distance = distance
            self.closestOn = closestOn
        }
    }

    public struct ClusterInfo: Sendable {
        public var cluster: Cluster?
        public var series: [(period: Int, deviation: Double)]
        public var source: SourceRef

        public init(cluster: Cluster?, series: [(period: Int, deviation: Double)], source: SourceRef) {
            self.cluster = cluster
            self.series = series
            self.source = source
        }
    }

    public struct MapInfo: Sendable {
        public var indicators: [Indicator]
        public var selected: Indicator
        public var areas: [Choropleth.Area]
        public var source: SourceRef

        public init(indicators: [Indicator], selected: Indicator, areas: [Choropleth.Area], source: SourceRef) {
            self.indicators = indicators
            self.selected = selected
            self.areas = areas
            self.source = source
        }
    }

    /// An intervention recorded in one of the most similar wijken.
    public struct WhatWorked: Sendable {
        public var id: Int
        public var title: String
        public var wijk: String
        public var neighbourRank: Int
        public var evidence: String

        public init(id: Int, title: String, wijk: String, neighbourRank: Int, evidence: String) {
            (self.id, self.title, self.wijk, self.neighbourRank, self.evidence) = (
                id, title, wijk, neighbourRank, evidence
            )
        }
    }

    public struct Model: Sendable {
        /// "Wat werkte in wijken zoals deze", filled by the web app from the knowledge records.
        public var whatWorked: [WhatWorked] = []
        /// Research about this region from the register: (record id, citation).
        public var research: [(id: Int, citation: String)] = []
        public var region: Region
        public var municipalityName: String
        public var profile: RegionProfile?
        public var summary: [Summary.Sentence]
        public var series: [Series]
        public var neighbours: [Neighbour]
        public var neighbourFeatures: [String]
        public var warning: EarlyWarning.Result?
        public var cluster: ClusterInfo?
        public var map: MapInfo?
        public var approximation: String?

        public init(
            region: Region, municipalityName: String, profile: RegionProfile?, summary: [Summary.Sentence],
            series: [Series], neighbours: [Neighbour], neighbourFeatures: [String], warning: EarlyWarning.Result?,
            cluster: ClusterInfo?, map: MapInfo?, approximation: String? = nil
        ) {
            self.region = region
            self.municipalityName = municipalityName
            self.profile = profile
            self.summary = summary
            self.series = series
            self.neighbours = neighbours
            self.neighbourFeatures = neighbourFeatures
            self.warning = warning
            self.cluster = cluster
            self.map = map
            self.approximation = approximation
        }
    }

    public static func render(_ model: Model) -> Node {
        let region = model.region
        let sources = Sources(model)
        return Layout.page(
            .init(
                title: "\(region.name) (\(region.code))",
                description:
                    "Wijkanalyse van \(region.name), \(region.level.dutchName) in \(model.municipalityName): kerncijfers, ontwikkeling, gelijkende wijken en signalen.",
                path: SiteURL.region(region.code.rawValue).path)
        ) {
            article(.class("wijkanalyse")) {
                header {
                    p(.class("meta")) {
                        "\(region.level.dutchName.capitalized) · \(region.code) · gemeente \(model.municipalityName)"
                    }
                    h1 { region.name }
                    if let approximation = model.approximation { p(.class("note")) { approximation } }
                    p(.class("print-hide")) {
                        a(.href(SiteURL.regionPrint(region.code.rawValue).path)) { "Afdrukversie (A4)" }
                    }
                }
                summarySection(model)
                indicatorSection(model, sources)
                developmentSection(model, sources)
                similarSection(model)
                signalSection(model, sources)
                mapSection(model, sources)
                sources.section()
            }
        }
    }

    static func summarySection(_ model: Model) -> Node {
        section(.aria("labelledby", "kort")) {
            h2(.id("kort")) { "In het kort" }
            if model.summary.isEmpty {
                p { "Voor deze regio zijn nog geen cijfers ingelezen die een samenvatting dragen." }
            } else {
                ul(.class("summary")) {
                    for sentence in model.summary {
                        li {
                            sentence.text
                            if let id = sentence.indicator { " "; a(.href("#i-\(id)"), .class("ref")) { "(cijfer)" } }
                        }
                    }
                }
            }
        }
    }

    static func indicatorSection(_ model: Model, _ sources: Sources) -> Node {
        section(.aria("labelledby", "kerncijfers")) {
            h2(.id("kerncijfers")) { "Kerncijfers" }
            if let profile = model.profile {
                p(.class("meta")) {
                    "Cijfers van \(profile.period). Percentiel: plaats tussen de \(DutchFormat.number(Double(profile.comparisonBase))) \(Components.levelNoun(model.region.level)) met een waarde in de ingelezen gegevens (0 = laagste, 100 = hoogste)"
                    !profile.isNationalComparison
                        ? " — dat is geen landelijk bestand, dus geen vergelijking met heel Nederland. " : ". "
                    "▲/▼: meer dan één standaardafwijking boven/onder het gemiddelde. * = berekend door Wijkradar."
                }
                for domain in Components.domainTitles {
                    let rows = profile.rows.filter { $0.indicator.domain == domain.id && !$0.indicator.stigmatising }
                    if !rows.isEmpty { figureTable(domain.title, rows, model, sources) }
                }
                let context = profile.rows.filter(\.indicator.stigmatising)
                if !context.isEmpty {
                    element("details", [.class("context")]) {
                        element("summary", []) {
                            "Herkomst en geboorteland (alleen context, \(context.count) indicatoren)"
                        }
                        p(.class("meta")) {
                            "Deze cijfers naar herkomst tellen nooit mee in een score, signaal of vergelijking van wijken; zie de methode."
                        }
                        figureTable("Herkomst en geboorteland", context, model, sources)
                    }
                }
            } else {
                p { "Voor dit jaar en niveau zijn geen kerncijfers ingelezen." }
            }
        }
    }

    static func figureTable(_ title: String, _ rows: [RegionProfile.Row], _ model: Model, _ sources: Sources) -> Node {
        table(.class("figures")) {
            caption { title }
            thead {
                tr {
                    th(.scope("col")) { "Indicator" }
                    th(.scope("col")) { model.region.name }
                    if model.region.level != .municipality { th(.scope("col")) { "Gemeente" } }
                    th(.scope("col")) { "Nederland" }
                    th(.scope("col")) { "Percentiel" }
                    th(.scope("col")) { "Bron" }
                }
            }
            tbody {
                for row in rows { indicatorRow(row, model, sources) }
            }
        }
    }

    static func indicatorRow(_ row: RegionProfile.Row, _ model: Model, _ sources: Sources) -> Node {
        let decimals = row.indicator.decimals
        let marker: Node =
            row.isOutlier
            ? span(
                .class("marker"),
                .title(
                    row.zScore! > 0
                        ? "meer dan 1 standaardafwijking boven het gemiddelde"
                        : "meer dan 1 standaardafwijking onder het gemiddelde")
            ) {
                row.zScore! > 0 ? " ▲" : " ▼"
            } : .empty
        return tr(.id("i-\(row.indicator.id)"), .class(row.indicator.stigmatising ? "context" : "")) {
            th(.scope("row")) {
                row.indicator.label
                span(.class("unit")) { " (\(row.indicator.unit))" }
                if row.indicator.stigmatising { span(.class("meta")) { " — alleen context, nooit in een score" } }
            }
            td(.class("num")) {
                Components.cell(row.value, decimals: decimals); marker
            }
            if model.region.level != .municipality {
                td(.class("num")) { Components.cell(row.municipality, decimals: decimals) }
            }
            td(.class("num")) { Components.cell(row.national, decimals: decimals) }
            td(.class("num")) {
                row.percentile.map { Node.text(DutchFormat.number($0, decimals: 0)) }
                    ?? Components.cell(nil, decimals: 0)
            }
            td { sources.reference(row.source) }
        }
    }

    static func developmentSection(_ model: Model, _ sources: Sources) -> Node {
        section(.aria("labelledby", "ontwikkeling")) {
            h2(.id("ontwikkeling")) { "Ontwikkeling" }
            p(.class("meta")) {
                "Cijfers uit oudere CBS-indelingen zijn waar mogelijk omgerekend naar de nieuwste indeling, zodat een regio één lijn is (open rondjes: omgerekend). Waar dat niet kan, worden jaren uit een andere indeling niet met een lijn verbonden. Zie de "
                a(.href("/methode#omrekenen")) { "methode" }
                "."
            }
            if model.series.isEmpty {
                p { "Er zijn geen cijfers over meerdere jaren voor deze regio." }
            }
            div(.class("charts")) {
                for (index, series) in model.series.enumerated() {
                    figure(.class("chart")) {
                        if series.hasOriginal {
                            // A checkbox before the chart shows the published figures (CSS, no script needed).
                            input(.type("checkbox"), .id("gepubliceerd-\(index + 1)"), .class("show-original"))
                            label(.for("gepubliceerd-\(index + 1)"), .class("show-original")) {
                                "Toon ook de cijfers zoals gepubliceerd"
                            }
                        }
                        series.chart.render()
                        figcaption {
                            strong { "Figuur \(index + 1). " }
                            series.indicator.label + " (\(series.indicator.unit))"
                            if let change = series.change { br(); change }
                            if let note = series.note { br(); span(.class("note")) { note } }
                        }
                        table(.class("chart-data")) {
                            caption { "Cijfers bij figuur \(index + 1)" }
                            thead {
                                tr {
                                    th(.scope("col")) { "Reeks" }; th(.scope("col")) { "Jaar" };
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
                    "\(warning.fired) van de \(warning.flags.count) regels gaan af (drempel: \(EarlyWarning.threshold)). "
                    if let composite = warning.composite {
                        "Samengestelde score \(DutchFormat.number(composite, decimals: 2)) (0 = gemiddeld; hoger = kwetsbaarder). "
                    }
                    a(.href(SiteURL.methodology.path(fragment: "vroegsignalering"))) { "Hoe dit wordt berekend" }
                }
                table(.class("figures")) {
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
                        "Kaart van de wijken van \(model.municipalityName), ingekleurd naar \(map.selected.label) in vijf klassen (kwintielen). \(model.region.name) is dik omrand.",
                    areas: map.areas, highlight: model.region.code.level == .district ? model.region.code.rawValue : nil
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

/// Numbers the sources of the figures on a page, for footnote references and the source list.
struct Sources {
    private(set) var list: [SourceRef] = []

    init(_ model: RegionPage.Model) {
        var seen = Set<SourceRef>()
        let all =
            (model.profile?.rows.map(\.source) ?? []) + [model.cluster?.source, model.map?.source].compactMap { $0 }
        for source in all where seen.insert(source).inserted { list.append(source) }
    }

    func reference(_ source: SourceRef) -> Node {
        guard let index = list.firstIndex(of: source) else { return .empty }
        return a(.href("#bron-\(index + 1)"), .class("footnote"), .title(Components.sourceLine(source))) {
            "[\(index + 1)]"
        }
    }

    func section() -> Node {
        HTML.section(.aria("labelledby", "bronnen"), .class("sources")) {
            h2(.id("bronnen")) { "Bronnen" }
            ol {
                for (index, source) in list.enumerated() {
                    li(.id("bron-\(index + 1)")) { Components.sourceLine(source) }
                }
            }
        }
    }
}
