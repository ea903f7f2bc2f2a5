import Foundation

/// Rijksdriehoekscoördinaten (RD New, EPSG:28992) to WGS84 longitude and latitude, and back.
///
/// Uses the published approximation of F.H. Schreutelkamp and G.L. Strang van Hees, "Benaderingsformules voor de
/// transformatie tussen RD- en WGS84-kaartcoördinaten" (Geodesia 43, 2001), whose coefficients are reproduced in
/// many public implementations. Within the Netherlands it agrees with RDNAPTRANS to well within a metre, which is
/// far finer than the map it feeds (one pixel of a gemeente map is 20 m or more); RDNAPTRANS itself needs
/// correction grids Wijkradar does not ship. `RDNewTests` checks it against the RDNAPTRANS test points.
public enum RDNew {
    /// Where RD New coordinates are defined (EPSG:28992's area of use, rounded outward): a point outside is
    /// not in the Netherlands, or not in RD New at all.
    public static let xRange = -7_000.0...300_000.0
    public static let yRange = 289_000.0...629_000.0

    public static func contains(x: Double, y: Double) -> Bool { xRange.contains(x) && yRange.contains(y) }

    /// (longitude, latitude) in degrees of an RD point; the caller checks `contains` first.
    public static func toWGS84(x: Double, y: Double) -> (longitude: Double, latitude: Double) {
        let dX = (x - 155_000) * 1e-5
        let dY = (y - 463_000) * 1e-5
        let dX2 = dX * dX, dX3 = dX2 * dX, dX4 = dX3 * dX, dX5 = dX4 * dX
        let dY2 = dY * dY, dY3 = dY2 * dY, dY4 = dY3 * dY
        // The published coefficients Kpq and Lpq (arc-seconds), written out: this runs for every vertex.
        let latitude =
            3235.65389 * dY - 32.58297 * dX2 - 0.24750 * dY2 - 0.84978 * dX2 * dY - 0.06550 * dY3
            - 0.01709 * dX2 * dY2 - 0.00738 * dX + 0.00530 * dX4 - 0.00039 * dX2 * dY3 + 0.00033 * dX4 * dY
            - 0.00012 * dX * dY
        let longitude =
            5260.52916 * dX + 105.94684 * dX * dY + 2.45656 * dX * dY2 - 0.81885 * dX3 + 0.05594 * dX * dY3
            - 0.05607 * dX3 * dY + 0.01199 * dY - 0.00256 * dX3 * dY2 + 0.00128 * dX * dY4 + 0.00022 * dY2
            - 0.00022 * dX2 + 0.00026 * dX5
        return (5.38720621 + longitude / 3600, 52.15517440 + latitude / 3600)
    }

    /// RD (x, y) in metres of a WGS84 point, by the same authors' inverse formulas (coefficients Rpq and Spq).
    /// Used to measure overlap of outlines in metres (`OutlineOverlap`), where a metre's error does not matter.
    public static func fromWGS84(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
        let dF = 0.36 * (latitude - 52.15517440)
        let dL = 0.36 * (longitude - 5.38720621)
        let dF2 = dF * dF, dF3 = dF2 * dF
        let dL2 = dL * dL, dL3 = dL2 * dL, dL4 = dL3 * dL
        let x =
            190_094.945 * dL - 11_832.228 * dF * dL - 114.221 * dF2 * dL - 32.391 * dL3 - 0.705 * dF
            - 2.340 * dF3 * dL - 0.608 * dF * dL3 - 0.008 * dL2 + 0.148 * dF2 * dL3
        let y =
            309_056.544 * dF + 3_638.893 * dL2 + 73.077 * dF2 - 157.984 * dF * dL2 + 59.788 * dF3 + 0.433 * dL
            - 6.439 * dF2 * dL2 - 0.032 * dF * dL + 0.092 * dL4 - 0.054 * dF * dL4
        return (155_000 + x, 463_000 + y)
    }
}

/// Where WGS84 outlines of Dutch regions can lie: the land and the territorial sea, with a margin.
public enum DutchExtent {
    public static let longitudes = 2.0...7.6
    public static let latitudes = 50.5...56.0

    public static func contains(longitude: Double, latitude: Double) -> Bool {
        longitudes.contains(longitude) && latitudes.contains(latitude)
    }
}
