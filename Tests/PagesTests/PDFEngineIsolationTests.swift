import Foundation
@testable import Reports
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// The PDF engines may load nothing but what the document carries: a report's Markdown once made WeasyPrint request an
/// internal address. Each engine renders a document full of outside references while a local listener counts the
/// connections it gets — it must get none. The same document through the engine without Wijkradar's settings does
/// reach the listener, so the test can fail.
@Suite(.serialized) struct PDFEngineIsolationTests {
    static func engine(_ kind: PDFEngine.Kind) -> PDFEngine? {
        var environment = ProcessInfo.processInfo.environment
        environment["WIJKRADAR_PDF_ENGINE"] = kind.rawValue
        return PDFEngine.find(environment: environment)
    }

    static func document(port: UInt16) -> String {
        let base = "http://127.0.0.1:\(port)"
        return """
            <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Test</title>
            <link rel="stylesheet" href="\(base)/stijl.css"><style>@import url("\(base)/import.css");
            body { background: url("\(base)/achtergrond.png"); } @font-face { font-family: X; src: url("\(base)/letter.woff"); }</style>
            </head><body><h1 style="font-family: X">Rapport</h1><p>Tekst.</p><img src="\(base)/beeld.png" alt="beeld">
            <iframe src="\(base)/kader.html"></iframe><object data="\(base)/object.svg"></object></body></html>
            """
    }

    @Test(arguments: [PDFEngine.Kind.weasyprint, .chromium])
    func anEngineFetchesNothing(_ kind: PDFEngine.Kind) throws {
        guard let engine = Self.engine(kind) else {
            // CI installs both engines (.ci/run): there a missing engine is a failure, not a skip.
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "\(kind) is not installed")
            return
        }
        let listener = try Listener()
        defer { listener.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wijkradar-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("rapport.html")
        try Self.document(port: listener.port).write(to: html, atomically: true, encoding: .utf8)

        try engine.render(html: html, to: dir.appendingPathComponent("rapport.pdf"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("rapport.pdf")).starts(with: Array("%PDF".utf8)))
        #expect(listener.connections == 0, "\(kind) made \(listener.connections) request(s)")

        // The control: the same engine run plainly does fetch, so a leak would be seen.
        let plain = Process()
        plain.executableURL = engine.executable
        plain.arguments =
            kind == .weasyprint
            ? [html.path, dir.appendingPathComponent("plain.pdf").path]
            : [
                "--headless", "--no-sandbox", "--disable-gpu",
                "--print-to-pdf=\(dir.appendingPathComponent("plain.pdf").path)", html.absoluteString,
            ]
        plain.standardOutput = FileHandle.nullDevice
        plain.standardError = FileHandle.nullDevice
        try plain.run()
        plain.waitUntilExit()
        #expect(listener.connections > 0, "the control run of \(kind) did not reach the listener")
    }

    /// What Markdown can name in a report reaches the engine only as an emptied image.
    @Test func printDocumentsAreMadeSelfContained() {
        let html =
            #"<p><img src="http://10.0.0.1/intern.png" alt="x"><img src="/blog/afbeelding/7" alt="y"><img src="data:image/png;base64,AAAA" alt="z"></p>"#
        let embedded = PrintResources.embed(html, images: ["/blog/afbeelding/7": "data:image/png;base64,QUJD"])
        #expect(
            embedded
                == #"<p><img src="data:," alt="x"><img src="data:image/png;base64,QUJD" alt="y"><img src="data:image/png;base64,AAAA" alt="z"></p>"#
        )
    }
}

/// A TCP listener on 127.0.0.1 that counts the connections it accepts.
final class Listener: @unchecked Sendable {
    let port: UInt16
    private let socket: Int32
    private let lock = NSLock()
    private var count = 0
    private var running = true
    private var thread: Thread?

    var connections: Int { lock.withLock { count } }

    init() throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socket = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [unowned self] in self.accept() }
        self.thread = thread
        thread.start()
    }

    private func accept() {
        while lock.withLock({ running }) {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = Glibc.accept(socket, nil, nil)
            guard client >= 0 else { continue }
            lock.withLock { count += 1 }
            // Answer like a server that has nothing, so an engine does not wait.
            let answer = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = answer.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            close(client)
        }
    }

    func stop() {
        lock.withLock { running = false }
        usleep(100_000)
        close(socket)
    }
}
