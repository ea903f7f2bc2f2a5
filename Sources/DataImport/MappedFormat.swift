import Core

/// Any CSV, read through a mapping file.
enum MappedFormat {
    static func read(
        _ table: RawTable, mapping: MappingFile, options: ImportOptions, fileName: String,
        catalogue: IndicatorCatalogue, progress: ImportProgress?
    ) throws -> ImportedDataset {
        func column(_ name: String, field: String) throws -> Int {
            guard let index = table.index(of: name) else {
                throw ImportError(
                    file: mapping.file, column: field, lineNoun: "record",
                    "kolom '\(name)' staat niet in \(table.file) (de kopregel heeft: \(table.header.joined(separator: ", ")))"
                )
            }
            return index
        }
        let codeColumn = try column(mapping.codeColumn, field: "code_column")
        let nameColumn = try mapping.nameColumn.map { try column($0, field: "name_column") }
        let yearColumn = try mapping.yearColumn.map { try column($0, field: "year_column") }
        let provinceColumn = try mapping.provinceColumn.map { try column($0, field: "province_column") }
        let fixedYear = options.year ?? mapping.year
        guard yearColumn != nil || fixedYear != nil else {
            throw ImportError(
                file: mapping.file, column: "year", lineNoun: "record",
                "geef het jaar van de cijfers (year of year_column)")
        }

        var bindings: [TableLayout.Binding] = []
        var bound: Set<Int> = [codeColumn]
        if let nameColumn { bound.insert(nameColumn) }
        if let yearColumn { bound.insert(yearColumn) }
        if let provinceColumn { bound.insert(provinceColumn) }
        for (name, spec) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            let index = try column(name, field: "columns.\(name)")
            guard catalogue[spec.indicator] != nil else {
                throw ImportError(
                    file: mapping.file, column: "columns.\(name)", lineNoun: "record",
                    "indicator '\(spec.indicator)' staat niet in de indicatorcatalogus (zie 'wijkradar indicators')")
            }
            bindings.append(.init(column: index, indicator: spec.indicator, factor: spec.factor, values: spec.values))
            bound.insert(index)
        }
        for name in mapping.ignore { bound.insert(try column(name, field: "ignore")) }
        var unknown: [String] = []
        var warnings: [String] = []
        let taken = Set(bindings.map(\.indicator))
        for (index, name) in table.header.enumerated() where !bound.contains(index) {
            if let scheme = mapping.scheme, let indicator = catalogue.indicator(named: name, in: scheme) {
                if taken.contains(indicator.id) || bindings.contains(where: { $0.indicator == indicator.id }) {
                    warnings.append(
                        "kolom \(name) is dezelfde indicator (\(indicator.id)) als een andere kolom en is niet gebruikt"
                    )
                } else {
                    bindings.append(.init(column: index, indicator: indicator.id))
                }
            } else {
                unknown.append(name)
            }
        }
        bindings.sort { $0.column < $1.column }
        let layout = TableLayout(
            codeColumn: codeColumn, codePrefix: mapping.codePrefix, nameColumn: nameColumn,
            provinceColumn: provinceColumn, periodColumn: yearColumn, fixedPeriod: fixedYear, bindings: bindings)
        let (rows, names, provinces) = try TableInterpreter.interpret(
            table, layout: layout, catalogue: catalogue, progress: progress)
        let year = fixedYear ?? rows.map(\.period).max() ?? 0
        let indeling = mapping.indelingYear ?? year
        let info = DatasetInfo(
            slug: options.slug ?? mapping.slug ?? DataImporter.slug(for: fileName), source: mapping.source,
            tableID: mapping.table, title: mapping.title, year: year, licence: mapping.licence,
            attribution: mapping.attribution, format: ImportFormat.mapped.rawValue)
        var dataset = ImportedDataset(
            info: info, fileName: fileName, sha256: "", indelingYear: indeling,
            indicators: bindings.map(\.indicator),
            regions: names.map { Region(code: $0.key, name: $0.value, indelingYear: indeling) }.sorted {
                $0.code < $1.code
            },
            rows: rows, unknownColumns: unknown, warnings: warnings)
        dataset.provinces = provinces
        return dataset
    }
}
