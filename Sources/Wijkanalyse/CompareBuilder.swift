import Analysis
import Foundation
import Core
import Pages

/// Builds the comparison of two to five regions: each on its own profile table (the year the wijkanalyse leads
/// with), the indicators the reader chose, and the same figures as a table for the downloads.
public struct CompareBuilder: Sendable {
    public let snapshot: AnalysisSnapshot
    public var catalogue: IndicatorCatalogue = .standard

    public init(snapshot: AnalysisSnapshot) { self.snapshot = snapshot }

    /// Shown when the reader has not chosen: the key figures of the wijkanalyse and the rest of the early warning.
    public static let defaultIndicators = [
        "population", "low_income_persons_pct", "high_income_persons_pct", "woz_value", "labour_participation_pct",
        "owner_occupied_pct", "education_high_pct", "age_65_plus_pct",
    ]

    /// `entered`: what the reader typed per field (a code or a name); `indicators`: chosen ids (empty = default).
    func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).trimmingCharacters(
            in: .whitespaces)
    }

    public func model(entered: [String], indicators: [String]) -> ComparePage.Model {
        var problems: [String] = []
        var notes: [String] = []
        var codes: [RegionCode] = []
        let index = snapshot.nameIndex
        let typed = entered.map { InputText.clean($0, multiline: false).trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        for text in typed.prefix(ComparePage.maximumRegions) {
            // A code, else a programme wijk by its exact own name (Selwerd: the CBS wijk that stands in for it, and
            // said so), else the name search.
            let programme = ProgrammeWijken.cbsMatches.first { fold($0.wijk) == fold(text) }
            if let programme, programme.approximate {
                notes.append(
                    "\(programme.wijk) is geen CBS-wijk: benaderd door \(snapshot.name(programme.code)) (\(programme.note))."
                )
            }
            guard let found = RegionCode(text) ?? programme?.code ?? index.search(text, limit: 1).first?.code else {
                problems.append(
                    "‘\(text)’ is geen bekende wijk, buurt of gemeente. Typ een CBS-code (zoals WK011401) of een naam.")
                continue
            }
            guard snapshot.profileTable(for: found) != nil else {
                problems.append("\(text): voor deze regio zijn geen cijfers ingelezen.")
                continue
            }
            if !codes.contains(found) { codes.append(found) }
        }
        if typed.count > ComparePage.maximumRegions {
            problems.append(
                "Hoogstens \(ComparePage.maximumRegions) regio's; de eerste \(ComparePage.maximumRegions) zijn vergeleken."
            )
        }
        let profiles = codes.compactMap { code -> RegionProfile? in
            guard let table = snapshot.profileTable(for: code) else { return nil }
            return RegionProfile.build(
                for: code, table: table, municipalities: snapshot.tables[.municipality]?[table.period])
        }
        var available: [Indicator] = []
        for profile in profiles {
            for row in profile.rows
            where !row.indicator.stigmatising && !available.contains(where: { $0.id == row.indicator.id }) {
                available.append(row.indicator)
            }
        }
        // Nothing chosen yet: offer what the wijken of the radar year have.
        if available.isEmpty, let table = snapshot.radarTable {
            available = catalogue.indicators.filter { table.columns[$0.id] != nil && !$0.stigmatising }
        }
        let known = Set(available.map(\.id))
        // Origin-based indicators are never offered and never shown, whatever the address asks for.
        var selected: [String] = []
        for id in indicators where known.contains(id) && catalogue[id]?.stigmatising != true && !selected.contains(id) {
            selected.append(id)
        }
        if selected.isEmpty { selected = Self.defaultIndicators.filter(known.contains) }
        let rows = selected.compactMap { id -> ComparePage.Row? in
            guard let indicator = available.first(where: { $0.id == id }) else { return nil }
            let cells = profiles.map { $0.rows.first { $0.indicator.id == id } }
            return ComparePage.Row(
                indicator: indicator, values: cells.map { $0?.value },
                // Nederland of the first region's year, and the page and the download say which year.
                national: cells.first??.national,
                sources: cells.map { $0?.source })
        }
        let columns = profiles.map { profile in
            let code = profile.region.code
            return ComparePage.Column(
                code: code.rawValue, name: profile.region.name,
                context: code.level == .municipality
                    ? "gemeente" : "\(code.level.dutchName) in \(snapshot.name(code.municipality))",
                period: profile.period, signal: snapshot.warning(for: code)?.signal)
        }
        let similar =
            codes.first.flatMap { snapshot.similarity(for: $0.level)?.neighbours(of: $0, k: 4)?.map(\.region.rawValue) }
            ?? []
        return ComparePage.Model(
            entered: typed, problems: problems, notes: notes, columns: columns, rows: rows, available: available,
            selected: selected,
            similar: similar)
    }

    /// The comparison as one table: an indicator per row, a region per column, Nederland and the sources.
    public func table(_ model: ComparePage.Model) -> ExportTable {
        // The early warning goes in the column head, so every column below holds numbers only.
        var table = ExportTable(
            name: "Vergelijking",
            header: ["indicator", "eenheid"]
                + model.columns.map { column in
                    "\(column.name) (\(column.code), \(column.period)"
                        + (column.signal.map { $0 ? "; signaal" : "; geen signaal" } ?? "") + ")"
                } + ["nederland \(model.columns.first.map { String($0.period) } ?? "") (berekend)", "bron"])
        for row in model.rows {
            let decimals = row.indicator.decimals
            let sources = Set(row.sources.compactMap { $0?.line }).sorted().joined(separator: "; ")
            table.rows.append(
                [.text(row.indicator.label), .text(row.indicator.unit)]
                    + row.values.map { cell in
                        cell.map { c in
                            c.number.map { CSVWriter.Field.number($0, decimals: decimals) }
                                ?? .text(DutchFormat.status(c) ?? "")
                        } ?? .text("niet in de tabel")
                    }
                    + [.number(row.national?.number, decimals: decimals), .text(sources)])
        }
        return table
    }
}
