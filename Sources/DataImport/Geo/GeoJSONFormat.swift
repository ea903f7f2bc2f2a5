import Core
import Foundation

/// Regions as a GeoJSON FeatureCollection: PDOK's wijken en buurten (OGC API in WGS84, WFS in RD New, camelCase
/// attributes such as `aantalInwoners`, the year in `jaar`), CBS outlines converted by other tools, with or
/// without geometry. Attributes go through the catalogue like any other file's columns.
enum GeoJSONFormat {
    static func isFeatureCollection(_ object: Any) -> Bool {
        (object as? [String: Any])?["type"] as? String == "FeatureCollection"
    }

    static func read(
        _ object: Any, options: ImportOptions, fileName: String, catalogue: IndicatorCatalogue,
        progress: ImportProgress?
    ) throws -> ImportedDataset {
        let collection = object as? [String: Any] ?? [:]
        guard let features = collection["features"] as? [Any] else {
            throw ImportError(file: fileName, "de FeatureCollection heeft geen lijst 'features'")
        }
        guard !features.isEmpty else {
            throw ImportError(file: fileName, "de FeatureCollection bevat geen features (regio's): het bestand is leeg")
        }
        try refuseOnePage(of: collection, count: features.count, fileName: fileName)
        // Attribute names in the order they first appear; PDOK writes the same keys in every feature.
        var header: [String] = []
        var seen = Set<String>()
        for case let feature as [String: Any] in features {
            for key in (feature["properties"] as? [String: Any] ?? [:]).keys.sorted() where seen.insert(key).inserted {
                header.append(key)
            }
            guard header.count <= ImportLimits.maximumColumns else {
                throw ImportError(
                    file: fileName, "de features hebben meer dan \(ImportLimits.maximumColumns) eigenschappen")
            }
        }
        let (cells, overflow) = features.count.multipliedReportingOverflow(by: max(1, header.count))
        guard !overflow, cells <= ImportLimits.maximumCells else {
            throw ImportError(
                file: fileName,
                "\(features.count) features met \(header.count) eigenschappen: meer dan de \(DutchFormat.number(Double(ImportLimits.maximumCells))) cellen die Wijkradar inleest"
            )
        }
        let declared = ((collection["crs"] as? [String: Any])?["properties"] as? [String: Any])?["name"] as? String
        // Without a `crs`, the first coordinate of any feature tells metres (RD New) from degrees.
        let system =
            declared.flatMap(CoordinateSystem.init(describedBy:))
            ?? features.lazy.compactMap { Self.firstPosition(($0 as? [String: Any])?["geometry"]) }.first.map(
                CoordinateSystem.guess(from:))
        let layerName =
            (collection["name"] as? String).map { InputText.clean($0, multiline: false) }
            ?? DataImporter.slug(for: String(fileName.split(separator: "/").last ?? ""))
        var layer: FeatureLayer?
        for (index, item) in features.enumerated() {
            let line = index + 1
            guard let feature = item as? [String: Any] else {
                throw ImportError(
                    file: fileName, line: line, lineNoun: "feature", "een feature moet een JSON-object zijn")
            }
            let outline = try outline(feature["geometry"], fileName: fileName, line: line)
            if layer == nil {
                layer = try FeatureLayer(
                    name: layerName, file: fileName, header: header, lineNoun: "feature", system: system ?? .wgs84)
            }
            let properties = feature["properties"] as? [String: Any] ?? [:]
            try layer!.append(line: line, cells: header.map { text(properties[$0]) }, outline: outline)
            progress?.advance(to: line, of: features.count)
        }
        guard let layer else { throw ImportError(file: fileName, "de FeatureCollection bevat geen features") }
        var warnings: [String] = []
        let year = try FeatureDataset.year(
            option: options.year, fileName: fileName, layers: [layer], warnings: &warnings)
        var dataset = try FeatureDataset.build(
            [layer], year: year, info: info(year: year, options: options, fileName: fileName), fileName: fileName,
            catalogue: catalogue, warnings: warnings, progress: nil)
        if !dataset.indicators.isEmpty {
            dataset.info.source = "CBS / PDOK"
            dataset.info.title = "Kerncijfers wijken en buurten \(year) (PDOK)"
            dataset.info.tableID = "pdok-wijkenbuurten-\(year)"
            dataset.info.attribution = "Bron: CBS / Kadaster, wijken en buurten \(year) via PDOK"
        }
        return dataset
    }

