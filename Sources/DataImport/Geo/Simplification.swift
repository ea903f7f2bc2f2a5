import Foundation

/// Douglas–Peucker simplification of WGS84 outlines, with the tolerance in metres.
///
/// Official outlines follow parcel boundaries to the decimetre (a gemeente of wijken easily has 200,000 vertices);
/// a map of 480 pixels shows 20–50 m per pixel. Simplifying at import keeps the stored outlines and every map built
/// from them small. Rings are simplified each on their own, so neighbouring regions can part by up to the tolerance
/// along a shared border: invisible at the tolerances used (a few metres against tens of metres per pixel).
enum Simplification {
    /// The tolerance for a level of regions: finer for the small regions that are drawn zoomed in.
    static func tolerance(for level: String) -> Double {
        switch level {
        case "gemeente": 25
        case "wijk": 5
        default: 2
        }
    }

    static func simplify(_ outline: Outline, toleranceMetres: Double) -> Outline {
        guard let first = outline.polygons.first?.first?.first else { return outline }
        // Degrees to metres near this outline (equirectangular; exact enough within one region).
        let metresPerDegreeY = 111_320.0
        let metresPerDegreeX = metresPerDegreeY * cos(first.y * .pi / 180)
        let polygons = outline.polygons.map { rings in
            rings.enumerated().compactMap { index, ring -> [GeoPoint]? in
                let simplified = simplifyRing(
                    ring, tolerance: toleranceMetres, scaleX: metresPerDegreeX, scaleY: metresPerDegreeY)
                // A hole smaller than the tolerance disappears; an outer ring is kept whole rather than lost.
                if simplified.count >= 4 { return simplified }
                return index == 0 ? ring : nil
            }
        }
        return Outline(polygons: polygons)
    }

    /// A closed ring (first point repeated last) simplified between its first point and the point farthest from it,
    /// iteratively: a hostile ring of a million points must not exhaust the stack.
    static func simplifyRing(_ ring: [GeoPoint], tolerance: Double, scaleX: Double, scaleY: Double) -> [GeoPoint] {
        guard ring.count > 4 else { return ring }
        let points = ring.map { GeoPoint($0.x * scaleX, $0.y * scaleY) }
        let last = points.count - 1
        var farthest = 0
        var farthestDistance = -1.0
        for index in 1..<last {
            let dx = points[index].x - points[0].x, dy = points[index].y - points[0].y
            let distance = dx * dx + dy * dy
            if distance > farthestDistance { (farthest, farthestDistance) = (index, distance) }
        }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[farthest] = true
        keep[last] = true
        var stack = [(0, farthest), (farthest, last)]
        let squaredTolerance = tolerance * tolerance
        // Douglas–Peucker costs n log n on real outlines but n² on a crafted zigzag; past a budget the ring is
        // thinned in one pass instead (a point is kept when it lies a tolerance away from the last one kept).
        var budget = 64 * points.count + 10_000
        while let (start, end) = stack.popLast() {
            guard end - start > 1 else { continue }
            budget -= end - start
            guard budget > 0 else { return thinned(ring, points: points, squaredTolerance: squaredTolerance) }
            var index = start
            var worst = -1.0
            for candidate in (start + 1)..<end {
                let distance = squaredDistance(points[candidate], from: points[start], to: points[end])
                if distance > worst { (index, worst) = (candidate, distance) }
            }
            if worst > squaredTolerance {
                keep[index] = true
                stack.append((start, index))
                stack.append((index, end))
            }
        }
        return ring.indices.compactMap { keep[$0] ? ring[$0] : nil }
    }

    /// Radial thinning, linear in the ring's length: the fallback for rings that would make Douglas–Peucker slow.
    static func thinned(_ ring: [GeoPoint], points: [GeoPoint], squaredTolerance: Double) -> [GeoPoint] {
        var kept = [ring[0]]
        var last = points[0]
        for index in 1..<(points.count - 1) {
            let dx = points[index].x - last.x, dy = points[index].y - last.y
            if dx * dx + dy * dy > squaredTolerance {
                kept.append(ring[index])
                last = points[index]
            }
        }
        kept.append(ring[ring.count - 1])
        return kept
    }

    /// Squared distance from `p` to the segment a–b.
    static func squaredDistance(_ p: GeoPoint, from a: GeoPoint, to b: GeoPoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = dx * dx + dy * dy
        var t = length == 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / length
        t = min(1, max(0, t))
        let ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy)
        return ex * ex + ey * ey
    }
}
