import Core

/// The regions of one layer of a geometry file (a GeoPackage table, a GeoJSON FeatureCollection, a shapefile),
/// collected feature by feature: attributes as text cells, as a CSV would have them, so that the catalogue,
/// the sentinels and the plausibility checks of every other import apply unchanged; outlines converted to WGS84
/// and simplified as they arrive, so that a GeoPackage, read row by row, never sits in memory at full detail (a GeoJSON
/// or a shapefile is decoded whole first: those files are bounded by the 400 MB limit on any file).
struct FeatureLayer {
    /// Where CBS and PDOK put the region code, most specific level first: a buurten layer also has a wijkcode.
    static let codeColumns: [[String]] = [
        ["buurtcode", "bu_code"], ["wijkcode", "wk_code", "wkc"], ["gemeentecode", "gm_code", "gmc"],
        ["statcode", "code", "gwb_code", "gwb_code_10"],
    ]
    static let nameColumns = [
        "buurtnaam", "bu_naam", "wijknaam", "wk_naam", "wkn", "gemeentenaam", "gm_naam", "gmn", "statnaam", "name",
        "regio",
    ]
    static let yearColumns = ["jaar", "jrstatcode", "jaarstatcode"]
    /// Columns that say which region a feature is, in any file: never reported as unknown figures.
    static let regionColumns = Set(codeColumns.flatMap { $0 } + nameColumns + yearColumns + ["water", "h2o"])

    let name: String
    let file: String
    let header: [String]
    /// "feature" (GeoPackage, GeoJSON) or "record" (shapefile table).
    let lineNoun: String
    let system: CoordinateSystem?
    let codeColumn: Int
    let nameColumn: Int?
    private let waterColumn: Int?
    private let yearColumn: Int?
    private(set) var rows: [RawTable.Row] = []
    /// The outline of each row (GeoJSON, WGS84), nil where the feature has no geometry.
    private(set) var outlines: [String?] = []
    /// Water parts of a region that also has a land part (CBS gemeenten with sea or lake), left out.
    private(set) var waterPartsSkipped = 0
    private(set) var years: Set<Int> = []
    private var rowOfCode: [String: Int] = [:]

    init(name: String, file: String, header: [String], lineNoun: String, system: CoordinateSystem?) throws {
        self.name = name
        self.file = file
        self.header = header
        self.lineNoun = lineNoun
        self.system = system
        let lower = header.map { $0.lowercased() }
        guard let code = Self.codeColumns.lazy.compactMap({ $0.lazy.compactMap(lower.firstIndex).first }).first else {
            let expected = Self.codeColumns.flatMap { $0 }.joined(separator: ", ")
            throw ImportError(
                file: file, "laag '\(name)' heeft geen kolom met regiocodes (verwacht een van \(expected))")
        }
        codeColumn = code
        nameColumn = Self.nameColumns.lazy.compactMap(lower.firstIndex).first
        waterColumn = lower.firstIndex(of: "water") ?? lower.firstIndex(of: "h2o")
        yearColumn = Self.yearColumns.lazy.compactMap(lower.firstIndex).first
    }

    var count: Int { rows.count }
    var outlineCount: Int { outlines.lazy.filter { $0 != nil }.count }

    /// Adds one feature: its cells in header order and its outline in the layer's coordinate system.
    mutating func append(line: Int, cells: [String], outline: Outline?) throws {
        let (total, overflow) = (rows.count + 1).multipliedReportingOverflow(by: max(1, header.count))
        guard !overflow, total <= ImportLimits.maximumCells, rows.count < ImportLimits.maximumRows else {
            throw ImportError(
                file: file, line: line, lineNoun: lineNoun,
                "meer dan \(DutchFormat.number(Double(ImportLimits.maximumCells))) cellen (\(header.count) kolommen); zo'n bestand leest Wijkradar niet"
            )
        }
        if let long = cells.firstIndex(where: { $0.utf8.count > ImportLimits.maximumFieldBytes }) {
            throw ImportError(
                file: file, line: line, column: header[long], lineNoun: lineNoun,
                "het veld is langer dan \(ImportLimits.megabytes(ImportLimits.maximumFieldBytes))")
        }
        let code = cells[codeColumn].trimmingCharacters(in: .whitespaces).uppercased()
        var geojson: String?
        if let outline, let system, let level = RegionCode(code)?.level {
            switch system.prepare(outline, level: level) {
            case .success(let text): geojson = text
            case .failure(let problem):
                throw ImportError(file: file, line: line, lineNoun: lineNoun, "\(code): \(problem.message)")
            }
        }
        if let yearColumn, let year = Int(cells[yearColumn].prefix(4)), (1990...2100).contains(year) {
            years.insert(year)
        }
        // CBS gives a gemeente with sea or lake a second feature for the water (water = JA); the land part is the
        // region. A region that is only water (a buurt "Groot binnenwater") is kept.
        if let first = rowOfCode[code], let waterColumn {
            let earlierIsWater = rows[first].cells[waterColumn].uppercased() == "JA"
            let thisIsWater = cells[waterColumn].uppercased() == "JA"
            if thisIsWater != earlierIsWater {
                waterPartsSkipped += 1
                if earlierIsWater {
                    rows[first] = RawTable.Row(line: line, cells: cells)
                    outlines[first] = geojson
                }
                return
            }
        }
        rowOfCode[code] = rowOfCode[code] ?? rows.count
        rows.append(RawTable.Row(line: line, cells: cells))
        outlines.append(geojson)
    }

    var table: RawTable {
        RawTable(file: file, header: header, rows: rows, columnsAreLettered: false, lineNoun: lineNoun)
    }

    /// A number as a text cell the way CBS would write it: integers without a decimal point.
    static func text(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}
