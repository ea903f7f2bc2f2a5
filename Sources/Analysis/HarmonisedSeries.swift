import Core

/// Every year's figures of one level on one indeling (the newest), so that a region's development is one line:
/// figures already on that indeling as published, the others converted with a crosswalk (`Harmonisation`), and
/// where no crosswalk exists a wijk or buurt with the same code, the same name and an area within 1 % is taken as
/// unchanged. What could not be converted is named per year, so the page can say where the line breaks and why.
public struct HarmonisedSeries: Sendable {
    public let level: RegionLevel
    public let indeling: Int
    /// Period → the figures on `indeling`.
    public let tables: [Int: RegionTable]
    /// Period → regions whose figures were converted, with the share of their weight from split regions.
    public let converted: [Int: [RegionCode: Double]]
    /// How a year's figures came onto the indeling: from which indeling, with what, and whether by conversion or
    /// because the regions were taken as unchanged.
    public struct Method: Sendable, Hashable {
        public var indeling: Int
        public var origin: String
        public var assumedUnchanged: Bool
        /// What the shares of divided regions rest on: "naar inwoners", "naar adressen en naar oppervlakte".
        public var basis: String
    }

    /// Period → how that year's figures came onto the indeling.
    public let methods: [Int: Method]
    /// Period → why (some of) that year's figures are not on the line.
    public let breaks: [Int: String]

    /// Largest relative difference in area for a wijk or buurt to count as unchanged without a crosswalk.
    public static let unchangedAreaTolerance = 0.01
    /// Hectares: files that give the area in km² to two decimals are exact to ½ ha; two of them to 1 ha.
    public static let areaRounding = 1.0

    /// - Parameters:
    ///   - tables: the level's tables per period, as stored.
    ///   - crosswalks: every crosswalk known for the level.
    ///   - names: per region, its name in each indeling it occurs in.
    public static func build(
        level: RegionLevel, tables: [Int: RegionTable], crosswalks: [Crosswalk], names: [RegionCode: [Int: String]]
    ) -> HarmonisedSeries? {
        // Per indeling: how many regions have figures on it, and their areas (for the unchanged rule).
        var coverage: [Int: Int] = [:]
        var areas: [Int: [RegionCode: Double]] = [:]
        for period in tables.keys.sorted() {
            let table = tables[period]!
            for indeling in Set(table.columns.values.map(\.source.indelingYear)) {
                let group = table.restricted(toIndeling: indeling)
                coverage[indeling] = max(coverage[indeling] ?? 0, group.regionsWithFigures.count)
                for region in group.regions where areas[indeling]?[region.code] == nil {
                    if let area = group.cell(region.code, "area_total_ha")?.number {
                        areas[indeling, default: [:]][region.code] = area
                    }
                }
            }
        }
        // The newest indeling that covers most of the level: a regional extract of a newer year (one gemeente's
        // kwb-2025) must not pull every other year off the line.
        let largest = coverage.values.max() ?? 0
        guard coverage.count > 1, let target = coverage.filter({ $0.value * 2 >= largest }).keys.max() else {
            return nil
        }
        func unchanged(_ group: RegionTable, _ indeling: Int) -> Crosswalk? {
            Self.unchanged(group, indeling: indeling, target: target, areas: areas, names: names)
        }
        var result: [Int: RegionTable] = [:]
        var converted: [Int: [RegionCode: Double]] = [:]
        var methods: [Int: Method] = [:]
        var breaks: [Int: String] = [:]
        let ofLevel = crosswalks.filter { $0.level == level }
        /// The first crosswalk from `indeling` to the target, or one to a later indeling followed by one from there
        /// (known, or the unchanged rule on that indeling's figures).
        func known(_ indeling: Int) -> Crosswalk? {
            if let direct = ofLevel.first(where: { $0.fromYear == indeling && $0.toYear == target }) { return direct }
            for first in ofLevel where first.fromYear == indeling && first.toYear < target {
                let via = first.toYear
                let onward =
                    ofLevel.first { $0.fromYear == via && $0.toYear == target }
                    ?? tables.keys.sorted().lazy.map { tables[$0]!.restricted(toIndeling: via) }
                    .first { !$0.columns.isEmpty }.flatMap { unchanged($0, via) }
                if let onward, !onward.links.isEmpty { return first.followed(by: onward) }
            }
            return nil
        }
        for (period, table) in tables {
            var parts: [RegionTable] = []
            for indeling in Set(table.columns.values.map(\.source.indelingYear)).sorted(by: >) {
                let group = table.restricted(toIndeling: indeling)
                if indeling == target {
                    parts.append(group)
                    continue
                }
                let sameCode = unchanged(group, indeling)
                var crosswalk = known(indeling)
                // A crosswalk may list only the regions a change touched (as the grenswijzigen tables do) or cover
                // only the gemeenten whose outlines are held: the others join by the unchanged rule.
                // Another crosswalk of the same years (the bundled herindelingen behind a user's table of the
                // gemeenten that changed) fills in first.
                if var known = crosswalk {
                    var covered = Set(known.links.map(\.from))
                    let others = ofLevel.filter {
                        $0.fromYear == known.fromYear && $0.toYear == target && $0.origin != known.origin
                    }
                    for other in others + (sameCode.map { [$0] } ?? []) {
                        let added = other.links.filter { !covered.contains($0.from) }
                        guard !added.isEmpty else { continue }
                        known.links += added
                        known.origin += "; overige: \(other.origin)"
                        covered.formUnion(added.map(\.from))
                    }
                    crosswalk = known
                }
                crosswalk = (crosswalk ?? sameCode).map { complete($0, for: group) }
                guard let crosswalk, !crosswalk.links.isEmpty else {
                    breaks[period] =
                        "geen omrekening van de indeling van \(indeling) naar \(target) bekend"
                    continue
                }
                let conversion = Harmonisation.convert(group, with: crosswalk)
                parts.append(conversion.table)
                converted[period, default: [:]].merge(conversion.converted) { a, _ in a }
                let assumed = crosswalk.links.allSatisfy { $0.basis == .unchanged }
                let noun = level == .district ? "wijken" : "buurten"
                let bases = Set(crosswalk.links.map(\.basis)).subtracting([.whole, .unchanged])
                methods[period] = Method(
                    indeling: indeling, origin: crosswalk.origin, assumedUnchanged: assumed,
                    basis: DutchFormat.list(Crosswalk.Basis.allCases.filter(bases.contains).map(\.label)))
                let left = Set(group.regionsWithFigures).subtracting(crosswalk.links.map(\.from)).count
                if assumed, left > 0 {
                    breaks[period] =
                        "\(left) \(noun) van \(indeling) zijn veranderd of niet te vergelijken"
                }
            }
            if let merged = RegionTable.merging(parts) { result[period] = merged }
        }
        return HarmonisedSeries(
            level: level, indeling: target, tables: result, converted: converted, methods: methods, breaks: breaks)
    }

