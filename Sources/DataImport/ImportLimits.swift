/// What a file may cost before Wijkradar refuses it: a hostile file (a zip or gzip bomb, a cell reference millions
/// of columns wide, one field of a gigabyte) must cost seconds and megabytes, never gigabytes, and never crash.
/// The bounds are far above the real files: a national kwb CSV is ~20 MB, its XLSX sheet ~80 MB of XML, with about
/// 18,300 rows × 130 columns; real files compress 2–7 times.
enum ImportLimits {
    /// A file on disk read into memory (CSV, XLSX, JSON; GeoPackages are read from disk by SQLite).
    static let maximumFileBytes = 400 << 20
    /// A GeoPackage, read from disk by SQLite (the national Wijk- en Buurtkaart is 100–300 MB) or unpacked from a
    /// zip to a temporary file first.
    static let maximumGeoPackageBytes = 1 << 30
    /// What one compressed file or archive entry may inflate to, at most …
    static let maximumInflatedBytes = 160 << 20
    /// … and at most this many times its compressed size (plus 1 MiB for tiny files).
    static let maximumRatio = 100
    /// Cells in one table (rows × columns), columns per row (Excel's own maximum) and rows (Excel's too).
    static let maximumCells = 10_000_000
    static let maximumColumns = 16_384
    static let maximumRows = 1_048_576
    /// One CSV field or spreadsheet cell.
    static let maximumFieldBytes = 1 << 20

    /// The inflation bound for `compressed` bytes, without overflow.
    static func inflationLimit(compressed: Int, ceiling: Int = maximumInflatedBytes) -> Int {
        let (scaled, overflow) = max(compressed, 0).multipliedReportingOverflow(by: maximumRatio)
        return overflow ? ceiling : min(ceiling, scaled + (1 << 20))
    }

    static func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MB" }
}
