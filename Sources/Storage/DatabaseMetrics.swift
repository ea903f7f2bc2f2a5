import Dispatch
import Logging
import Metrics
import NIOCore
import SQLKit

/// Reports database use to swift-metrics (Prometheus at `/metrics` in the web app; nothing in the CLI): queries
/// waiting for or holding a pooled connection right now, and how long each took. The pool itself has no public
/// counters, so queries in flight stand for its use; the PostgreSQL pool's size is reported beside them.
struct MeteredSQLDatabase: SQLDatabaseWrapper {
    let database: any SQLDatabase

    /// Made per use, not kept: a meter made before the backend is chosen would stay a no-op for good.
    static var inFlight: Meter { Meter(label: "wijkradar_database_queries_in_flight") }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<
        Void
    > {
        let started = DispatchTime.now().uptimeNanoseconds
        Self.inFlight.increment()
        return database.execute(sql: query, onRow).always { result in
            Self.inFlight.decrement()
            Self.record(since: started, failed: (try? result.get()) == nil)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let started = DispatchTime.now().uptimeNanoseconds
        Self.inFlight.increment()
        defer { Self.inFlight.decrement() }
        do {
            try await database.execute(sql: query, onRow)
            Self.record(since: started, failed: false)
        } catch {
            Self.record(since: started, failed: true)
            throw error
        }
    }

    private static func record(since started: UInt64, failed: Bool) {
        Timer(label: "wijkradar_database_query_duration_seconds", dimensions: [("result", failed ? "error" : "ok")])
            .recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - started))
    }

    /// Connections the PostgreSQL pool may open: 4 per event loop (see `Store.open`).
    static func reportPoolSize(eventLoops: Int) {
        Meter(label: "wijkradar_database_pool_connections_max").set(Double(4 * eventLoops))
    }
}
