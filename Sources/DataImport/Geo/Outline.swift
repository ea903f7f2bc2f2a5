import Foundation

/// A point in the coordinates of its source: metres in RD New, degrees (longitude, latitude) in WGS84.
public struct GeoPoint: Equatable, Sendable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// The outline of one region: polygons of rings, the first ring of each polygon its outer boundary.
public struct Outline: Equatable, Sendable {
    public var polygons: [[[GeoPoint]]]

    public init(polygons: [[[GeoPoint]]]) { self.polygons = polygons }

    public var pointCount: Int { polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }

    public func map(_ transform: (GeoPoint) -> GeoPoint) -> Outline {
        Outline(polygons: polygons.map { $0.map { $0.map(transform) } })
    }

    /// A GeoJSON Polygon or MultiPolygon with six decimals (about 0.1 m), which is what is stored.
    public var geojson: String {
        func ring(_ points: [GeoPoint]) -> String {
            "[" + points.map { "[\(Self.decimal6($0.x)),\(Self.decimal6($0.y))]" }.joined(separator: ",") + "]"
        }
        func polygon(_ rings: [[GeoPoint]]) -> String { "[" + rings.map(ring).joined(separator: ",") + "]" }
        if polygons.count == 1 {
            return #"{"coordinates":"# + polygon(polygons[0]) + #","type":"Polygon"}"#
        }
        return #"{"coordinates":["# + polygons.map(polygon).joined(separator: ",") + #"],"type":"MultiPolygon"}"#
    }

    /// Six decimals without `String(format:)`, which is slow on Linux and runs for every vertex.
    static func decimal6(_ value: Double) -> String {
        let scaled = Int64((value * 1_000_000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let fraction = String(magnitude % 1_000_000)
        return "\(sign)\(magnitude / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
