import Analysis
import Core
import Foundation

/// The colophon and the method notes every programme report shares.
enum Colophon {
    static let warningNote =
        "Vroegsignalering: berekend door Wijkradar. Een regel gaat af wanneer een wijk ten minste \(DutchFormat.number(EarlyWarning.zThreshold, decimals: 0)) standaardafwijking ongunstig afwijkt van het gemiddelde van alle wijken; vanaf \(EarlyWarning.threshold) regels is er een signaal. Indicatoren naar herkomst tellen niet mee. Zie /methode."
    static let nationalNote =
        "Nederland: berekend door Wijkradar uit alle gemeenten, volgens de optelregel van elke indicator (som of gewogen gemiddelde; zie /methode)."

    static func lines(inputs: ReportInputs) -> [String] {
        var sources = Set<SourceRef>()
        for tables in inputs.snapshot.tables.values {
            for table in tables.values { for column in table.columns.values { sources.insert(column.source) } }
        }
        // Two files of one CBS table (gemeenten, wijken) are one source.
        let data = Array(
            Set(sources.map { "\($0.attribution), tabel \($0.table), \($0.year); licentie \($0.licence)." })
        ).sorted()
        return [
            "\(inputs.programme.name), georganiseerd door \(inputs.programme.organiser).",
            "Samengesteld met Wijkradar (open source, MIT-licentie) op \(DutchFormat.date(inputs.date)); gegevensversie \(inputs.snapshot.version).",
            "Gebruikte open data (overname met bronvermelding):",
        ] + data
            + [
                "Praktijkkennis: de kennisbank van het programma, gepubliceerde records (CC BY 4.0). Onderzoek: het onderzoeksregister van het programma; zie de voetnoten voor elke bron.",
                "Cijfers met ‘(berekend)’ zijn door Wijkradar berekend; ‘geheim’ betekent dat het CBS de waarde niet publiceert.",
            ]
    }
}
