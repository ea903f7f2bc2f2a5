import Crypto
import Foundation
import Knowledge
import SQLKit

/// Full-text search over the knowledge records, with facets.
extension KnowledgeStore {
    /// Records matching the words (all of them, stemmed: "woning" finds "woningen") and every facet filter, best
    /// first; without words, all matching the filters, newest first.
    public func search(_ text: String, filters: [Facet: String] = [:], kind: Kind? = nil, limit: Int = 100) async throws
        -> [Hit]
    {
        let scores = try await textScores(text)
        let query = visible(
            store.sql.select().column("id").column("kind").column("title").column("updated_at").column("published")
                .from("knowledge_records"))
        if let kind { query.where("kind", .equal, kind.rawValue) }
        if let scores { query.where("id", .in, Array(scores.keys)) }
        for (facet, value) in filters.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            query.where(
                "id", .in,
                SQLGroupExpression(
                    store.sql.select().column("record_id").from("knowledge_facets")
                        .where("facet", .equal, facet.rawValue).where("value", .equal, value).select))
        }
        if scores?.isEmpty == true { return [] }
        let rows = try await query.all()
        let hits = try rows.map { row -> (Hit, Int) in
            let id: Int = try row.decode(column: "id")
            return (
                Hit(
                    id: id, kind: Kind(rawValue: try row.decode(column: "kind")) ?? .intervention,
                    title: try row.decode(column: "title"),
                    score: scores?[id] ?? 0, published: try row.decode(column: "published")),
                try row.decode(column: "updated_at")
            )
        }
        return Array(hits.sorted { ($0.0.score, $0.1, $0.0.id) > ($1.0.score, $1.1, $1.0.id) }.map(\.0).prefix(limit))
    }

    /// How many of the given records have each facet value, for the facet list next to the results.
    public func facetCounts(of ids: [Int]) async throws -> [Facet: [(value: String, count: Int)]] {
        guard !ids.isEmpty else { return [:] }
        var counts: [Facet: [String: Int]] = [:]
        for row in try await store.sql.select().column("facet").column("value").from("knowledge_facets").where(
            "record_id", .in, ids
        ).all() {
            guard let facet = Facet(rawValue: try row.decode(column: "facet")) else { continue }
            counts[facet, default: [:]][try row.decode(column: "value"), default: 0] += 1
        }
        return counts.mapValues {
            $0.map { (value: $0.key, count: $0.value) }.sorted { ($1.count, $0.value) < ($0.count, $1.value) }
        }
    }

    /// Scores by record id for the words, or nil when there are no words to search for (only stop words, or none).
    private func textScores(_ text: String) async throws -> [Int: Double]? {
        let folded = SearchText.fold(text)
        let terms = SearchText.terms(text)
        guard !terms.isEmpty else { return nil }
        var scores: [Int: Double] = [:]
        if store.kind == .sqlite {
            let match = terms.map { "\"\($0)\"" }.joined(separator: " ")
            // bm25: lower is better; title weighs five times the body.
            for row in try await store.sql.raw(
                "SELECT rowid AS id, bm25(knowledge_fts, 5.0, 1.0) AS score FROM knowledge_fts WHERE knowledge_fts MATCH \(bind: match)"
            ).all() {
                scores[try row.decode(column: "id", as: Int.self)] = -(try row.decode(column: "score", as: Double.self))
            }
        } else {
            for row in try await store.sql.raw(
                """
                SELECT id, ts_rank(search, plainto_tsquery('dutch', \(bind: folded))) AS score FROM knowledge_records
                WHERE search @@ plainto_tsquery('dutch', \(bind: folded))
                """
            ).all() {
                scores[try row.decode(column: "id", as: Int.self)] = Double(
                    try row.decode(column: "score", as: Float.self))
            }
        }
        return scores
    }
}
