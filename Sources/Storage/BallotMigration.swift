import FluentKit
import SQLKit

/// Participants rank the themes themselves (issue 16): one ranking per participant per programme, and the
/// programme's choice of how those add up (every participant or every city the same).
struct M017CreateParticipantBallots: SQLMigration {
    var name: String { "M017_CreateParticipantBallots" }
    var tables: [String] { ["participant_ballots"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "participant_ballots")
            .column("programme_id", type: .bigint, .notNull, .references("programmes", "id"))
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("city_id", type: .bigint, .notNull, .references("programme_cities", "id"))
            .column("ranking", type: .text, .notNull)  // theme ids, best first, comma-separated
            .column("submitted_at", type: .bigint, .notNull)
            .primaryKey(["programme_id", "participant_id"])
            .run()
        try await sql.alter(table: "programmes").column("ballot_weighting", type: .text).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(table: "participant_ballots").ifExists().run()
        try await sql.raw("ALTER TABLE programmes DROP COLUMN ballot_weighting").run()
    }
}
