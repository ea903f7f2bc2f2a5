import FluentKit
import SQLKit

/// One person, one account, a membership per programme: role, city and participant record per round. Existing
/// accounts of coordinators and participants become a membership of their city's programme (on SQLite and
/// PostgreSQL alike: plain INSERT … SELECT); accounts can be deactivated without losing their history.
struct M016CreateMemberships: SQLMigration {
    var name: String { "M016_CreateMemberships" }
    var tables: [String] { ["memberships"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "memberships")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("programme_id", type: .bigint, .notNull, .references("programmes", "id"))
            .column("role", type: .text, .notNull)
            .column("city_id", type: .bigint, .references("programme_cities", "id"))
            .column("participant_id", type: .bigint, .references("participants", "id"))
            .column("created_at", type: .bigint, .notNull)
            .unique("user_id", "programme_id")
            .run()
        try await sql.raw(Self.existingAccounts).run()
        try await sql.alter(table: "users").column("deactivated_at", type: .bigint).run()
    }

    /// Every account with a city becomes a membership of that city's programme (skipping any that already is one).
    static let existingAccounts: SQLQueryString = """
        INSERT INTO memberships (user_id, programme_id, role, city_id, participant_id, created_at)
        SELECT users.id, programme_cities.programme_id, users.role, users.city_id, users.participant_id,
               users.created_at
        FROM users JOIN programme_cities ON programme_cities.id = users.city_id
        WHERE users.city_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.programme_id = programme_cities.programme_id)
        """

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(table: "memberships").ifExists().run()
        try await sql.raw("ALTER TABLE users DROP COLUMN deactivated_at").run()
    }
}
