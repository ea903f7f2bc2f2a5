import Core

/// What an import read from one layer of a geometry file, for the summary after a large import.
public struct LayerSummary: Sendable, Equatable {
    public var name: String
    public var features: Int
    public var outlines: Int
    public var indicators: Int
    public var waterPartsSkipped: Int
}

/// Turns the layers of a geometry file into one dataset: figures through the catalogue, outlines as they are.
enum FeatureDataset {
    /// The naming scheme a layer's attributes are in: PDOK's long names or the shapefiles' short ones.
    static func scheme(of header: [String], catalogue: IndicatorCatalogue) -> SourceScheme {
        func known(_ scheme: SourceScheme) -> Int {
            header.filter {
                catalogue.indicator(named: $0, in: scheme) != nil || catalogue.isRegionColumn($0, in: scheme)
            }.count
        }
        return known(.wbk) > known(.pdok) ? .wbk : .pdok
    }

    /// A Wijk- en Buurtkaart file's dataset: one name per year (`wijkenbuurten-2023`; with the layer when only one
    /// was read, so layers read one by one do not replace each other) and the version in the table id, so that a
    /// later version of the same year replaces an earlier one (`ImportService`).
    static func mapInfo(year: Int, fileName: String, layer: String?, options: ImportOptions, format: ImportFormat)
        -> DatasetInfo
    {
        let edition = GeoPackageFormat.edition(in: fileName)
        return DatasetInfo(
            slug: options.slug ?? "wijkenbuurten-\(year)" + (layer.map { "-" + DataImporter.slug(for: $0) } ?? ""),
            source: "CBS / Kadaster", tableID: "wijkenbuurten-\(year)" + (edition.map { "-v\($0)" } ?? ""),
            title: "Wijk- en Buurtkaart \(year)" + (edition.map { " (versie \($0))" } ?? ""), year: year,
            licence: "CC BY 4.0", attribution: "Bron: CBS / Kadaster, Wijk- en Buurtkaart \(year)",
            format: format.rawValue)
    }

    static func build(
        _ layers: [FeatureLayer], year: Int, info: DatasetInfo, fileName: String, catalogue: IndicatorCatalogue,
        warnings: [String], progress: ImportProgress?
    ) throws -> ImportedDataset {
        var indicators: [String] = []
        var rows: [ImportedRow] = []
        var regions: [RegionCode: Region] = [:]
        var geometries: [RegionGeometry] = []
        var unknown: [String] = []
        var warnings = warnings
        var summaries: [LayerSummary] = []
        for layer in layers {
            guard layer.count > 0 else {
                throw ImportError(file: fileName, "laag '\(layer.name)' bevat geen features (regio's)")
            }
            let table = layer.table
            let scheme = scheme(of: table.header, catalogue: catalogue)
            let (bindings, layerUnknown, layerWarnings) = DataImporter.bind(
                table, scheme: scheme, catalogue: catalogue
            ) { name in
                catalogue.isRegionColumn(name, in: scheme) || FeatureLayer.regionColumns.contains(name.lowercased())
            }
            unknown += layerUnknown.filter { !unknown.contains($0) }
            warnings += layerWarnings.map { "laag \(layer.name): \($0)" }
            let layout = TableLayout(
                codeColumn: layer.codeColumn, nameColumn: layer.nameColumn, fixedPeriod: year, bindings: bindings)
            let (layerRows, names, _) = try TableInterpreter.interpret(
                table, layout: layout, catalogue: catalogue, progress: progress)
            for (index, row) in layerRows.enumerated() {
                guard regions[row.region] == nil else {
                    throw ImportError(
                        file: fileName, line: table.rows[index].line, lineNoun: layer.lineNoun,
                        "regiocode \(row.region) staat ook in een eerdere laag")
                }
                regions[row.region] = Region(code: row.region, name: names[row.region] ?? "", indelingYear: year)
                if let outline = layer.outlines[index] {
                    geometries.append(RegionGeometry(region: row.region, geojson: outline))
                }
            }
            // Layers may carry different columns: cells go to the dataset's union of indicators, missing elsewhere.
            let ids = bindings.map(\.indicator)
            for id in ids where !indicators.contains(id) { indicators.append(id) }
            if !ids.isEmpty {
                let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
                for row in layerRows {
                    rows.append(row)
                    rows[rows.count - 1].cells = indicators.map { position[$0].map { row.cells[$0] } ?? .missing }
                }
            }
            summaries.append(
                LayerSummary(
                    name: layer.name, features: layer.count, outlines: layer.outlineCount, indicators: ids.count,
                    waterPartsSkipped: layer.waterPartsSkipped))
        }
        // Rows of earlier layers lack the indicators only later layers have.
        for index in rows.indices where rows[index].cells.count < indicators.count {
            rows[index].cells += Array(repeating: .missing, count: indicators.count - rows[index].cells.count)
        }
        var dataset = ImportedDataset(
            info: info, fileName: fileName, sha256: "", indelingYear: year, indicators: indicators,
            regions: regions.values.sorted { $0.code < $1.code }, rows: rows, unknownColumns: unknown,
            warnings: warnings)
        dataset.geometries = geometries
        dataset.layers = summaries
        return dataset
    }

    /// The year of a geometry file: said by the user, in the file name, in the features (`jaar`, `jrstatcode`),
    /// or in the file's metadata; a feature year that contradicts the file name is reported.
    static func year(
        option: Int?, fileName: String, layers: [FeatureLayer], metadata: String = "", warnings: inout [String]
    ) throws -> Int {
        if let option { return option }
        let inFeatures = layers.reduce(into: Set<Int>()) { $0.formUnion($1.years) }
        if let named = DataImporter.year(in: fileName) {
            if !inFeatures.isEmpty, inFeatures != [named] {
                warnings.append(
                    "de bestandsnaam noemt \(named), de features zelf \(inFeatures.sorted().map(String.init).joined(separator: ", ")); \(named) is gebruikt"
                )
            }
            return named
        }
        if inFeatures.count == 1, let only = inFeatures.first { return only }
        if inFeatures.count > 1 {
            throw ImportError(
                file: fileName,
                "de features noemen meer dan één jaar (\(inFeatures.sorted().map(String.init).joined(separator: ", "))); geef het jaar van de indeling op met --year"
            )
        }
        if let inMetadata = DataImporter.year(in: metadata) { return inMetadata }
        throw ImportError(
            file: fileName,
            "het jaar van de indeling staat niet in de bestandsnaam en niet in de features (jaar, jrstatcode); geef het op met --year"
        )
    }
}
