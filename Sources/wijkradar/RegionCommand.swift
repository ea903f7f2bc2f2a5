import ArgumentParser
import Core
import Storage

struct RegionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region",
        abstract: "Toont alle waarden van een gemeente, wijk of buurt, met dataset en jaar."
    )

    @Argument(help: "Regiocode (GM0114, WK011443, BU…) of naam (bijvoorbeeld Angelslo).")
    var query: String

    func run() async throws {
        try await withStore { store, _ in
            let regions = RegionStore(store: store)
            let code: RegionCode
            if let parsed = RegionCode(query) {
                code = parsed
            } else {
                let found = try await regions.search(name: query)
                guard let first = found.first else {
                    throw CLIError("Geen regio gevonden met code of naam '\(query)'.")
                }
                if found.count > 1 {
                    print(
                        "Meerdere regio's passen bij '\(query)'; getoond wordt de eerste. Ook: "
                            + found.dropFirst().prefix(8).map { "\($0.code) \($0.name)" }.joined(separator: ", "))
                }
                code = first.code
            }
            let known = try await regions.regions(code: code)
            guard let region = known.first else { throw CLIError("Regio \(code) staat niet in de database.") }
            print("\(region.name) (\(code), \(code.level.dutchName) in gemeente \(code.municipality))")
            print("Indelingen: \(known.map { String($0.indelingYear) }.joined(separator: ", "))\n")
            let catalogue = IndicatorCatalogue.standard
            let observations = try await regions.observations(code: code)
            printTable(
                ["indicator", "waarde", "eenheid", "jaar", "dataset"],
                observations.map { o in
                    let indicator = catalogue[o.indicator]
                    return [
                        indicator?.label ?? o.indicator, DutchFormat.cell(o.cell, decimals: indicator?.decimals ?? 1),
                        indicator?.unit ?? "", String(o.period), o.datasetSlug,
                    ]
                })
            let attributions = try await DatasetStore(store: store).all()
                .filter { d in observations.contains { $0.datasetID == d.id } }.map(\.info.attribution)
            print("\n" + Set(attributions).sorted().joined(separator: "\n"))
        }
    }
}
