import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// The version of everything public pages are built from: one number in the database, raised after every write
/// (an import, a form sent, a command run), so that every instance on the same PostgreSQL database agrees on it and
/// an import on one instance invalidates the pages cached by the others.
///
/// Reading it costs a query, so an instance keeps what it read for `maximumAge` (1 s): another instance's write is
/// seen within that bound. A write through this `Store` forgets the kept values at once, so the instance that wrote
/// never serves its own stale pages.
struct M019CreateContentVersion: SQLMigration {
    var name: String { "M019_CreateContentVersion" }
    var tables: [String] { ["content_version"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "content_version")
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("n", type: .bigint, .notNull)
            .run()
        try await sql.insert(into: "content_version").columns("id", "n").values(SQLBind(1), SQLBind(0)).run()
    }
}

/// A value read from the database, kept for a bounded time.
final class StaleBound<Value: Sendable>: Sendable {
    private struct Kept { var value: Value; var readAt: UInt64 }
    private let kept = NIOLockedValueBox<Kept?>(nil)
    let maximumAge: UInt64

    init(seconds: Double) { maximumAge = UInt64(seconds * 1e9) }

    func value(read: () async throws -> Value) async throws -> Value {
        let now = DispatchTime.now().uptimeNanoseconds
        if let kept = kept.withLockedValue({ $0 }), now &- kept.readAt < maximumAge { return kept.value }
        let value = try await read()
        kept.withLockedValue { $0 = Kept(value: value, readAt: now) }
        return value
    }

    func forget() { kept.withLockedValue { $0 = nil } }
}

extension Store {
    /// The content version (see `M019CreateContentVersion`), at most `versionBound` seconds old.
    public func contentVersion() async throws -> Int64 {
        try await keptContentVersion.value {
            try await sql.select().column("n").from("content_version").where("id", .equal, 1)
                .first(decodingColumn: "n", as: Int64.self) ?? 0
        }
    }

    /// Records that something was written outside a transaction (which raises it itself): raises the shared version
    /// and forgets what this instance kept.
    public func contentChanged() async throws {
        try await Self.raiseContentVersion(on: sql)
        forgetVersions()
    }

    static func raiseContentVersion(on sql: any SQLDatabase) async throws {
        try await sql.update("content_version").set(SQLIdentifier("n"), to: SQLRaw("n + 1"))
            .where("id", .equal, 1).run()
    }

    func forgetVersions() {
        keptContentVersion.forget()
        keptDataVersion.forget()
    }
}
