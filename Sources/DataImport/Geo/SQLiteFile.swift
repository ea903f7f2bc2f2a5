import Foundation
// The SQLite that sqlite-nio compiles in (module VaporCSQLite, symbols prefixed `sqlite_nio_`): the same library
// that stores Wijkradar's own data, used through its C API because reading a GeoPackage is synchronous and row by row.
import VaporCSQLite

/// A GeoPackage (an SQLite database file) opened read-only and defensively, as SQLite's "Defense against the
/// dark arts" advises for untrusted files: immutable (no journal, no locks, nothing written), schema code
/// untrusted, cell sizes checked, strings and blobs capped, and every query interrupted after a deadline so that a
/// crafted view or index cannot run for ever.
final class SQLiteFile {
    enum Problem: Error { case notADatabase, damaged(String), timedOut }

    private var db: OpaquePointer?
    private let lock = NSLock()
    private var watchdog: DispatchWorkItem?

    /// Opens `url`; queries are interrupted once `seconds` have passed since opening.
    init(url: URL, seconds: Double) throws(Problem) {
        var components = URLComponents()
        components.scheme = "file"
        components.path = url.path
        components.queryItems = [URLQueryItem(name: "immutable", value: "1"), URLQueryItem(name: "mode", value: "ro")]
        let uri = components.string ?? "file:\(url.path)?immutable=1&mode=ro"
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        guard sqlite_nio_sqlite3_open_v2(uri, &handle, flags, nil) == SQLITE_OK, let handle else {
            sqlite_nio_sqlite3_close_v2(handle)
            throw .notADatabase
        }
        db = handle
        // The lock keeps the watchdog from interrupting a connection that `close` is freeing.
        let watchdog = DispatchWorkItem { [weak self] in
            guard let self else { return }
            self.lock.withLock { if let db = self.db { sqlite_nio_sqlite3_interrupt(db) } }
        }
        self.watchdog = watchdog
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        // One value (a geometry, a name) may be at most 64 MB; the SQL we write is short.
        sqlite_nio_sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, 64 << 20)
        sqlite_nio_sqlite3_limit(handle, SQLITE_LIMIT_SQL_LENGTH, 100_000)
        for pragma in ["PRAGMA trusted_schema = OFF", "PRAGMA cell_size_check = ON", "PRAGMA mmap_size = 0"] {
            _ = try? rows(pragma) { _ in }
        }
        // The header check: SQLite opens anything lazily, so ask it something.
        do {
            try rows("SELECT count(*) FROM sqlite_master") { _ in }
        } catch let problem as Problem {
            close()
            throw problem
        } catch {
            close()
            throw .notADatabase
        }
    }

    deinit { close() }

    private func close() {
        watchdog?.cancel()
        lock.withLock {
            if let db { sqlite_nio_sqlite3_close_v2(db) }
            db = nil
        }
    }

    /// Runs `sql` with text binds and hands every row to `body`.
    func rows(_ sql: String, _ binds: [String] = [], _ body: (Row) throws -> Void) throws {
        var statement: OpaquePointer?
        let prepared = sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        defer { sqlite_nio_sqlite3_finalize(statement) }
        guard prepared == SQLITE_OK, let statement else { throw problem(prepared) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in binds.enumerated() {
            sqlite_nio_sqlite3_bind_text(statement, Int32(index + 1), value, -1, transient)
        }
        let row = Row(statement: statement)
        while true {
            let step = sqlite_nio_sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else { throw problem(step) }
            try body(row)
        }
    }

    private func problem(_ code: Int32) -> Problem {
        switch code {
        case SQLITE_NOTADB: return .notADatabase
        case SQLITE_INTERRUPT: return .timedOut
        default: return .damaged(String(cString: sqlite_nio_sqlite3_errmsg(db)))
        }
    }

    /// The current row of a statement; valid only inside the `rows` callback.
    struct Row {
        let statement: OpaquePointer

        var count: Int { Int(sqlite_nio_sqlite3_column_count(statement)) }

        func name(_ column: Int) -> String {
            sqlite_nio_sqlite3_column_name(statement, Int32(column)).map { String(cString: $0) } ?? ""
        }

        func isNull(_ column: Int) -> Bool { sqlite_nio_sqlite3_column_type(statement, Int32(column)) == SQLITE_NULL }

        /// A number stored as a number, or nil (text, blob, null).
        func number(_ column: Int) -> Double? {
            switch sqlite_nio_sqlite3_column_type(statement, Int32(column)) {
            case SQLITE_INTEGER: Double(sqlite_nio_sqlite3_column_int64(statement, Int32(column)))
            case SQLITE_FLOAT: sqlite_nio_sqlite3_column_double(statement, Int32(column))
            default: nil
            }
        }

        func text(_ column: Int) -> String? {
            guard !isNull(column), let bytes = sqlite_nio_sqlite3_column_text(statement, Int32(column)) else {
                return nil
            }
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, Int32(column)))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }

        func blob(_ column: Int) -> [UInt8]? {
            guard sqlite_nio_sqlite3_column_type(statement, Int32(column)) == SQLITE_BLOB else { return nil }
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, Int32(column)))
            guard length > 0, let bytes = sqlite_nio_sqlite3_column_blob(statement, Int32(column)) else { return [] }
            return Array(UnsafeRawBufferPointer(start: bytes, count: length))
        }
    }
}
