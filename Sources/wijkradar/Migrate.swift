import ArgumentParser
import Storage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Past alle nog niet uitgevoerde databasemigraties toe.")

    func run() async throws {
        try await withStore { store, config in
            print("Database (\(store.kind.rawValue)) is bijgewerkt. Uitgevoerde migraties:")
            for name in try await store.appliedMigrations() { print("  \(name)") }
        }
    }
}
