import Foundation

/// Turns a print HTML file into PDF with an installed engine: WeasyPrint when present (best CSS paged media), else
/// headless Chromium. Neither is a Swift dependency; both are Debian packages, found on PATH.
public struct PDFEngine: Sendable {
    public enum Kind: String, Sendable { case weasyprint, chromium }

    public let kind: Kind
    public let executable: URL

    public enum Failure: Error, CustomStringConvertible {
        case noEngine
        case failed(engine: String, status: Int32, output: String)

        public var description: String {
            switch self {
            case .noEngine:
                "Geen PDF-programma gevonden. Installeer WeasyPrint (apt-get install weasyprint) of Chromium (apt-get install chromium); het HTML-bestand is wel gemaakt en kan ook vanuit een browser worden afgedrukt."
            case .failed(let engine, let status, let output):
                "\(engine) kon de PDF niet maken (code \(status)): \(output.suffix(400))"
            }
        }
    }

    /// The first engine found on PATH, or nil. `WIJKRADAR_PDF_ENGINE` (weasyprint or chromium) narrows the choice.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFEngine? {
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        let wanted = environment["WIJKRADAR_PDF_ENGINE"].flatMap(Kind.init(rawValue:))
        let candidates: [(Kind, String)] = [(.weasyprint, "weasyprint"), (.chromium, "chromium"), (.chromium, "chromium-browser"),
                                            (.chromium, "google-chrome")]
        for (kind, name) in candidates where wanted == nil || wanted == kind {
            for dir in path {
                let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return PDFEngine(kind: kind, executable: url) }
            }
        }
        return nil
    }

    public func render(html: URL, to pdf: URL) throws {
        let process = Process()
        process.executableURL = executable
        switch kind {
        case .weasyprint:
            process.arguments = [html.path, pdf.path]
        case .chromium:
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                 "--print-to-pdf=\(pdf.path)", html.absoluteString]
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw Failure.failed(engine: kind.rawValue, status: process.terminationStatus, output: text)
        }
    }
}
