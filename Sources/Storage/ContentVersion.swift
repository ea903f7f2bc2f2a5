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
///
/// `forget()` wins over a read that was under way when it was called (that read may have seen the database before
/// the write), and while one request reads a fresh value the others keep using the kept one.
final class StaleBound<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var readAt: UInt64 = 0
        var generation = 0
        var reading = false
    }
    private let state = NIOLockedValueBox(State())
    let maximumAge: UInt64

    init(seconds: Double) { maximumAge = UInt64(seconds * 1e9) }

    func value(read: () async throws -> Value) async throws -> Value {
        let now = DispatchTime.now().uptimeNanoseconds
        let (kept, generation): (Value?, Int) = state.withLockedValue { state in
            if let value = state.value, now &- state.readAt < maximumAge { return (value, -1) }
            if let value = state.value, state.reading { return (value, -1) }
            state.reading = true
            return (nil, state.generation)
        }
        if let kept { return kept }
        do {
            let value = try await read()
            state.withLockedValue { state in
                state.reading = false
                if state.generation == generation { (state.value, state.readAt) = (value, now) }
            }
            return value
        } catch {
            state.withLockedValue { $0.reading = false }
            throw error
        }
    }

    /// The kept value if it is young enough: a request that needs nothing else never leaves its thread for it.
    func fresh() -> Value? {
        let now = DispatchTime.now().uptimeNanoseconds
        return state.withLockedValue { state in
            guard let value = state.value, now &- state.readAt < maximumAge else { return nil }
            return value
        }
    }

    func forget() {
        state.withLockedValue { state in
            state.value = nil
            state.generation += 1
        }
    }
}

/// The content version and the data version, read together: content first, so that a page cached under a content
/// version is never built from data older than that version.
public struct Versions: Sendable, Equatable {
    public var content: Int64
    public var data: String
}

extension Store {
    /// Both versions, at most `versionBound` seconds old.
    public func versions() async throws -> Versions {
        try await keptVersions.value {
            let content =
                try await sql.select().column("n").from("content_version").where("id", .equal, 1)
                .first(decodingColumn: "n", as: Int64.self) ?? 0
            return Versions(content: content, data: try await AnalysisStore(store: self).dataVersion())
        }
    }

    /// The content version if this instance read it less than `versionBound` seconds ago, without waiting.
    public func freshContentVersion() -> Int64? { keptVersions.fresh()?.content }

    /// The content version (see `M019CreateContentVersion`): the key of the page cache.
    public func contentVersion() async throws -> Int64 { try await versions().content }

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

    func forgetVersions() { keptVersions.forget() }
}
