import SQLKit

/// Crosswalks (omrekentabellen) between two indelingen of one level: imported from a file or derived from outlines.
struct M015CreateCrosswalks: SQLMigration {
    var name: String { "M015_CreateCrosswalks" }
    var tables: [String] { ["crosswalks", "crosswalk_links"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "crosswalks")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("level", type: .text, .notNull)
            .column("from_year", type: .int, .notNull)
            .column("to_year", type: .int, .notNull)
            .column("origin", type: .text, .notNull)
            // What derivation recognised, or the imported file's name: shown with the crosswalk to staff.
            .column("statement", type: .text, .notNull)
            .column("derived", type: .int, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .unique("level", "from_year", "to_year", "origin")
            .run()
        try await sql.create(table: "crosswalk_links")
            .column("crosswalk_id", type: .bigint, .notNull, .references("crosswalks", "id"))
            .column("from_code", type: .text, .notNull)
            .column("to_code", type: .text, .notNull)
            .column("share", type: .custom(SQLRaw("DOUBLE PRECISION")), .notNull)
            .column("basis", type: .text, .notNull)
            .primaryKey(["crosswalk_id", "from_code", "to_code"])
            .run()
    }
}
