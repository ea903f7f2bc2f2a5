import Core

/// A focus area's figures: every indicator of the members' table aggregated by its catalogue rule. Aggregated
/// values are computed; indicators that cannot be combined, or with a secret or missing part, are unavailable.
public struct FocusAreaProfile: Sendable {
    public struct Row: Sendable {
        public var indicator: Indicator
        public var outcome: Aggregator.Outcome
        public var source: SourceRef
    }

    public var area: FocusArea
    public var period: Int
    public var rows: [Row]
    /// Members the table has no figures for (named, so the user sees the area is incomplete).
    public var missingMembers: [RegionCode]

    public static func build(_ area: FocusArea, table: RegionTable) -> FocusAreaProfile {
        let indices = area.members.compactMap(table.index(of:))
        let missing = area.members.filter { table.index(of: $0) == nil }
        var rows: [Row] = []
        let catalogue = IndicatorCatalogue.standard
        for column in table.columns.values.sorted(by: {
            catalogue.position(of: $0.indicator.id) < catalogue.position(of: $1.indicator.id)
        }) {
            let cells = indices.map { column.cells[$0] }
            var weights: [Cell]?
            if case .weightedMean(let weight) = column.indicator.aggregation, let weightColumn = table.columns[weight] {
                weights = indices.map { weightColumn.cells[$0] }
            }
            let outcome: Aggregator.Outcome =
                missing.isEmpty
                ? Aggregator.aggregate(column.indicator, cells: cells, weights: weights)
                : .unavailable(reason: "geen cijfers voor \(missing.map(\.rawValue).joined(separator: ", "))")
            rows.append(Row(indicator: column.indicator, outcome: outcome, source: column.source))
        }
        return FocusAreaProfile(area: area, period: table.period, rows: rows, missingMembers: missing)
    }

    public func row(_ indicator: String) -> Row? { rows.first { $0.indicator.id == indicator } }
}
