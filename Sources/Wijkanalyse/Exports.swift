import Analysis
import Charts
import Core
import Pages

/// The downloads of the wijkanalyse: the figures of a page as tables, for Excel (one sheet each, plus the sources
/// and licences) and CSV (the key figures). Built from the page's own model, so a download holds what the page shows.
public enum RegionExport {
    /// Kerncijfers, Ontwikkeling, Signalen and Bronnen.
    public static func tables(_ model: RegionPage.Model) -> [ExportTable] {
        let sources = RegionPage.sources(model)
        return [keyFigures(model, sources: sources), development(model), signals(model), sourceSheet(sources)]
    }

    /// Every indicator of the profile with the region, gemeente and Nederland; secret and missing values are an
    /// empty cell with their status written next to them, never a zero.
    public static func keyFigures(_ model: RegionPage.Model, sources: [SourceRef]) -> ExportTable {
        var table = ExportTable(
            name: "Kerncijfers",
            header: [
                "code", "regio", "jaar", "indicator", "eenheid", "waarde", "status", "gemeente", "nederland",
                "percentiel", "alleen_context", "bron",
            ])
        guard let profile = model.profile else { return table }
        for row in profile.rows {
            let decimals = row.indicator.decimals
            table.rows.append([
                .text(model.region.code.rawValue), .text(model.region.name), .integer(profile.period),
                .text(row.indicator.label), .text(row.indicator.unit), .number(row.value.number, decimals: decimals),
                .text(status(row.value)),
                model.region.level == .municipality ? .empty : .number(row.municipality?.number, decimals: decimals),
                .number(row.national?.number, decimals: decimals),
                // Origin-based figures are context only: never ranked against other regions.
                row.indicator.stigmatising ? .empty : .number(row.percentile, decimals: 0),
                .text(row.indicator.stigmatising ? "ja" : "nee"), .text(row.source.line),
            ])
        }
        return table
    }

    /// Every point of every development chart: the region's line (with converted years marked), gemeente and
    /// Nederland.
    static func development(_ model: RegionPage.Model) -> ExportTable {
        var table = ExportTable(
            name: "Ontwikkeling", header: ["indicator", "eenheid", "reeks", "jaar", "waarde", "omgerekend", "bron"])
        for series in model.series {
            for line in series.chart.series {
                for point in line.segments.joined() {
                    table.rows.append([
                        .text(series.indicator.label), .text(series.indicator.unit), .text(line.name),
                        .integer(point.x), .number(point.y, decimals: series.indicator.decimals),
                        .text(point.converted ? "ja (berekend)" : "nee"), .text(series.source),
                    ])
                }
            }
        }
        return table
    }

    static func signals(_ model: RegionPage.Model) -> ExportTable {
        var table = ExportTable(
            name: "Signalen",
            header: ["regel", "indicator", "waarde", "gemiddelde_berekend", "z_score_berekend", "gaat_af", "bron"])
        let sources = Dictionary(
            (model.profile?.rows ?? []).map { ($0.indicator.id, $0.source.line) }, uniquingKeysWith: { a, _ in a })
        for flag in model.warning?.flags ?? [] {
            table.rows.append([
                .text(flag.label), .text(flag.indicator), .number(flag.value, decimals: 1),
                .number(flag.mean, decimals: 1), .number(flag.zScore, decimals: 2), .text(flag.fires ? "ja" : "nee"),
                .text(sources[flag.indicator] ?? ""),
            ])
        }
        for id in model.warning?.unavailable ?? [] {
            let rule = EarlyWarning.standardRules.first { $0.id == id }
            table.rows.append([
                .text(rule?.label ?? id), .text(rule?.indicator ?? ""), .empty, .empty, .empty,
                .text("niet te beoordelen"), .empty,
            ])
        }
        return table
    }

    /// The sources with their licences and how to read the figures; the first sheet people look for in a download.
    public static func sourceSheet(_ sources: [SourceRef], notes: [String] = []) -> ExportTable {
        var table = ExportTable(
            name: "Bronnen en licenties", header: ["nr", "bron", "dataset", "tabel", "jaar", "licentie"])
        for (index, source) in sources.enumerated() {
            table.rows.append([
                .integer(index + 1), .text(source.attribution), .text(source.dataset), .text(source.table),
                .integer(source.year), .text(source.licence),
            ])
        }
        table.rows.append([])
        for note in notes + readingNotes { table.rows.append([.empty, .text(note)]) }
        return table
    }

    static let readingNotes = [
        "Cijfers van CBS: Bron: CBS, licentie CC BY 4.0 (naamsvermelding verplicht).",
        "Een lege waarde met status 'geheim of niet beschikbaar' is een punt (.) in het CBS-bestand: geheim, onvoldoende betrouwbaar of (nog) niet beschikbaar. Het is nooit nul.",
        "Waarden voor Nederland, omgerekende jaren, percentielen en scores zijn berekend door Wijkradar (zie /methode).",
        "Indicatoren met alleen_context = ja (herkomst) tellen nooit mee in een score, signaal of vergelijking.",
        "Gemaakt met Wijkradar.",
    ]

    static func status(_ cell: Cell) -> String {
        switch cell {
        case .value: "gepubliceerd"
        case .computed: "berekend door Wijkradar"
        default: DutchFormat.status(cell) ?? ""
        }
    }
}
