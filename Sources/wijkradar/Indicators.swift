import ArgumentParser
import Core

struct Indicators: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Toont de indicatorcatalogus met de namen in elke bron.")

    @Option(
        help:
            "Alleen dit domein (population, households, housing, income_work, care_benefits, liveability, amenities, area)."
    )
    var domain: String?

    @Option(name: .customLong("jaar"), help: "Alleen wat CBS en PDOK voor dit jaar publiceerden, met de bestanden.")
    var year: Int?

    func run() async throws {
        let catalogue = IndicatorCatalogue.standard
        if let year { try printLayouts(of: year, catalogue: catalogue) }
        let indicators = catalogue.indicators.filter {
            (domain == nil || $0.domain == domain) && (year == nil || $0.years.contains(year!))
        }
        guard !indicators.isEmpty else {
            throw CLIError(
                year.map { "Geen indicatoren voor \($0)\(domain.map { " in domein '\($0)'" } ?? "")." }
                    ?? "Geen indicatoren in domein '\(domain ?? "")'.")
        }
        printTable(
            ["id", "label", "eenheid", "domein", "aggregatie", "kwb", "StatLine", "PDOK", "jaren", "herkomst"],
            indicators.map { i in
                let aggregation: String =
                    switch i.aggregation {
                    case .sum: "som"
                    case .weightedMean(let weight): "gewogen (\(weight))"
                    case .none: "niet optelbaar"
                    }
                return [
                    i.id, i.label, i.unit, i.domain, aggregation,
                    (i.names[.kwb] ?? []).joined(separator: "/"), (i.names[.statline] ?? []).joined(separator: "/"),
                    (i.names[.pdok] ?? []).joined(separator: "/"), Self.ranges(i.years),
                    i.stigmatising ? "ja: nooit in scores" : "",
                ]
            })
    }

    /// The files of that year whose columns Wijkradar verified, or why there are none.
    private func printLayouts(of year: Int, catalogue: IndicatorCatalogue) throws {
        let layouts = catalogue.layouts(in: year)
        guard !layouts.isEmpty else {
            let known = Set(catalogue.layouts.flatMap(\.years)).sorted().map(String.init).joined(separator: ", ")
            throw CLIError(
                "Voor \(year) is geen bestandsindeling van CBS of PDOK geverifieerd (wel: \(known)). Zo'n bestand kan wel worden ingelezen; onbekende kolommen worden dan gemeld. Zie docs/IMPORTING.md."
            )
        }
        print("Bestanden uit \(year) waarvan Wijkradar elke kolom kent:")
        for layout in layouts {
            let status =
                layout.status == "verified" ? "" : " (bevestigd door een tweede bron, herkomst niet te herleiden)"
            print("  - \(layout.title): \(layout.columns.count) kolommen\(status)")
        }
        print("")
    }

    /// 2013, 2017, 2019–2024.
    static func ranges(_ years: [Int]) -> String {
        var parts: [String] = []
        var start: Int?
        var previous: Int?
        for year in years.sorted() + [Int.max] {
            if let p = previous, year == p + 1 {
                previous = year
                continue
            }
            if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)–\(p)") }
            (start, previous) = (year, year)
        }
        return parts.joined(separator: ", ")
    }
}
