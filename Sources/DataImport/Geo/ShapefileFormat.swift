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
                "het .shp-bestand heeft \(DutchFormat.count(outlines.count, "vorm", "vormen")), het .dbf-bestand \(DutchFormat.count(table.records.count, "record", "records")); horen ze wel bij elkaar?"
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
        // One loose level, or one picked with --laag, is named after its level; a whole zip after the year.
        let layer = options.layer ?? (fileName.lowercased().hasSuffix(".zip") ? nil : level(of: stem(of: fileName)))
        let info = FeatureDataset.mapInfo(
            year: year, fileName: fileName, layer: layer, options: options, format: .shapefile)
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
        let level = level(of: stem)
        return stem == wanted || (!level.isEmpty && (wanted.hasPrefix(level) || level.hasPrefix(wanted)))
    }

    /// `wijk` from `wijk_2020_v1`.
    static func level(of stem: String) -> String { String(stem.lowercased().prefix { $0.isLetter }) }

    /// Gemeenten before wijken before buurten, as the summary lists them.
    static func rank(_ stem: String) -> Int {
        let stem = stem.lowercased()
        return stem.hasPrefix("gem") ? 0 : stem.hasPrefix("wijk") ? 1 : stem.hasPrefix("buurt") ? 2 : 3
    }
}
