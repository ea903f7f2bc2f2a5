import Foundation
import Programme
import SQLKit

/// Password resets through one-time links: made by staff (who copy the link when no mail server is set) or asked
/// for by the account holder (sent by e-mail). Used once; a newer link replaces older ones; using it ends every
/// session of the account, as changing a password does.
extension AccountStore {
    public static let resetHours = 24

    /// Self-service requests within this many seconds of an unused link make no new one: asking again (or someone
    /// asking for you) must not keep killing the link in your mailbox, nor fill mailbox and audit log.
    public static let resetRequestInterval = 10 * 60

    /// A new reset link's token for an account; earlier unused links of the account stop working. With `keepRecent`
    /// (a request from the login page) nothing is made, and nil returned, while a link of the last ten minutes is
    /// unused; staff's links are always made.
    public func createResetLink(userID: Int, actor: String, keepRecent: Bool = false) async throws -> String? {
        let token = Self.randomToken()
        return try await store.transaction { sql -> String? in
            guard let row = try await sql.select().column("email").from("users").where("id", .equal, userID).first()
            else {
                throw ProgrammeError.notFound("Dit account bestaat niet.")
            }
            if keepRecent,
                try await sql.select().column("token_hash").from("one_time_links").where("user_id", .equal, userID)
                    .where("purpose", .equal, "herstel").where("used_at", .is, SQLLiteral.null)
                    .where("created_at", .greaterThan, nowSeconds - Self.resetRequestInterval).first() != nil
            {
                return nil
            }
            try await sql.update("one_time_links").set("used_at", to: SQLBind(nowSeconds))
                .where("user_id", .equal, userID).where("purpose", .equal, "herstel").where(
                    "used_at", .is, SQLLiteral.null
                ).run()
            try await sql.insert(into: "one_time_links")
                .columns("token_hash", "purpose", "user_id", "created_by", "created_at", "expires_at")
                .values(
                    SQLBind(Self.hash(token)), SQLBind("herstel"), SQLBind(userID), SQLBind(actor), SQLBind(nowSeconds),
                    SQLBind(nowSeconds + Self.resetHours * 3600)
                )
                .run()
            try await AuditLog.record(
                sql, actor: actor, action: "herstellink gemaakt", subject: try row.decode(column: "email"),
                detail: "link \(Self.reference(token))")
            return token
        }
    }

    /// The account a reset link is for, if the link is unused and not expired.
    public func resetAccount(token: String) async throws -> Account? {
        guard
            let row = try await store.sql.select().column("user_id").from("one_time_links")
                .where("token_hash", .equal, Self.hash(token)).where("purpose", .equal, "herstel")
                .where("used_at", .is, SQLLiteral.null).where("expires_at", .greaterThan, nowSeconds).first()
        else { return nil }
        return try await account(id: try row.decode(column: "user_id"))
    }

    /// Uses the link once and sets the new password; a second use is refused.
    public func resetPassword(token: String, passwordHash: String) async throws -> Account {
        guard let account = try await resetAccount(token: token) else {
            throw ProgrammeError.refused("Deze herstellink is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.")
        }
        try await store.transaction { sql in
            let claimed = try await sql.update("one_time_links").set("used_at", to: SQLBind(nowSeconds))
                .where("token_hash", .equal, Self.hash(token)).where("used_at", .is, SQLLiteral.null).returning(
                    "user_id"
                ).all()
            guard !claimed.isEmpty else { throw ProgrammeError.refused("Deze herstellink is al gebruikt.") }
            try await sql.update("users").set("password_hash", to: SQLBind(passwordHash)).where(
                "id", .equal, account.id
            ).run()
            try await sql.delete(from: "sessions").where("user_id", .equal, account.id).run()
            try await sql.delete(from: "login_failures").where("email", .equal, account.email).where(
                "kind", .equal, "inloggen"
            ).run()
            try await AuditLog.record(
                sql, actor: account.email, action: "wachtwoord hersteld", subject: account.email,
                detail: "link \(Self.reference(token))")
        }
        return account
    }

    /// Replaces a stored hash with a stronger one of the same password (at login, when the old scheme is found).
    public func upgradeHash(userID: Int, hash: String) async throws {
        try await store.sql.update("users").set("password_hash", to: SQLBind(hash)).where("id", .equal, userID).run()
    }
}
