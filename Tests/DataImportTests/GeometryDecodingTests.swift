import Foundation
import Testing

@testable import DataImport

/// The GeoPackage geometry header, WKB and simplification on bytes built here, including hostile ones.
@Suite struct GeometryDecodingTests {
    /// A GeoPackageBinary blob: header with SRS 28992 and no envelope, then a WKB polygon of `points`.
    static func blob(points: [(Double, Double)], bigEndian: Bool = false, type: UInt32 = 3, claimed: UInt32? = nil)
        -> [UInt8]
    {
        func u32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: bigEndian ? v.bigEndian : v.littleEndian, Array.init) }
        func f64(_ v: Double) -> [UInt8] {
            withUnsafeBytes(of: bigEndian ? v.bitPattern.bigEndian : v.bitPattern.littleEndian, Array.init)
        }
        var bytes: [UInt8] = [0x47, 0x50, 0, 0b0000_0001] + withUnsafeBytes(of: Int32(28992).littleEndian, Array.init)
        bytes += [bigEndian ? 0 : 1] + u32(type) + u32(1) + u32(claimed ?? UInt32(points.count))
        for (x, y) in points { bytes += f64(x) + f64(y) }
        return bytes
    }

    static let square = [
        (100_000.0, 400_000.0), (100_100, 400_000), (100_100, 400_100), (100_000, 400_100), (100_000, 400_000),
    ]

    @Test func decodesLittleAndBigEndianPolygons() throws {
        for bigEndian in [false, true] {
            let (outline, srs) = try GeoPackageGeometry.decode(Self.blob(points: Self.square, bigEndian: bigEndian))
            #expect(srs == 28992)
            #expect(outline.polygons.count == 1)
            #expect(outline.polygons[0][0].count == 5)
            #expect(outline.polygons[0][0][2] == GeoPoint(100_100, 400_100))
        }
    }

    @Test func refusesAbsurdCountsWithoutAllocating() {
        // Four billion points claimed in a blob of a hundred bytes: refused on the count, before any memory.
        #expect(throws: GeoPackageGeometry.Problem.wkb(.badCount(0xFFFF_FFF0))) {
            try GeoPackageGeometry.decode(Self.blob(points: Self.square, claimed: 0xFFFF_FFF0))
        }
        #expect(throws: GeoPackageGeometry.Problem.wkb(.truncated)) {
            try GeoPackageGeometry.decode(Array(Self.blob(points: Self.square).prefix(14)))
        }
    }

    @Test func refusesWhatIsNotAnOutline() {
        #expect(throws: GeoPackageGeometry.Problem.wkb(.unsupported(1))) {
            try GeoPackageGeometry.decode(Self.blob(points: [(1, 2)], type: 1))
        }
        #expect(throws: GeoPackageGeometry.Problem.notGeoPackageBinary) {
            try GeoPackageGeometry.decode(Array("not a geometry".utf8))
        }
        #expect(throws: GeoPackageGeometry.Problem.wkb(.notFinite)) {
            try GeoPackageGeometry.decode(Self.blob(points: [(Double.nan, 1), (2, 3), (4, 5), (Double.nan, 1)]))
        }
    }

    @Test func simplificationKeepsTheShapeAndDropsTheJitter() {
        // A 2 km square traced every metre with ±0.5 m of noise: 8,000 points that a map draws as four corners.
        var generator = SeededGenerator(seed: 2022)
        var ring: [GeoPoint] = []
        let metre = 1.0 / 111_320
        let corners = [(0.0, 0.0), (2000.0, 0.0), (2000.0, 2000.0), (0.0, 2000.0), (0.0, 0.0)]
        for (a, b) in zip(corners, corners.dropFirst()) {
            for step in 0..<2000 {
                let t = Double(step) / 2000
                let jitter = { Double.random(in: -0.5...0.5, using: &generator) }
                ring.append(
                    GeoPoint(
                        5 + (a.0 + (b.0 - a.0) * t + jitter()) * metre / cos(52 * .pi / 180),
                        52 + (a.1 + (b.1 - a.1) * t + jitter()) * metre))
            }
        }
        ring.append(ring[0])
        let simplified = Simplification.simplify(Outline(polygons: [[ring]]), toleranceMetres: 5)
        let kept = simplified.polygons[0][0]
        #expect(kept.count < 40, "\(kept.count) points kept")
        #expect(kept.first == kept.last)
        // Every kept point is an original one: simplification never moves a boundary.
        #expect(kept.allSatisfy { point in ring.contains(point) })
    }
}

/// A fixed sequence (SplitMix64), so the jittered test ring is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
