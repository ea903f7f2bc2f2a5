import Core

/// One region's key figures for one period, each set against its gemeente, the Netherlands and all comparable
/// regions (all wijken of NL for a wijk): the table at the heart of the wijkanalyse.
public struct RegionProfile: Sendable {
    public struct Row: Sendable {
        public var indicator: Indicator
        public var value: Cell
        public var municipality: Cell?
        /// Aggregated from all gemeenten by the catalogue rule: always computed, or missing when not aggregatable.
        public var national: Cell?
        /// Among all regions of the same level that have a value.
        public var percentile: Double?
        public var zScore: Double?
        /// Comparable regions with a value (the base of the percentile).
        public var comparedWith: Int
        public var source: SourceRef

        /// More than one standard deviation from the mean of comparable regions.
        public var isOutlier: Bool { (zScore.map(abs) ?? 0) > 1 }
    }

    public var region: Region
    public var period: Int
    public var rows: [Row]

    /// A national figure is only summed from gemeenten when (nearly) all are there: the Netherlands has had at
    /// least 342 gemeenten in every year since 2000, so a table with fewer than 300 is a regional extract (such as
    /// a file of one gemeente) and adding it up would not give the Netherlands.
    public static let minimumMunicipalitiesForNational = 300

    /// The number of regions the percentiles compare with (the largest base among the rows).
    public var comparisonBase: Int { rows.map(\.comparedWith).max() ?? 0 }

    /// Whether the comparison covers the whole country rather than a regional extract (one gemeente's buurten).
    public var isNationalComparison: Bool {
        let minimum =
            switch region.level {
            case .municipality: Self.minimumMunicipalitiesForNational
            case .district: 2_500
            case .neighbourhood: 10_000
            }
        return comparisonBase >= minimum
    }

    /// - Parameters:
    ///   - table: all regions of the region's level for the period.
    ///   - municipalities: all gemeenten for the same period (for the gemeente and national columns), if present.
    public static func build(for code: RegionCode, table: RegionTable, municipalities: RegionTable?) -> RegionProfile? {
        guard let row = table.index(of: code) else { return nil }
        let municipalityCode = code.municipality
        var rows: [Row] = []
        let catalogue = IndicatorCatalogue.standard
        for column in table.columns.values.sorted(by: {
            catalogue.position(of: $0.indicator.id) < catalogue.position(of: $1.indicator.id)
        }) {
            let indicator = column.indicator
            let distribution = table.distribution(indicator.id)!
            let value = column.cells[row]
            let municipality = municipalities?.cell(municipalityCode, indicator.id)
            let national = municipalities.flatMap { Self.national(indicator, municipalities: $0) }
            rows.append(
                Row(
                    indicator: indicator, value: value, municipality: code.level == .municipality ? nil : municipality,
                    national: national, percentile: value.number.flatMap(distribution.percentile(of:)),
                    zScore: value.number.flatMap(distribution.zScore(of:)), comparedWith: distribution.count,
                    source: column.source))
        }
        return RegionProfile(region: table.regions[row], period: table.period, rows: rows)
    }

    public func row(_ indicator: String) -> Row? { rows.first { $0.indicator.id == indicator } }

    /// The Netherlands, aggregated from all gemeenten by the indicator's catalogue rule (always computed); nil for a
    /// regional extract or an indicator the gemeenten table lacks.
    public static func national(_ indicator: Indicator, municipalities: RegionTable) -> Cell? {
        guard let gemeenten = municipalities.columns[indicator.id],
            gemeenten.cells.count >= minimumMunicipalitiesForNational
        else { return nil }
        let weights: [Cell]? =
            if case .weightedMean(let weight) = indicator.aggregation { municipalities.columns[weight]?.cells } else {
                nil
            }
        return Aggregator.aggregate(indicator, cells: gemeenten.cells, weights: weights).cell
    }
}
