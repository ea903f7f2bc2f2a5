import FluentKit
import SQLKit

/// Publications: versions of the programme's reports (a published one frozen), blog and news posts with their
/// images, and a publication state for knowledge records (existing records were public and stay so).
struct M012CreatePublications: SQLMigration {
    var name: String { "M012_CreatePublications" }
    var tables: [String] { ["post_images", "posts", "report_versions"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.raw("ALTER TABLE knowledge_records ADD COLUMN published BOOLEAN NOT NULL DEFAULT TRUE").run()
        try await sql.create(table: "report_versions")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("programme_id", type: .bigint, .notNull, .references("programmes", "id"))
            .column("kind", type: .text, .notNull)
            // Assigned on publication: 1, 2, … per programme and report; a concept has none.
            .column("number", type: .int)
            // JSON {slot: {title, markdown}}: the editors' text between the generated parts.
            .column("sections", type: .text, .notNull)
            .column("staff_note", type: .text, .notNull)
            // The whole document, figures included, as published: later data never changes it.
            .column("document", type: .text)
            .column("version", type: .int, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("updated_by", type: .text, .notNull)
            .column("published_at", type: .bigint)
            .unique("programme_id", "kind", "number")
            .run()
        try await sql.create(table: "posts")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("slug", type: .text, .notNull, .unique)
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("author", type: .text, .notNull)
            // JSON {thema: [..], wijk: [..], stad: [..]}.
            .column("tags", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            // Seconds since 1970 (UTC); a published post with a later time is scheduled and not yet public.
            .column("publish_at", type: .bigint, .notNull)
            .column("staff_note", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("deleted", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("updated_by", type: .text, .notNull)
            .run()
        try await sql.create(index: "posts_publish_at").on("posts").column("publish_at").run()
        try await sql.create(table: "post_images")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("post_id", type: .bigint, .notNull, .references("posts", "id"))
            .column("file_name", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("alt", type: .text, .notNull)
            .column("content", type: .blob, .notNull)
            .column("uploaded_by", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .run()
    }
}
