import Core
import Dispatch

/// "Lijkt op": the regions nearest to a region across the whole table, on standardised, non-stigmatising indicators.
///
/// Each feature is turned into a z-score over all regions that have it. The distance between two regions is the
/// root mean square of their z-score differences over the features both have; pairs that share fewer than
/// `minimumShared` features are not compared. Ties are broken by region code, so results are reproducible.
public struct SimilarityModel: Sendable {
    public struct Neighbour: Sendable, Equatable {
        public var region: RegionCode
        public var distance: Double
        /// Features on which the two are closest, most alike first (at most three).
        public var closestOn: [String]
    }

    /// The features used, documented on the methodology page. Origin-based indicators are never among them.
    public static let defaultFeatures = [
        "age_0_14_pct", "age_65_plus_pct", "woz_value", "owner_occupied_pct", "labour_participation_pct",
        "low_income_persons_pct", "high_income_persons_pct", "education_high_pct", "urbanity",
    ]

    public let features: [String]
    public let minimumShared: Int
    let codes: [RegionCode]
    let rowIndex: [RegionCode: Int]
    /// z-scores, row-major: region × feature; NaN where the region has no value.
    let z: [Double]

    public init(table: RegionTable, features: [String] = SimilarityModel.defaultFeatures, minimumShared: Int? = nil) {
        let usable = features.filter { id in
            guard let column = table.columns[id] else { return false }
            return !column.indicator.stigmatising
        }
        self.features = usable
        self.minimumShared = minimumShared ?? max(1, (usable.count * 2 + 2) / 3)
        // NB: ties are broken by index, which equals code order only when the rows are sorted by code.
        codes = table.regions.map(\.code)
        rowIndex = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var z = [Double](repeating: .nan, count: codes.count * usable.count)
        for (f, id) in usable.enumerated() {
            let column = table.columns[id]!
            let distribution = table.distribution(id)!
            guard distribution.standardDeviation > 0 else { continue }
            for (r, cell) in column.cells.enumerated() {
                if let v = cell.number {
                    z[r * usable.count + f] = (v - distribution.mean) / distribution.standardDeviation
                }
            }
        }
        self.z = z
    }

    /// The `k` nearest regions to `code`, or nil when the region is not in the table.
    public func neighbours(of code: RegionCode, k: Int = 10, among candidates: ((RegionCode) -> Bool)? = nil)
        -> [Neighbour]?
    {
        guard let row = rowIndex[code] else { return nil }
        return neighbours(ofRow: row, k: k, among: candidates)
    }

    /// The `k` nearest regions of every region, in table order, computed on all cores.
    public func neighboursOfAll(k: Int = 10) -> [[Neighbour]] {
        var result = [[Neighbour]](repeating: [], count: codes.count)
        result.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: codes.count) { row in
                out[row] = neighbours(ofRow: row, k: k, among: nil)
            }
        }
        return result
    }

    func neighbours(ofRow row: Int, k: Int, among candidates: ((RegionCode) -> Bool)?) -> [Neighbour] {
        guard k > 0 else { return [] }
        // Keep the k best in a small sorted buffer: a full sort of all regions per query would cost far more.
        // Regions are in code order, so the index breaks ties exactly as the code does.
        var best: [(distance: Double, index: Int)] = []
        best.reserveCapacity(k + 1)
        for other in codes.indices where other != row {
            if let candidates, !candidates(codes[other]) { continue }
            guard let d = distance(row, other) else { continue }
            if best.count == k, let worst = best.last, (d, other) >= (worst.distance, worst.index) { continue }
            var position = best.count
            while position > 0, (d, other) < (best[position - 1].distance, best[position - 1].index) { position -= 1 }
            best.insert((d, other), at: position)
            if best.count > k { best.removeLast() }
        }
        let n = features.count
        return best.map { item in
            var gaps: [(Double, String)] = []
            for f in 0..<n {
                let a = z[row * n + f], b = z[item.index * n + f]
                if !a.isNaN, !b.isNaN { gaps.append((abs(a - b), features[f])) }
            }
            let closest = gaps.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(3).map(\.1)
            return Neighbour(region: codes[item.index], distance: item.distance, closestOn: Array(closest))
        }
    }

    func distance(_ a: Int, _ b: Int) -> Double? {
        let n = features.count
        var sum = 0.0, shared = 0
        for f in 0..<n {
            let x = z[a * n + f], y = z[b * n + f]
            if x.isNaN || y.isNaN { continue }
            sum += (x - y) * (x - y)
            shared += 1
        }
        return shared >= minimumShared ? (sum / Double(shared)).squareRoot() : nil
    }
}
