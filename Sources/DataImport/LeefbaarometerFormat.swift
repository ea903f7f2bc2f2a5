import Core

/// Leefbaarometer 3.0 score files: one row per region and year with the total score and the five dimensions.
enum LeefbaarometerFormat {
    static let codeColumns = ["gwb_code", "wk_code", "bu_code", "gm_code", "code", "regio_code"]
    static let nameColumns = ["wk_naam", "bu_naam", "gm_naam", "naam", "regio"]
    /// The first column of the published files holds the source row number, headed `1` or nothing.
    static let meta: Set<String> = Set(codeColumns + nameColumns + ["jaar", "1", "", "index", "id"])

    static func read(
        _ table: RawTable, options: ImportOptions, fileName: String, catalogue: IndicatorCatalogue,
        progress: ImportProgress?
    ) throws -> ImportedDataset {
        guard let codeColumn = codeColumns.lazy.compactMap(table.index(of:)).first else {
            throw ImportError(
                file: table.file, line: 1,
                "geen kolom met regiocodes gevonden (verwacht een van \(codeColumns.joined(separator: ", ")))")
        }
        guard let yearColumn = table.index(of: "jaar") else {
            throw ImportError(
                file: table.file, line: 1, "kolom jaar ontbreekt; een Leefbaarometerbestand heeft per regel een jaar")
        }
        let (bindings, unknown, warnings) = DataImporter.bind(table, scheme: .leefbaarometer, catalogue: catalogue) {
            meta.contains($0.lowercased())
        }
        let layout = TableLayout(
            codeColumn: codeColumn, nameColumn: nameColumns.lazy.compactMap(table.index(of:)).first,
            periodColumn: yearColumn, bindings: bindings)
        let (rows, names, _) = try TableInterpreter.interpret(
            table, layout: layout, catalogue: catalogue, progress: progress)
        let last = rows.map(\.period).max() ?? 0
        let first = rows.map(\.period).min() ?? 0
        // Leefbaarometer 3.0 publishes every year on the boundaries of its latest measurement.
        let indeling = options.year ?? last
        let info = DatasetInfo(
            slug: options.slug ?? DataImporter.slug(for: fileName), source: "Leefbaarometer 3.0 (Ministerie van BZK)",
            tableID: "leefbaarometer-3.0", title: "Leefbaarometer 3.0, scores \(first)–\(last)", year: last,
            licence: "open data van het Ministerie van BZK (leefbaarometer.nl)",
            attribution: "Bron: Leefbaarometer 3.0, Ministerie van BZK", format: ImportFormat.leefbaarometer.rawValue)
        return ImportedDataset(
            info: info, fileName: fileName, sha256: "", indelingYear: indeling,
            indicators: bindings.map(\.indicator),
            regions: names.map { Region(code: $0.key, name: $0.value, indelingYear: indeling) }.sorted {
                $0.code < $1.code
            },
            rows: rows, unknownColumns: unknown, warnings: warnings)
    }
}
