import Core

/// CBS "Kerncijfers wijken en buurten" downloads (kwb-YYYY.xlsx / .csv): one row per gemeente, wijk and buurt.
enum KWBFormat {
    static func read(
        _ table: RawTable, options: ImportOptions, fileName: String, catalogue: IndicatorCatalogue,
        progress: ImportProgress?
    ) throws -> ImportedDataset {
        guard let codeColumn = table.index(of: "gwb_code_10") ?? table.index(of: "gwb_code") else {
            throw ImportError(file: table.file, line: 1, "kolom gwb_code_10 (de regiocode) ontbreekt in de kopregel")
        }
        guard let year = options.year ?? DataImporter.year(in: fileName) else {
            throw ImportError(
                file: table.file, "het jaar van de cijfers staat niet in de bestandsnaam; geef het op met --year")
        }
        let (bindings, unknown, warnings) = DataImporter.bind(table, scheme: .kwb, catalogue: catalogue) {
            catalogue.isRegionColumn($0, in: .kwb)
        }
        let layout = TableLayout(
            codeColumn: codeColumn, nameColumn: table.index(of: "regio"),
            levelColumn: table.index(of: "recs"), fixedPeriod: year, bindings: bindings)
        let (rows, names, _) = try TableInterpreter.interpret(
            table, layout: layout, catalogue: catalogue, progress: progress)
        let title = "Kerncijfers wijken en buurten \(year)"
        let info = DatasetInfo(
            slug: options.slug ?? DataImporter.slug(for: fileName), source: "CBS",
            tableID: "kwb-\(year)", title: title, year: year, licence: "CC BY 4.0",
            attribution: "Bron: CBS, \(title)", format: ImportFormat.kwb.rawValue)
        return ImportedDataset(
            info: info, fileName: fileName, sha256: "", indelingYear: year,
            indicators: bindings.map(\.indicator),
            regions: names.map { Region(code: $0.key, name: $0.value, indelingYear: year) }.sorted {
                $0.code < $1.code
            },
            rows: rows, unknownColumns: unknown, warnings: warnings)
    }
}
