import Core

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
    /// z-scores, row-major: region × feature; NaN where the region has no value.
    let z: [Double]

    public init(table: RegionTable, features: [String] = SimilarityModel.defaultFeatures, minimumShared: Int? = nil) {
        let usable = features.filter { id in
            guard let column = table.columns[id] else { return false }
            return !column.indicator.stigmatising
        }
        self.features = usable
        self.minimumShared = minimumShared ?? max(1, (usable.count * 2 + 2) / 3)
        codes = table.regions.map(\.code)
        var z = [Double](repeating: .nan, count: codes.count * usable.count)
        for (f, id) in usable.enumerated() {
            let column = table.columns[id]!
            let distribution = Distribution(column.cells.compactMap(\.number))
            guard distribution.standardDeviation > 0 else { continue }
            for (r, cell) in column.cells.enumerated() {
                if let v = cell.number { z[r * usable.count + f] = (v - distribution.mean) / distribution.standardDeviation }
            }
        }
        self.z = z
    }

    /// The `k` nearest regions to `code`, or nil when the region is not in the table.
    public func neighbours(of code: RegionCode, k: Int = 10, among candidates: ((RegionCode) -> Bool)? = nil) -> [Neighbour]? {
        guard let row = codes.firstIndex(of: code) else { return nil }
        let n = features.count
        var scored: [(distance: Double, index: Int)] = []
        scored.reserveCapacity(codes.count)
        for other in codes.indices where other != row {
            if let candidates, !candidates(codes[other]) { continue }
            if let d = distance(row, other) { scored.append((d, other)) }
        }
        scored.sort { ($0.distance, codes[$0.index].rawValue) < ($1.distance, codes[$1.index].rawValue) }
        return scored.prefix(k).map { item in
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
