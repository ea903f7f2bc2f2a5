import Core

/// A crosswalk derived from two sets of outlines of one level, weighted by area: both indelingen are rasterised in
/// RD New (metres) on one grid and every cell counts for the pair of regions it lies in.
///
/// Rasterising instead of clipping polygons is robust against what real outlines contain (self-touching rings,
/// slivers, generalisation that differs between years) and its error is bounded by the cell: at 25 m a wijk of
/// 50 ha has 800 cells. CBS generalises every year's outlines on its own, so the same boundary lies a few metres
/// apart in two years; the parts this creates are slivers, dropped below `sliverShare` and the rest renormalised.
public enum OutlineOverlap {
    /// A region's outline in RD New: its rings (outer rings and holes alike; the even–odd rule tells them apart).
    public typealias Rings = [[(x: Double, y: Double)]]

    public struct Result: Sendable {
        public var crosswalk: Crosswalk
        /// Regions of the older indeling that lie ≥ 95 % in one newer region that lies ≥ 95 % in them.
        public var identical: Int
        /// Regions of the older indeling that went ≥ 95 % into a newer region that also holds other regions.
        public var mergedWhole: Int
        /// Regions divided over more than one newer region after slivers were dropped.
        public var divided: Int
        /// Regions that lie in one newer region once slivers are dropped, but by less than 95 %.
        public var single: Int
        /// Parts dropped as slivers.
        public var slivers: Int
        /// Regions of the older indeling that no outline of the newer one covers.
        public var uncovered: [RegionCode]

        /// One Dutch sentence for the source line and the staff page.
        public var statement: String {
            let noun =
                crosswalk.level == .district ? "wijken" : crosswalk.level == .neighbourhood ? "buurten" : "gemeenten"
            var parts = [
                "\(identical) \(noun) gelijk gebleven", "\(mergedWhole) geheel opgegaan in een grotere",
                "\(divided) verdeeld",
            ]
            if single > 0 { parts.append("\(single) na weglaten van randstukjes in één") }
            if !uncovered.isEmpty { parts.append("\(uncovered.count) zonder overlap") }
            return parts.joined(separator: ", ") + "; \(slivers) randstukjes onder "
                + "\(Int(sliverShare * 100)) % weggelaten"
        }
    }

    /// Cell size in metres.
    public static let cellSize = 25.0
    /// Parts of an older region smaller than this share are taken as generalisation, not as a boundary change.
    public static let sliverShare = 0.05
    /// Mutual overlap from which a region counts as unchanged, or as having gone whole into a merger.
    public static let wholeShare = 0.95
    /// Largest grid per gemeente (cells); a larger box is rasterised with coarser cells.
    static let maximumCells = 12_000_000

    public static func crosswalk(
        level: RegionLevel, fromYear: Int, toYear: Int, from old: [RegionCode: Rings], to new: [RegionCode: Rings]
    ) -> Result {
        var counts: [RegionCode: [RegionCode: Int]] = [:]
        var largestCell = cellSize
        let newBoxes = new.compactMapValues(Box.init)
        // One gemeente's older regions at a time keeps the grid small; cells lie on one national grid, so a cell
        // near two gemeenten is the same cell in both and every part is counted once, for its own older region.
        let groups = Dictionary(grouping: old.keys) { $0.municipality }
        for key in groups.keys.sorted() {
            let members = groups[key]!.sorted()
            let boxes = members.compactMap { code in Box(old[code]!).map { (code, $0) } }
            guard let box = boxes.map(\.1).reduce(nil, { ($0 ?? $1).union($1) }) else { continue }
            let grid = Grid(box: box)
            largestCell = max(largestCell, grid.size)
            var oldLabels = [Int32](repeating: -1, count: grid.cellCount)
            for (index, (code, _)) in boxes.enumerated() {
                grid.fill(old[code]!, label: Int32(index), into: &oldLabels)
            }
            let candidates = newBoxes.filter { $0.value.intersects(box) }.keys.sorted()
            var newLabels = [Int32](repeating: -1, count: grid.cellCount)
            for (index, code) in candidates.enumerated() {
                grid.fill(new[code]!, label: Int32(index), into: &newLabels)
            }
            var pairs: [Int: Int] = [:]
            for cell in 0..<grid.cellCount where oldLabels[cell] >= 0 && newLabels[cell] >= 0 {
                pairs[Int(oldLabels[cell]) << 32 | Int(newLabels[cell]), default: 0] += 1
            }
            for (pair, n) in pairs {
                counts[boxes[pair >> 32].0, default: [:]][candidates[pair & 0xFFFF_FFFF]] = n
            }
        }
        return result(
            level: level, fromYear: fromYear, toYear: toYear, counts: counts, all: Set(old.keys), cell: largestCell)
    }

