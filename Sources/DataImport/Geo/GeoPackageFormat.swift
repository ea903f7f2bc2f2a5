import Core
import Foundation

/// The CBS Wijk- en Buurtkaart as a GeoPackage (`wijkenbuurten_2023_v2.gpkg`, OGC 12-128): an SQLite database
/// whose `gpkg_contents` lists the layers (gemeenten, wijken, buurten), each a table with a geometry column and the
/// year's kwb attributes under long lowercase names.
enum GeoPackageFormat {
    static func isSQLite(_ prefix: some Collection<UInt8>) -> Bool {
        prefix.starts(with: Array("SQLite format 3\0".utf8))
    }

    /// `wijkenbuurten_2023_v2.gpkg` → 2; nil without a version.
    static func edition(in fileName: String) -> Int? {
        fileName.lowercased().firstMatch(of: /_v([0-9]{1,3})(\.|_|$)/).flatMap { Int($0.1) }
    }

    static func read(
        _ url: URL, fileName: String, options: ImportOptions, catalogue: IndicatorCatalogue,
        progress: ImportProgress?
    ) throws -> ImportedDataset {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        // A minute, plus a second per megabyte: a national file reads in seconds; a crafted one is stopped.
        let database: SQLiteFile
        do {
            database = try SQLiteFile(url: url, seconds: 60 + Double(size >> 20))
        } catch {
            throw ImportError(file: fileName, message(error))
        }
        do {
            return try read(
                database, fileName: fileName, options: options, catalogue: catalogue, progress: progress)
        } catch let problem as SQLiteFile.Problem {
            throw ImportError(file: fileName, message(problem))
        }
    }

    private static func message(_ problem: SQLiteFile.Problem) -> String {
        switch problem {
        case .notADatabase: "het bestand is geen SQLite-database en dus geen GeoPackage, of het is beschadigd"
        case .damaged(let detail):
            if let table = detail.firstMatch(of: /no such table: ([A-Za-z0-9_]+)/)?.1 {
                "het bestand is een SQLite-database, maar geen GeoPackage: de tabel \(table) ontbreekt"
            } else {
                "het GeoPackage is beschadigd of afgebroken (SQLite meldt: \(detail)); download het opnieuw"
            }
        case .timedOut:
            "het lezen van het GeoPackage duurde te lang en is afgebroken; is het wel een Wijk- en Buurtkaart?"
        }
    }

    private struct Layer {
        var table: String
        var features: Bool
        var geometryColumn: String?
        var srsID: Int?
        var metadata: String
    }

    private static func read(
        _ database: SQLiteFile, fileName: String, options: ImportOptions, catalogue: IndicatorCatalogue,
        progress: ImportProgress?
    ) throws -> ImportedDataset {
        var tables: [String: String] = [:]
        try database.rows("SELECT name, type FROM sqlite_master") { row in
            if let name = row.text(0) { tables[name] = row.text(1) ?? "" }
        }
        guard tables["gpkg_contents"] == "table" else {
            throw ImportError(
                file: fileName,
                "het bestand is een SQLite-database maar geen GeoPackage: de tabel gpkg_contents ontbreekt")
        }
        var layers: [Layer] = []
        try database.rows(
            """
            SELECT c.table_name, c.data_type, g.column_name, g.srs_id,
                   coalesce(c.identifier, '') || ' ' || coalesce(c.description, '')
            FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
            WHERE c.data_type IN ('features', 'attributes') ORDER BY c.table_name
            """
        ) { row in
            guard let name = row.text(0) else { return }
            layers.append(
                Layer(
                    table: name, features: row.text(1) == "features", geometryColumn: row.text(2),
                    srsID: row.number(3).flatMap { Int(exactly: $0) }, metadata: row.text(4) ?? ""))
        }
        // Only real tables are read: a view or virtual table could be made to compute for ever.
        layers = layers.filter { tables[$0.table] == "table" }
        var warnings: [String] = []
        if let wanted = options.layer {
            guard let layer = layers.first(where: { $0.table.caseInsensitiveCompare(wanted) == .orderedSame }) else {
                throw ImportError(
                    file: fileName,
                    "laag '\(wanted)' staat niet in dit GeoPackage; wel: \(layers.map(\.table).joined(separator: ", "))"
                )
            }
            layers = [layer]
        }
        guard !layers.isEmpty else {
            throw ImportError(file: fileName, "het GeoPackage heeft geen lagen met regio's (gpkg_contents is leeg)")
        }
        var total = 0
        var counts: [String: Int] = [:]
        for layer in layers {
            try database.rows("SELECT count(*) FROM \(quoted(layer.table))") {
                counts[layer.table] = $0.number(0).flatMap { Int(exactly: $0) } ?? 0
            }
            total += counts[layer.table] ?? 0
        }
        var done = 0
        var read: [FeatureLayer] = []
        for layer in layers {
            guard
                let feature = try readLayer(
                    layer, rowCount: counts[layer.table] ?? 0, database: database, fileName: fileName, done: &done,
                    total: total, progress: progress)
            else {
                warnings.append("tabel \(layer.table) is overgeslagen: geen kolom met regiocodes")
                continue
            }
            read.append(feature)
        }
        // Skipped tables were counted in the total: the bar ends at 100 % all the same.
        progress?.advance(to: total, of: total)
        let year = try FeatureDataset.year(
            option: options.year, fileName: fileName, layers: read,
            metadata: layers.map(\.metadata).joined(separator: " "), warnings: &warnings)
        let info = FeatureDataset.mapInfo(
            year: year, fileName: fileName, layer: options.layer, options: options, format: .geopackage)
        return try FeatureDataset.build(
            read, year: year, info: info, fileName: fileName, catalogue: catalogue, warnings: warnings,
            progress: nil)
    }

