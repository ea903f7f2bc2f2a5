import Analysis
import Charts
import Core
import HTML

/// Two to five regions side by side on the indicators the reader chooses; the address holds the whole selection,
/// so a comparison can be shared or bookmarked.
public enum ComparePage {
    public static let maximumRegions = 5

    public struct Column: Sendable {
        public var code: String
        public var name: String
        public var context: String
        public var period: Int
        public var signal: Bool?

        public init(code: String, name: String, context: String, period: Int, signal: Bool?) {
            (self.code, self.name, self.context, self.period, self.signal) = (code, name, context, period, signal)
        }
    }

    public struct Row: Sendable {
        public var indicator: Indicator
        /// One cell per column, nil where the region's table lacks the indicator.
        public var values: [Cell?]
        /// Nederland (computed from all gemeenten) in the first column's year.
        public var national: Cell?
        public var sources: [SourceRef?]

        public init(indicator: Indicator, values: [Cell?], national: Cell?, sources: [SourceRef?]) {
            (self.indicator, self.values, self.national, self.sources) = (indicator, values, national, sources)
        }
    }

    public struct Model: Sendable {
        /// What the reader typed, one per field (codes or names), and what could not be found.
        public var entered: [String]
        public var problems: [String]
        /// What the reader should know about a match (a programme wijk that CBS does not have).
        public var notes: [String]
        public var columns: [Column]
        public var rows: [Row]
        /// Every indicator the regions have, for the choice; `selected` are the ids shown.
        public var available: [Indicator]
        public var selected: [String]
        /// Codes of the regions most like the first one, for "vergelijk met de gelijkende wijken".
        public var similar: [String]

        public init(
            entered: [String], problems: [String], notes: [String] = [], columns: [Column], rows: [Row],
            available: [Indicator],
            selected: [String], similar: [String]
        ) {
            (self.entered, self.problems, self.columns, self.rows) = (entered, problems, columns, rows)
            self.notes = notes
            (self.available, self.selected, self.similar) = (available, selected, similar)
        }

        /// The query of this selection: `regio=…&indicator=…`, for links and downloads.
        public var query: [(String, String)] {
            columns.map { ("regio", $0.code) } + selected.map { ("indicator", $0) }
        }
    }

    public static func render(_ model: Model) -> Node {
        let names = model.columns.map(\.name)
        return Layout.page(
            .init(
                title: names.isEmpty ? "Vergelijken" : "Vergelijken: " + DutchFormat.list(names),
                description: "Wijken, buurten en gemeenten naast elkaar op de indicatoren die u kiest.",
                path: SiteURL.compare.path)
        ) {
            h1 { "Vergelijken" }
            p(.class("lead")) {
                "Zet twee tot vijf wijken, buurten of gemeenten naast elkaar. Het adres van deze pagina bewaart uw keuze: kopieer het om de vergelijking te delen."
            }
            if !model.problems.isEmpty {
                div(.class("errors"), .role("alert")) { ul { for problem in model.problems { li { problem } } } }
            }
            for note in model.notes { p(.class("note")) { note } }
            if model.columns.count >= 2 {
                result(model)
            } else if model.columns.count == 1 {
                p { "Kies nog minstens één regio om mee te vergelijken." }
            }
            if let first = model.columns.first, !model.similar.isEmpty {
                p {
                    a(
                        .href(
                            SiteURL.compare.path(
                                query: ([first.code] + model.similar).map { ("regio", $0) }
                                    + model.selected.map { ("indicator", $0) }))
                    ) {
                        model.similar.count == 1
                            ? "Vergelijk \(first.name) met de meest gelijkende"
                            : "Vergelijk \(first.name) met de \(model.similar.count) meest gelijkende "
                                + Components.levelNoun(RegionCode(first.code)?.level ?? .district)
                    }
                }
            }
            form(.method("get"), .action(SiteURL.compare.path), .class("stacked compare")) {
                fieldset {
                    legend { "Regio's (code of naam)" }
                    for index in 0..<maximumRegions {
                        let value = index < model.entered.count ? model.entered[index] : ""
                        div(.class("field")) {
                            label(.for("regio-\(index + 1)")) { "Regio \(index + 1)" }
                            input(.type("text"), .id("regio-\(index + 1)"), .name("regio"), .value(value))
                        }
                    }
                }
                fieldset(.class("indicators")) {
                    legend { "Indicatoren" }
                    ul {
                        for indicator in model.available {
                            li(.class("field check")) {
                                element(
                                    "input",
                                    [
                                        .type("checkbox"), .id("ind-\(indicator.id)"), .name("indicator"),
                                        .value(indicator.id),
                                    ] + (model.selected.contains(indicator.id) ? [.checked] : []))
                                label(.for("ind-\(indicator.id)")) { "\(indicator.label) (\(indicator.unit))" }
                            }
                        }
                    }
                }
                button(.type("submit")) { "Vergelijk" }
            }
        }
    }

