import Core
import Foundation
import Programme
import SQLKit

/// The invitations staff have made and nobody has used yet: listed, made again (a new link; the old one stops
/// working) or revoked. An invitation is named by its hash, which opens nothing; the link itself is never stored.
extension AccountStore {
    public struct PendingInvitation: Sendable, Equatable {
        /// The SHA-256 of the token: the invitation's name in addresses and the log.
        public var reference: String
        public var email: String
        public var name: String
        public var role: Role
        public var cityID: Int?
        public var participantID: Int?
        public var createdBy: String
        public var createdAt: Int
        public var expiresAt: Int
    }

    /// Unused and not expired, newest first.
    public func pendingInvitations() async throws -> [PendingInvitation] {
        try await store.sql.select().column("*").from("invitations").where("used_at", .is, SQLLiteral.null)
            .where("expires_at", .greaterThan, nowSeconds).orderBy("created_at", .descending).all().map { row in
                PendingInvitation(
                    reference: try row.decode(column: "token_hash"), email: try row.decode(column: "email"),
                    name: try row.decode(column: "name"),
                    role: Role(rawValue: try row.decode(column: "role")) ?? .participant,
                    cityID: try row.decode(column: "city_id"), participantID: try row.decode(column: "participant_id"),
                    createdBy: try row.decode(column: "created_by"), createdAt: try row.decode(column: "created_at"),
                    expiresAt: try row.decode(column: "expires_at"))
            }
    }

    /// Ends a pending invitation: its link stops working at once. Returns it, or nil when it was no longer pending.
    @discardableResult
    public func revokeInvitation(reference: String, actor: String) async throws -> PendingInvitation? {
        guard let pending = try await pendingInvitations().first(where: { $0.reference == reference }) else {
            return nil
        }
        try await store.transaction { sql in
            try await sql.update("invitations").set("expires_at", to: SQLBind(nowSeconds))
                .where("token_hash", .equal, reference).where("used_at", .is, SQLLiteral.null).run()
            try await AuditLog.record(
                sql, actor: actor, action: "uitnodiging ingetrokken", subject: pending.email,
                detail: "link #\(reference.prefix(12))")
        }
        return pending
    }

    /// The same invitation with a new link (for a lost mail or a link that could not be copied); the old link stops
    /// working in the same statement, so there is never a moment with two. Returns the new token and the invitation,
    /// or nil when it was no longer pending.
    public func reissueInvitation(reference: String, actor: String) async throws -> (
        token: String, invitation: PendingInvitation
    )? {
        guard let pending = try await pendingInvitations().first(where: { $0.reference == reference }) else {
            return nil
        }
        let token = Self.randomToken()
        return try await store.transaction { sql in
            let changed = try await sql.update("invitations").set("token_hash", to: SQLBind(Self.hash(token)))
                .set("expires_at", to: SQLBind(nowSeconds + Self.invitationDays * 86400))
                .where("token_hash", .equal, reference).where("used_at", .is, SQLLiteral.null)
                .where("expires_at", .greaterThan, nowSeconds).returning("email").all()
            guard !changed.isEmpty else { return nil }
            try await AuditLog.record(
                sql, actor: actor, action: "uitnodiging opnieuw gemaakt", subject: pending.email,
                detail: "link #\(Self.hash(token).prefix(12)) vervangt #\(reference.prefix(12))")
            return (token, pending)
        }
    }
}