    /// One layer, row by row; nil for an attribute table without region codes (QGIS's `layer_styles`).
    private static func readLayer(
        _ layer: Layer, rowCount: Int, database: SQLiteFile, fileName: String, done: inout Int, total: Int,
        progress: ImportProgress?
    ) throws -> FeatureLayer? {
        var columns: [String] = []
        // table_xinfo, not table_info: generated columns are in `SELECT *` too; hidden ones (1) are not.
        try database.rows("PRAGMA table_xinfo(\(quoted(layer.table)))") { row in
            if row.number(6) != 1 { columns.append(row.text(1) ?? "") }
        }
        let geometryIndex = layer.geometryColumn.flatMap { name in
            columns.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
        }
        var system: CoordinateSystem?
        if layer.features {
            var epsg: Int?
            try database.rows(
                "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
                [String(layer.srsID ?? -1)]
            ) { row in
                epsg = row.text(0)?.uppercased() == "EPSG" ? row.number(1).flatMap { Int(exactly: $0) } : nil
            }
            guard let code = epsg ?? layer.srsID, let known = CoordinateSystem(epsg: code) else {
                throw ImportError(
                    file: fileName,
                    "laag '\(layer.table)' staat in coördinatenstelsel \(layer.srsID.map { "\($0)" } ?? "onbekend"); Wijkradar leest RD New (EPSG:28992) en WGS84 (EPSG:4326)"
                )
            }
            system = known
        }
        let attributes = columns.indices.filter { $0 != geometryIndex }
        let (cells, overflow) = rowCount.multipliedReportingOverflow(by: max(1, attributes.count))
        guard !overflow, cells <= ImportLimits.maximumCells else {
            throw ImportError(
                file: fileName,
                "laag '\(layer.table)' heeft \(rowCount) rijen van \(attributes.count) kolommen: meer dan de \(DutchFormat.number(Double(ImportLimits.maximumCells))) cellen die Wijkradar inleest"
            )
        }
        var feature: FeatureLayer
        do {
            feature = try FeatureLayer(
                name: layer.table, file: fileName, header: attributes.map { columns[$0] }, lineNoun: "feature",
                system: system)
        } catch  where !layer.features {
            return nil
        }
        var number = 0
        try database.rows("SELECT * FROM \(quoted(layer.table))") { row in
            number += 1
            let cells = attributes.map { column in
                row.number(column).map(FeatureLayer.text) ?? row.text(column) ?? ""
            }
            var outline: Outline?
            if let geometryIndex, let blob = row.blob(geometryIndex) {
                do {
                    outline = try GeoPackageGeometry.decode(blob).outline
                } catch let error as GeoPackageGeometry.Problem {
                    throw ImportError(
                        file: fileName, line: number, lineNoun: "feature",
                        "laag \(layer.table): \(error.message)")
                }
            }
            try feature.append(line: number, cells: cells, outline: outline)
            done += 1
            progress?.advance(to: done, of: total)
        }
        return feature
    }

    /// An identifier quoted for SQL: the layer names come from the file.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
