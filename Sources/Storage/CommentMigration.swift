import SQLKit

/// Comments on opgaven (issue 16): participants discuss an opgave; staff hide a comment with a reason, and the
/// hidden comment stays in the table (its history), shown to staff, never deleted.
struct M018CreateOpgaveComments: SQLMigration {
    var name: String { "M018_CreateOpgaveComments" }
    var tables: [String] { ["opgave_comments"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "opgave_comments")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("record_id", type: .bigint, .notNull, .references("knowledge_records", "id"))
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("author", type: .text, .notNull)
            .column("organisation", type: .text)
            .column("body", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("hidden_at", type: .bigint)
            .column("hidden_by", type: .text)
            .column("hidden_reason", type: .text)
            .run()
    }
}
