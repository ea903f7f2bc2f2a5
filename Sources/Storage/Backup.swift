import Foundation
import SQLKit
#if canImport(Glibc)
    import Glibc
#endif

/// Backups of the SQLite database, safe while Wijkradar runs, and restoring one.
///
/// A plain copy of the file misses what is still in the write-ahead log (`-wal`) and can catch a page half-written.
/// `VACUUM INTO` writes a consistent copy of one moment, through SQLite itself, while others read and write.
/// PostgreSQL has its own tools (`pg_dump`, `pg_restore`; see the README).
extension Store {
    /// Writes a backup to `file` (which must not exist yet).
    public func backup(to file: URL) async throws {
        guard kind == .sqlite, url != "sqlite::memory:" else {
            throw StorageError.backup(
                "Een PostgreSQL-database maakt u veilig met pg_dump (zie de README): pg_dump --format=custom --file=BESTAND \"$DATABASE_URL\""
            )
        }
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw StorageError.backup(
                "\(file.path) bestaat al; kies een nieuwe bestandsnaam, zodat er nooit een backup wordt overschreven.")
        }
        // The backup holds names, e-mail addresses and password hashes: readable by the owner only. VACUUM INTO
        // accepts an empty file, so it is made first with those rights.
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else {
            throw StorageError.backup(
                "\(file.path) kan niet worden aangemaakt; bestaat de map en mag Wijkradar erin schrijven?")
        }
        try await sql.raw("VACUUM INTO \(bind: file.path)").run()
    }

    /// Replaces the SQLite database at `path` by the backup, after checking that the backup is a whole Wijkradar
    /// database. Refused while any Wijkradar process has the database open (`serve`, an import): they would keep
    /// writing to the replaced file. The replaced database stays next to it as `….voor-herstel-<tijd>`.
    public static func restore(from backup: URL, to path: String) async throws {
        guard FileManager.default.fileExists(atPath: backup.path) else {
            throw StorageError.backup("\(backup.path) bestaat niet.")
        }
        // On a new machine the data directory may not exist yet: that is when a backup is needed most.
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let lock = try DatabaseLock(path: path)
        guard lock.exclusive() else {
            throw StorageError.backup(
                "De database is in gebruik (wijkradar serve of een import draait); stop die eerst en probeer het opnieuw."
            )
        }
        defer { lock.release() }
        let staging = path + ".herstel"
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.copyItem(atPath: backup.path, toPath: staging)
        do {
            let check = try await Store.open(url: "sqlite://" + staging, locking: false)
            do {
                try await verify(check, backup: backup)
                await check.close()
            } catch {
                await check.close()
                throw error
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error is StorageError
                ? error : StorageError.backup("\(backup.path) is geen leesbare SQLite-database (\(error)).")
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
        // The database being replaced is kept, with its write-ahead log, under a name that says so.
        if FileManager.default.fileExists(atPath: path) {
            let kept = path + ".voor-herstel-" + String(Int(Date().timeIntervalSince1970))
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                guard rename(path + suffix, kept + suffix) == 0 else {
                    throw StorageError.backup("\(path)\(suffix) kon niet opzij worden gezet; er is niets veranderd.")
                }
            }
        }
        guard rename(staging, path) == 0 else {
            throw StorageError.backup("De backup kon niet op de plaats van \(path) worden gezet.")
        }
    }

    /// Whole (integrity check) and Wijkradar's (its migrations table), with everything in the main file.
    private static func verify(_ check: Store, backup: URL) async throws {
        let integrity = try await check.sql.raw("PRAGMA integrity_check").all().map {
            try $0.decode(column: "integrity_check", as: String.self)
        }
        guard integrity == ["ok"] else {
            throw StorageError.backup("\(backup.path) is beschadigd: \(integrity.prefix(3).joined(separator: "; "))")
        }
        guard try await check.sql.raw("SELECT name FROM sqlite_master WHERE name = '_fluent_migrations'").first() != nil
        else {
            throw StorageError.backup("\(backup.path) is geen backup van Wijkradar (de tabel met migraties ontbreekt).")
        }
        try await check.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
    }
}

/// An advisory lock beside the SQLite file: every process that opens the database holds it shared; restoring
/// needs it alone.
final class DatabaseLock: @unchecked Sendable {
    private var descriptor: Int32

    init(path: String) throws {
        descriptor = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StorageError.backup("Kan \(path).lock niet openen.") }
    }

    func shared() { _ = flock(descriptor, LOCK_SH) }

    func exclusive() -> Bool { flock(descriptor, LOCK_EX | LOCK_NB) == 0 }

    /// Unlocks and closes, once.
    func release() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}
