import Core
import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Vapor

/// The research register and the transfers of interventions between cities.
struct ResearchController: Sendable {
    let app: KnowledgeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.research) { try await research($0) }
        routes.on(.researchCreate) { try await addResearch($0) }
        routes.on(.knowledgeTransfer) { try await recordTransfer($0) }
    }

    func research(
        _ request: Request, problems: [String] = [], fields: [String: String] = [:], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let items = try await app.knowledge(request).all(.research, as: Research.self).map { ($0.id, $0.value) }
        return html(
            ResearchPages.register(
                items, mayAdd: request.viewer.mayCapture, csrf: request.csrf, problems: problems, fields: fields),
            status: status)
    }

    func addResearch(_ request: Request) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het onderzoeksregister")
        let f = try formFields(request)
        let form = try FormDecoder.decode(ResearchForm.self, from: f)
        func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        var problems: [String] = []
        let year = Int(trimmed(form.year))
        if !trimmed(form.year).isEmpty && year == nil {
            problems.append("Jaar: '\(trimmed(form.year))' is geen jaartal.")
        }
        let item = Research(
            title: trimmed(form.title), authors: trimmed(form.authors), year: year, publisher: trimmed(form.publisher),
            link: trimmed(form.link), summary: trimmed(form.summary),
            regionCodes: trimmed(form.wijken).uppercased().split(separator: " ").map(String.init),
            themes: form.themes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                .filter { !$0.isEmpty },
            aspects: form.aspects)
        problems += item.problems(
            currentYear: Calendar(identifier: .gregorian).component(.year, from: Clock.current.now()))
        guard problems.isEmpty else {
            return try await research(request, problems: problems, fields: f, status: .unprocessableEntity)
        }
        return try await attempt(
            request,
            {
                SiteURL.knowledgeRecord(
                    try await app.knowledge(request).create(
                        .research, item, document: item.searchDocument, anchor: .init(startYear: item.year),
                        actor: request.viewer.email)
                ).path
            }, otherwise: { try await research(request, problems: $0, fields: f, status: $1) })
    }

    func recordTransfer(_ request: Request) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het vastleggen van overdrachten")
        let (stored, _) = try await app.intervention(try request.id("id"), request)
        let form = try request.form(TransferForm.self)
        func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        let transfer = Transfer(
            interventionID: stored.id, toCity: trimmed(form.city), toWijk: trimmed(form.wijk),
            year: Int(trimmed(form.year)),
            understood: trimmed(form.understood), adapted: trimmed(form.adapted), reused: trimmed(form.reused),
            result: trimmed(form.result))
        let problems = transfer.problems()
        guard problems.isEmpty else { throw Abort(.unprocessableEntity, reason: problems.joined(separator: " ")) }
        _ = try await app.knowledge(request).create(
            .transfer, transfer, document: transfer.searchDocument(interventionTitle: stored.title),
            anchor: .init(startYear: transfer.year), published: stored.published, actor: request.viewer.email)
        return request.redirect(
            to: SiteURL.knowledgeRecord(stored.id).path(fragment: "overdracht"), redirectType: .normal)
    }
}
