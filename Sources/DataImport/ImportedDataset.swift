import Core

/// One region's cells for one period, in the dataset's indicator order.
public struct ImportedRow: Sendable, Equatable {
    public var region: RegionCode
    public var period: Int
    public var cells: [Cell]
}

/// Everything an import read from one file, checked and ready to store in one transaction.
public struct ImportedDataset: Sendable {
    public var info: DatasetInfo
    public var fileName: String
    public var sha256: String
    /// The CBS indeling the region codes belong to.
    public var indelingYear: Int
    public var indicators: [String]
    /// Regions the file names; an empty name means the source does not name the region (StatLine wijken).
    public var regions: [Region]
    public var rows: [ImportedRow]
    /// Columns that match no catalogue indicator, reported so that nothing is dropped silently.
    public var unknownColumns: [String]
    public var warnings: [String]
    /// Region outlines (GeoJSON geometry objects) for geometry files; empty for figures.
    public var geometries: [RegionGeometry] = []
    /// Province of each gemeente, where the file says (keyed by gemeente code).
    public var provinces: [RegionCode: String] = [:]
    /// What each layer of a geometry file held (GeoPackage, GeoJSON, shapefile); empty for tables.
    public var layers: [LayerSummary] = []

    public var cellCount: Int { rows.count * indicators.count }
    /// Rows of figures, or outlines for a geometry file without figures.
    public var recordCount: Int { rows.isEmpty ? max(geometries.count, regions.count) : rows.count }
    public var secretCount: Int { rows.reduce(0) { $0 + $1.cells.lazy.filter { $0 == .secret }.count } }

    /// The cell of one indicator for one region, for tests and reports.
    public func cell(_ code: String, _ indicator: String, period: Int? = nil) -> Cell? {
        guard let column = indicators.firstIndex(of: indicator) else { return nil }
        return rows.first { $0.region.rawValue == code && (period == nil || $0.period == period) }?.cells[column]
    }
}

/// The outline of one region as a GeoJSON geometry object (WGS84).
public struct RegionGeometry: Sendable, Equatable {
    public var region: RegionCode
    public var geojson: String
}
