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

    /// What a result list shows besides the title: a summary (the start of the record's main text) and its facets
    /// (evidence level, city, theme), in two queries for all hits.
    public struct HitDetails: Sendable, Equatable {
        public var summary: String
        public var facets: [Facet: [String]]
    }

    public func details(of ids: [Int]) async throws -> [Int: HitDetails] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int: HitDetails] = [:]
        for row in try await store.sql.select().column("id").column("kind").column("payload").from("knowledge_records")
            .where("id", .in, ids).all()
        {
            let id: Int = try row.decode(column: "id")
            let payload = Data((try row.decode(column: "payload", as: String.self)).utf8)
            let decoder = JSONDecoder()
            let text: String? =
                switch Kind(rawValue: try row.decode(column: "kind")) {
                case .intervention:
                    (try? decoder.decode(Intervention.self, from: payload)).map {
                        $0.approach.isEmpty ? $0.problem : $0.approach
                    }
                case .opgave: (try? decoder.decode(Opgave.self, from: payload))?.description
                case .research:
                    (try? decoder.decode(Research.self, from: payload)).map {
                        $0.summary.isEmpty ? $0.citation : $0.summary
                    }
                case .minutes: (try? decoder.decode(MinutesRecord.self, from: payload))?.text
                case .transfer: (try? decoder.decode(Transfer.self, from: payload))?.understood
                case nil: nil
                }
            result[id] = HitDetails(summary: Self.excerpt(text ?? ""), facets: [:])
        }
        for row in try await store.sql.select().column("record_id").column("facet").column("value")
            .from("knowledge_facets").where("record_id", .in, ids).all()
        {
            guard let facet = Facet(rawValue: try row.decode(column: "facet")) else { continue }
            result[try row.decode(column: "record_id"), default: HitDetails(summary: "", facets: [:])]
                .facets[facet, default: []].append(try row.decode(column: "value"))
        }
        return result
    }

    /// The first sentences up to about 200 characters, cut at a word.
    static func excerpt(_ text: String, limit: Int = 200) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
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
