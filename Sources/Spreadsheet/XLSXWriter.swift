import Core
import Foundation

/// A workbook for Excel: sheets of typed cells (numbers stay numbers, text is inline text and never a formula), a
/// bold header row that stays in view, and column widths from the content. Written as Office Open XML (ECMA-376)
/// in a ZIP; read back by Excel, LibreOffice and openpyxl.
public struct Workbook: Sendable {
    public var sheets: [ExportTable]

    public init(sheets: [ExportTable]) { self.sheets = sheets }

    /// The `.xlsx` file.
    public func data() throws -> [UInt8] {
        var zip = ZipWriter()
        let names = uniqueNames()
        try zip.add("[Content_Types].xml", Array(contentTypes().utf8))
        try zip.add("_rels/.rels", Array(Self.rootRelations.utf8))
        try zip.add("xl/workbook.xml", Array(workbook(names).utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelations().utf8))
        try zip.add("xl/styles.xml", Array(Self.styles.utf8))
        for (index, sheet) in sheets.enumerated() {
            try zip.add("xl/worksheets/sheet\(index + 1).xml", Array(worksheet(sheet).utf8))
        }
        return zip.finish()
    }

    /// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, unique.
    func uniqueNames() -> [String] {
        var used: Set<String> = []
        return sheets.enumerated().map { index, sheet in
            var name = String(sheet.name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if name.isEmpty || used.contains(name.lowercased()) { name = String(name.prefix(26)) + " (\(index + 1))" }
            used.insert(name.lowercased())
            return name
        }
    }

    func worksheet(_ sheet: ExportTable) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        xml +=
            #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        xml += "<cols>"
        for (index, width) in widths(sheet).enumerated() {
            xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }
        xml += "</cols><sheetData>"
        xml += row(1, sheet.header.map(CSVWriter.Field.text), style: 1)
        for (index, fields) in sheet.rows.enumerated() { xml += row(index + 2, fields, style: 0) }
        return xml + "</sheetData></worksheet>"
    }

    func row(_ number: Int, _ fields: [CSVWriter.Field], style: Int) -> String {
        var xml = #"<row r="\#(number)">"#
        for (column, field) in fields.enumerated() {
            let ref = Self.column(column) + String(number)
            let s = style == 0 ? "" : #" s="\#(style)""#
            switch field {
            case .text(let text) where !text.isEmpty:
                xml +=
                    #"<c r="\#(ref)" t="inlineStr"\#(s)><is><t xml:space="preserve">\#(Self.escape(text))</t></is></c>"#
            case .number(let value, let decimals) where value.isFinite:
                // Rounded as the page shows it, so a sheet and its page hold the same figures.
                let shown = decimals.map { DutchFormat.rounded(value, decimals: $0) } ?? value
                xml += #"<c r="\#(ref)"\#(s)><v>\#(shown)</v></c>"#
            case .integer(let value):
                xml += #"<c r="\#(ref)"\#(s)><v>\#(value)</v></c>"#
            default:
                continue
            }
        }
        return xml + "</row>"
    }

    func widths(_ sheet: ExportTable) -> [Int] {
        var widths = sheet.header.map { $0.count + 2 }
        for fields in sheet.rows.prefix(500) {
            for (column, field) in fields.enumerated() {
                let length: Int =
                    switch field {
                    case .text(let text): text.count
                    case .number, .integer: 10
                    case .empty: 0
                    }
                if column < widths.count {
                    widths[column] = max(widths[column], length + 2)
                } else {
                    widths.append(length + 2)
                }
            }
        }
        return widths.map { min(max($0, 6), 70) }
    }

    /// Column letters: 0 → A, 25 → Z, 26 → AA (the rule the importers name columns by).
    static func column(_ index: Int) -> String { ColumnName.letters(index) }

    /// XML text: markup escaped, and characters XML 1.0 forbids (most C0 controls) left out.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func contentTypes() -> String {
        var xml =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in sheets.indices {
            xml +=
                #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    func workbook(_ names: [String]) -> String {
        var xml =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(Self.escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    func workbookRelations() -> String {
        var xml =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in sheets.indices {
            xml +=
                #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml +=
            #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    static let rootRelations =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    /// Two cell formats: 0 plain, 1 bold (the header row).
    static let styles =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
}
