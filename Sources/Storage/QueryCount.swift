import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// Counts the queries a piece of work sends, for the tests that hold list pages to one query per list: run the
/// work inside `QueryCount.$current.withValue(counter)` and every `Store.sql` in that task counts.
public final class QueryCount: Sendable {
    @TaskLocal public static var current: QueryCount?
    private let count = NIOLockedValueBox(0)
    private let texts = NIOLockedValueBox<[String]>([])

    public init() {}

    public var queries: Int { count.withLockedValue { $0 } }
    /// The SQL of each query, to show in a failing test.
    public var statements: [String] { texts.withLockedValue { $0 } }

    func record(_ sql: String) {
        count.withLockedValue { $0 += 1 }
        texts.withLockedValue { $0.append(sql) }
    }
}

/// A database that passes everything on to another one; the wrappers below add what they watch.
protocol SQLDatabaseWrapper: SQLDatabase {
    var database: any SQLDatabase { get }
}

extension SQLDatabaseWrapper {
    var logger: Logger { database.logger }
    var eventLoop: any EventLoop { database.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { database.version }
    var dialect: any SQLDialect { database.dialect }
    var queryLogLevel: Logger.Level? { database.queryLogLevel }
}

/// A database that counts each query before passing it on.
struct CountingSQLDatabase: SQLDatabaseWrapper {
    let database: any SQLDatabase
    let counter: QueryCount

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<
        Void
    > {
        counter.record(database.serialize(query).sql)
        return database.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        counter.record(database.serialize(query).sql)
        try await database.execute(sql: query, onRow)
    }
}
