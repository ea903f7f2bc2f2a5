import Core
import Foundation
import Pages
import Programme
import Reports
import Storage
import Vapor

/// Staff's side of a report: the concept, the editors' text per slot and note (refused when stale), publishing.
struct ReportEditController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.reportConceptStart) { try await startConcept($0) }
        routes.on(.reportConceptText) { try await saveText($0) }
        routes.on(.reportConceptNote) { try await saveNote($0) }
        routes.on(.reportPublish) { try await publish($0) }
    }

    var reports: ReportStore { ReportStore(store: app.store) }

    func change(
        _ request: Request, ok: String,
        _ work: @escaping (ProgrammeInfo, ReportDocument.Kind, [String: String]) async throws -> Int?
    ) async throws -> Response {
        let programme = try await app.programme(request)
        let kind = try PublicationController(app: app).kind(request)
        try request.require(request.viewer.isStaff, "het bewerken van rapporten")
        let fields = try formFields(request)
        let base = ReportPage.path(programme, kind)
        return try await WebApp.attempt(
            request,
            {
                let number = try await work(programme, kind, fields)
                return number.map { "\(base)/versie/\($0)?ok=\(ok)" } ?? "\(base)/concept?ok=\(ok)"
            },
            otherwise: { problems, status in
                // A refused text goes back into its slot's form, so nothing typed is lost.
                let typed = fields["plek"].map {
                    (slot: $0, title: fields["kop"] ?? "", markdown: fields["tekst"] ?? "")
                }
                return try await PublicationController(app: app).concept(
                    request, format: .page, problems: problems, status: status, typed: typed)
            })
    }

    func conceptID(_ programme: ProgrammeInfo, _ kind: ReportDocument.Kind) async throws -> Int {
        guard let concept = try await reports.concept(programmeID: programme.id, kind: kind.rawValue) else {
            throw ProgrammeError.notFound("Het concept van ‘\(kind.title)’")
        }
        return concept.id
    }

    func startConcept(_ request: Request) async throws -> Response {
        try await change(request, ok: "concept") { programme, kind, _ in
            _ = try await reports.startConcept(
                programmeID: programme.id, kind: kind.rawValue, actor: app.actor(request))
            return nil
        }
    }

    func saveText(_ request: Request) async throws -> Response {
        try await change(request, ok: "tekst") { programme, kind, f in
            let text = ReportStore.EditorText(
                title: (f["kop"] ?? "").trimmingCharacters(in: .whitespaces), markdown: f["tekst"] ?? "")
            let slot = f["plek"] ?? ""
            let problems = Markdown.problems(in: text.markdown, field: "Tekst (\(slot))")
            guard problems.isEmpty else { throw ProgrammeError.invalid(problems) }
            guard !slot.isEmpty, slot.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw ProgrammeError.invalid(["Plek: onbekende plek in het rapport."])
            }
            _ = try await reports.save(
                id: try await conceptID(programme, kind), expectedVersion: Int(f["versie"] ?? "") ?? 0, slot: slot,
                text: text, actor: app.actor(request))
            return nil
        }
    }

    func saveNote(_ request: Request) async throws -> Response {
        try await change(request, ok: "notitie") { programme, kind, f in
            _ = try await reports.saveNote(
                id: try await conceptID(programme, kind), expectedVersion: Int(f["versie"] ?? "") ?? 0,
                note: f["notitie"] ?? "", actor: app.actor(request))
            return nil
        }
    }

    func publish(_ request: Request) async throws -> Response {
        try await change(request, ok: "gepubliceerd") { programme, kind, f in
            try await ProgrammeReports(store: app.store).publish(
                kind, programme: programme, snapshot: try await app.cache.snapshot(),
                conceptID: try await conceptID(programme, kind),
                expectedVersion: Int(f["versie"] ?? "") ?? 0, actor: app.actor(request))
        }
    }
}
