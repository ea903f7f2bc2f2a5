import Core
import Foundation

/// Region outlines from a GeoJSON FeatureCollection in WGS84 (CBS Wijk- en Buurtkaart, converted by PDOK or R).
enum GeoJSONFormat {
    static let codeKeys = ["code", "statcode", "WKC", "WK_CODE", "wijkcode", "GM_CODE", "BU_CODE", "gwb_code"]
    static let nameKeys = ["name", "statnaam", "WKN", "WK_NAAM", "wijknaam", "GM_NAAM", "BU_NAAM"]

    static func isFeatureCollection(_ object: Any) -> Bool {
        (object as? [String: Any])?["type"] as? String == "FeatureCollection"
    }

    static func read(_ object: Any, options: ImportOptions, fileName: String) throws -> ImportedDataset {
        guard let features = (object as? [String: Any])?["features"] as? [[String: Any]] else {
            throw ImportError(file: fileName, "de FeatureCollection heeft geen lijst 'features'")
        }
        guard let year = options.year ?? DataImporter.year(in: fileName) else {
            throw ImportError(
                file: fileName, "het jaar van de indeling staat niet in de bestandsnaam; geef het op met --year")
        }
        if let crs = ((object as? [String: Any])?["crs"] as? [String: Any]).flatMap({ "\($0)" }), crs.contains("28992")
        {
            throw ImportError(
                file: fileName, "de coördinaten staan in RD New (EPSG:28992); Wijkradar verwacht WGS84 (EPSG:4326)")
        }
        var regions: [Region] = []
        var geometries: [RegionGeometry] = []
        var seen: [RegionCode: Int] = [:]
        for (index, feature) in features.enumerated() {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            guard let key = codeKeys.first(where: { properties[$0] is String }), let text = properties[key] as? String
            else {
                throw ImportError(
                    file: fileName, line: index + 1, lineNoun: "feature",
                    "geen regiocode in de eigenschappen (verwacht een van \(codeKeys.joined(separator: ", ")))")
            }
            guard let code = RegionCode(text) else {
                throw ImportError(
                    file: fileName, line: index + 1, column: key, lineNoun: "feature", "'\(text)' is geen CBS-regiocode"
                )
            }
            if let first = seen[code] {
                throw ImportError(
                    file: fileName, line: index + 1, column: key, lineNoun: "feature",
                    "regiocode \(code) komt twee keer voor (ook bij feature \(first))")
            }
            seen[code] = index + 1
            guard let geometry = feature["geometry"] as? [String: Any],
                ["Polygon", "MultiPolygon"].contains(geometry["type"] as? String ?? "")
            else {
                throw ImportError(
                    file: fileName, line: index + 1, lineNoun: "feature", "de geometrie is geen Polygon of MultiPolygon"
                )
            }
            let json = try JSONSerialization.data(withJSONObject: geometry, options: [.sortedKeys])
            geometries.append(RegionGeometry(region: code, geojson: String(decoding: json, as: UTF8.self)))
            let name = InputText.clean(
                nameKeys.lazy.compactMap { properties[$0] as? String }.first ?? "", multiline: false)
            regions.append(Region(code: code, name: name, indelingYear: year))
        }
        let info = DatasetInfo(
            slug: options.slug ?? DataImporter.slug(for: fileName), source: "Kadaster / CBS",
            tableID: "wijk-en-buurtkaart-\(year)", title: "Wijk- en Buurtkaart \(year) (grenzen)", year: year,
            licence: "CC BY 4.0", attribution: "Bron: Kadaster / CBS, Wijk- en Buurtkaart \(year)",
            format: ImportFormat.geometry.rawValue)
        var dataset = ImportedDataset(
            info: info, fileName: fileName, sha256: "", indelingYear: year, indicators: [],
            regions: regions.sorted { $0.code < $1.code }, rows: [], unknownColumns: [], warnings: [])
        dataset.geometries = geometries
        return dataset
    }
}
