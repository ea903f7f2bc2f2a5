import Foundation
@testable import Storage
import Testing
import SQLKit

/// The databases storage tests run on: a fresh SQLite file always, and a fresh PostgreSQL database when
/// TEST_DATABASE_URL is set (each test creates its own database there and drops it afterwards).
struct TestDatabase: Sendable, CustomTestStringConvertible {
    let kind: Store.Kind

    var testDescription: String { kind.rawValue }

    static var all: [TestDatabase] {
        [TestDatabase(kind: .sqlite)] + (postgresURL == nil ? [] : [TestDatabase(kind: .postgres)])
    }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens a new, migrated, empty database, runs the test with it and removes it.
    func withStore(_ body: (Store) async throws -> Void) async throws {
        switch kind {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "wijkradar-test-\(UUID().uuidString)")
            let store = try await Store.open(url: "sqlite://" + dir.appendingPathComponent("test.sqlite").path)
            defer { try? FileManager.default.removeItem(at: dir) }
            try await run(store, body)
        case .postgres:
            let adminURL = Self.postgresURL!
            let name = "wr_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await Store.open(url: adminURL)
            // Every path closes the admin pool: a pool dropped unclosed stops the whole test process.
            do {
                try await Self.createDatabase(name, admin: admin)
                var components = URLComponents(string: adminURL)!
                components.path = "/" + name
                let store = try await Store.open(url: components.string!)
                try await run(store, body)
            } catch {
                try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
                await admin.close()
                throw error
            }
            try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            await admin.close()
        }
    }

    /// PostgreSQL refuses a CREATE DATABASE while another session is copying the template ("source database
    /// template1 is being accessed by other users"): parallel tests retry a few times.
    private static func createDatabase(_ name: String, admin: Store) async throws {
        for attempt in 1...10 {
            do {
                try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
                return
            } catch  where attempt < 10 && "\(String(reflecting: error))".contains("being accessed by other users") {
                try await Task.sleep(for: .milliseconds(100 * attempt))
            }
        }
    }

    private func run(_ store: Store, _ body: (Store) async throws -> Void) async throws {
        do {
            try await store.migrate()
            try await body(store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}

extension Store {
    /// Every row of every data table as text, to prove that a failed import changed nothing.
    func snapshot() async throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (table, order) in [
            ("datasets", "id"), ("regions", "code, indeling_year"),
            ("observation_rows", "dataset_id, region_code, period"),
            ("geometries", "dataset_id, region_code"), ("indicators", "id"),
            ("provinces", "municipality_code"),
        ] {
            let rows = try await sql.raw("SELECT * FROM \(unsafeRaw: table) ORDER BY \(unsafeRaw: order)").all()
            result[table] = rows.map { row in
                row.allColumns.map { column in
                    if let text = try? row.decodeNil(column: column), text { return "\(column)=NULL" }
                    if let value = try? row.decode(column: column, as: String.self) { return "\(column)=\(value)" }
                    if let value = try? row.decode(column: column, as: Int.self) { return "\(column)=\(value)" }
                    return "\(column)=?"
                }.joined(separator: "|")
            }
        }
        return result
    }
}
