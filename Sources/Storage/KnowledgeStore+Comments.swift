import Core
import Foundation
import Knowledge
import Programme
import SQLKit

/// The conversation on an opgave: comments by those who may identify opgaven, hidden (not deleted) by staff.
extension KnowledgeStore {
    public struct Comment: Sendable, Equatable {
        public var id: Int
        public var author: String
        public var organisation: String?
        public var body: String
        public var createdAt: Int
        /// Set when staff hid it: by whom and why. Hidden comments stay, for the history.
        public var hidden: (by: String, reason: String)?

        public static func == (a: Comment, b: Comment) -> Bool {
            (a.id, a.author, a.body, a.createdAt, a.hidden?.by, a.hidden?.reason)
                == (b.id, b.author, b.body, b.createdAt, b.hidden?.by, b.hidden?.reason)
        }
    }

    public static let commentLimit = 4_000

    public func comment(on id: Int, userID: Int, body: String, actor: String) async throws {
        let text = InputText.clean(body).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { throw ProgrammeError.invalid(["Reactie: schrijf eerst iets."]) }
        if text.count > Self.commentLimit {
            throw ProgrammeError.invalid(["Reactie: hoogstens \(Self.commentLimit) tekens (nu \(text.count))."])
        }
        try await store.transaction { sql in
            guard let stored = try await Self.stored(sql, id: id), stored.kind == .opgave, !stored.deleted else {
                throw ProgrammeError.notFound("Opgave \(id)")
            }
            let person =
                try await sql.select().column(SQLColumn("name", table: "users"))
                .column(SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("organisation")))
                .from("users")
                .join(
                    "memberships", method: SQLJoinMethod.left, on: SQLColumn("id", table: "users"), .equal,
                    SQLColumn("user_id", table: "memberships")
                )
                .join(
                    "participants", method: SQLJoinMethod.left,
                    on: SQLColumn("participant_id", table: "memberships"), .equal,
                    SQLColumn("id", table: "participants")
                )
                .join(
                    "organisations", method: SQLJoinMethod.left,
                    on: SQLColumn("organisation_id", table: "participants"), .equal,
                    SQLColumn("id", table: "organisations")
                )
                .where(SQLColumn("id", table: "users"), .equal, SQLBind(userID))
                // A participant record with an organisation first (NULLs sort apart on the two databases).
                .where(SQLColumn("name", table: "organisations"), .isNot, SQLLiteral.null).first()
            let fallback = try await sql.select().column("name").from("users").where("id", .equal, userID).first()
            let name = try (person ?? fallback)?.decode(column: "name", as: String.self) ?? actor
            let organisation = try person?.decode(column: "organisation", as: String?.self)
            try await sql.insert(into: "opgave_comments").columns(
                "record_id", "user_id", "author", "organisation", "body", "created_at"
            ).values(
                SQLBind(id), SQLBind(userID), SQLBind(name), SQLBind(organisation), SQLBind(text), SQLBind(now())
            ).run()
            try await AuditLog.record(sql, actor: actor, action: "reactie op opgave", subject: stored.title)
        }
    }

    public func comments(on id: Int) async throws -> [Comment] {
        try await store.sql.select().column("*").from("opgave_comments").where("record_id", .equal, id)
            .orderBy("created_at").orderBy("id").all().map { row in
                let hiddenBy = try row.decode(column: "hidden_by", as: String?.self)
                let reason = try row.decode(column: "hidden_reason", as: String?.self) ?? ""
                return Comment(
                    id: try row.decode(column: "id"), author: try row.decode(column: "author"),
                    organisation: try row.decode(column: "organisation"), body: try row.decode(column: "body"),
                    createdAt: try row.decode(column: "created_at"),
                    hidden: hiddenBy.map { ($0, reason) })
            }
    }

    /// Staff hide a comment with a reason; it stays stored and logged.
    public func hideComment(_ commentID: Int, on id: Int, reason: String, actor: String) async throws {
        let why = InputText.clean(reason, multiline: false).trimmingCharacters(in: .whitespaces)
        if why.isEmpty { throw ProgrammeError.invalid(["Reden: zeg waarom de reactie wordt verborgen."]) }
        try await store.transaction { sql in
            let changed = try await sql.update("opgave_comments").set("hidden_at", to: SQLBind(now()))
                .set("hidden_by", to: SQLBind(actor)).set("hidden_reason", to: SQLBind(why))
                .where("id", .equal, commentID).where("record_id", .equal, id).where("hidden_at", .is, SQLLiteral.null)
                .returning("id").all()
            // An already hidden comment keeps who hid it and why.
            guard !changed.isEmpty else { throw ProgrammeError.notFound("Deze zichtbare reactie") }
            try await AuditLog.record(
                sql, actor: actor, action: "reactie verborgen", subject: "opgave \(id)", detail: why)
        }
    }
}
