import ArgumentParser
import DataImport
import Foundation
import Storage

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Leest een gegevensbestand in (CBS kwb CSV/XLSX, StatLine JSON, Leefbaarometer, eigen CSV met mapping, GeoJSON).",
        discussion: """
            Het formaat wordt herkend aan de inhoud; --format legt het vast. Een bestand met een fout wordt in zijn \
            geheel geweigerd, met bestand, regel en kolom in de melding. Een dataset met dezelfde naam wordt in één \
            keer vervangen.
            """
    )

    @Argument(help: "Het bestand (ook .gz).")
    var file: String?

    @Flag(help: "Lees de meegeleverde open data opnieuw in.")
    var bundled = false

    @Option(help: "Formaat: kwb, statline, leefbaarometer, mapped of geometry.")
    var format: String?

    @Option(help: "Naam van de dataset (standaard de bestandsnaam).")
    var slug: String?

    @Option(help: "Het jaar van de cijfers, als dat niet in de bestandsnaam staat.")
    var year: Int?

    @Option(help: "Tekstcodering: utf-8 of windows-1252 (standaard: herkend).")
    var encoding: String?

    @Option(help: "Mappingbestand (JSON) voor een eigen CSV-bestand.")
    var mapping: String?

    @Option(help: "StatLine DataProperties.json (standaard: naast het bestand).")
    var properties: String?

    func validate() throws {
        if bundled == (file != nil) { throw ValidationError("Geef een bestand óf --bundled.") }
        if let format, ImportFormat(rawValue: format) == nil {
            throw ValidationError(
                "Onbekend formaat '\(format)'; kies uit \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))."
            )
        }
        if let encoding, TextEncoding(rawValue: encoding.lowercased()) == nil {
            throw ValidationError("Onbekende codering '\(encoding)'; kies utf-8 of windows-1252.")
        }
    }

    func run() async throws {
        try await withStore { store, _ in
            let service = ImportService(store: store)
            do {
                if bundled {
                    for result in try await service.importBundled(progress: { printError("Inlezen: \($0)") }) {
                        report(result)
                    }
                    return
                }
                let options = ImportOptions(
                    format: format.flatMap(ImportFormat.init), slug: slug, year: year,
                    encoding: encoding.flatMap { TextEncoding(rawValue: $0.lowercased()) },
                    mapping: mapping.map { URL(fileURLWithPath: $0) },
                    properties: properties.map { URL(fileURLWithPath: $0) })
                let progress =
                    stderrIsTerminal
                    ? ImportProgress { done, total in
                        printErrorInline("\r\(file!): \(done) van \(total) regels")
                        if done == total { printErrorInline("\n") }
                    } : nil
                report(try await service.importFile(URL(fileURLWithPath: file!), options: options, progress: progress))
            } catch let error as ImportError {
                printError("Import geweigerd, er is niets opgeslagen.\n\(error)")
                throw ExitCode(2)
            }
        }
    }

    private func report(_ result: ImportService.Result) {
        let d = result.dataset
        print(
            "Dataset \(d.info.slug): \(d.rowCount) rijen, \(d.cellCount) waarden (\(d.secretCount) geheim), \(d.indicators.count) indicatoren — \(d.info.attribution)"
        )
        if !result.unknownColumns.isEmpty {
            print(
                "  Niet herkende kolommen (niet ingelezen, staan niet in de indicatorcatalogus): \(result.unknownColumns.joined(separator: ", "))"
            )
        }
        for warning in result.warnings { print("  Let op: \(warning)") }
    }
}

func printErrorInline(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
