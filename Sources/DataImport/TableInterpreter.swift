import Core

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
enum TableInterpreter {
    static func interpret(
        _ table: RawTable, layout: TableLayout, catalogue: IndicatorCatalogue = .standard,
        progress: ImportProgress? = nil
    ) throws -> (rows: [ImportedRow], names: [RegionCode: String], provinces: [RegionCode: String]) {
        let indicators = layout.bindings.map { catalogue[$0.indicator] }
        let ranges = indicators.map { $0?.plausibleRange }
        guard !table.rows.isEmpty else {
            throw ImportError(file: table.file, "het bestand heeft alleen een kopregel en geen gegevens")
        }
        var rows: [ImportedRow] = []
        rows.reserveCapacity(table.rows.count)
        var names: [RegionCode: String] = [:]
        var provinces: [RegionCode: String] = [:]
        var seen: [String: Int] = [:]
        for (number, row) in table.rows.enumerated() {
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
            let key = "\(code.rawValue)|\(period)"
            if let first = seen[key] {
                throw table.error(
                    row, column: layout.codeColumn,
                    "regiocode \(code) komt twee keer voor\(layout.periodColumn == nil ? "" : " voor \(period)") (ook op regel \(first))"
                )
            }
            seen[key] = row.line

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
                let converted = layout.bindings[position].factor.flatMap { factor in
                    cell.number.map { Cell.computed($0 * factor) }
                } ?? cell
                if let number = converted.number, let range = ranges[position], !range.contains(number) {
                    throw table.error(
                        row, column: column,
                        Plausibility.problem(number, raw: raw, indicator: indicators[position]!, range: range))
                }
                cells.append(converted)
            }
            rows.append(ImportedRow(region: code, period: period, cells: cells))
            if names[code] == nil { names[code] = InputText.clean(layout.nameColumn.map(text) ?? "", multiline: false) }
            if let provinceColumn = layout.provinceColumn, !text(provinceColumn).isEmpty {
                provinces[code.municipality] = InputText.clean(text(provinceColumn), multiline: false)
            }
            progress?.advance(to: number + 1, of: table.rows.count)
        }
        return (rows, names, provinces)
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
