import Core
import Foundation

/// How the columns of a raw table map onto regions, periods and indicators.
struct TableLayout {
    struct Binding {
        var column: Int
        var indicator: String
        /// Unit conversion (e.g. km² → ha); converted values are stored as computed.
        var factor: Double? = nil
        /// Text classes recoded to numbers (e.g. tmap's "extremely urbanised" → 1); stored as computed.
        var values: [String: Double]? = nil
    }

    var codeColumn: Int
    /// Prepended to codes written without it (`0014` → `GM0014`).
    var codePrefix: String? = nil
    var nameColumn: Int? = nil
    /// Province name of the region's gemeente (tmap extracts carry it).
    var provinceColumn: Int? = nil
    /// `recs` / `SoortRegio`: cross-checked against the level the code implies.
    var levelColumn: Int? = nil
    var periodColumn: Int? = nil
    var fixedPeriod: Int? = nil
    var bindings: [Binding]
}

/// Turns a raw table into rows of cells by a layout, rejecting the whole file at the first bad cell.
///
/// Rows are read on all cores, in as many contiguous parts; then, in file order, duplicates are checked and the
/// first problem of the earliest part is the one reported, as if the file had been read from top to bottom.
enum TableInterpreter {
    /// One row as read: its cells, and the name and province it gives its region.
    private struct Read {
        var row: ImportedRow
        var line: Int
        var name: String?
        var province: String?
    }

    /// What each part read, filled in from several threads.
    private final class Parts: @unchecked Sendable {
        private let lock = NSLock()
        /// A part's rows up to its first problem, the problem, and the region and period of the row that had it
        /// (when they could be read: a serial read would report that row as a duplicate first).
        typealias Part = (reads: [Read], error: ImportError?, failing: (code: RegionCode, period: Int, line: Int)?)
        private var parts: [Part]

        init(count: Int) { parts = Array(repeating: ([], nil, nil), count: count) }

        func set(_ part: Int, _ value: Part) { lock.withLock { parts[part] = value } }

        var all: [Part] { lock.withLock { parts } }
    }

    static func interpret(
        _ table: RawTable, layout: TableLayout, catalogue: IndicatorCatalogue = .standard,
        progress: ImportProgress? = nil
    ) throws -> (rows: [ImportedRow], names: [RegionCode: String], provinces: [RegionCode: String]) {
        guard !table.rows.isEmpty else {
            throw ImportError(file: table.file, "het bestand heeft alleen een kopregel en geen gegevens")
        }
        let indicators = layout.bindings.map { catalogue[$0.indicator] }
        let ranges = indicators.map { $0?.plausibleRange }
        // Small files are read in one part: a thread costs more than a few thousand rows.
        let parts = table.rows.count < 4096 ? 1 : min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let size = (table.rows.count + parts - 1) / parts
        let results = Parts(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var reads: [Read] = []
            reads.reserveCapacity(size)
            for index in (part * size)..<min(table.rows.count, (part + 1) * size) {
                let row = table.rows[index]
                do {
                    reads.append(try read(row, of: table, layout: layout, indicators: indicators, ranges: ranges))
                } catch {
                    let failing = (try? identify(row, of: table, layout: layout)).map { ($0.0, $0.1, row.line) }
                    results.set(
                        part, (reads, error as? ImportError ?? ImportError(file: table.file, "\(error)"), failing))
                    return
                }
            }
            results.set(part, (reads, nil, nil))
        }
        var rows: [ImportedRow] = []
        rows.reserveCapacity(table.rows.count)
        var names: [RegionCode: String] = [:]
        var provinces: [RegionCode: String] = [:]
        var seen: [String: Int] = [:]
        func checkDuplicate(_ code: RegionCode, _ period: Int, line: Int) throws {
            let key = "\(code.rawValue)|\(period)"
            if let first = seen[key] {
                throw ImportError(
                    file: table.file, line: line, column: table.columnName(layout.codeColumn),
                    lineNoun: table.lineNoun,
                    "regiocode \(code) komt twee keer voor\(layout.periodColumn == nil ? "" : " voor \(period)") (ook op regel \(first))"
                )
            }
            seen[key] = line
        }
        for (reads, error, failing) in results.all {
            for read in reads {
                let code = read.row.region
                try checkDuplicate(code, read.row.period, line: read.line)
                rows.append(read.row)
                if names[code] == nil { names[code] = read.name ?? "" }
                if let province = read.province { provinces[code.municipality] = province }
                progress?.advance(to: rows.count, of: table.rows.count)
            }
            if let failing { try checkDuplicate(failing.code, failing.period, line: failing.line) }
            if let error { throw error }
        }
        return (rows, names, provinces)
    }

