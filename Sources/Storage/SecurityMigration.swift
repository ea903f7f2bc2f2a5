import FluentKit
import SQLKit

/// Hardening: login failures also counted per client address, and password-reset requests next to them; one-time
/// links for password resets (the mechanism invitations share); and invitation links that an earlier version wrote
/// into the audit log, removed from it and made unusable.
struct M013Security: SQLMigration {
    var name: String { "M013_Security" }
    var tables: [String] { ["one_time_links"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.raw("ALTER TABLE login_failures ADD COLUMN client TEXT").run()
        // From now on `at` is in milliseconds (the throttle's first waits are one and two seconds).
        try await sql.raw("UPDATE login_failures SET at = at * 1000").run()
        // "inloggen": a login attempt that failed (or is being checked); "herstel": a request for a reset link.
        try await sql.raw("ALTER TABLE login_failures ADD COLUMN kind TEXT NOT NULL DEFAULT 'inloggen'").run()
        try await sql.create(index: "login_failures_client").on("login_failures").column("client").run()
        try await sql.create(table: "one_time_links")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            // What the link does: "herstel" (set a new password).
            .column("purpose", type: .text, .notNull)
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .column("used_at", type: .bigint)
            .run()
        try await Self.expireLoggedInvitations(sql)
    }

    /// NB: a live link in the log let anyone who could read the log take over the invitation: the invitation ends,
    /// then the link leaves the log.
    static func expireLoggedInvitations(_ sql: any SQLDatabase) async throws {
        let logged = try await sql.select().column("detail").from("audit_log")
            .where("action", .equal, "uitnodigingslink (geen mailserver)").all()
        for row in logged {
            let link = try row.decode(column: "detail", as: String.self)
            guard let token = link.split(separator: "/").last.map(String.init) else { continue }
            try await sql.update("invitations").set("expires_at", to: SQLBind(0))
                .where("token_hash", .equal, AccountStore.hash(token)).where("used_at", .is, SQLLiteral.null).run()
        }
        try await sql.update("audit_log").set("detail", to: SQLBind("(link verwijderd)"))
            .where("action", .equal, "uitnodigingslink (geen mailserver)").run()
    }
}
