import ArgumentParser
import Core
import Storage

struct Datasets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toont of verwijdert ingelezen datasets.",
        subcommands: [List.self, Show.self, Remove.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lijst van alle datasets met bron en jaar.")

        func run() async throws {
            try await withStore { store, _ in
                let datasets = try await DatasetStore(store: store).all()
                guard !datasets.isEmpty else {
                    print(
                        "Nog geen datasets. Lees er een in met 'wijkradar import BESTAND' of 'wijkradar import --bundled'."
                    )
                    return
                }
                printTable(
                    ["naam", "bron", "tabel", "jaar", "rijen", "waarden", "geheim", "ingelezen"],
                    datasets.map {
                        [
                            $0.info.slug, $0.info.source, $0.info.tableID, String($0.info.year),
                            DutchFormat.number(Double($0.rowCount)),
                            DutchFormat.number(Double($0.cellCount)), DutchFormat.number(Double($0.secretCount)),
                            DutchFormat.date($0.importedAt),
                        ]
                    })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Alle gegevens over één dataset.")

        @Argument(help: "Naam van de dataset.")
        var slug: String

        func run() async throws {
            try await withStore { store, _ in
                let datasets = DatasetStore(store: store)
                guard let d = try await datasets.find(slug: slug) else {
                    throw CLIError("\(StorageError.datasetNotFound(slug))")
                }
                let catalogue = IndicatorCatalogue.standard
                print(
                    """
                    Naam:          \(d.info.slug)
                    Titel:         \(d.info.title)
                    Bron:          \(d.info.source), tabel \(d.info.tableID), jaar \(d.info.year)
                    Licentie:      \(d.info.licence)
                    Vermelding:    \(d.info.attribution)
                    Formaat:       \(d.info.format)
                    Bestand:       \(d.fileName)
                    SHA-256:       \(d.sha256)
                    Ingelezen:     \(DutchFormat.date(d.importedAt))
                    Rijen:         \(DutchFormat.number(Double(d.rowCount)))
                    Waarden:       \(DutchFormat.number(Double(d.cellCount))) (\(DutchFormat.number(Double(d.secretCount))) geheim)
                    Indicatoren:   \(d.indicators.map { "\($0) (\(catalogue[$0]?.label ?? "?"))" }.joined(separator: ", "))
                    """)
                let unknown = try await datasets.unknownColumns(slug: slug)
                if !unknown.isEmpty { print("Niet ingelezen kolommen: \(unknown.joined(separator: ", "))") }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verwijdert een dataset met al zijn waarden.")

        @Argument(help: "Naam van de dataset.")
        var slug: String

        func run() async throws {
            try await withStore(changesContent: true) { store, _ in
                do {
                    try await DatasetStore(store: store).remove(slug: slug)
                    print("Dataset \(slug) is verwijderd.")
                } catch let error as StorageError {
                    throw CLIError("\(error)")
                }
            }
        }
    }
}
