import Pages
import ArgumentParser
import Core
import Foundation
import Programme
import Reports
import Wijkanalyse
import Storage

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maakt documenten om af te drukken of te delen.",
        subcommands: [Wijkanalyse.self, Programme1.self, Programme2.self]
    )

    struct Wijkanalyse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "De wijkanalyse van één regio als A4-document (HTML, en met --pdf ook PDF).")

        @Argument(help: "Regiocode, bijvoorbeeld WK011443.") var code: String
        @Flag(help: "Maak ook een PDF (met WeasyPrint of Chromium).") var pdf = false
        @Flag(
            name: .customLong("kort"),
            help: "De wijkanalyse in het kort: twee A4-pagina's, dezelfde als de PDF-download op de website.")
        var brief = false
        @Option(name: .shortAndLong, help: "Uitvoerbestand (standaard wijkanalyse-CODE.html of .pdf).") var output:
            String?

        func run() async throws {
            guard let region = RegionCode(code) else { throw CLIError("'\(code)' is geen CBS-regiocode.") }
            let html = try await withStore { store, _ in
                let snapshot = try await AnalysisSnapshot.load(store)
                guard
                    let model = try await WijkanalyseBuilder(snapshot: snapshot).load(
                        region, knowledge: KnowledgeStore(store: store))
                else {
                    throw CLIError("Regio \(region) heeft geen cijfers in Wijkradar.")
                }
                return (brief ? WijkanalyseBrief.render(model) : WijkanalyseDocument.render(model)).renderDocument()
            }
            try writeDocument(html, to: output ?? "wijkanalyse-\(region.rawValue).\(pdf ? "pdf" : "html")", pdf: pdf)
        }
    }
}

struct Programme1: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme-1",
        abstract: "Rapport 1 van het kennisprogramma: ‘Opgaven van nu en straks’.")
    @OptionGroup var options: ProgrammeReportOptions
    func run() async throws { try await options.run(.challenges) }
}

struct Programme2: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme-2",
        abstract: "Rapport 2 van het kennisprogramma: ‘Advies per thema en per wijk’.")
    @OptionGroup var options: ProgrammeReportOptions
    func run() async throws { try await options.run(.advice) }
}

struct ProgrammeReportOptions: ParsableArguments {
    @Flag(help: "Maak ook een PDF (met WeasyPrint of Chromium).") var pdf = false
    @Option(name: .shortAndLong, help: "Uitvoerbestand (standaard de naam van het rapport, .html of .pdf).") var output:
        String?
    @Option(name: .customLong("programma"), help: "Het programma (slug); standaard het eerste.") var programme: String?
    @Option(
        name: .customLong("versie"),
        help: "Een gepubliceerde versie (nummer); standaard het concept uit de huidige gegevens.") var number: Int?

    func run(_ kind: ReportDocument.Kind) async throws {
        let html = try await withStore { store, _ in
            try await ProgrammeSeeding(store: store).seedIfEmpty()
            let programmes = try await ProgrammeStore(store: store).all()
            guard let info = programme.map({ slug in programmes.first { $0.slug == slug } }) ?? programmes.first else {
                throw CLIError(
                    programme.map {
                        "Programma '\($0)' bestaat niet. Bekende programma's: \(programmes.map(\.slug).joined(separator: ", "))."
                    }
                        ?? "Er is nog geen programma; start 'wijkradar serve' eenmaal om het bekende programma te laden."
                )
            }
            let reports = ProgrammeReports(store: store)
            if let number {
                guard let (_, document) = try await reports.published(kind, programme: info, number: number) else {
                    throw CLIError("Van ‘\(kind.title)’ is geen versie \(number) gepubliceerd.")
                }
                return try await PrintResources.embed(
                    ReportRenderer.print(document).renderDocument(), posts: PostStore(store: store),
                    now: Clock.current.now())
            }
            let concept = try await reports.concept(
                kind, programme: info, snapshot: try await AnalysisSnapshot.load(store)
            ).1
            return try await PrintResources.embed(
                ReportRenderer.print(concept).renderDocument(), posts: PostStore(store: store), now: Clock.current.now()
            )
        }
        try writeDocument(html, to: output ?? "\(kind.slug).\(pdf ? "pdf" : "html")", pdf: pdf)
    }
}

/// Writes the HTML next to the target and, with `pdf`, turns it into the PDF with an installed engine.
func writeDocument(_ document: String, to output: String, pdf: Bool) throws {
    // Images already embedded stay; any other image source is removed, so the PDF engine has nothing to fetch.
    let html = PrintResources.embed(document, images: [:])
    let target = URL(fileURLWithPath: output)
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