    /// Without the parts of a newer region that the crosswalk leaves out: a region whose own code had figures in
    /// the older indeling, while the crosswalk says nothing of that older region, would be converted from its other
    /// parts only, and look smaller than it is.
    static func complete(_ crosswalk: Crosswalk, for group: RegionTable) -> Crosswalk {
        let from = Set(crosswalk.links.map(\.from))
        let withFigures = Set(group.regionsWithFigures)
        var result = crosswalk
        result.links.removeAll { withFigures.contains($0.to) && !from.contains($0.to) }
        return result
    }

    /// Wijken and buurten without a crosswalk: same code, same name, area within 1 % of the newest indeling's.
    /// The area may come from any year's figures on the indeling (a Leefbaarometer file has no area of its own).
    static func unchanged(
        _ group: RegionTable, indeling: Int, target: Int, areas: [Int: [RegionCode: Double]],
        names: [RegionCode: [Int: String]]
    ) -> Crosswalk? {
        guard let level = group.regions.first?.code.level, level != .municipality else { return nil }
        var links: [Crosswalk.Link] = []
        for code in group.regionsWithFigures {
            // A file without names (StatLine's TypedDataSet) cannot contradict the name: then code and area decide.
            let old = names[code]?[indeling], new = names[code]?[target]
            guard old == nil || new == nil || old!.caseInsensitiveCompare(new!) == .orderedSame,
                let area = areas[indeling]?[code], area > 0, let newArea = areas[target]?[code],
                abs(newArea - area) <= max(area * unchangedAreaTolerance, areaRounding)
            else { continue }
            links.append(Crosswalk.Link(from: code, to: code, share: 1, basis: .unchanged))
        }
        let named = group.regions.contains { names[$0.code]?[target] != nil }
        return Crosswalk(
            level: level, fromYear: indeling, toYear: target,
            origin: named
                ? "zelfde code, naam en oppervlakte" : "zelfde code en oppervlakte; namen van \(target) onbekend",
            links: links)
    }
}

extension RegionTable {
    /// Regions with at least one figure in this table.
    var regionsWithFigures: [RegionCode] {
        regions.indices.filter { index in columns.values.contains { $0.cells[index] != .missing } }.map {
            regions[$0].code
        }
    }

    /// The columns of one indeling only, over the same regions.
    public func restricted(toIndeling indeling: Int) -> RegionTable {
        RegionTable(
            period: period, regions: regions,
            columns: columns.values.filter { $0.source.indelingYear == indeling })
    }

    /// Tables of one period put together: the union of their regions; an indicator from the first table that has it.
    static func merging(_ tables: [RegionTable]) -> RegionTable? {
        guard let first = tables.first else { return nil }
        guard tables.count > 1 else { return first }
        var regions: [Region] = []
        var seen = Set<RegionCode>()
        for table in tables {
            for region in table.regions where seen.insert(region.code).inserted { regions.append(region) }
        }
        var columns: [String: RegionTable.Column] = [:]
        for table in tables {
            for (id, column) in table.columns where columns[id] == nil {
                let cells = regions.map { region in table.index(of: region.code).map { column.cells[$0] } ?? .missing }
                columns[id] = RegionTable.Column(indicator: column.indicator, cells: cells, source: column.source)
            }
        }
        return RegionTable(period: first.period, regions: regions, columns: Array(columns.values))
    }
}
