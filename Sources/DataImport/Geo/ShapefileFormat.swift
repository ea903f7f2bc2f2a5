import Core
import Foundation

/// The Wijk- en Buurtkaart of older years as CBS published it: a shapefile per level (`buurt_2020_v1.shp` with its
/// `.dbf` of attributes under ten-character names, `.prj` for the coordinate system), loose or in a zip.
enum ShapefileFormat {
    static func read(
        dbf: [UInt8], shp: [UInt8]?, prj: String?, fileName: String, options: ImportOptions,
        catalogue: IndicatorCatalogue, progress: ImportProgress?
    ) throws -> ImportedDataset {
        let table = try DBFTable(dbf, file: fileName)
        let outlines = try shp.map { try ShapeFile.outlines($0, file: fileName) }
        if let outlines, outlines.count != table.records.count {
            throw ImportError(
                file: fileName,
                "het .shp-bestand heeft \(outlines.count) vormen, het .dbf-bestand \(table.records.count) records; horen ze wel bij elkaar?"
            )
        }
        var system = prj.flatMap(CoordinateSystem.init(describedBy:))
        if system == nil, let first = outlines?.lazy.compactMap({ $0?.polygons.first?.first?.first }).first {
            system = CoordinateSystem.guess(from: first)
        }
        let stem = fileName.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? fileName
        var layer = try FeatureLayer(
            name: stem, file: fileName, header: table.fields.map(\.name), lineNoun: "record", system: system)
        for (index, cells) in table.records.enumerated() {
            try layer.append(line: index + 1, cells: cells, outline: outlines?[index])
            progress?.advance(to: index + 1, of: table.records.count)
        }
        var warnings: [String] = []
        if shp == nil {
            warnings.append("alleen de attributen (.dbf) zijn gelezen: het .shp-bestand met de grenzen ontbreekt")
        }
        let year = try FeatureDataset.year(
            option: options.year, fileName: fileName, layers: [layer], warnings: &warnings)
        let edition = GeoPackageFormat.edition(in: fileName)
        let title = "Wijk- en Buurtkaart \(year)" + (edition.map { " (versie \($0))" } ?? "")
        let info = DatasetInfo(
            slug: options.slug ?? DataImporter.slug(for: stem), source: "CBS / Kadaster",
            tableID: "wijkenbuurten-\(year)" + (edition.map { "-v\($0)" } ?? ""), title: title, year: year,
            licence: "CC BY 4.0", attribution: "Bron: CBS / Kadaster, Wijk- en Buurtkaart \(year)",
            format: ImportFormat.shapefile.rawValue)
        return try FeatureDataset.build(
            [layer], year: year, info: info, fileName: fileName, catalogue: catalogue, warnings: warnings, progress: nil
        )
    }
}
