import Analysis
import Core
import HTML

/// The wijkanalyse in short: two A4 pages from the same model as the web page. Page one: key figures, the summary
/// and the early warning; page two: development, similar regions and the sources. For a PDF engine (WeasyPrint),
/// so it stands alone: its stylesheet inside, no menu, no links that lead anywhere on paper.
public enum WijkanalyseBrief {
    public static func render(_ model: RegionPage.Model) -> Node {
        let region = model.region
        let sources = Sources(model)
        return html(.lang("nl")) {
            head {
                meta(.charset("utf-8"))
                title("Wijkanalyse \(region.name) (\(region.code)) — Wijkradar")
                element("style", []) { Node.raw(css) }
            }
            body {
                header(.class("brief-head")) {
                    Layout.wordmark
                    div {
                        p(.class("meta")) {
                            "Wijkanalyse in het kort · \(region.level.dutchName) \(region.code) · gemeente \(model.municipalityName)"
                        }
                        h1 { region.name }
                    }
                }
                if let approximation = model.approximation { p(.class("note")) { approximation } }
                RegionPage.tiles(model, sources, onPaper: true)
                h2 { "In het kort" }
                ul { for sentence in model.summary.prefix(5) { li { sentence.text } } }
                signals(model)
                section(.class("page-two")) {
                    h2 { "Ontwikkeling" }
                    div(.class("charts")) {
                        for (index, series) in model.series.filter({ !$0.isSingleYear }).prefix(4).enumerated() {
                            figure(.class("chart")) {
                                series.chart.render()
                                series.chart.legend()
                                figcaption {
                                    strong { "Figuur \(index + 1). " }
                                    "\(series.indicator.label) (\(series.indicator.unit)). "
                                    if let change = series.change { change + ". " }
                                    span(.class("source")) { series.source }
                                }
                            }
                        }
                    }
                    if !model.neighbours.isEmpty {
                        h2 { "Lijkt op" }
                        p {
                            "Meest gelijkende \(Components.levelNoun(region.level)): "
                                + model.neighbours.prefix(5).map { "\($0.name) (\($0.municipality))" }.joined(
                                    separator: "; ") + "."
                        }
                    }
                    h2 { "Bronnen" }
                    ol(.class("sources")) {
                        for (index, source) in sources.list.enumerated() {
                            li(.id("bron-\(index + 1)")) { source.line }
                        }
                    }
                    p(.class("meta")) {
                        "* = berekend door Wijkradar. ‘Geheim of niet beschikbaar’ is een punt in het CBS-bestand, nooit nul. "
                        "De volledige wijkanalyse, met alle cijfers en de methode, staat in Wijkradar. Cijfers van CBS: CC BY 4.0."
                    }
                }
            }
        }
    }

    static func signals(_ model: RegionPage.Model) -> Node {
        guard let warning = model.warning else { return .empty }
        return section {
            h2 { "Vroegsignalering" }
            p {
                strong { warning.signal ? "Signaal: " : "Geen signaal: " }
                "\(warning.fired) van de \(warning.flags.count) regels \(warning.fired == 1 ? "gaat" : "gaan") af (drempel \(EarlyWarning.threshold))."
                if model.region.level == .municipality { " Vergeleken met alle gemeenten." }
            }
            table(.class("figures")) {
                thead {
                    tr {
                        th(.scope("col")) { "Regel" }; th(.scope("col")) { "Waarde" };
                        th(.scope("col")) { "Gemiddeld" }; th(.scope("col")) { "Gaat af" }
                    }
                }
                tbody {
                    for flag in warning.flags {
                        tr {
                            td { flag.label }
                            td(.class("num")) { DutchFormat.number(flag.value, decimals: 1) }
                            td(.class("num")) { DutchFormat.number(flag.mean, decimals: 1) }
                            td { flag.fires ? "ja" : "nee" }
                        }
                    }
                }
            }
            if let change = model.change, change.result.fired > 0 {
                p {
                    "Verandering: \(change.result.fired) van de \(change.result.changes.count) veranderingsregels \(change.result.fired == 1 ? "gaat" : "gaan") af."
                }
            }
        }
    }

    /// The house style on two A4 pages: the second page starts at "Ontwikkeling". Plain values, no grid and no
    /// custom properties: WeasyPrint 57 (Debian 12) lays out neither.
    static let css = """
        @page { size: A4; margin: 13mm 14mm 15mm; @bottom-right { content: "Wijkradar · pagina " counter(page) " van " counter(pages); font-size: 7.5pt; color: #545454; } }
        body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 8.8pt; line-height: 1.35; color: #1a1a1a; margin: 0; }
        .brief-head { border-bottom: 2pt solid #154273; padding-bottom: 3pt; }
        .brief-head svg { width: 26pt; height: 26pt; float: left; margin-right: 8pt; }
        .brief-head p { margin: 0; }
        h1 { font-size: 17pt; margin: 0; color: #0d2c4d; }
        h2 { font-size: 11pt; margin: 8pt 0 3pt; color: #0d2c4d; border-bottom: 0.5pt solid #cdd5df; }
        .meta, .unit, .source { color: #545454; font-size: 7.3pt; }
        .note { color: #7a4a00; }
        ul, ol { margin: 2pt 0; padding-left: 13pt; }
        ul.tiles { list-style: none; padding: 0; margin: 7pt 0 0; }
        ul.tiles li { display: inline-block; vertical-align: top; width: 23.5%; margin: 0 1% 5pt 0; min-height: 44pt; border: 0.5pt solid #cdd5df; border-top: 3pt solid #154273; padding: 3pt 4pt; }
        ul.tiles li.signal { border-top-color: #a3261b; }
        .tile-label, .tile-compare { display: block; font-size: 7pt; color: #545454; }
        .tile-value { display: block; font-size: 13pt; font-weight: bold; color: #0d2c4d; }
        .visually-hidden { display: none; }
        a { color: inherit; text-decoration: none; }
        table.figures { border-collapse: collapse; width: 100%; }
        table.figures th, table.figures td { border-bottom: 0.5pt solid #cdd5df; padding: 1.5pt 4pt; text-align: left; }
        td.num { text-align: right; }
        .computed { border-bottom: 0.5pt dotted #545454; }
        .secret { font-style: italic; color: #7a4a00; }
        .page-two { break-before: page; page-break-before: always; }
        figure.chart { display: inline-block; vertical-align: top; width: 48.5%; margin: 0 1% 6pt 0; page-break-inside: avoid; }
        figure svg.chart { width: 100%; height: 47mm; }
        ul.legend { list-style: none; padding: 0; font-size: 6.8pt; margin: 0; }
        ul.legend li { display: inline-block; margin-right: 8pt; }
        ul.legend li.original { display: none; }
        ul.legend svg { width: 16pt; height: 6pt; margin-right: 2pt; }
        g.series.original { display: none; }
        figcaption { font-size: 7.5pt; }
        ol.sources { font-size: 7pt; }
        """
}
