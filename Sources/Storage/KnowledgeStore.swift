import Crypto
import Foundation
import Knowledge
import SQLKit

/// Knowledge records of every kind: stored with their whole history (nothing is hard-deleted), versioned edits (a
/// stale edit is refused), facets, and a full-text index kept in the same transaction as the record.
public struct KnowledgeStore: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case intervention = "interventie", opgave, research = "onderzoek", transfer = "overdracht", minutes = "verslag"
    }

    public struct Stored: Sendable, Equatable {
        public var id: Int
        public var kind: Kind
        public var title: String
        public var payload: String
        public var version: Int
        public var deleted: Bool
        public var updatedBy: String
        /// Shown on the public site; a concept is seen only by those who capture knowledge.
        public var published: Bool

        public func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONDecoder().decode(T.self, from: Data(payload.utf8))
        }
    }

    public struct Change: Sendable, Equatable {
        public var version: Int
        public var at: Int
        public var actor: String
        public var action: String
        public var payload: String
    }

    public struct Hit: Sendable, Equatable {
        public var id: Int
        public var kind: Kind
        public var title: String
        /// Higher is better; comparable within one search only.
        public var score: Double
        public var published: Bool = true
    }

    /// Where a record is tied to: the programme city, CBS region and start year (for data next to it).
    public struct Anchor: Sendable, Equatable {
        public var cityID: Int?
        public var regionCode: String?
        public var startYear: Int?

        public init(cityID: Int? = nil, regionCode: String? = nil, startYear: Int? = nil) {
            (self.cityID, self.regionCode, self.startYear) = (cityID, regionCode, startYear)
        }
    }

    /// Who reads through this store: the public sees published records only; `.internal` (staff and coordinators)
    /// also sees concepts. Public is the default, so a page that forgets to choose leaks nothing.
    public enum Audience: Sendable { case `public`, `internal` }

    let store: Store
    public let audience: Audience

    public init(store: Store, audience: Audience = .public) {
        self.store = store
        self.audience = audience
    }

    /// Live records this audience may see.
    func visible(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
        query.where("deleted", .equal, SQLBind(false))
        if audience == .public { query.where("published", .equal, SQLBind(true)) }
        return query
    }

    public func create<T: Encodable>(
        _ kind: Kind, _ value: T, document: SearchDocument, anchor: Anchor = Anchor(), published: Bool = true,
        actor: String
    ) async throws -> Int {
        let payload = try ProgrammeStore.json(value)
        return try await store.transaction { sql in
            let time = now()
            let id = try await sql.insert(into: "knowledge_records")
                .columns(
                    "kind", "title", "payload", "city_id", "region_code", "start_year", "version", "deleted",
                    "created_at", "updated_at", "updated_by",
                    "published"
                )
                .values(
                    SQLBind(kind.rawValue), SQLBind(document.title), SQLBind(payload), SQLBind(anchor.cityID),
                    SQLBind(anchor.regionCode),
                    SQLBind(anchor.startYear), SQLBind(1), SQLBind(false), SQLBind(time), SQLBind(time), SQLBind(actor),
                    SQLBind(published)
                )
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            try await Self.history(sql, id: id, version: 1, actor: actor, action: "aangemaakt", payload: payload)
            try await Self.index(sql, id: id, document: document)
            try await AuditLog.record(sql, actor: actor, action: "\(kind.rawValue) aangemaakt", subject: document.title)
            return id
        }
    }

    /// Saves a new version; `expectedVersion` is the version the editor started from. Returns the new version.
    /// `published` nil leaves the publication state as it is.
    public func update<T: Encodable>(
        id: Int, expectedVersion: Int, _ value: T, document: SearchDocument, anchor: Anchor = Anchor(),
        published: Bool? = nil, actor: String
    ) async throws -> Int {
        let payload = try ProgrammeStore.json(value)
        return try await store.transaction { sql in
            try await Self.bump(sql, id: id, expectedVersion: expectedVersion, title: document.title, actor: actor) {
                update in
                update.set("payload", to: SQLBind(payload)).set("title", to: SQLBind(document.title)).set(
                    "city_id", to: SQLBind(anchor.cityID)
                )
                .set("region_code", to: SQLBind(anchor.regionCode)).set("start_year", to: SQLBind(anchor.startYear))
                return published.map { update.set("published", to: SQLBind($0)) } ?? update
            }
            try await Self.history(
                sql, id: id, version: expectedVersion + 1, actor: actor, action: "gewijzigd", payload: payload)
            try await Self.index(sql, id: id, document: document)
            try await AuditLog.record(sql, actor: actor, action: "kennis gewijzigd", subject: document.title)
            return expectedVersion + 1
        }
    }

    /// Makes records follow what they belong to in being public — opgaven and minutes their meeting, transfers their
    /// intervention. Not a new version of their content; the change is in the audit log.
    public func setPublished(_ ids: [Int], _ published: Bool, actor: String) async throws {
        guard !ids.isEmpty else { return }
        try await store.transaction { sql in
            try await sql.update("knowledge_records").set("published", to: SQLBind(published)).where("id", .in, ids)
                .run()
            try await AuditLog.record(
                sql, actor: actor, action: published ? "kennis openbaar" : "kennis concept",
                subject: ids.map(String.init).joined(separator: ", "))
        }
    }

    /// Takes a record out of search and lists; it and its history stay in the database.
    public func remove(id: Int, expectedVersion: Int, actor: String) async throws {
        try await store.transaction { sql in
            guard let current = try await Self.stored(sql, id: id) else {
                throw ProgrammeError.notFound("Kennisrecord \(id)")
            }
            try await Self.bump(sql, id: id, expectedVersion: expectedVersion, title: current.title, actor: actor) {
                $0.set("deleted", to: SQLBind(true))
            }
            try await Self.history(
                sql, id: id, version: expectedVersion + 1, actor: actor, action: "verwijderd", payload: current.payload)
            try await Self.index(sql, id: id, document: nil)
            try await AuditLog.record(sql, actor: actor, action: "kennis verwijderd", subject: current.title)
        }
    }

    /// The record, also when removed (pages say so); nil when it does not exist or is a concept the audience may not see.
    /// The records with these ids that the audience may see, live ones only, in id order: one query.
    public func records(ids: [Int]) async throws -> [Stored] {
        guard !ids.isEmpty else { return [] }
        return try await visible(
            store.sql.select().column("id").column("kind").column("title").column("payload").column("version")
                .column("deleted").column("updated_by").column("published").from("knowledge_records")
        ).where("id", .in, ids).orderBy("id").all().map(Self.stored)
    }

    public func record(id: Int) async throws -> Stored? {
        guard let stored = try await Self.stored(store.sql, id: id), stored.published || audience == .internal else {
            return nil
        }
        return stored
    }

    public func history(id: Int) async throws -> [Change] {
        try await store.sql.select().column("*").from("knowledge_history").where("record_id", .equal, id).orderBy(
            "version"
        ).all().map {
            Change(
                version: try $0.decode(column: "version"), at: try $0.decode(column: "at"),
                actor: try $0.decode(column: "actor"),
                action: try $0.decode(column: "action"), payload: try $0.decode(column: "payload"))
        }
    }

    /// Live records tied to any of the regions, with their evidence level: the candidates for suggestions.
    public func anchored(in regionCodes: [String], kind: Kind = .intervention) async throws -> [Suggestions.Candidate] {
        guard !regionCodes.isEmpty else { return [] }
        // One query: the evidence level comes along as a subquery on the facets.
        let evidence = SQLRaw(
            "(SELECT value FROM knowledge_facets WHERE knowledge_facets.record_id = knowledge_records.id "
                + "AND knowledge_facets.facet = '\(Facet.evidence.rawValue)' LIMIT 1)")
        let rows = try await visible(
            store.sql.select().column("id").column("title").column("region_code")
                .column(evidence, as: "evidence").from("knowledge_records")
        )
        .where("kind", .equal, kind.rawValue).where("region_code", .in, regionCodes).all()
        return try rows.map { row in
            .init(
                id: try row.decode(column: "id"), title: try row.decode(column: "title"),
                regionCode: try row.decode(column: "region_code"),
                evidence: (try row.decode(column: "evidence", as: String?.self)).flatMap(EvidenceLevel.init(rawValue:))
                    ?? .unknown)
        }
    }

    /// The live records with these ids, in id order: one query.
    public func records<T: Decodable>(ids: [Int], kind: Kind, as type: T.Type) async throws -> [(id: Int, value: T)] {
        guard !ids.isEmpty else { return [] }
        return try await visible(store.sql.select().column("id").column("payload").from("knowledge_records"))
            .where("kind", .equal, kind.rawValue).where("id", .in, ids).orderBy("id").all().map {
                (
                    try $0.decode(column: "id"),
                    try JSONDecoder().decode(
                        T.self, from: Data((try $0.decode(column: "payload", as: String.self)).utf8))
                )
            }
    }

    /// Live records of a kind about a CBS region (research names its regions), oldest first: one query.
    public func about<T: Decodable>(_ regionCode: String, kind: Kind, as type: T.Type) async throws -> [(
        id: Int, value: T
    )] {
        let regions = store.sql.select().column("record_id").from("knowledge_regions").where(
            "region_code", .equal, regionCode)
        return try await visible(store.sql.select().column("id").column("payload").from("knowledge_records"))
            .where("kind", .equal, kind.rawValue).where("id", .in, SQLGroupExpression(regions.query)).orderBy("id")
            .all().map {
                (
                    try $0.decode(column: "id"),
                    try JSONDecoder().decode(
                        T.self, from: Data((try $0.decode(column: "payload", as: String.self)).utf8))
                )
            }
    }

    /// Live records of a kind with their content, oldest first (research register, transfers).
    public func all<T: Decodable>(_ kind: Kind, as type: T.Type) async throws -> [(id: Int, version: Int, value: T)] {
        try await visible(store.sql.select().column("id").column("version").column("payload").from("knowledge_records"))
            .where("kind", .equal, kind.rawValue).orderBy("id").all().map {
                (
                    try $0.decode(column: "id"), try $0.decode(column: "version"),
                    try JSONDecoder().decode(
                        T.self, from: Data((try $0.decode(column: "payload", as: String.self)).utf8))
                )
            }
    }

    // MARK: Inside the transaction

    /// The version check and the write are one statement: of two editors of the same version exactly one wins.
    static func bump(
        _ sql: any SQLDatabase, id: Int, expectedVersion: Int, title: String, actor: String,
        _ changes: (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws {
        let update = sql.update("knowledge_records").set("version", to: SQLBind(expectedVersion + 1))
            .set("updated_at", to: SQLBind(now())).set("updated_by", to: SQLBind(actor))
        let rows = try await changes(update).where("id", .equal, id).where("version", .equal, expectedVersion)
            .where("deleted", .equal, SQLBind(false)).returning("id").all()
        guard rows.isEmpty else { return }
        guard try await stored(sql, id: id) != nil else { throw ProgrammeError.notFound("Kennisrecord \(id)") }
        throw ProgrammeError.conflict("‘\(title)’")
    }

    static func history(_ sql: any SQLDatabase, id: Int, version: Int, actor: String, action: String, payload: String)
        async throws
    {
        try await sql.insert(into: "knowledge_history").columns(
            "record_id", "version", "at", "actor", "action", "payload"
        )
        .values(SQLBind(id), SQLBind(version), SQLBind(now()), SQLBind(actor), SQLBind(action), SQLBind(payload)).run()
    }

    /// Replaces the record's index entry and facets; nil removes them.
    static func index(_ sql: any SQLDatabase, id: Int, document: SearchDocument?) async throws {
        try await sql.delete(from: "knowledge_facets").where("record_id", .equal, id).run()
        try await sql.delete(from: "knowledge_regions").where("record_id", .equal, id).run()
        if let document, !document.regions.isEmpty {
            let regions = sql.insert(into: "knowledge_regions").columns("record_id", "region_code")
            for code in Set(document.regions) { regions.values(SQLBind(id), SQLBind(code)) }
            try await regions.run()
        }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DELETE FROM knowledge_fts WHERE rowid = \(bind: id)").run()
            if let document {
                try await sql.raw(
                    "INSERT INTO knowledge_fts (rowid, title, body) VALUES (\(bind: id), \(bind: SearchText.terms(document.title).joined(separator: " ")), \(bind: SearchText.terms(document.body).joined(separator: " ")))"
                ).run()
            }
        } else if let document {
            try await sql.raw(
                """
                UPDATE knowledge_records SET search = setweight(to_tsvector('dutch', \(bind: SearchText.fold(document.title))), 'A')
                    || setweight(to_tsvector('dutch', \(bind: SearchText.fold(document.body))), 'B') WHERE id = \(bind: id)
                """
            ).run()
        } else {
            try await sql.raw("UPDATE knowledge_records SET search = NULL WHERE id = \(bind: id)").run()
        }
        guard let document else { return }
        let insert = sql.insert(into: "knowledge_facets").columns("record_id", "facet", "value")
        var any = false
        for (facet, values) in document.facets {
            for value in Set(values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }) {
                insert.values(SQLBind(id), SQLBind(facet.rawValue), SQLBind(value))
                any = true
            }
        }
        if any { try await insert.run() }
    }

    static func stored(_ sql: any SQLDatabase, id: Int) async throws -> Stored? {
        try await sql.select().column("id").column("kind").column("title").column("payload").column("version").column(
            "deleted"
        )
        .column("updated_by").column("published").from("knowledge_records").where("id", .equal, id).first().map(stored)
    }

    static func stored(_ row: any SQLRow) throws -> Stored {
        struct Row: Decodable {
            var id, version: Int
            var kind, title, payload, updatedBy: String
            var deleted, published: Bool
        }
        let r = try Rows.decode(Row.self, row)
        return Stored(
            id: r.id, kind: Kind(rawValue: r.kind) ?? .intervention, title: r.title, payload: r.payload,
            version: r.version,
            deleted: r.deleted, updatedBy: r.updatedBy, published: r.published)
    }
}
