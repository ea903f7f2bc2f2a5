import Foundation

/// Where a dataset came from: enough to print a source line under every figure.
public struct DatasetInfo: Hashable, Codable, Sendable {
    /// Stable name chosen at import (default: the file name without extension); re-importing it replaces it.
    public var slug: String
    /// Publisher, e.g. "CBS" or "Leefbaarometer 3.0 (BZK)".
    public var source: String
    /// Table identifier, e.g. "85984NED" or "kwb-2023".
    public var tableID: String
    public var title: String
    /// The year the figures describe (a file with several years uses the last).
    public var year: Int
    public var licence: String
    /// Attribution to print with every figure, e.g. "Bron: CBS, Kerncijfers wijken en buurten 2023".
    public var attribution: String
    /// The import format used (`kwb`, `statline`, `leefbaarometer`, `mapped`).
    public var format: String

    public init(
        slug: String, source: String, tableID: String, title: String, year: Int,
        licence: String, attribution: String, format: String
    ) {
        self.slug = slug
        self.source = source
        self.tableID = tableID
        self.title = title
        self.year = year
        self.licence = licence
        self.attribution = attribution
        self.format = format
    }
}

/// A stored dataset: its origin plus what the import recorded.
public struct Dataset: Hashable, Codable, Sendable {
    public var id: Int
    public var info: DatasetInfo
    public var fileName: String
    public var sha256: String
    public var importedAt: Date
    /// Indicator ids in the order of the packed values.
    public var indicators: [String]
    public var rowCount: Int
    public var cellCount: Int
    public var secretCount: Int

    public init(
        id: Int, info: DatasetInfo, fileName: String, sha256: String, importedAt: Date,
        indicators: [String], rowCount: Int, cellCount: Int, secretCount: Int
    ) {
        self.id = id
        self.info = info
        self.fileName = fileName
        self.sha256 = sha256
        self.importedAt = importedAt
        self.indicators = indicators
        self.rowCount = rowCount
        self.cellCount = cellCount
        self.secretCount = secretCount
    }
}

/// One figure with everything needed to show it honestly.
public struct Observation: Hashable, Sendable {
    public var region: RegionCode
    public var period: Int
    public var indicator: String
    public var cell: Cell
    public var datasetSlug: String
    public var datasetID: Int

    public init(region: RegionCode, period: Int, indicator: String, cell: Cell, datasetSlug: String, datasetID: Int) {
        self.region = region
        self.period = period
        self.indicator = indicator
        self.cell = cell
        self.datasetSlug = datasetSlug
        self.datasetID = datasetID
    }
}
