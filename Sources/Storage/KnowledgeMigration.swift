import Foundation
import Knowledge
import FluentKit
import SQLKit

/// Knowledge records (interventions, opgaven, research) with their full history, facets and a full-text index:
/// FTS5 on SQLite (terms stemmed by Wijkradar), a weighted `tsvector` with the `dutch` configuration on PostgreSQL.
struct M011CreateKnowledge: SQLMigration {
    var name: String { "M011_CreateKnowledge" }
    var tables: [String] {
        [
            "knowledge_attachments", "knowledge_support", "knowledge_facets", "knowledge_history", "knowledge_fts",
            "knowledge_records",
        ]
    }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "knowledge_records")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("payload", type: .text, .notNull)
            .column("city_id", type: .bigint)
            .column("region_code", type: .text)
            .column("start_year", type: .int)
            .column("version", type: .int, .notNull)
            .column("deleted", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("updated_by", type: .text, .notNull)
            .run()
        try await sql.create(table: "knowledge_history")
            .column("record_id", type: .bigint, .notNull, .references("knowledge_records", "id"))
            .column("version", type: .int, .notNull)
            .column("at", type: .bigint, .notNull)
            .column("actor", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("payload", type: .text, .notNull)
            .primaryKey(["record_id", "version"])
            .run()
        try await sql.create(table: "knowledge_facets")
            .column("record_id", type: .bigint, .notNull, .references("knowledge_records", "id"))
            .column("facet", type: .text, .notNull)
            .column("value", type: .text, .notNull)
            .primaryKey(["record_id", "facet", "value"])
            .run()
        try await sql.create(index: "knowledge_facets_value").on("knowledge_facets").column("facet").column("value")
            .run()
        // Files attached to records, in the database so every instance serves them; checked before they get here.
        try await sql.create(table: "knowledge_attachments")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("record_id", type: .bigint, .notNull, .references("knowledge_records", "id"))
            .column("file_name", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("content", type: .blob, .notNull)
            .column("uploaded_by", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .run()
        // Participants' support for an opgave: one per account.
        try await sql.create(table: "knowledge_support")
            .column("record_id", type: .bigint, .notNull, .references("knowledge_records", "id"))
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("at", type: .bigint, .notNull)
            .primaryKey(["record_id", "user_id"])
            .run()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE VIRTUAL TABLE knowledge_fts USING fts5(title, body, tokenize = 'unicode61')")
                .run()
        } else {
            try await sql.raw("ALTER TABLE knowledge_records ADD COLUMN search tsvector").run()
            try await sql.raw("CREATE INDEX knowledge_records_search ON knowledge_records USING GIN (search)").run()
        }
    }
}

/// The CBS regions each knowledge record is about (a study can name several wijken), so a wijk page finds its
/// records in one query instead of reading the whole register. Filled from the records already there.
struct M014KnowledgeRegions: SQLMigration {
    var name: String { "M014_KnowledgeRegions" }
    var tables: [String] { ["knowledge_regions"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "knowledge_regions")
            .column("record_id", type: .bigint, .notNull, .references("knowledge_records", "id"))
            .column("region_code", type: .text, .notNull)
            .run()
        try await sql.create(index: "knowledge_regions_code").on("knowledge_regions").column("region_code").run()
        try await sql.create(index: "knowledge_regions_record").on("knowledge_regions").column("record_id").run()
        let rows = try await sql.select().column("id").column("kind").column("payload").column("region_code").from(
            "knowledge_records"
        )
        .where("deleted", .equal, SQLBind(false)).all()
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            var codes: [String] = []
            if try row.decode(column: "kind", as: String.self) == KnowledgeStore.Kind.research.rawValue {
                let payload = Data(try row.decode(column: "payload", as: String.self).utf8)
                codes = (try? JSONDecoder().decode(Research.self, from: payload))?.regionCodes ?? []
            } else if let code = try row.decode(column: "region_code", as: String?.self) {
                codes = [code]
            }
            guard !codes.isEmpty else { continue }
            let insert = sql.insert(into: "knowledge_regions").columns("record_id", "region_code")
            for code in Set(codes) { insert.values(SQLBind(id), SQLBind(code)) }
            try await insert.run()
        }
    }
}
