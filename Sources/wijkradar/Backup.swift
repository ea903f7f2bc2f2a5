import ArgumentParser
import Core
import Foundation
import Storage

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Maak een backup van de SQLite-database; veilig terwijl Wijkradar draait.",
        discussion: "Voor PostgreSQL: pg_dump --format=custom --file=BESTAND \"$DATABASE_URL\" (zie de README)."
    )

    @Argument(help: "Het backupbestand (mag nog niet bestaan).")
    var file: String

    func run() async throws {
        try await withStore(migrate: false) { store, _ in
            try await store.backup(to: URL(fileURLWithPath: file))
        }
        print("Backup gemaakt: \(file)")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Zet een backup terug in plaats van de SQLite-database (stop eerst wijkradar serve).",
        discussion:
            "Voor PostgreSQL: pg_restore --clean --if-exists --dbname=\"$DATABASE_URL\" BESTAND (zie de README)."
    )

    @Argument(help: "Het backupbestand, gemaakt met 'wijkradar backup'.")
    var file: String

    func run() async throws {
        let config = try AppConfig.fromEnvironment()
        guard config.databaseURL.hasPrefix("sqlite://") else {
            throw CLIError("DATABASE_URL wijst naar PostgreSQL; zet een backup terug met pg_restore (zie de README).")
        }
        let path = String(config.databaseURL.dropFirst("sqlite://".count))
        try await Store.restore(from: URL(fileURLWithPath: file), to: path)
        print("Backup teruggezet: \(path)")
    }
}
