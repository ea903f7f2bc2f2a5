import Knowledge
import Pages
import Storage
import Vapor

/// The public knowledge base: search with facets, and one page per record.
struct KnowledgeController: Sendable {
    let store: Store

    func register(_ app: Application) {
        app.get("kennis") { try await search($0) }
        app.get("kennis", ":id") { try await record($0) }
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
        guard let id = request.parameters.get("id", as: Int.self), let stored = try await KnowledgeStore(store: store).record(id: id), !stored.deleted else {
            throw Abort(.notFound, reason: "Dit kennisrecord bestaat niet (meer).")
        }
        switch stored.kind {
        case .intervention:
            return html(InterventionPage.render(id: id, try stored.decode(Intervention.self), version: stored.version, updatedBy: stored.updatedBy))
        case .opgave, .research:
            throw Abort(.notFound, reason: "Voor dit soort record is nog geen pagina.")
        }
    }
}
