import Analysis
import ArgumentParser
import Core
import Storage

struct Focus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Focusgebieden: eigen gebieden als verzameling CBS-buurten of -wijken, met opgetelde cijfers.",
        subcommands: [List.self, Create.self, Edit.self, Show.self, Remove.self],
        defaultSubcommand: List.self
    )

    static func codes(_ text: [String]) throws -> [RegionCode] {
        try text.flatMap { $0.split(separator: ",") }.map { part in
            guard let code = RegionCode(String(part)) else { throw CLIError("'\(part)' is geen CBS-regiocode.") }
            return code
        }
    }

    static func run(_ work: (FocusAreaStore, Store) async throws -> Void) async throws {
        try await withStore(changesContent: true) { store, _ in
            do {
                try await work(FocusAreaStore(store: store), store)
            } catch let error as FocusAreaError {
                throw CLIError(error.description)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Alle focusgebieden.")
        func run() async throws {
            try await Focus.run { areas, _ in
                let all = try await areas.all()
                guard !all.isEmpty else {
                    print("Nog geen focusgebieden. Maak er een met 'wijkradar focus create'."); return
                }
                printTable(
                    ["naam", "omschrijving", "regio's", "versie"],
                    all.map {
                        [$0.slug, $0.name, $0.members.map(\.rawValue).joined(separator: " "), String($0.version)]
                    })
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Maakt een focusgebied.")
        @Argument(help: "Korte naam (kleine letters, cijfers, streepjes), bijvoorbeeld selwerd.") var slug: String
        @Option(help: "Naam zoals gebruikers die kennen.") var name: String
        @Option(parsing: .upToNextOption, help: "CBS-codes van de buurten of wijken (spatie of komma).") var regions:
            [String]
        @Option(help: "Toelichting, bijvoorbeeld waar de CBS-regio's het gebied maar benaderen.") var note: String = ""

        func run() async throws {
            let codes = try Focus.codes(regions)
            try await Focus.run { areas, _ in
                let area = try await areas.create(FocusArea(slug: slug, name: name, note: note, members: codes))
                print("Focusgebied \(area.slug) gemaakt met \(area.members.count) regio's (versie \(area.version)).")
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Wijzigt naam, toelichting of regio's van een focusgebied.")
        @Argument(help: "Korte naam van het focusgebied.") var slug: String
        @Option(help: "Nieuwe naam.") var name: String?
        @Option(help: "Nieuwe toelichting.") var note: String?
        @Option(parsing: .upToNextOption, help: "Regio's toevoegen.") var add: [String] = []
        @Option(parsing: .upToNextOption, help: "Regio's weghalen.") var remove: [String] = []
        @Option(
            help:
                "De versie die u bewerkt (zie 'focus show'); een intussen gewijzigd gebied wordt dan niet overschreven."
        )
        var expectVersion: Int?

        func run() async throws {
            let added = try Focus.codes(add), removed = Set(try Focus.codes(remove))
            try await Focus.run { areas, _ in
                guard var area = try await areas.find(slug: slug) else { throw FocusAreaError.notFound(slug) }
                if let expectVersion { area.version = expectVersion }
                if let name { area.name = name }
                if let note { area.note = note }
                area.members =
                    area.members.filter { !removed.contains($0) } + added.filter { !area.members.contains($0) }
                let saved = try await areas.update(area)
                print("Focusgebied \(saved.slug) opgeslagen (versie \(saved.version)), \(saved.members.count) regio's.")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toont de opgetelde cijfers van een focusgebied.")
        @Argument(help: "Korte naam van het focusgebied.") var slug: String

        func run() async throws {
            try await Focus.run { areas, store in
                guard let area = try await areas.find(slug: slug), let level = area.level else {
                    throw FocusAreaError.notFound(slug)
                }
                let analysis = AnalysisStore(store: store)
                var best: RegionTable?
                for period in try await analysis.periods(level: level) {
                    let table = try await analysis.table(level: level, period: period)
                    let covered = area.members.filter { table.index(of: $0) != nil }.count
                    if best == nil || covered > area.members.filter({ best!.index(of: $0) != nil }).count {
                        best = table
                    }
                    if covered == area.members.count { break }
                }
                guard let table = best else { throw CLIError("Geen cijfers voor de regio's van \(area.name).") }
                let profile = FocusAreaProfile.build(area, table: table)
                print(
                    "\(area.name) (\(area.slug), versie \(area.version)): \(area.members.count) \(level.dutchName)en, cijfers van \(profile.period)"
                )
                if !area.note.isEmpty { print("Benadering: \(area.note)") }
                print("Regio's: \(area.members.map(\.rawValue).joined(separator: ", "))")
                if !profile.missingMembers.isEmpty {
                    print("Zonder cijfers: \(profile.missingMembers.map(\.rawValue).joined(separator: ", "))")
                }
                print("Alle waarden zijn door Wijkradar berekend uit de deelgebieden (*).\n")
                printTable(
                    ["indicator", "waarde", "eenheid", "regel / reden"],
                    profile.rows.map { row in
                        switch row.outcome {
                        case .computed(let v):
                            return [
                                row.indicator.label, DutchFormat.number(v, decimals: row.indicator.decimals) + "*",
                                row.indicator.unit,
                                {
                                    if case .weightedMean(let w) = row.indicator.aggregation {
                                        return "gewogen met \(w)"
                                    }; return "som"
                                }(),
                            ]
                        case .unavailable(let reason):
                            return [row.indicator.label, "niet beschikbaar", row.indicator.unit, reason]
                        }
                    })
                print("\n" + Set(profile.rows.map(\.source.attribution)).sorted().joined(separator: "\n"))
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verwijdert een focusgebied.")
        @Argument(help: "Korte naam van het focusgebied.") var slug: String
        func run() async throws {
            try await Focus.run { areas, _ in
                try await areas.remove(slug: slug)
                print("Focusgebied \(slug) verwijderd.")
            }
        }
    }
}
