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
}
