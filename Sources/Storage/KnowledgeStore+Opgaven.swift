import Core
import Crypto
import Foundation
import Knowledge
import SQLKit

/// The opgaven register: challenges with the support participants give them.
extension KnowledgeStore {
    /// All live opgaven with their support, oldest first.
    public func opgaven() async throws -> [(id: Int, version: Int, opgave: Opgave, support: Int)] {
        let rows = try await visible(
            store.sql.select().column("id").column("version").column("payload").from("knowledge_records")
        )
        .where("kind", .equal, Kind.opgave.rawValue).orderBy("id").all()
        var support: [Int: Int] = [:]
        for row in try await store.sql.select().column("record_id").from("knowledge_support").all() {
            support[try row.decode(column: "record_id", as: Int.self), default: 0] += 1
        }
        return try rows.map { row in
            let id: Int = try row.decode(column: "id")
            return (
                id, try row.decode(column: "version"),
                try JSONDecoder().decode(
                    Opgave.self, from: Data((try row.decode(column: "payload", as: String.self)).utf8)),
                support[id] ?? 0
            )
        }
    }

    /// Records one account's support for an opgave; supporting twice counts once.
    public func support(_ id: Int, userID: Int, actor: String) async throws {
        try await store.transaction { sql in
            guard let stored = try await Self.stored(sql, id: id), stored.kind == .opgave, !stored.deleted else {
                throw ProgrammeError.notFound("Opgave \(id)")
            }
            guard
                try await sql.select().column("at").from("knowledge_support").where("record_id", .equal, id).where(
                    "user_id", .equal, userID
                )
                .first() == nil
            else { throw ProgrammeError.duplicate("U steunt ‘\(stored.title)’ al.") }
            try await sql.insert(into: "knowledge_support").columns("record_id", "user_id", "at").values(
                SQLBind(id), SQLBind(userID), SQLBind(now())
            ).run()
            try await AuditLog.record(sql, actor: actor, action: "opgave gesteund", subject: stored.title)
        }
    }

    /// Withdraws one account's support; withdrawing support never given is refused.
    public func withdrawSupport(_ id: Int, userID: Int, actor: String) async throws {
        try await store.transaction { sql in
            guard let stored = try await Self.stored(sql, id: id), stored.kind == .opgave, !stored.deleted else {
                throw ProgrammeError.notFound("Opgave \(id)")
            }
            let removed = try await sql.delete(from: "knowledge_support").where("record_id", .equal, id)
                .where("user_id", .equal, userID).returning("record_id").all()
            guard !removed.isEmpty else { throw ProgrammeError.duplicate("U steunde ‘\(stored.title)’ niet.") }
            try await AuditLog.record(sql, actor: actor, action: "steun ingetrokken", subject: stored.title)
        }
    }

    /// The opgaven (of those given) one account supports.
    public func supported(by userID: Int) async throws -> Set<Int> {
        Set(
            try await store.sql.select().column("record_id").from("knowledge_support").where("user_id", .equal, userID)
                .all().map { try $0.decode(column: "record_id", as: Int.self) })
    }

    /// Who supports an opgave, counted by organisation (a participant's own; staff and coordinators by role), most
    /// first: "Gemeente Emmen (2), Lefier (1)".
    public func supportByOrganisation(_ id: Int) async throws -> [(organisation: String, count: Int)] {
        // A person's organisation is that of a participant record of theirs (through their memberships).
        let rows = try await store.sql.select().column(SQLColumn("role", table: "users"))
            .column(SQLAlias(SQLColumn("id", table: "users"), as: SQLIdentifier("person")))
            .column(SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("organisation")))
            .from("knowledge_support")
            .join(
                "users", on: SQLColumn("user_id", table: "knowledge_support"), .equal, SQLColumn("id", table: "users")
            )
            .join(
                "memberships", method: SQLJoinMethod.left, on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("user_id", table: "memberships")
            )
            .join(
                "participants", method: SQLJoinMethod.left, on: SQLColumn("participant_id", table: "memberships"),
                .equal, SQLColumn("id", table: "participants")
            )
            .join(
                "organisations", method: SQLJoinMethod.left,
                on: SQLColumn("organisation_id", table: "participants"), .equal, SQLColumn("id", table: "organisations")
            )
            .where(SQLColumn("record_id", table: "knowledge_support"), .equal, SQLBind(id)).all()
        // One name per person (several memberships give several rows): an organisation over a role.
        var names: [Int: String] = [:]
        for row in rows {
            let person = try row.decode(column: "person", as: Int.self)
            let organisation = (try? row.decode(column: "organisation", as: String?.self)).flatMap { $0 }
            if let organisation, !organisation.isEmpty {
                names[person] = organisation
            } else if names[person] == nil {
                names[person] =
                    Role(rawValue: (try? row.decode(column: "role", as: String.self)) ?? "")?.label ?? "onbekend"
            }
        }
        let counts = Dictionary(grouping: names.values, by: { $0 }).mapValues(\.count)
        return counts.map { ($0.key, $0.value) }.sorted { ($1.count, $0.organisation) < ($0.count, $1.organisation) }
    }
}
