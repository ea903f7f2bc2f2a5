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

    func research(_ request: Request, problems: [String] = [], fields: [String: String] = [:], status: HTTPResponseStatus = .ok) async throws -> Response {
        let items = try await app.knowledge(request).all(.research, as: Research.self).map { ($0.id, $0.value) }
        return html(ResearchPages.register(items, mayAdd: request.viewer.mayCapture, csrf: request.csrf, problems: problems, fields: fields), status: status)
    }

    func addResearch(_ request: Request) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het onderzoeksregister")
        let f = try formFields(request)
        func text(_ key: String) -> String { (f[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var problems: [String] = []
        let yearText = text("jaar")
        let year = Int(yearText)
        if !yearText.isEmpty && year == nil { problems.append("Jaar: '\(yearText)' is geen jaartal.") }
        let item = Research(title: text("titel"), authors: text("auteurs"), year: year, publisher: text("uitgever"), link: text("link"),
                            summary: text("samenvatting"), regionCodes: text("wijken").uppercased().split(separator: " ").map(String.init),
                            themes: text("themas").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty },
                            aspects: Aspect.allCases.filter { f["aspect_\($0.rawValue)"] == "ja" })
        problems += item.problems(currentYear: Calendar(identifier: .gregorian).component(.year, from: Date()))
        guard problems.isEmpty else { return try await research(request, problems: problems, fields: f, status: .unprocessableEntity) }
        return try await attempt(request, {
            SiteURL.knowledgeRecord(try await app.knowledge(request).create(.research, item, document: item.searchDocument, anchor: .init(startYear: item.year), actor: request.viewer.email)).path
        }, otherwise: { try await research(request, problems: $0, fields: f, status: $1) })
    }

    func recordTransfer(_ request: Request) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het vastleggen van overdrachten")
        let (stored, _) = try await app.intervention(try request.id("id"), request)
        let f = try formFields(request)
        func text(_ key: String) -> String { (f[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let transfer = Transfer(interventionID: stored.id, toCity: text("stad"), toWijk: text("wijk"), year: Int(text("jaar")),
                                understood: text("begrepen"), adapted: text("aangepast"), reused: text("hergebruikt"), result: text("resultaat"))
        let problems = transfer.problems()
        guard problems.isEmpty else { throw Abort(.unprocessableEntity, reason: problems.joined(separator: " ")) }
        _ = try await app.knowledge(request).create(.transfer, transfer, document: transfer.searchDocument(interventionTitle: stored.title),
                                                anchor: .init(startYear: transfer.year), published: stored.published, actor: request.viewer.email)
        return request.redirect(to: SiteURL.knowledgeRecord(stored.id).path(fragment: "overdracht"), redirectType: .normal)
    }
}
