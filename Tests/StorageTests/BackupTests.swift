import Core
import Foundation
@testable import Storage
import SQLKit
import Testing

/// `wijkradar backup` while Wijkradar writes, and `wijkradar restore`.
@Suite struct BackupTests {
    /// Rows are written one by one in their own transactions while the backup is taken. The restored database opens,
    /// passes SQLite's integrity check and holds every row committed before the backup began, and only whole rows
    /// in order after that (a consistent moment, not a torn copy).
    @Test func aBackupTakenDuringWritesRestoresEveryCommittedRow() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wijkradar-backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("live.sqlite").path
        let store = try await Store.open(url: "sqlite://" + path)
        try await store.migrate()
        let log = AuditLog(store: store)
        let writer = Task {
            for number in 1...400 { try await log.record(actor: "schrijver", action: "rij", subject: String(number)) }
        }
        // Let some rows commit first, and remember how many were there before the backup started.
        while try await Self.numbers(store).count < 50 { try await Task.sleep(for: .milliseconds(5)) }
        let committedBefore = try await Self.numbers(store).count
        let backup = dir.appendingPathComponent("backup.sqlite")
        try await store.backup(to: backup)
        try await writer.value
        // Names, addresses and password hashes: readable by the owner only.
        let mode = try FileManager.default.attributesOfItem(atPath: backup.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A second backup to the same name is refused: a backup is never overwritten.
        await #expect(throws: StorageError.self) { try await store.backup(to: backup) }
        // Restoring while the database is open is refused: the running process would write to a replaced file.
        await #expect(throws: StorageError.self) { try await Store.restore(from: backup, to: path) }
        await store.close()

        try await Store.restore(from: backup, to: path)
        let restored = try await Store.open(url: "sqlite://" + path)
        let integrity = try await restored.sql.raw("PRAGMA integrity_check").first(
            decodingColumn: "integrity_check", as: String.self)
        #expect(integrity == "ok")
        let numbers = try await Self.numbers(restored)
        #expect(
            numbers.count >= committedBefore && numbers.count < 400, "\(numbers.count) rows, \(committedBefore) before")
        #expect(numbers == Array(1...numbers.count))
        #expect(try await restored.appliedMigrations().contains("M013_Security"))
        await restored.close()
        // The database that was replaced is kept beside it.
        let kept = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
            $0.hasPrefix("live.sqlite.voor-herstel-")
        }
        #expect(kept.contains { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") })
    }

    @Test func restoreRefusesWhatIsNotAWijkradarBackup() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wijkradar-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("live.sqlite").path
        let store = try await Store.open(url: "sqlite://" + path)
        try await store.migrate()
        await store.close()
        let text = dir.appendingPathComponent("notities.txt")
        try Data("geen database".utf8).write(to: text)
        await #expect(throws: StorageError.self) { try await Store.restore(from: text, to: path) }
        let empty = try await Store.open(url: "sqlite://" + dir.appendingPathComponent("leeg.sqlite").path)
        try await empty.sql.raw("CREATE TABLE x (y INTEGER)").run()
        await empty.close()
        do {
            try await Store.restore(from: dir.appendingPathComponent("leeg.sqlite"), to: path)
            Issue.record("an empty SQLite file was restored")
        } catch let error as StorageError {
            #expect(error.description.contains("geen backup van Wijkradar"))
        }
        // The live database is untouched.
        let live = try await Store.open(url: "sqlite://" + path)
        #expect(try await live.appliedMigrations().count >= 13)
        await live.close()
    }

    static func numbers(_ store: Store) async throws -> [Int] {
        try await store.sql.select().column("subject").from("audit_log").where("actor", .equal, "schrijver").orderBy(
            "id"
        ).all()
            .map { Int(try $0.decode(column: "subject", as: String.self))! }
    }

    /// Invitation links an earlier version wrote into the log stop working when M013 removes them from it.
    @Test func loggedInvitationLinksAreRemovedAndExpired() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wijkradar-m013-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try await Store.open(url: "sqlite://" + dir.appendingPathComponent("m.sqlite").path)
        try await store.migrate()
        let accounts = AccountStore(store: store)
        let token = try await accounts.invite(
            email: "oud@example.nl", name: "Oud", role: .staff, cityID: nil, participantID: nil, actor: "t")
        try await AuditLog(store: store).record(
            actor: "coord", action: "uitnodigingslink (geen mailserver)", subject: "oud@example.nl",
            detail: "http://wijkradar.test/uitnodiging/\(token)")
        #expect(try await accounts.invitation(token: token) != nil)
        try await M013Security.expireLoggedInvitations(store.sql)
        #expect(try await accounts.invitation(token: token) == nil)
        #expect(try await AuditLog(store: store).recent().allSatisfy { !$0.detail.contains(token) })
        await store.close()
    }
}

/// Time through `Clock.current`: an invitation expires after its 14 days, decided by the clock the code is given.
@Suite struct ClockTests {
    @Test func anInvitationExpiresByTheClock() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wijkradar-clock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try await Store.open(url: "sqlite://" + dir.appendingPathComponent("c.sqlite").path)
        try await store.migrate()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        // A store takes the clock of the task that makes it (as a request's handler does).
        let token = try await Clock.$current.withValue(.fixed(start)) {
            try await AccountStore(store: store).invite(
                email: "klok@example.nl", name: "Klok", role: .staff, cityID: nil, participantID: nil, actor: "t")
        }
        for (days, valid) in [(13, true), (15, false)] {
            let found = try await Clock.$current.withValue(.fixed(start.addingTimeInterval(Double(days) * 86400))) {
                try await AccountStore(store: store).invitation(token: token)
            }
            #expect((found != nil) == valid, "\(days) days later")
        }
        await store.close()
    }
}
