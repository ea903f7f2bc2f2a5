import Core

/// The coordinate systems Dutch region outlines come in: RD New from CBS and PDOK's WFS, WGS84 from PDOK's
/// OGC API and most other tools. Everything is stored in WGS84.
enum CoordinateSystem: Equatable {
    case rdNew
    case wgs84

    /// From an EPSG code; ETRS89 (4258) is WGS84 to within a metre in the Netherlands, which is what the maps need.
    init?(epsg: Int) {
        switch epsg {
        case 28992: self = .rdNew
        case 4326, 4258, 4979, 4937: self = .wgs84
        default: return nil
        }
    }

    /// From a GeoJSON `crs` member or a shapefile's `.prj` text; nil when it names neither.
    init?(describedBy text: String) {
        let lower = text.lowercased()
        if lower.contains("28992") || lower.contains("amersfoort") || lower.contains("rd_new")
            || lower.contains("stereographic")
        {
            self = .rdNew
        } else if lower.contains("projcs") || lower.contains("projcrs") || lower.contains("utm") {
            // Another projected system (ETRS89 / UTM, Web Mercator): not one Wijkradar converts.
            return nil
        } else if lower.contains("4326") || lower.contains("crs84") || lower.contains("wgs_1984")
            || lower.contains("wgs 84") || lower.contains("4258") || lower.contains("etrs")
        {
            self = .wgs84
        } else {
            return nil
        }
    }

    /// A guess from one point where the file does not say: RD coordinates are metres, in the hundreds of thousands.
    static func guess(from point: GeoPoint) -> CoordinateSystem {
        abs(point.x) > 360 || abs(point.y) > 360 ? .rdNew : .wgs84
    }

    var dutchName: String { self == .rdNew ? "RD New (EPSG:28992)" : "WGS84 (EPSG:4326)" }

    /// The outline in WGS84, simplified for the maps of its level, as a GeoJSON geometry; or the Dutch reason why
    /// it cannot be (a point outside the Netherlands, which is also what coordinates in the wrong system look like).
    func prepare(_ outline: Outline, level: RegionLevel) -> Result<String, GeometryProblem> {
        var outside: GeoPoint?
        let converted: Outline
        switch self {
        case .rdNew:
            converted = outline.map { point in
                guard RDNew.contains(x: point.x, y: point.y) else {
                    if outside == nil { outside = point }
                    return point
                }
                let (longitude, latitude) = RDNew.toWGS84(x: point.x, y: point.y)
                return GeoPoint(longitude, latitude)
            }
        case .wgs84:
            converted = outline
            outside = outline.polygons.lazy.flatMap { $0 }.flatMap { $0 }.first {
                !DutchExtent.contains(longitude: $0.x, latitude: $0.y)
            }
        }
        if let outside { return .failure(.outsideNetherlands(outside, self)) }
        guard outline.pointCount > 0 else { return .failure(.empty) }
        let simplified = Simplification.simplify(
            converted, toleranceMetres: Simplification.tolerance(for: level.rawValue))
        return .success(simplified.geojson)
    }
}

/// Why an outline is refused, in Dutch.
enum GeometryProblem: Error, Equatable {
    case outsideNetherlands(GeoPoint, CoordinateSystem)
    case empty

    var message: String {
        switch self {
        case .outsideNetherlands(let point, let system):
            "de coördinaat (\(Self.shown(point.x, system)); \(Self.shown(point.y, system))) ligt niet in Nederland als "
                + "\(system.dutchName); staat het bestand in een ander coördinatenstelsel?"
        case .empty: "de geometrie heeft geen punten"
        }
    }

    /// Metres whole, degrees to six decimals, Dutch style; absurd values as they are written, never trapped.
    static func shown(_ value: Double, _ system: CoordinateSystem) -> String {
        guard abs(value) < 1e9 else { return "\(value)" }
        return DutchFormat.number(value, decimals: system == .rdNew ? 0 : 6)
    }
}
