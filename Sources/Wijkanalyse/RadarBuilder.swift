import Analysis
import Core
import Foundation
import Pages

/// The national radar table with filters, for the page, the CSV download and the API.
public struct RadarBuilder: Sendable {
    public let snapshot: AnalysisSnapshot

    public init(snapshot: AnalysisSnapshot) { self.snapshot = snapshot }

    public func model(filters: RadarPage.Filters) -> RadarPage.Model? {
        guard let table = snapshot.radarTable, let source = table.columns["low_income_persons_pct"]?.source else {
            return nil
        }
        let programme = Set(ProgrammeWijken.cbsMatches.map(\.code))
        let needle = fold(filters.municipality)
        var rows: [RadarPage.Row] = []
        for (rank, result) in snapshot.ranking.enumerated() {
            let code = result.region
            let municipality = snapshot.name(code.municipality)
            let province = snapshot.provinces[code.municipality] ?? ""
            let population = table.cell(code, "population")?.number
            let cluster = snapshot.cluster(for: code)?.rawValue
            if !needle.isEmpty, fold(municipality) != needle, code.municipality.rawValue.lowercased() != needle {
                continue
            }
            if !filters.province.isEmpty, province != filters.province { continue }
            if let minimum = filters.minimumPopulation, (population ?? 0) < Double(minimum) { continue }
            if filters.onlySignals, !result.signal { continue }
            if !filters.cluster.isEmpty, cluster != filters.cluster { continue }
            let change = snapshot.change(for: code).flatMap { change -> RadarPage.Row.Change? in
                guard !change.changes.isEmpty else { return nil }
                let years = Set(change.changes.map { "\($0.fromYear)–\($0.toYear)" }).sorted().joined(separator: ", ")
                return RadarPage.Row.Change(
                    score: change.score, fired: change.fired, years: years,
                    type: DevelopmentType.classify(levelSignal: result.signal, change: change)?.rawValue)
            }
            if filters.onlyChangeSignals, (change?.fired ?? 0) < ChangeSignals.threshold { continue }
            if !filters.development.isEmpty, change?.type != filters.development { continue }
            rows.append(
                RadarPage.Row(
                    rank: rank + 1, code: code.rawValue, name: snapshot.name(code), municipality: municipality,
                    province: province, population: population, composite: result.composite,
                    fired: result.fired, signal: result.signal, cluster: cluster,
                    programme: programme.contains(code), change: change))
        }
        switch filters.sort {
        case "verandering":
            // Least favourable change first; wijken without a change last, in their score order.
            rows = rows.enumerated().sorted { a, b in
                let x = a.element.change?.score ?? -.infinity, y = b.element.change?.score ?? -.infinity
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
        case "inwoners":
            rows = rows.enumerated().sorted { a, b in
                let x = a.element.population ?? -1, y = b.element.population ?? -1
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
        case "naam":
            rows.sort { ($0.name.lowercased(), $0.code) < ($1.name.lowercased(), $1.code) }
        default:
            break
        }
        let since = Dictionary(grouping: rows.compactMap { $0.change?.years.prefix(4) }, by: { $0 })
            .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }.flatMap { Int($0.key) }
        return RadarPage.Model(
            period: table.period, total: snapshot.ranking.count, rows: rows, filters: filters,
            provinces: Array(Set(snapshot.provinces.values)).sorted(), source: source, changeSince: since)
    }

    /// The radar as CSV: for programs (comma, decimal point) or for Dutch Excel (semicolon, decimal comma, BOM).
    public func csv(_ model: RadarPage.Model, dialect: CSVWriter.Dialect = .machine) -> String {
        table(model).csv(dialect)
    }

    /// The selected wijken (all pages), with the source in the last column of every row.
    public func table(_ model: RadarPage.Model) -> ExportTable {
        var table = ExportTable(
            name: "Radar \(model.period)",
            header: [
                "rang", "code", "wijk", "gemeente", "provincie", "inwoners", "score",
                "signalen", "signaal", "veranderingsscore", "veranderingssignalen", "jaren_verandering",
                "ontwikkelingstype", "cluster", "programmawijk", "bron",
            ])
        let source = "\(model.source.attribution) (\(model.source.table), \(model.source.year))"
        for row in model.rows {
            table.rows.append([
                .integer(row.rank), .text(row.code), .text(row.name), .text(row.municipality), .text(row.province),
                .number(row.population, decimals: 0), .number(row.composite, decimals: 4), .integer(row.fired),
                .text(row.signal ? "ja" : "nee"), .number(row.change?.score, decimals: 4),
                row.change.map { .integer($0.fired) } ?? .text(""), .text(row.change?.years ?? ""),
                .text(row.change?.type ?? ""), .text(row.cluster ?? ""), .text(row.programme ? "ja" : "nee"),
                .text(source),
            ])
        }
        return table
    }

    func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).trimmingCharacters(
            in: .whitespaces)
    }
}
