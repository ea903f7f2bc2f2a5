import Foundation

/// Turns a print HTML file into PDF with an installed engine: WeasyPrint when present (best CSS paged media), else
/// headless Chromium. Neither is a Swift dependency; both are Debian packages, found on PATH.
///
/// Neither engine may fetch anything: a report's Markdown could name any address, an internal one included.
/// Documents are made self-contained first (`PrintResources`); then WeasyPrint runs with a URL fetcher that
/// refuses everything but `data:` (through its Python interface, which the CLI lacks), and Chromium runs with a
/// proxy that does not exist and no name resolution, so a request cannot leave the process.
public struct PDFEngine: Sendable {
    public enum Kind: String, Sendable { case weasyprint, chromium }

    public let kind: Kind
    public let executable: URL

    public enum Failure: Error, CustomStringConvertible {
        case noEngine
        case unsafeEngine
        case failed(engine: String, status: Int32, output: String)

        public var description: String {
            switch self {
            case .noEngine:
                "Geen PDF-programma gevonden. Installeer WeasyPrint (apt-get install weasyprint) of Chromium (apt-get install chromium); het HTML-bestand is wel gemaakt en kan ook vanuit een browser worden afgedrukt."
            case .unsafeEngine:
                "WeasyPrint is gevonden, maar niet de Python waarmee het draait; zonder die kan Wijkradar niet verhinderen dat het programma bestanden van buiten ophaalt. Installeer WeasyPrint als Debian-pakket (apt-get install weasyprint) of zet WIJKRADAR_PDF_ENGINE=chromium."
            case .failed(let engine, let status, let output):
                "\(engine) kon de PDF niet maken (code \(status)): \(output.suffix(400))"
            }
        }
    }

    /// The first engine found on PATH, or nil. `WIJKRADAR_PDF_ENGINE` (weasyprint or chromium) narrows the choice.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFEngine? {
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        let wanted = environment["WIJKRADAR_PDF_ENGINE"].flatMap(Kind.init(rawValue:))
        let candidates: [(Kind, String)] = [
            (.weasyprint, "weasyprint"), (.chromium, "chromium"), (.chromium, "chromium-browser"),
            (.chromium, "google-chrome"),
        ]
        for (kind, name) in candidates where wanted == nil || wanted == kind {
            for dir in path {
                let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) {
                    return PDFEngine(kind: kind, executable: url)
                }
            }
        }
        return nil
    }

    /// WeasyPrint through Python with a fetcher that allows `data:` only (arguments: html, pdf).
    static let weasyprintScript = """
        import sys, weasyprint
        def fetch(url, timeout=10, ssl_context=None):
            if url.startswith("data:"):
                return weasyprint.default_url_fetcher(url)
            raise ValueError("Wijkradar: geen externe bronnen in een PDF: " + url[:80])
        weasyprint.HTML(filename=sys.argv[1], url_fetcher=fetch).write_pdf(sys.argv[2])
        """

    /// The Python that runs the `weasyprint` script (its `#!` line), or else a `python3` on PATH that can import
    /// weasyprint; nil when neither: WeasyPrint is then not used, because its command line has no way to stop it
    /// fetching.
    var python: String? {
        if let handle = try? FileHandle(forReadingFrom: executable), let head = try? handle.read(upToCount: 200) {
            let line = String(decoding: head, as: UTF8.self).prefix { $0 != "\n" }
            if line.hasPrefix("#!"), let interpreter = line.dropFirst(2).split(separator: " ").first.map(String.init),
                interpreter.contains("python")
            {
                return interpreter
            }
        }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import weasyprint"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return nil }
        check.waitUntilExit()
        return check.terminationStatus == 0 ? "/usr/bin/python3" : nil
    }

    public func render(html: URL, to pdf: URL) throws {
        let process = Process()
        process.executableURL = executable
        switch kind {
        case .weasyprint:
            guard let python else { throw Failure.unsafeEngine }
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", Self.weasyprintScript, html.path, pdf.path]
        case .chromium:
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-first-run",
                "--print-to-pdf=\(pdf.path)", html.absoluteString,
            ]
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