    static func result(_ model: Model) -> Node {
        let sources = Sources(list: sources(model))
        return section(.aria("labelledby", "naast-elkaar")) {
            h2(.id("naast-elkaar")) { "Naast elkaar" }
            div(.class("table-scroll")) {
                table(.class("figures compare")) {
                    caption { "Kerncijfers van " + DutchFormat.list(model.columns.map(\.name)) }
                    thead {
                        tr {
                            th(.scope("col")) { "Indicator" }
                            for column in model.columns {
                                th(.scope("col")) {
                                    a(.href(SiteURL.region(column.code).path)) { column.name }
                                    br(); span(.class("meta")) { "\(column.context), \(column.period)" }
                                }
                            }
                            th(.scope("col")) {
                                "Nederland"; br()
                                span(.class("meta")) {
                                    "berekend, \(model.columns.first.map { String($0.period) } ?? "")"
                                }
                            }
                        }
                    }
                    tbody {
                        tr {
                            th(.scope("row")) { "Vroegsignalering" }
                            for column in model.columns {
                                td {
                                    column.signal.map { $0 ? span(.class("signal-yes")) { "signaal" } : "geen signaal" }
                                        ?? "–"
                                }
                            }
                            td { "" }
                        }
                        for row in model.rows {
                            tr {
                                th(.scope("row")) {
                                    row.indicator.label; span(.class("unit")) { " (\(row.indicator.unit))" }
                                }
                                for (index, value) in row.values.enumerated() {
                                    td(.class("num")) {
                                        Components.cell(value, decimals: row.indicator.decimals)
                                        " "; sources.reference(row.sources[index])
                                    }
                                }
                                td(.class("num")) { Components.cell(row.national, decimals: row.indicator.decimals) }
                            }
                        }
                    }
                }
            }
            chart(model)
            ul(.class("actions print-hide")) {
                li { a(.href(SiteURL.compareXLSX.path(query: model.query)), .class("button")) { "Download (Excel)" } }
                li {
                    a(.href(SiteURL.compareCSV.path(query: model.query + [("formaat", "excel")])), .class("button")) {
                        "CSV voor Excel (puntkomma)"
                    }
                }
                li {
                    a(.href(SiteURL.compareCSV.path(query: model.query)), .class("button")) { "CSV (voor programma's)" }
                }
            }
            section(.aria("labelledby", "bronnen"), .class("sources")) {
                h2(.id("bronnen")) { "Bronnen" }
                p(.class("meta")) {
                    "* = berekend door Wijkradar (Nederland uit alle gemeenten). ‘Geheim of niet beschikbaar’ is een punt in het CBS-bestand, nooit nul."
                }
                ol { for (index, source) in sources.list.enumerated() { li(.id("bron-\(index + 1)")) { source.line } } }
            }
        }
    }

    /// The sources of the figures shown, numbered in this order on the page and in the downloads.
    public static func sources(_ model: Model) -> [SourceRef] {
        Array(Set(model.rows.flatMap { $0.sources.compactMap { $0 } })).sorted { $0.line < $1.line }
    }

    /// The same figures as bars, one panel per indicator on its own scale, Nederland as a dashed line.
    static func chart(_ model: Model) -> Node {
        let panels = model.rows.prefix(8).map { row in
            SmallMultiples.Panel(
                title: "\(row.indicator.label) (\(row.indicator.unit))",
                bars: zip(model.columns, row.values).map { column, value in
                    (
                        column.name, value?.number,
                        value.map { DutchFormat.cell($0, decimals: row.indicator.decimals) } ?? "niet in de tabel"
                    )
                },
                // A count of the whole country is no yardstick for a wijk: no reference line for counts.
                reference: row.indicator.aggregation == .sum
                    ? nil
                    : row.national?.number.map { ($0, DutchFormat.number($0, decimals: row.indicator.decimals)) })
        }
        guard !panels.isEmpty else { return .empty }
        return figure(.class("chart compare-chart")) {
            SmallMultiples(
                title: "Vergelijking in staafjes",
                description:
                    "Per indicator een staaf per regio op een eigen schaal vanaf nul; de stippellijn is Nederland.",
                panels: Array(panels)
            ).render()
            figcaption {
                "Dezelfde cijfers als de tabel (hoogstens acht indicatoren), elke indicator op een eigen schaal vanaf nul; stippellijn: Nederland (berekend). "
                span(.class("source")) { "Bron: zie de bronnen hieronder." }
            }
        }
    }
}
