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
        /// The source line under the figure: tables, years and licence, and what was computed.
        public var source: String
        /// The tables the figure draws on, for the page's source list.
        public var sources: [SourceRef] = []
        /// Only one year: the figure is a table, not a chart of one dot.
        public var isSingleYear: Bool { (chart.series.first?.segments.joined().count ?? 0) <= 1 }

        public init(
            indicator: Indicator, chart: LineChart, change: String?, note: String?, table: [(String, Int, String)],
            hasOriginal: Bool = false, source: String = ""
        ) {
            self.hasOriginal = hasOriginal
            self.source = source
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
        public var change: ChangeInfo?
        public var cluster: ClusterInfo?
        public var map: MapInfo?
        public var approximation: String?
        /// A gemeente's wijken with their signals (the radar rows of the gemeente), sorted as asked.
        public var districts: RadarPage.Model?
        /// A gemeente's buurten where they are loaded: a few key figures each (buurten have no early warning).
        public var neighbourhoods: NeighbourhoodTable?

        public init(
            region: Region, municipalityName: String, profile: RegionProfile?, summary: [Summary.Sentence],
            series: [Series], neighbours: [Neighbour], neighbourFeatures: [String], warning: EarlyWarning.Result?,
            cluster: ClusterInfo?, map: MapInfo?, approximation: String? = nil, change: ChangeInfo? = nil
        ) {
            self.change = change
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

    /// The page's sources in the order of their footnote numbers ([1] first), for the downloads.
    public static func sources(_ model: Model) -> [SourceRef] { Sources(model).list }

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
                header(.class("region")) {
                    p(.class("meta")) {
                        "\(region.level.dutchName.capitalized) · \(region.code) · gemeente \(model.municipalityName)"
                    }
                    h1 { region.name }
                    if let approximation = model.approximation { p(.class("note")) { approximation } }
                }
                tiles(model, sources)
                onPageNavigation(model)
                summarySection(model)
                indicatorSection(model, sources)
                districtSection(model, sources)
                developmentSection(model, sources)
                similarSection(model)
                signalSection(model, sources)
                mapSection(model, sources)
                downloads(model)
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
                    "▲/▼: meer dan één standaardafwijking boven/onder het gemiddelde (niet bij aantallen). * = berekend door Wijkradar."
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
        // A count (deaths, businesses) is large or small with the region; ▲▼ there says nothing about the region.
        let marker: Node =
            row.isOutlier && row.indicator.unit != "aantal"
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
                // Origin-based figures are context only: never ranked against other regions.
                (row.indicator.stigmatising ? nil : row.percentile).map {
                    Node.text(DutchFormat.number($0, decimals: 0))
                }
                    ?? Components.cell(nil, decimals: 0)
            }
            td { sources.reference(row.source) }
        }
    }
}

/// Numbers the sources of the figures on a page, for footnote references and the source list. Sources that read the
/// same (a table and its figures converted onto a newer indeling) share one number.
struct Sources {
    private(set) var list: [SourceRef] = []
    private var numbers: [String: Int] = [:]

    init(_ model: RegionPage.Model) {
        self.init(
            list: (model.profile?.rows.map(\.source) ?? []) + (model.change?.result.changes.flatMap(\.sources) ?? [])
                + [model.cluster?.source, model.map?.source, model.districts?.source, model.neighbourhoods?.source]
                .compactMap { $0 } + model.series.flatMap(\.sources))
    }

    /// Numbers the sources in the order given, each line once.
    init(list all: [SourceRef]) {
        for source in all where numbers[Components.sourceLine(source)] == nil {
            list.append(source)
            numbers[Components.sourceLine(source)] = list.count
        }
    }

    func number(_ source: SourceRef) -> Int? { numbers[Components.sourceLine(source)] }

    func reference(_ source: SourceRef?) -> Node {
        guard let source, let number = numbers[Components.sourceLine(source)] else { return .empty }
        let line = Components.sourceLine(source)
        return a(.href("#bron-\(number)"), .class("footnote"), .title(line)) { "[\(number)]" }
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
