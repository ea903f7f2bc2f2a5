import ArgumentParser

@main
struct Wijkradar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wijkradar",
        abstract: "Wijkradar: wijkanalyse en kennisprogramma voor de Nederlandse wijkaanpak.",
        discussion: """
            Configuratie via de omgeving: DATABASE_URL (standaard een SQLite-bestand in de datamap), \
            WIJKRADAR_DATA_DIR (standaard ./data), HOST en PORT.
            """,
        subcommands: [
            Serve.self, Migrate.self, Import.self, Datasets.self, Indicators.self, RegionCommand.self, Radar.self,
            Focus.self, Report.self, Harmonise.self, Bench.self, Accounts.self, ProgrammeCommand.self,
            BackupCommand.self, RestoreCommand.self,
        ]
    )
}
