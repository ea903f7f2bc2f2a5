import Core
import Foundation
import Pages
import Programme
import Reports
import Storage
import Vapor

/// The programme's reports on the site: published versions (frozen) for everyone, as HTML, print HTML and PDF; the
/// concept for staff (its editing is `ReportEditController`).
struct PublicationController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.publications) { try await list($0) }
        routes.on(.report) { try await newest($0) }
        routes.on(.reportVersion) { try await published($0, format: .page) }
        routes.on(.reportVersionPrint) { try await published($0, format: .print) }
        routes.on(.reportVersionPDF) { try await published($0, format: .pdf) }
        routes.on(.reportConcept) { try await concept($0, format: .page) }
        routes.on(.reportConceptPrint) { try await concept($0, format: .print) }
        routes.on(.reportConceptPDF) { try await concept($0, format: .pdf) }
    }

    enum Format { case page, print, pdf }

    var reports: ReportStore { ReportStore(store: app.store) }

    func list(_ request: Request) async throws -> Response {
        var entries: [PublicationsPage.Entry] = []
        let all = try await reports.allVersions()
        for programme in try await app.programmes.all() {
            for kind in ReportDocument.Kind.allCases {
                let mine = all.filter { $0.programmeID == programme.id && $0.kind == kind.rawValue }
                let versions = mine.filter(\.isPublished) + mine.filter { !$0.isPublished }
                entries.append(
                    .init(
                        programme: programme, kind: kind, versions: Self.versionList(versions),
                        hasConcept: versions.contains { !$0.isPublished }))
            }
        }
        return html(PublicationsPage.render(entries, isStaff: request.viewer.isStaff))
    }

    /// Published versions as (number, date), newest first.
    static func versionList(_ versions: [ReportStore.Version]) -> [(number: Int, date: String)] {
        versions.compactMap { v in
            v.number.map { ($0, DutchFormat.date(Date(timeIntervalSince1970: TimeInterval(v.publishedAt ?? 0)))) }
        }
    }

    func kind(_ request: Request) throws -> ReportDocument.Kind {
        guard let kind = ReportDocument.Kind(slug: try request.text("report")) else {
            throw Abort(
                .notFound,
                reason:
                    "Dit rapport bestaat niet. Er zijn twee rapporten: opgaven-van-nu-en-straks en advies-per-thema-en-per-wijk."
            )
        }
        return kind
    }

    /// The newest published version; staff without one go to the concept.
    func newest(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let kind = try kind(request)
        if let version = try await reports.published(programmeID: programme.id, kind: kind.rawValue),
            let number = version.number
        {
            return request.redirect(to: SiteURL.reportVersion(programme.slug, kind.slug, number).path)
        }
        if request.viewer.isStaff { return request.redirect(to: SiteURL.reportConcept(programme.slug, kind.slug).path) }
        throw Abort(.notFound, reason: "‘\(kind.title)’ is nog niet gepubliceerd.")
    }

    func published(_ request: Request, format: Format) async throws -> Response {
        let programme = try await app.programme(request)
        let kind = try kind(request)
        let number = try request.id("number")
        guard
            let (_, document) = try await ProgrammeReports(store: app.store).published(
                kind, programme: programme, number: number)
        else {
            throw Abort(.notFound, reason: "Deze versie van ‘\(kind.title)’ bestaat niet.")
        }
        return try await respond(
            request, document: document, programme: programme, number: number, concept: nil, format: format,
            cached: true)
    }

    func concept(
        _ request: Request, format: Format, problems: [String] = [], status: HTTPResponseStatus = .ok,
        typed: (slot: String, title: String, markdown: String)? = nil
    ) async throws -> Response {
        let programme = try await app.programme(request)
        let kind = try kind(request)
        try request.require(request.viewer.isStaff, "het concept van een rapport")
        let (version, document) = try await ProgrammeReports(store: app.store).concept(
            kind, programme: programme, snapshot: try await app.cache.snapshot())
        let concept = version.map { ReportPage.Concept(id: $0.id, version: $0.version, staffNote: $0.staffNote) }
        return try await respond(
            request, document: document, programme: programme, number: nil, concept: concept, format: format,
            cached: false,
            problems: problems, status: status, typed: typed)
    }

    func respond(
        _ request: Request, document: ReportDocument, programme: ProgrammeInfo, number: Int?,
        concept: ReportPage.Concept?, format: Format,
        cached: Bool, problems: [String] = [], status: HTTPResponseStatus = .ok,
        typed: (slot: String, title: String, markdown: String)? = nil
    ) async throws -> Response {
        switch format {
        case .page:
            let versions = Self.versionList(
                try await reports.versions(programmeID: programme.id, kind: document.kind.rawValue))
            let notice: String? =
                switch try? request.query.get(String.self, at: "ok") {
                case "tekst": "De tekst is opgeslagen."
                case "notitie": "De notitie is opgeslagen."
                case "gepubliceerd": "Deze versie is gepubliceerd. Haar cijfers en tekst veranderen niet meer."
                case "concept": "Het concept is gemaakt."
                default: nil
                }
            return html(
                ReportPage.render(
                    .init(
                        document: document, programme: programme, versions: versions, number: number, concept: concept,
                        session: request.sessionBar, csrf: request.csrf, problems: problems, notice: notice,
                        typed: typed)), status: status)
        case .print:
            return html(ReportRenderer.print(document))
        case .pdf:
            let html = try await PrintResources.embed(
                ReportRenderer.print(document).renderDocument(), posts: PostStore(store: app.store),
                now: app.clock.now())
            let pdf = try await Self.pdf(html, cached: cached, on: request.application.threadPool)
            return Response(
                status: .ok,
                headers: [
                    "Content-Type": "application/pdf",
                    "Content-Disposition":
                        "inline; filename=\"\(document.kind.slug)\(number.map { "-versie-\($0)" } ?? "-concept").pdf\"",
                ],
                body: .init(data: pdf))
        }
    }

    /// The PDF from the print HTML. A published version's PDF is kept in the temporary directory under the hash of its
    /// HTML, as that never changes: another version or another database can never get it.
    static func pdf(_ html: String, cached: Bool, on pool: NIOThreadPool) async throws -> Data {
        guard let engine = PDFEngine.find() else {
            // The installation hint is for whoever runs the server (the CLI prints it), not for a visitor.
            throw Abort(
                .serviceUnavailable,
                reason:
                    "Deze server kan nu geen PDF maken. Gebruik de afdrukversie en kies in de browser ‘Afdrukken’ en ‘Opslaan als PDF’."
            )
        }
        let directory = FileManager.default.temporaryDirectory
        let cacheKey = cached ? SHA256.hash(data: Data(html.utf8)).map { String(format: "%02x", $0) }.joined() : nil
        if let cacheKey,
            let cached = try? Data(contentsOf: directory.appendingPathComponent("wijkradar-rapport-\(cacheKey).pdf"))
        {
            return cached
        }
        let name = "wijkradar-rapport-\(UUID().uuidString)"
        let htmlURL = directory.appendingPathComponent("\(name).html"),
            pdfURL = directory.appendingPathComponent("\(name).pdf")
        try html.write(to: htmlURL, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: htmlURL) }
        try await pool.runIfActive { try engine.render(html: htmlURL, to: pdfURL) }
        let data = try Data(contentsOf: pdfURL)
        if let cacheKey {
            try? FileManager.default.moveItem(
                at: pdfURL, to: directory.appendingPathComponent("wijkradar-rapport-\(cacheKey).pdf"))
        } else {
            try? FileManager.default.removeItem(at: pdfURL)
        }
        return data
    }

}
