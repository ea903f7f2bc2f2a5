import Analysis
import ArgumentParser
import Core
import Foundation
import Storage
import Wijkanalyse

/// What the pages draw as one line per region: every year on the newest indeling of its level. The series are
/// computed from the stored figures whenever they are loaded, so a new import extends them without a step of its
/// own; this command shows how each year got onto the line and writes the series out.
struct Harmonise: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harmoniseer",
        abstract: "Reeksen op één indeling: hoe elk jaar is omgerekend, en de omgerekende cijfers als CSV.")

    @Option(
        name: .customLong("naar"), help: "De indeling om naar om te rekenen (de nieuwste die in de database staat).")
    var target: Int?

    @Option(name: .customLong("niveau"), help: "gemeente, wijk of buurt (standaard alle).")
    var level: String?

    @Option(name: .shortAndLong, help: "Schrijf de reeksen als CSV (puntkomma, decimale komma) naar dit bestand.")
    var output: String?

    func run() async throws {
        let levels =
            try level.map { text in
                guard let level = RegionLevel(rawValue: text) else {
                    throw ValidationError("Onbekend niveau '\(text)'; kies gemeente, wijk of buurt.")
                }
                return [level]
            } ?? RegionLevel.allCases
        try await withStore { store, _ in
            let snapshot = try await AnalysisSnapshot.load(store)
            var writer = CSVWriter(
                dialect: .dutch,
                header: ["code", "naam", "jaar", "indeling", "indicator", "waarde", "status", "omgerekend", "bron"])
            for level in levels {
                guard let series = snapshot.harmonised[level] else {
                    print("\(level.rawValue): alle cijfers staan al op één indeling, of er zijn er geen.")
                    continue
                }
                if let target, target != series.indeling {
                    throw CLIError(
                        "Omrekenen kan naar de nieuwste indeling in de database: \(series.indeling) voor \(level.rawValue), niet \(target)."
                    )
                }
                print("\(level.rawValue): reeksen op de indeling van \(series.indeling)")
                for (period, table) in series.tables.sorted(by: { $0.key < $1.key }) {
                    let converted = series.converted[period]?.count ?? 0
                    let how =
                        series.methods[period].map {
                            $0.assumedUnchanged
                                ? "van \($0.indeling): ongewijzigd verondersteld (\($0.origin))"
                                : converted == 0
                                    ? "van \($0.indeling): dezelfde gemeenten als in \(series.indeling)"
                                    : "van \($0.indeling): omgerekend (\($0.origin))"
                        } ?? "gepubliceerd op deze indeling"
                    print(
                        "  \(period): \(DutchFormat.count(table.regions.count, "regio", "regio's")), \(converted) omgerekend; \(how)"
                            + (series.breaks[period].map { "; niet op de lijn: \($0)" } ?? ""))
                    for (index, region) in table.regions.enumerated() {
                        for (id, column) in table.columns.sorted(by: { $0.key < $1.key })
                        where !column.indicator.stigmatising {
                            let cell = column.cells[index]
                            guard cell != .missing else { continue }
                            writer.row([
                                .text(region.code.rawValue), .text(snapshot.name(region.code)), .integer(period),
                                .integer(series.indeling), .text(id),
                                cell.number.map { .number($0) } ?? .text(""), .text(cell.status.dutchLabel),
                                .text(series.converted[period]?[region.code] != nil ? "ja" : "nee"),
                                .text(column.source.attribution),
                            ])
                        }
                    }
                }
            }
            if let output {
                try writer.text.write(toFile: output, atomically: true, encoding: .utf8)
                print("Geschreven: \(output)")
            }
        }
    }
}
