import Core
import Foundation

/// The Wijk- en Buurtkaart of older years as CBS published it: a shapefile per level (`gemeente_2020_v1`,
/// `wijk_2020_v1`, `buurt_2020_v1`, each a `.shp` of outlines, a `.dbf` of attributes under ten-character names and a
/// `.prj` for the coordinate system), loose or together in one zip.
enum ShapefileFormat {
    /// One level's shapefile as a layer; outlines only when the `.shp` is there.
    static func layer(
        dbf: [UInt8], shp: [UInt8]?, prj: String?, fileName: String, progress: ImportProgress?
    ) throws -> FeatureLayer {
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
        var layer = try FeatureLayer(
            name: stem(of: fileName), file: fileName, header: table.fields.map(\.name), lineNoun: "record",
            system: system)
        for (index, cells) in table.records.enumerated() {
            try layer.append(line: index + 1, cells: cells, outline: outlines?[index])
            progress?.advance(to: index + 1, of: table.records.count)
        }
        return layer
    }

    /// The layers of one file (a zip of several levels, or one loose `.dbf`) as one dataset of the year.
    static func dataset(
        _ layers: [FeatureLayer], withoutOutlines: [String], fileName: String, options: ImportOptions,
        catalogue: IndicatorCatalogue
    ) throws -> ImportedDataset {
        var warnings = withoutOutlines.map {
            "\($0): alleen de attributen (.dbf) zijn gelezen: het .shp-bestand met de grenzen ontbreekt"
        }
        let year = try FeatureDataset.year(
            option: options.year, fileName: fileName, layers: layers, warnings: &warnings)
        let edition = GeoPackageFormat.edition(in: fileName)
        let title = "Wijk- en Buurtkaart \(year)" + (edition.map { " (versie \($0))" } ?? "")
        let info = DatasetInfo(
            slug: options.slug ?? DataImporter.slug(for: stem(of: fileName)), source: "CBS / Kadaster",
            tableID: "wijkenbuurten-\(year)" + (edition.map { "-v\($0)" } ?? ""), title: title, year: year,
            licence: "CC BY 4.0", attribution: "Bron: CBS / Kadaster, Wijk- en Buurtkaart \(year)",
            format: ImportFormat.shapefile.rawValue)
        return try FeatureDataset.build(
            layers, year: year, info: info, fileName: fileName, catalogue: catalogue, warnings: warnings, progress: nil)
    }

    /// `buurt_2020_v1` from `wijkbuurtkaart_2020_v1.zip/buurt_2020_v1.dbf`.
    static func stem(of fileName: String) -> String {
        let last = fileName.split(separator: "/").last.map(String.init) ?? fileName
        return String(last.split(separator: ".").first ?? Substring(last))
    }

    /// Whether `--laag` names this shapefile: its whole stem, or the level it starts with (`wijken` picks
    /// `wijk_2020_v1`, `gemeenten` picks CBS's older `gem_2017`).
    static func matches(_ stem: String, layer: String) -> Bool {
        let stem = stem.lowercased()
        let wanted = layer.lowercased()
        let level = String(stem.prefix { $0.isLetter })
        return stem == wanted || (!level.isEmpty && (wanted.hasPrefix(level) || level.hasPrefix(wanted)))
    }

    /// Gemeenten before wijken before buurten, as the summary lists them.
    static func rank(_ stem: String) -> Int {
        let stem = stem.lowercased()
        return stem.hasPrefix("gem") ? 0 : stem.hasPrefix("wijk") ? 1 : stem.hasPrefix("buurt") ? 2 : 3
    }
}
