import Foundation
import Knowledge
import Programme
import Pages
import Storage
import Vapor

/// The public knowledge base: search with facets, and one page per record.
struct KnowledgeController: Sendable {
    let store: Store

    func register(_ app: Application) {
        app.get("kennis") { try await search($0) }
        app.get("kennis", ":id") { try await record($0) }
        app.get("kennis", "nieuw") { try await editor($0, id: nil) }
        app.post("kennis", "nieuw") { try await save($0, id: nil) }
        app.get("kennis", ":id", "bewerken") { try await editor($0, id: $0.parameters.get("id", as: Int.self) ?? 0) }
        app.post("kennis", ":id", "bewerken") { try await save($0, id: $0.parameters.get("id", as: Int.self) ?? 0) }
        app.post("kennis", ":id", "verwijderen") { try await remove($0) }
        app.get("kennis", ":id", "geschiedenis") { try await history($0) }
    }

    func search(_ request: Request) async throws -> Response {
        let query = (try? request.query.get(String.self, at: "q")) ?? ""
        var filters: [Facet: String] = [:]
        for facet in Facet.allCases {
            if let value = try? request.query.get(String.self, at: facet.rawValue), !value.isEmpty { filters[facet] = value }
        }
        let knowledge = KnowledgeStore(store: store)
        let hits = try await knowledge.search(query, filters: filters)
        return html(KnowledgeSearchPage.render(.init(query: query, filters: filters,
                                                     hits: hits.map { .init(id: $0.id, kind: $0.kind.rawValue, title: $0.title) },
                                                     facets: try await knowledge.facetCounts(of: hits.map(\.id)))))
    }

    func record(_ request: Request) async throws -> Response {
        let (stored, item) = try await intervention(request.parameters.get("id", as: Int.self) ?? 0)
        return html(InterventionPage.render(id: stored.id, item, version: stored.version, updatedBy: stored.updatedBy,
                                            mayEdit: request.viewer.mayEdit(item), mayRemove: request.viewer.isStaff, csrf: request.csrf))
    }

    /// A live intervention, or 404.
    private func intervention(_ id: Int) async throws -> (KnowledgeStore.Stored, Intervention) {
        guard let stored = try await KnowledgeStore(store: store).record(id: id), !stored.deleted else {
            throw Abort(.notFound, reason: "Dit kennisrecord bestaat niet (meer).")
        }
        guard stored.kind == .intervention else { throw Abort(.notFound, reason: "Voor dit soort record is nog geen pagina.") }
        return (stored, try stored.decode(Intervention.self))
    }

    /// The programme cities a viewer may tie a record to: all for staff, their own for a coordinator.
    private func cities(for viewer: Programme.Viewer) async throws -> [(id: Int, label: String)] {
        var result: [(id: Int, label: String)] = []
        for programme in try await ProgrammeStore(store: store).all() {
            for city in try await ProgrammeStore(store: store).cities(programmeID: programme.id) where viewer.isStaff || viewer.cityID == city.id {
                result.append((city.id, "\(city.cityName) – \(city.wijkName) (\(programme.name))"))
            }
        }
        return result
    }

    func editor(_ request: Request, id: Int?, fields: [String: String]? = nil, problems: [String] = [],
                status: HTTPResponseStatus = .ok) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het vastleggen van interventies")
        var version = 0
        var values = fields ?? [:]
        if let id {
            let (stored, item) = try await intervention(id)
            try request.require(request.viewer.mayEdit(item), "deze interventie")
            version = fields.flatMap { Int($0["versie"] ?? "") } ?? stored.version
            if fields == nil { values = InterventionFormPage.fields(item) }
        }
        return html(InterventionFormPage.render(.init(id: id, version: version, fields: values, cities: try await cities(for: request.viewer),
                                                      session: request.sessionBar, csrf: request.csrf, problems: problems)), status: status)
    }

    func save(_ request: Request, id: Int?) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het vastleggen van interventies")
        let f = try formFields(request)
        let allowed = try await cities(for: request.viewer).map(\.id)
        var cityID = Int(f["programmastad"] ?? "")
        if let chosen = cityID, !allowed.contains(chosen) { cityID = nil }
        if !request.viewer.isStaff { cityID = request.viewer.cityID }
        if let id { try request.require(request.viewer.mayEdit(try await intervention(id).1), "deze interventie") }
        let (item, problems) = InterventionForm.parse(f, cityID: cityID)
        guard problems.isEmpty else { return try await editor(request, id: id, fields: f, problems: problems, status: .unprocessableEntity) }
        let knowledge = KnowledgeStore(store: store)
        let anchor = KnowledgeStore.Anchor(cityID: cityID, regionCode: item.regionCode, startYear: item.startYear)
        return try await attempt(request, {
            if let id {
                _ = try await knowledge.update(id: id, expectedVersion: Int(f["versie"] ?? "") ?? 0, item, document: item.searchDocument,
                                               anchor: anchor, actor: request.viewer.email)
                return "/kennis/\(id)"
            }
            return "/kennis/\(try await knowledge.create(.intervention, item, document: item.searchDocument, anchor: anchor, actor: request.viewer.email))"
        }, otherwise: { try await editor(request, id: id, fields: f, problems: $0, status: $1) })
    }

    func remove(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het verwijderen van kennisrecords")
        let (stored, _) = try await intervention(request.parameters.get("id", as: Int.self) ?? 0)
        let version = Int((try formFields(request))["versie"] ?? "") ?? 0
        try await KnowledgeStore(store: store).remove(id: stored.id, expectedVersion: version, actor: request.viewer.email)
        return request.redirect(to: "/kennis", redirectType: .normal)
    }

    func history(_ request: Request) async throws -> Response {
        try request.requireSignedIn()
        let id = request.parameters.get("id", as: Int.self) ?? 0
        guard let stored = try await KnowledgeStore(store: store).record(id: id) else { throw Abort(.notFound, reason: "Dit kennisrecord bestaat niet.") }
        let changes = try await KnowledgeStore(store: store).history(id: id)
        return html(InterventionPage.history(id: id, title: stored.title, changes: changes.map {
            .init(version: $0.version, at: Date(timeIntervalSince1970: TimeInterval($0.at)), actor: $0.actor, action: $0.action)
        }))
    }
}
