import ArgumentParser
import Core
import DataImport
import Foundation
import Storage

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Leest een gegevensbestand in (CBS kwb CSV/XLSX, StatLine JSON, Wijk- en Buurtkaart GeoPackage of shapefile, PDOK GeoJSON, Leefbaarometer, eigen CSV met mapping).",
        discussion: """
            Het formaat wordt herkend aan de inhoud; --format legt het vast. Een bestand met een fout wordt in zijn \
            geheel geweigerd, met bestand, regel en kolom in de melding. Een dataset met dezelfde naam wordt in één \
            keer vervangen.
            """
    )

    @Argument(help: "Het bestand (ook .gz, of de zip van CBS met een GeoPackage of shapefile).")
    var file: String?

    @Flag(help: "Lees de meegeleverde open data opnieuw in.")
    var bundled = false

    @Option(help: "Formaat: kwb, statline, leefbaarometer, mapped, geometry, geopackage of shapefile.")
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

    @Option(
        name: .customLong("laag"),
        help: "Alleen deze laag van een GeoPackage of een zip met shapefiles: gemeenten, wijken of buurten.")
    var layer: String?

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
        try await withStore(changesContent: true) { store, _ in
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
                    properties: properties.map { URL(fileURLWithPath: $0) }, layer: layer)
                let started = Date()
                let progress =
                    stderrIsTerminal
                    ? ImportProgress { done, total in
                        let line = ImportProgress.bar(
                            done: done, total: total, seconds: Date().timeIntervalSince(started), noun: "rijen")
                        printErrorInline("\r\(line)")
                        if done == total { printErrorInline("\n") }
                    } : nil
                let result = try await service.importFile(
                    URL(fileURLWithPath: file!), options: options, progress: progress)
                report(result, seconds: Date().timeIntervalSince(started))
            } catch let error as ImportError {
                // A refusal midway leaves the progress bar's line open: end it first.
                printError((stderrIsTerminal ? "\n" : "") + "Import geweigerd, er is niets opgeslagen.\n\(error)")
                throw ExitCode(2)
            }
        }
    }

    private func report(_ result: ImportService.Result, seconds: Double? = nil) {
        let d = result.dataset
        print(
            "Dataset \(d.info.slug): \(d.rowCount) rijen, \(d.cellCount) waarden (\(d.secretCount) geheim), \(d.indicators.count) indicatoren — \(d.info.attribution)"
        )
        if let seconds, result.records > 0 {
            print(
                "  Gelezen in \(DutchFormat.number(seconds, decimals: 1)) s"
                    + (ImportProgress.perSecond(done: result.records, seconds: seconds).map { " (\($0))" } ?? "")
            )
        }
        for layer in result.layers {
            let water =
                layer.waterPartsSkipped > 0
                ? ", \(DutchFormat.count(layer.waterPartsSkipped, "waterdeel", "waterdelen")) naast het land overgeslagen"
                : ""
            print(
                "  Laag \(layer.name): \(DutchFormat.count(layer.features, "regio", "regio's")), \(DutchFormat.count(layer.outlines, "grens", "grenzen")), \(DutchFormat.count(layer.indicators, "indicator", "indicatoren"))\(water)"
            )
        }
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
