import Foundation
import Knowledge
import Storage
import Vapor

/// The knowledge base as open data: search and records as JSON under /api/v1, everything as one JSON or CSV file.
struct KnowledgeApi: Sendable {
    let store: Store

    func register(_ app: Application) {
        let api = app.grouped("api", "v1", "knowledge")
        api.get { try await search($0) }
        api.get("export") { _ in try await json(try await export()) }
        api.get(":id") { request in
            guard let id = request.parameters.get("id", as: Int.self), let stored = try await KnowledgeStore(store: store).record(id: id),
                  !stored.deleted else { throw Abort(.notFound, reason: "Dit kennisrecord bestaat niet (meer).") }
            return try await json(try Self.object(stored))
        }
        app.get("kennis", "export.csv") { _ in
            Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                            "Content-Disposition": "attachment; filename=\"wijkradar-kennisbank.csv\""],
                     body: .init(string: try await csv()))
        }
    }

    func search(_ request: Request) async throws -> Response {
        var filters: [Facet: String] = [:]
        for facet in Facet.allCases {
            if let value = try? request.query.get(String.self, at: facet.rawValue), !value.isEmpty { filters[facet] = value }
        }
        let knowledge = KnowledgeStore(store: store)
        let hits = try await knowledge.search((try? request.query.get(String.self, at: "q")) ?? "", filters: filters)
        let facets = try await knowledge.facetCounts(of: hits.map(\.id))
        return try await json([
            "hits": hits.map { ["id": $0.id, "kind": $0.kind.rawValue, "title": $0.title, "score": $0.score] as [String: Any] },
            "facets": Dictionary(uniqueKeysWithValues: facets.map { ($0.key.rawValue, $0.value.map { ["value": $0.value, "count": $0.count] as [String: Any] }) }),
        ])
    }

    /// Every live record with its full content, for reuse (CC BY 4.0 with attribution, like the data it sits next to).
    func export() async throws -> [String: Any] {
        let knowledge = KnowledgeStore(store: store)
        var records: [[String: Any]] = []
        for hit in try await knowledge.search("", limit: .max).sorted(by: { $0.id < $1.id }) {
            if let stored = try await knowledge.record(id: hit.id) { records.append(try Self.object(stored)) }
        }
        return ["source": "Wijkradar kennisbank", "licence": "CC BY 4.0", "records": records]
    }

    /// Interventions as one row each (opgaven and research are in the JSON export).
    func csv() async throws -> String {
        let knowledge = KnowledgeStore(store: store)
        var lines = [["id", "titel", "stad", "wijk", "cbs", "themas", "probleem", "aanpak", "waarom het werkt", "resultaten", "bewijsniveau",
                      "partijen", "geldstromen", "aspecten", "startjaar", "eindjaar", "status"].joined(separator: ";")]
        for hit in try await knowledge.search("", kind: .intervention, limit: .max).sorted(by: { $0.id < $1.id }) {
            guard let stored = try await knowledge.record(id: hit.id) else { continue }
            let item = try stored.decode(Intervention.self)
            let parties: String = item.parties.map { party in "\(party.name) (\(party.kind), \(party.role.rawValue))" }.joined(separator: "; ")
            let money: String = item.money.map { flow in flow.source + ": " + (flow.amount.map { "€ \($0)" } ?? "onbekend") }.joined(separator: "; ")
            var fields: [String] = [String(hit.id), item.title, item.city, item.wijk, item.regionCode ?? "", item.themes.joined(separator: ", ")]
            fields += [item.problem, item.approach, item.whyItWorks, item.results, item.evidence.rawValue, parties, money]
            fields += [item.aspects.map(\.rawValue).joined(separator: ", "), item.startYear.map(String.init) ?? "", item.endYear.map(String.init) ?? ""]
            fields.append(item.status.rawValue)
            lines.append(fields.map(Self.field).joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func object(_ stored: KnowledgeStore.Stored) throws -> [String: Any] {
        ["id": stored.id, "kind": stored.kind.rawValue, "title": stored.title, "version": stored.version,
         "record": try JSONSerialization.jsonObject(with: Data(stored.payload.utf8))]
    }

    static func field(_ text: String) -> String {
        var value = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ";\"".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func json(_ object: [String: Any]) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"],
                 body: .init(data: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])))
    }
}