    /// The first position of a geometry's coordinates, however deeply nested.
    static func firstPosition(_ geometry: Any?) -> GeoPoint? {
        var level = (geometry as? [String: Any])?["coordinates"]
        for _ in 0..<4 {
            if let position = level as? [Any], position.count >= 2, let x = position[0] as? Double,
                let y = position[1] as? Double
            {
                return GeoPoint(x, y)
            }
            level = (level as? [Any])?.first
        }
        return nil
    }

    /// PDOK's OGC API and WFS answer a page at a time (by default 10 and 1 000 features): a saved page would be read
    /// as if it were the whole gemeente or country, so it is refused, as StatLine's `odata.nextLink` is.
    private static func refuseOnePage(of collection: [String: Any], count: Int, fileName: String) throws {
        let links = collection["links"] as? [[String: Any]] ?? []
        let next = links.contains { ($0["rel"] as? String) == "next" }
        let matched =
            (collection["numberMatched"] as? NSNumber)?.intValue ?? (collection["totalFeatures"] as? NSNumber)?.intValue
        guard next || (matched.map { $0 > count } ?? false) else { return }
        let of = matched.map { " van de \(DutchFormat.number(Double($0)))" } ?? ""
        throw ImportError(
            file: fileName,
            "dit is één pagina van het antwoord van de API: \(DutchFormat.count(count, "feature", "features"))\(of), en er is een volgende pagina. Vraag een kleiner gebied op (bbox=, met limit= groter dan het aantal regio's), voeg alle pagina's samen in één FeatureCollection, of gebruik het GeoPackage van de Wijk- en Buurtkaart (alle regio's van een jaar in één bestand)"
        )
    }

    private static func info(year: Int, options: ImportOptions, fileName: String) -> DatasetInfo {
        DatasetInfo(
            slug: options.slug ?? DataImporter.slug(for: fileName), source: "Kadaster / CBS",
            tableID: "wijk-en-buurtkaart-\(year)", title: "Wijk- en Buurtkaart \(year) (grenzen)", year: year,
            licence: "CC BY 4.0", attribution: "Bron: Kadaster / CBS, Wijk- en Buurtkaart \(year)",
            format: ImportFormat.geometry.rawValue)
    }

    /// A property as a text cell: numbers as CBS writes them, text as it is, null as empty.
    private static func text(_ value: Any?) -> String {
        switch value {
        case let text as String: text
        case let number as NSNumber: FeatureLayer.text(number.doubleValue)
        default: ""
        }
    }

    /// A Polygon or MultiPolygon, or nil for a feature without geometry (PDOK's JSON without outlines).
    private static func outline(_ geometry: Any?, fileName: String, line: Int) throws -> Outline? {
        guard let geometry = geometry as? [String: Any] else { return nil }
        let type = geometry["type"] as? String ?? ""
        func fail(_ message: String) -> ImportError {
            ImportError(file: fileName, line: line, lineNoun: "feature", message)
        }
        guard type == "Polygon" || type == "MultiPolygon" else {
            throw fail("de geometrie is een \(type.isEmpty ? "onbekend type" : type), geen Polygon of MultiPolygon")
        }
        let coordinates = geometry["coordinates"] as? [Any] ?? []
        let polygons = type == "MultiPolygon" ? coordinates : [coordinates]
        var result: [[[GeoPoint]]] = []
        for case let polygon as [Any] in polygons {
            var rings: [[GeoPoint]] = []
            for case let ring as [Any] in polygon {
                rings.append(
                    try ring.map { position in
                        guard let pair = position as? [NSNumber], pair.count >= 2, pair[0].doubleValue.isFinite,
                            pair[1].doubleValue.isFinite
                        else { throw fail("een coördinaat is geen paar getallen") }
                        return GeoPoint(pair[0].doubleValue, pair[1].doubleValue)
                    })
            }
            result.append(rings)
        }
        guard result.contains(where: { !$0.isEmpty }) else { throw fail("de geometrie heeft geen coördinaten") }
        return Outline(polygons: result)
    }
}
