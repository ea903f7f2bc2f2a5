import Core

/// Converts one year's figures from the indeling they were published in to another of the same level, by the
/// catalogue's rules: counts are split by the crosswalk's shares and summed; weighted means are recomputed from the
/// converted numerator and denominator (the catalogue names the weight), or weighted by inhabitants when the table
/// lacks it; indicators that cannot be added up are carried only where a region stayed the same. Every converted
/// cell is `computed`; a region that is the same region in both indelingen keeps its published cells.
public enum Harmonisation {
    /// A secret or missing part that brings at most this share of a region's weight (inhabitants, or the
    /// crosswalk's share when inhabitants are unknown) is left out; a larger one makes the result secret or missing.
    public static let negligibleShare = 0.01

    public struct Result: Sendable {
        /// The figures on the crosswalk's newer indeling, period unchanged.
        public var table: RegionTable
        /// Regions whose figures were converted (made of other or partial regions), with the share of their weight
        /// that came from regions divided over more than one newer region.
        public var converted: [RegionCode: Double]
        public var crosswalk: Crosswalk
    }

    struct Part {
        var share: Double
        var row: Int?
        var split: Bool
        /// Inhabitants of the whole older region, when known.
        var size: Double?
    }

    public static func convert(_ table: RegionTable, with crosswalk: Crosswalk, names: [RegionCode: String] = [:])
        -> Result
    {
        let split = crosswalk.splitRegions
        let population = table.columns["population"]
        var regions: [Region] = []
        var converted: [RegionCode: Double] = [:]
        var partsOf: [[Part]] = []
        var identity: [Int?] = []
        let byTarget = Dictionary(grouping: crosswalk.links, by: \.to)
        for target in byTarget.keys.sorted() {
            let links = byTarget[target]!
            let parts = links.map { link in
                let row = table.index(of: link.from)
                return Part(
                    share: link.share, row: row, split: split.contains(link.from),
                    size: row.flatMap { population?.cells[$0].number })
            }
            guard parts.contains(where: { $0.row != nil }) else { continue }
            let same = parts.count == 1 && links[0].from == target && parts[0].share > 0.9999
            regions.append(
                Region(
                    code: target, name: names[target] ?? table.regions[parts.first { $0.row != nil }!.row!].name,
                    indelingYear: crosswalk.toYear))
            identity.append(same ? parts[0].row : nil)
            partsOf.append(parts)
            if !same {
                let weights = Self.weights(parts)
                let total = weights.reduce(0, +)
                converted[target] =
                    total > 0 ? zip(parts, weights).filter { $0.0.split }.map(\.1).reduce(0, +) / total : 0
            }
        }
        var columns: [RegionTable.Column] = []
        for column in table.columns.values {
            let weight: RegionTable.Column? =
                if case .weightedMean(let id) = column.indicator.aggregation { table.columns[id] } else { nil }
            let cells = partsOf.indices.map { index in
                if let row = identity[index] { return column.cells[row] }
                return Self.cell(column, parts: partsOf[index], weight: weight)
            }
            var source = column.source
            source.indelingYear = crosswalk.toYear
            columns.append(RegionTable.Column(indicator: column.indicator, cells: cells, source: source))
        }
        return Result(
            table: RegionTable(period: table.period, regions: regions, columns: columns), converted: converted,
            crosswalk: crosswalk)
    }

    /// What each part weighs in its newer region: its share of the older region's inhabitants when every part's
    /// inhabitants are known and some live there, else its share alone (an uninhabited region keeps its area).
    static func weights(_ parts: [Part]) -> [Double] {
        let byInhabitants = parts.compactMap { part in part.size.map { part.share * $0 } }
        guard byInhabitants.count == parts.count, byInhabitants.reduce(0, +) > 0 else { return parts.map(\.share) }
        return byInhabitants
    }

    static func cell(_ column: RegionTable.Column, parts: [Part], weight: RegionTable.Column?) -> Cell {
        let indicator = column.indicator
        let weights = Self.weights(parts)
        let total = weights.reduce(0, +)
        var unknown = 0.0
        var secret = false
        var sum = 0.0
        var weightSum = 0.0
        for (part, partWeight) in zip(parts, weights) {
            let cell = part.row.map { column.cells[$0] } ?? .missing
            switch indicator.aggregation {
            case .none:
                return .missing
            case .sum:
                guard let v = cell.number else {
                    unknown += partWeight
                    secret = secret || cell == .secret
                    continue
                }
                sum += part.share * v
            case .weightedMean:
                // The catalogue's weight when the table has it (numerator and denominator converted), else inhabitants.
                let w =
                    weight.map { w in part.row.flatMap { w.cells[$0].number }.map { part.share * $0 } } ?? partWeight
                guard let v = cell.number, let w else {
                    unknown += partWeight
                    secret = secret || cell == .secret
                    continue
                }
                sum += v * w
                weightSum += w
            }
        }
        if total <= 0 || unknown / total > negligibleShare { return secret ? .secret : .missing }
        switch indicator.aggregation {
        case .sum: return .computed(sum)
        case .weightedMean: return weightSum > 0 ? .computed(sum / weightSum) : .missing
        case .none: return .missing
        }
    }
}
