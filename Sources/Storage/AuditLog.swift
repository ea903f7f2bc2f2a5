import Core
import Foundation
import SQLKit

/// Who changed what, when. Written in the same transaction as the change, so the log never claims a change that
/// was rolled back.
public struct AuditLog: Sendable {
    public struct Entry: Sendable, Equatable {
        public var at: Int
        public var actor: String
        public var action: String
        public var subject: String
        public var detail: String
    }

    let store: Store

    public init(store: Store) { self.store = store }

    static func record(_ sql: any SQLDatabase, actor: String, action: String, subject: String, detail: String = "")
        async throws
    {
        try await sql.insert(into: "audit_log").columns("at", "actor", "action", "subject", "detail")
            .values(SQLBind(now()), SQLBind(actor), SQLBind(action), SQLBind(subject), SQLBind(detail)).run()
    }

    public func record(actor: String, action: String, subject: String, detail: String = "") async throws {
        try await Self.record(store.sql, actor: actor, action: action, subject: subject, detail: detail)
    }

    public func recent(limit: Int = 200) async throws -> [Entry] {
        try await store.sql.select().column("*").from("audit_log").orderBy("id", .descending).limit(limit).all().map {
            let row = try Rows.decode(AuditRow.self, $0)
            return Entry(at: row.at, actor: row.actor, action: row.action, subject: row.subject, detail: row.detail)
        }
    }
}

func now() -> Int { Clock.current.seconds }

/// Milliseconds, for the login throttle: its first waits are one and two seconds, which whole seconds cannot time.
func nowMillis() -> Int { Int(Clock.current.now().timeIntervalSince1970 * 1000) }
