import Analysis
import ArgumentParser
import Core
import Foundation
import Storage
import Wijkanalyse

struct Radar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Landelijke radar: alle wijken gerangschikt naar de vroegsignaleringsscore, als CSV.",
        discussion:
            "Kolommen: code, naam, gemeente, score, aantal signalen, signaal, percentielen van de signaalindicatoren, de vijf meest gelijkende wijken, en de verandering: score, aantal veranderingsregels dat afgaat, ontwikkelingstype en de verandering per regel."
    )

    @Option(help: "Jaar van de cijfers (standaard het nieuwste jaar met inkomens- en woningcijfers).")
    var year: Int?

    @Option(name: .shortAndLong, help: "Schrijf naar dit bestand in plaats van naar de standaarduitvoer.")
    var output: String?

    func run() async throws {
        try await withStore { store, _ in
            let analysis = AnalysisStore(store: store)
            let table = try await RadarTable.load(analysis, year: year)
            let warning = EarlyWarning(table: table)
            let similarity = SimilarityModel(table: table)
            let snapshot = try await AnalysisSnapshot.load(store)
            let changeRules = ChangeSignals.standardRules
            var writer = CSVWriter(
                dialect: .machine,
                header: ["code", "naam", "gemeente", "score", "signalen", "signaal"]
                    + warning.rules.map { "pct_" + $0.indicator } + ["lijkt_op"]
                    + ["veranderingsscore", "veranderingsregels", "ontwikkelingstype"]
                    + changeRules.map { "chg_" + $0.id })
            let distributions = warning.rules.map { table.distribution($0.indicator)! }
            let neighbourLists = similarity.neighboursOfAll(k: 5)
            for result in warning.ranking() {
                let region = table.regions[table.index(of: result.region)!]
                let percentiles = zip(warning.rules, distributions).map { rule, distribution in
                    CSVWriter.Field.number(
                        table.cell(result.region, rule.indicator)?.number.flatMap(distribution.percentile(of:)),
                        decimals: 4)
                }
                let neighbours = neighbourLists[table.index(of: result.region)!].map(\.region.rawValue).joined(
                    separator: " ")
                writer.row(
                    [
                        .text(result.region.rawValue), .text(region.name), .text(result.region.municipality.rawValue),
                        .number(result.composite, decimals: 6), .integer(result.fired),
                        .text(result.signal ? "ja" : "nee"),
                    ]
                        + percentiles + [.text(neighbours)]
                        + changeFields(result, snapshot: snapshot, rules: changeRules))
            }
            let text = writer.text
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                print(text, terminator: "")
            }
        }
    }
}

extension Radar {
    /// The change columns of one wijk: score, fired rules, development type and each rule's change (empty when
    /// it could not be computed).
    func changeFields(_ result: EarlyWarning.Result, snapshot: AnalysisSnapshot, rules: [ChangeSignals.Rule])
        -> [CSVWriter.Field]
    {
        guard let change = snapshot.change(for: result.region), !change.changes.isEmpty else {
            return [.text(""), .text(""), .text("")] + rules.map { _ in .text("") }
        }
        let type = DevelopmentType.classify(levelSignal: result.signal, change: change)
        return [.number(change.score, decimals: 6), .integer(change.fired), .text(type?.rawValue ?? "")]
            + rules.map { rule in .number(change.changes.first { $0.rule == rule.id }?.change, decimals: 6) }
    }
}

/// The table the national radar runs on: all wijken of the newest year that has the warning indicators.
enum RadarTable {
    static func load(_ analysis: AnalysisStore, year: Int?) async throws -> RegionTable {
        let periods = try await analysis.periods(level: .district)
        for period in year.map({ [$0] }) ?? periods {
            let table = try await analysis.table(level: .district, period: period)
            if EarlyWarning(table: table).isComplete { return table }
        }
        throw CLIError(
            "Geen jaar met alle indicatoren voor de vroegsignalering (inkomen, WOZ, arbeid, koopwoningen, opleiding) op wijkniveau. Lees de Kerncijfers wijken en buurten in."
        )
    }
}
