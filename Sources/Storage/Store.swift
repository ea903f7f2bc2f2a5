import Core
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOPosix
import SQLKit

/// An open Wijkradar database: SQLite (default, a file in the data directory) or PostgreSQL, chosen by URL.
///
/// One code path serves both: all SQL goes through SQLKit builders; nothing here is written for one database only.
public final class Store: Sendable {
    public enum Kind: String, Sendable { case sqlite, postgres }

    public let kind: Kind
    /// The URL it was opened with: another instance opens the same database with it.
    public let url: String
    let databases: Databases
    let database: any Database
    let logger: Logger
    /// Held shared while this store is open (SQLite files only), so `restore` can tell the database is in use.
    let lock: DatabaseLock?
    /// Versions read from the database, kept for a second (see `ContentVersion.swift`).
    let keptVersions: StaleBound<Versions>

    var sql: any SQLDatabase {
        let base = MeteredSQLDatabase(database: database as! any SQLDatabase)
        return QueryCount.current.map { CountingSQLDatabase(database: base, counter: $0) } ?? base
    }

    private init(
        kind: Kind, url: String, databases: Databases, logger: Logger, lock: DatabaseLock?, versionBound: Double
    ) {
        self.lock = lock
        keptVersions = StaleBound(seconds: versionBound)
        self.kind = kind
        self.url = url
        self.databases = databases
        self.logger = logger
        self.database = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    /// Opens (and for SQLite creates) the database a URL names. Does not migrate.
    /// - Parameter versionBound: how long, in seconds, a version read from the database is kept before it is read
    ///   again: how late this instance sees another instance's import.
    public static func open(
        url: String, logger: Logger = Logger(label: "wijkradar.storage"), locking: Bool = true,
        versionBound: Double = 1
    ) async throws -> Store {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        let kind: Kind
        var lock: DatabaseLock?
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
            kind = .postgres
            MeteredSQLDatabase.reportPoolSize(eventLoops: System.coreCount)
        } else if url.hasPrefix("sqlite://") || url == "sqlite::memory:" {
            let path = String(url.dropFirst("sqlite://".count))
            if url == "sqlite::memory:" {
                databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
            } else {
                try FileManager.default.createDirectory(
                    at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                    withIntermediateDirectories: true)
                if locking {
                    lock = try DatabaseLock(path: path)
                    lock?.shared()
                }
                databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
            }
            kind = .sqlite
        } else {
            throw StorageError.unsupportedURL(url)
        }
        let store = Store(
            kind: kind, url: url, databases: databases, logger: logger, lock: lock, versionBound: versionBound)
        if kind == .sqlite, url != "sqlite::memory:" {
            do {
                // WAL lets the web app read while an import writes; the setting is kept in the file itself.
                try await store.sql.raw("PRAGMA journal_mode=WAL").run()
                try await store.sql.raw("PRAGMA busy_timeout=10000").run()
            } catch {
                // NB: a connection pool dropped without shutting down traps; a file that is not a database gets here.
                await store.close()
                throw error
            }
        }
        return store
    }

    /// Applies every migration not yet applied, in number order, and refreshes the indicator table.
    public func migrate(catalogue: IndicatorCatalogue = .standard) async throws {
        let migrations = Migrations()
        migrations.add(Migrations.all)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any(), migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        try await IndicatorStore(store: self).sync(catalogue)
    }

    /// Names of the migrations applied, in order.
    public func appliedMigrations() async throws -> [String] {
        try await sql.select().column("name").from("_fluent_migrations").orderBy("batch").orderBy("name")
            .all().map { try $0.decode(column: "name", as: String.self) }
    }

    public func close() async {
        await databases.shutdownAsync()
        lock?.release()
    }

    /// Runs work in one transaction: everything or nothing.
    /// Every transaction is a write: it raises the content version inside itself, so the new version and the new
    /// data commit together and no instance can cache a page of the new data under the old version.
    func transaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let result = try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            let result = try await work(sql)
            try await Self.raiseContentVersion(on: sql)
            return result
        }
        forgetVersions()
        return result
    }
}
