import Core
import Foundation
import Knowledge
import Storage
import Vapor

/// The knowledge base as open data: search and records as JSON under /api/v1, everything as one JSON or CSV file.
struct KnowledgeApi: Sendable {
    let store: Store

    func register(_ app: Application) {
        app.on(.apiKnowledge) { try await search($0) }
        app.on(.apiKnowledgeExport) { _ in try await json(try await export()) }
        app.on(.apiKnowledgeRecord) { request in
            let id = try request.id("id")
            guard let stored = try await KnowledgeStore(store: store).record(id: id),
                !stored.deleted
            else { throw Abort(.notFound, reason: "Dit kennisrecord bestaat niet (meer).") }
            return try await json(try Self.object(stored))
        }
        app.on(.knowledgeCSV) { _ in
            Response(
                status: .ok,
                headers: [
                    "Content-Type": "text/csv; charset=utf-8",
                    "Content-Disposition": "attachment; filename=\"wijkradar-kennisbank.csv\"",
                ],
                body: .init(string: try await csv()))
        }
    }

    func search(_ request: Request) async throws -> Response {
        _ = try request.choice("soort", from: KnowledgeStore.Kind.allCases.map(\.rawValue))
        _ = try request.choice("aspect", from: Aspect.allCases.map(\.rawValue))
        var filters: [Facet: String] = [:]
        for facet in Facet.allCases {
            if let value = try? request.query.get(String.self, at: facet.rawValue), !value.isEmpty {
                filters[facet] = value
            }
        }
        let knowledge = KnowledgeStore(store: store)
        let hits = try await knowledge.search((try? request.query.get(String.self, at: "q")) ?? "", filters: filters)
        let facets = try await knowledge.facetCounts(of: hits.map(\.id))
        return try await json([
            "hits": hits.map {
                ["id": $0.id, "kind": $0.kind.rawValue, "title": $0.title, "score": $0.score] as [String: Any]
            },
            "facets": Dictionary(
                uniqueKeysWithValues: facets.map {
                    ($0.key.rawValue, $0.value.map { ["value": $0.value, "count": $0.count] as [String: Any] })
                }),
        ])
    }

    /// Every live record with its full content, for reuse (CC BY 4.0 with attribution, like the data it sits next to).
    func export() async throws -> [String: Any] {
        let knowledge = KnowledgeStore(store: store)
        var records: [[String: Any]] = []
        for stored in try await knowledge.records(ids: try await knowledge.search("", limit: .max).map(\.id)) {
            records.append(try Self.object(stored))
        }
        return ["source": "Wijkradar kennisbank", "licence": "CC BY 4.0", "records": records]
    }

    /// Interventions as one row each (opgaven and research are in the JSON export).
    func csv() async throws -> String {
        let knowledge = KnowledgeStore(store: store)
        var writer = CSVWriter(
            dialect: .dutch,
            header: [
                "id", "titel", "stad", "wijk", "cbs", "themas", "probleem", "aanpak", "waarom het werkt", "resultaten",
                "bewijsniveau",
                "partijen", "geldstromen", "aspecten", "startjaar", "eindjaar", "status",
            ])
        let ids = try await knowledge.search("", kind: .intervention, limit: .max).map(\.id)
        for stored in try await knowledge.records(ids: ids) {
            let hit = stored
            let item = try stored.decode(Intervention.self)
            let parties = item.parties.map { "\($0.name) (\($0.kind), \($0.role.rawValue))" }.joined(separator: "; ")
            let money = item.money.map { $0.source + ": " + ($0.amount.map { "€ \($0)" } ?? "onbekend") }.joined(
                separator: "; ")
            let texts = [
                item.title, item.city, item.wijk, item.regionCode ?? "", item.themes.joined(separator: ", "),
                item.problem,
                item.approach, item.whyItWorks, item.results, item.evidence.rawValue, parties, money,
                item.aspects.map(\.rawValue).joined(separator: ", "),
            ]
            writer.row(
                [.integer(hit.id)] + texts.map(CSVWriter.Field.text)
                    + [
                        item.startYear.map(CSVWriter.Field.integer) ?? .empty,
                        item.endYear.map(CSVWriter.Field.integer) ?? .empty,
                        .text(item.status.rawValue),
                    ])
        }
        return writer.text
    }

    static func object(_ stored: KnowledgeStore.Stored) throws -> [String: Any] {
        [
            "id": stored.id, "kind": stored.kind.rawValue, "title": stored.title, "version": stored.version,
            "record": try JSONSerialization.jsonObject(with: Data(stored.payload.utf8)),
        ]
    }

    private func json(_ object: [String: Any]) async throws -> Response {
        Response(
            status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"],
            body: .init(data: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])))
    }
}
