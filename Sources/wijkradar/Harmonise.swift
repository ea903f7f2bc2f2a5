import Analysis
import ArgumentParser
import Core
import DataImport
import Foundation
import Storage
import Wijkanalyse

/// What the pages draw as one line per region: every year on the newest indeling of its level. The series are
/// computed from the stored figures and crosswalks whenever they are loaded, so a new import extends them without a
/// step of its own. This command reads a crosswalk file when given one, derives crosswalks from the outlines in the
/// database, shows how each year got onto the line and writes the series out.
struct Harmonise: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harmoniseer",
        abstract:
            "Reeksen op één indeling: omrekentabellen inlezen en afleiden, hoe elk jaar is omgerekend, en de omgerekende cijfers als CSV."
    )

    @Option(
        name: .customLong("tabel"),
        help: "Lees een omrekentabel (CSV of XLSX: from_year, to_year, from_code, to_code, weight en basis) in.")
    var table: String?

    @Option(
        name: .customLong("basis"),
        help:
            "Waar de gewichten van de tabel op rusten, als de tabel geen kolom basis heeft: adressen, inwoners, woningen of oppervlakte."
    )
    var basis: String?

    @Option(name: .customLong("bron"), help: "Herkomst van de tabel, zoals die bij de cijfers komt te staan.")
    var source: String?

    @Option(
        name: .customLong("naar"), help: "De indeling om naar om te rekenen (de nieuwste die in de database staat).")
    var target: Int?

    @Option(name: .customLong("niveau"), help: "gemeente, wijk of buurt (standaard alle).")
    var level: String?

    @Option(name: .shortAndLong, help: "Schrijf de reeksen als CSV (puntkomma, decimale komma) naar dit bestand.")
    var output: String?

    @Option(
        name: .customLong("veranderingen"),
        help:
            "Schrijf per regio de veranderingsregels, de veranderingsscore en het ontwikkelingstype als CSV (komma, punt)."
    )
    var changes: String?

    func run() async throws {
        let levels =
            try level.map { text in
                guard let level = RegionLevel(rawValue: text) else {
                    throw ValidationError("Onbekend niveau '\(text)'; kies gemeente, wijk of buurt.")
                }
                return [level]
            } ?? RegionLevel.allCases
        let fixedBasis = try basis.map { text in
            guard let basis = CrosswalkFile.basis(text) else {
                throw ValidationError("Onbekende basis '\(text)'; kies adressen, inwoners, woningen of oppervlakte.")
            }
            return basis
        }
        try await withStore(changesContent: true) { store, _ in
            if let table { try await importTable(table, basis: fixedBasis, store: store) }
            for outcome in try await CrosswalkDerivation.run(store: store) {
                print(
                    "\(outcome.level.rawValue): omrekentabel \(outcome.fromYear) → \(outcome.toYear) afgeleid uit de grenzen: \(outcome.statement)"
                )
            }
            let snapshot = try await AnalysisSnapshot.load(store)
            var writer = CSVWriter(
                dialect: .dutch,
                header: [
                    "code", "naam", "jaar", "indeling", "indicator", "waarde", "status", "omgerekend", "omrekening",
                    "bron",
                ])
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
                                .text(
                                    series.converted[period]?[region.code] == nil
                                        ? ""
                                        : series.methods[period].map {
                                            $0.origin + ($0.basis.isEmpty ? "" : " (\($0.basis))")
                                        } ?? ""),
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
            if let changes {
                try Self.changes(snapshot, levels: levels).write(toFile: changes, atomically: true, encoding: .utf8)
                print("Geschreven: \(changes)")
            }
        }
    }

    func importTable(_ path: String, basis: Crosswalk.Basis?, store: Store) async throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        do {
            let stated = try CrosswalkFile.read(contentsOf: URL(fileURLWithPath: path), basis: basis, origin: source)
                .map { ($0, statement: CrosswalkFile.statement($0, fileName: name)) }
            try await CrosswalkStore(store: store).save(stated, derived: false)
            for (crosswalk, statement) in stated {
                print(
                    "\(crosswalk.level.rawValue): omrekentabel \(crosswalk.fromYear) → \(crosswalk.toYear) \(statement)"
                )
            }
        } catch let error as ImportError {
            throw CLIError(error.description)
        }
    }

    /// Every region of the levels with a change: its change per rule, score, fired rules and development type, for
    /// `bench/crosscheck.py`.
    static func changes(_ snapshot: AnalysisSnapshot, levels: [RegionLevel]) -> String {
        let rules = ChangeSignals.standardRules
        var writer = CSVWriter(
            dialect: .machine,
            header: ["niveau", "code", "veranderingsscore", "veranderingsregels", "ontwikkelingstype"]
                + rules.map { "chg_" + $0.id })
        for level in levels {
            let codes = Set(
                (snapshot.harmonised[level]?.tables ?? snapshot.tables[level] ?? [:]).values.flatMap {
                    $0.regions.map(\.code)
                })
            for code in codes.sorted() {
                guard let change = snapshot.change(for: code), !change.changes.isEmpty else { continue }
                writer.row(
                    [
                        .text(level.rawValue), .text(code.rawValue), .number(change.score, decimals: 6),
                        .integer(change.fired), .text(snapshot.developmentType(for: code)?.rawValue ?? ""),
                    ]
                        + rules.map { rule in
                            .number(change.changes.first { $0.rule == rule.id }?.change, decimals: 6)
                        })
            }
        }
        return writer.text
    }
}
