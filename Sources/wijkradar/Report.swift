import ArgumentParser
import Core
import Foundation
import Reports
import Storage

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maakt documenten om af te drukken of te delen.",
        subcommands: [Wijkanalyse.self]
    )

    struct Wijkanalyse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "De wijkanalyse van één regio als A4-document (HTML, en met --pdf ook PDF).")

        @Argument(help: "Regiocode, bijvoorbeeld WK011443.") var code: String
        @Flag(help: "Maak ook een PDF (met WeasyPrint of Chromium).") var pdf = false
        @Option(name: .shortAndLong, help: "Uitvoerbestand (standaard wijkanalyse-CODE.html of .pdf).") var output: String?

        func run() async throws {
            guard let region = RegionCode(code) else { throw CLIError("'\(code)' is geen CBS-regiocode.") }
            let html = try await withStore { store, _ in
                let snapshot = try await AnalysisSnapshot.load(store)
                guard let model = WijkanalyseBuilder(snapshot: snapshot).model(for: region) else {
                    throw CLIError("Regio \(region) heeft geen cijfers in Wijkradar.")
                }
                return WijkanalyseDocument.render(model).renderDocument()
            }
            let target = URL(fileURLWithPath: output ?? "wijkanalyse-\(region.rawValue).\(pdf ? "pdf" : "html")")
            let htmlURL = pdf ? target.deletingPathExtension().appendingPathExtension("html") : target
            try html.write(to: htmlURL, atomically: true, encoding: .utf8)
            print("HTML: \(htmlURL.path)")
            guard pdf else { return }
            guard let engine = PDFEngine.find() else {
                printError(PDFEngine.Failure.noEngine.description)
                throw ExitCode(3)
            }
            do {
                try engine.render(html: htmlURL, to: target)
            } catch let failure as PDFEngine.Failure {
                printError(failure.description)
                throw ExitCode(3)
            }
            print("PDF (\(engine.kind.rawValue)): \(target.path)")
        }
    }
}
