import ArgumentParser
import Core

struct Indicators: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Toont de indicatorcatalogus met de namen in elke bron.")

    @Option(
        help:
            "Alleen dit domein (population, households, housing, income_work, care_benefits, liveability, amenities, area)."
    )
    var domain: String?

    func run() async throws {
        let indicators = IndicatorCatalogue.standard.indicators.filter { domain == nil || $0.domain == domain }
        guard !indicators.isEmpty else { throw CLIError("Geen indicatoren in domein '\(domain ?? "")'.") }
        printTable(
            ["id", "label", "eenheid", "domein", "richting", "aggregatie", "kwb", "StatLine", "herkomst"],
            indicators.map { i in
                let aggregation: String =
                    switch i.aggregation {
                    case .sum: "som"
                    case .weightedMean(let weight): "gewogen (\(weight))"
                    case .none: "niet optelbaar"
                    }
                return [
                    i.id, i.label, i.unit, i.domain, i.direction.rawValue, aggregation,
                    (i.names[.kwb] ?? []).joined(separator: "/"), (i.names[.statline] ?? []).joined(separator: "/"),
                    i.stigmatising ? "ja: nooit in scores" : "",
                ]
            })
    }
}