    /// The row's region and period, with every check a serial read makes before it looks for a duplicate.
    private static func identify(_ row: RawTable.Row, of table: RawTable, layout: TableLayout) throws -> (
        RegionCode, Int
    ) {
        if row.cells.count < table.header.count, !table.columnsAreLettered {
            throw table.error(
                row, column: nil,
                "de regel heeft \(row.cells.count) kolommen, de kopregel \(table.header.count); ontbreekt er een scheidingsteken?"
            )
        }
        if row.cells.count > table.header.count, row.cells[table.header.count...].contains(where: { !$0.isEmpty }) {
            throw table.error(
                row, column: nil,
                "de regel heeft \(row.cells.count) kolommen, de kopregel \(table.header.count); staat er een scheidingsteken in een waarde?"
            )
        }
        func text(_ column: Int) -> String { column < row.cells.count ? row.cells[column] : "" }

        let rawCode = text(layout.codeColumn)
        let codeText =
            layout.codePrefix.map { rawCode.uppercased().hasPrefix($0) ? rawCode : $0 + rawCode } ?? rawCode
        guard let code = RegionCode(codeText) else {
            throw table.error(
                row, column: layout.codeColumn,
                "'\(rawCode)' is geen CBS-regiocode (verwacht GM + 4 cijfers, WK + 6 tekens of BU + 8 tekens, bijvoorbeeld WK011443)"
            )
        }
        if let levelColumn = layout.levelColumn {
            let levelText = text(levelColumn)
            if let level = RegionLevel(cbsName: levelText), level != code.level {
                throw table.error(
                    row, column: levelColumn,
                    "soort regio '\(levelText)' past niet bij code \(code) (een \(code.level.dutchName))")
            }
        }
        var period = layout.fixedPeriod ?? 0
        if let periodColumn = layout.periodColumn {
            guard let year = Int(text(periodColumn)), (1900...2200).contains(year) else {
                throw table.error(row, column: periodColumn, "'\(text(periodColumn))' is geen jaartal")
            }
            period = year
        }
        return (code, period)
    }

    private static func read(
        _ row: RawTable.Row, of table: RawTable, layout: TableLayout, indicators: [Indicator?],
        ranges: [ClosedRange<Double>?]
    ) throws -> Read {
        func text(_ column: Int) -> String { column < row.cells.count ? row.cells[column] : "" }
        let (code, period) = try identify(row, of: table, layout: layout)
        var cells: [Cell] = []
        cells.reserveCapacity(layout.bindings.count)
        // By position, not `zip`: copying a binding or an indicator per cell costs more than reading the cell.
        for position in layout.bindings.indices {
            let column = layout.bindings[position].column
            let raw = text(column)
            if let number = layout.bindings[position].values?[raw] {
                cells.append(.computed(number))
                continue
            }
            guard let cell = CellParser.parse(raw) else {
                throw table.error(
                    row, column: column, "'\(raw)' is geen getal (verwacht bijvoorbeeld 12,5 of 12.5; '.' voor geheim)")
            }
            let converted =
                layout.bindings[position].factor.flatMap { factor in
                    cell.number.map { Cell.computed($0 * factor) }
                } ?? cell
            if let number = converted.number, let range = ranges[position], !range.contains(number) {
                throw table.error(
                    row, column: column,
                    Plausibility.problem(number, raw: raw, indicator: indicators[position]!, range: range))
            }
            cells.append(converted)
        }
        let province = layout.provinceColumn.map(text).flatMap {
            $0.isEmpty ? nil : InputText.clean($0, multiline: false)
        }
        return Read(
            row: ImportedRow(region: code, period: period, cells: cells), line: row.line,
            name: InputText.clean(layout.nameColumn.map(text) ?? "", multiline: false), province: province)
    }
}

/// The message for a value outside an indicator's plausible range.
enum Plausibility {
    static func problem(_ value: Double, raw: String, indicator: Indicator, range: ClosedRange<Double>) -> String {
        let bounds = "\(DutchFormat.number(range.lowerBound)) tot en met \(DutchFormat.number(range.upperBound))"
        let unit = indicator.unit == "aantal" ? "" : " (\(indicator.unit))"
        return
            "'\(raw)' kan niet kloppen voor \(indicator.label)\(unit): verwacht \(bounds). Staat de kolom goed, of is een "
            + "scheidingsteken of decimaalteken verkeerd gelezen?"
    }
}
