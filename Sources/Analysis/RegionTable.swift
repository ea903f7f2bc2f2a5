import Core

/// The figures of one period for a set of comparable regions (e.g. all wijken of the Netherlands in 2022), held as
/// columns so that statistics over all regions are cheap. Built by Storage from stored datasets.
public struct RegionTable: Sendable {
    public struct Column: Sendable {
        public var indicator: Indicator
        /// One cell per region, aligned with `regions`.
        public var cells: [Cell]
        /// Which dataset the column came from, for the source line under every figure.
        public var source: SourceRef

        public init(indicator: Indicator, cells: [Cell], source: SourceRef) {
            self.indicator = indicator
            self.cells = cells
            self.source = source
        }
    }

    public let period: Int
    public let regions: [Region]
    public let columns: [String: Column]
    private let rowIndex: [RegionCode: Int]
    /// Computed once: every page and score reads them, and each one sorts all regions.
    private let distributions: [String: Distribution]

    /// Regions are kept in code order, which makes every tie-break in the analysis follow the code.
    public init(period: Int, regions: [Region], columns: [Column]) {
        let order = regions.indices.sorted { regions[$0].code < regions[$1].code }
        self.period = period
        self.regions = order.map { regions[$0] }
        let sortedColumns = columns.map { column in
            var sorted = column
            sorted.cells = order.map { column.cells[$0] }
            return sorted
        }
        self.columns = Dictionary(sortedColumns.map { ($0.indicator.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.rowIndex = Dictionary(
            self.regions.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.distributions = self.columns.mapValues { Distribution($0.cells.compactMap(\.number)) }
    }

    public func index(of code: RegionCode) -> Int? { rowIndex[code] }

    public func cell(_ code: RegionCode, _ indicator: String) -> Cell? {
        guard let row = rowIndex[code], let column = columns[indicator] else { return nil }
        return column.cells[row]
    }

    /// The real numbers of a column (values and computed values; secret and missing left out).
    public func distribution(_ indicator: String) -> Distribution? {
        distributions[indicator]
    }
}

/// Where a figure comes from: enough for "Bron: CBS, Kerncijfers wijken en buurten 2022 (kwb-2022)".
public struct SourceRef: Sendable, Hashable, Codable {
    public var dataset: String
    public var table: String
    public var year: Int
    public var attribution: String
    public var licence: String
    /// The CBS indeling the dataset's region codes refer to; figures of different indelingen are never joined.
    public var indelingYear: Int

    public init(
        dataset: String, table: String, year: Int, attribution: String, licence: String, indelingYear: Int? = nil
    ) {
        self.dataset = dataset
        self.table = table
        self.year = year
        self.attribution = attribution
        self.licence = licence
        self.indelingYear = indelingYear ?? year
    }

    /// The source as printed under a figure and in the source list of every page and download.
    public var line: String {
        "\(attribution) (dataset \(dataset), tabel \(table), \(year); \(licence))"
    }
}