    /// Shares from cell counts: slivers dropped, whole units recognised.
    static func result(
        level: RegionLevel, fromYear: Int, toYear: Int, counts: [RegionCode: [RegionCode: Int]], all: Set<RegionCode>,
        cell: Double = cellSize
    ) -> Result {
        var received: [RegionCode: Int] = [:]
        for parts in counts.values { for (to, n) in parts { received[to, default: 0] += n } }
        var links: [Crosswalk.Link] = []
        var identical = 0, merged = 0, divided = 0, single = 0, slivers = 0
        for from in counts.keys.sorted() {
            let parts = counts[from]!
            let total = Double(parts.values.reduce(0, +))
            if let (to, n) = parts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), Double(n) >= wholeShare * total
            {
                links.append(Crosswalk.Link(from: from, to: to, share: 1, basis: .whole))
                slivers += parts.count - 1
                if Double(n) >= wholeShare * Double(received[to]!) { identical += 1 } else { merged += 1 }
                continue
            }
            // A region scattered in pieces that are all under the threshold keeps them all rather than vanish.
            let large = parts.filter { Double($0.value) >= sliverShare * total }
            let kept = large.isEmpty ? parts : large
            slivers += parts.count - kept.count
            let keptTotal = Double(kept.values.reduce(0, +))
            if kept.count > 1 { divided += 1 } else { single += 1 }
            for (to, n) in kept.sorted(by: { $0.key < $1.key }) {
                links.append(Crosswalk.Link(from: from, to: to, share: Double(n) / keptTotal, basis: .area))
            }
        }
        let noun = level == .district ? "wijkgrenzen" : level == .neighbourhood ? "buurtgrenzen" : "gemeentegrenzen"
        let crosswalk = Crosswalk(
            level: level, fromYear: fromYear, toYear: toYear,
            origin: "Wijkradar: overlap van de \(noun) \(fromYear) en \(toYear) (CBS / Kadaster), "
                + "raster van \(cell == cellSize ? "\(Int(cellSize)) m" : "\(Int(cellSize)) m (grote gemeenten tot \(Int(cell)) m)") in RD New",
            links: links)
        return Result(
            crosswalk: crosswalk, identical: identical, mergedWhole: merged, divided: divided, single: single,
            slivers: slivers,
            uncovered: all.subtracting(counts.keys).sorted())
    }

    struct Box: Sendable {
        var minX, minY, maxX, maxY: Double

        init?(_ rings: Rings) {
            let points = rings.joined()
            guard let first = points.first else { return nil }
            (minX, minY, maxX, maxY) = (first.x, first.y, first.x, first.y)
            for p in points {
                minX = min(minX, p.x)
                minY = min(minY, p.y)
                maxX = max(maxX, p.x)
                maxY = max(maxY, p.y)
            }
            // Only outlines in the Netherlands (NaN fails too): the grid's cell numbers stay small.
            guard RDNew.contains(x: minX, y: minY), RDNew.contains(x: maxX, y: maxY) else { return nil }
        }

        init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
        }

        func union(_ other: Box) -> Box {
            Box(
                minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX),
                maxY: max(maxY, other.maxY))
        }

        func intersects(_ other: Box) -> Bool {
            minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
        }
    }

    /// Cells of one box on the national grid (origin 0,0 in RD); cell centres decide.
    struct Grid {
        let size: Double
        let column0: Int, row0: Int, columns: Int, rows: Int
        var cellCount: Int { columns * rows }

        init(box: Box) {
            var size = OutlineOverlap.cellSize
            while ((box.maxX - box.minX) / size + 2) * ((box.maxY - box.minY) / size + 2)
                > Double(OutlineOverlap.maximumCells)
            {
                size *= 2
            }
            self.size = size
            column0 = Int((box.minX / size).rounded(.down))
            row0 = Int((box.minY / size).rounded(.down))
            columns = Int((box.maxX / size).rounded(.down)) - column0 + 1
            rows = Int((box.maxY / size).rounded(.down)) - row0 + 1
        }

        /// Scanline fill by the even–odd rule: every edge adds its crossings with the rows' centre lines.
        func fill(_ rings: Rings, label: Int32, into labels: inout [Int32]) {
            var crossings: [(row: Int, x: Double)] = []
            for ring in rings where ring.count >= 3 {
                for i in ring.indices {
                    let a = ring[i], b = ring[(i + 1) % ring.count]
                    guard a.y != b.y else { continue }
                    let (low, high) = a.y < b.y ? (a, b) : (b, a)
                    // Rows whose centre y = (row + ½)·size lies in [low.y, high.y).
                    let first = max(Int((low.y / size - 0.5).rounded(.up)), row0)
                    let last = min(Int((high.y / size - 0.5).rounded(.up)) - 1, row0 + rows - 1)
                    guard first <= last else { continue }
                    for row in first...last {
                        let y = (Double(row) + 0.5) * size
                        crossings.append((row, low.x + (y - low.y) / (high.y - low.y) * (high.x - low.x)))
                    }
                }
            }
            crossings.sort { ($0.row, $0.x) < ($1.row, $1.x) }
            var i = 0
            while i + 1 < crossings.count {
                let (row, x1) = crossings[i], (row2, x2) = crossings[i + 1]
                guard row == row2 else {
                    i += 1
                    continue
                }
                // Columns whose centre x = (column + ½)·size lies in [x1, x2).
                let from = max(Int((x1 / size - 0.5).rounded(.up)), column0)
                let to = min(Int((x2 / size - 0.5).rounded(.up)) - 1, column0 + columns - 1)
                if from <= to {
                    let base = (row - row0) * columns - column0
                    for column in from...to { labels[base + column] = label }
                }
                i += 2
            }
        }
    }
}
