import Core
import Foundation
import Testing

@testable import DataImport
@testable import Spreadsheet

/// The workbooks Wijkradar hands out read back through Wijkradar's own XLSX reader (the one that reads CBS files):
/// the ZIP, the CRC and the sheet XML are right, numbers stay numbers and text is never a formula.
@Suite struct WorkbookTests {
    @Test func aWorkbookReadsBackWithItsValues() throws {
        let table = ExportTable(
            name: "Kerncijfers: 2022/2024?", header: ["indicator", "waarde", "status"],
            rows: [
                [.text("Aantal inwoners"), .number(7685, decimals: 0), .text("gepubliceerd")],
                [.text("=HYPERLINK(\"http://x\")"), .number(45.44, decimals: 1), .text("a < b & c \u{1}")],
                [.text("Inkomen"), .empty, .text("geheim of niet beschikbaar")],
            ])
        let data = try Workbook(sheets: [table, ExportTable(name: "Bronnen", header: ["bron"])]).data()
        let raw = try XLSXReader.read(Data(data), file: "export.xlsx")
        #expect(raw.header == ["indicator", "waarde", "status"])
        #expect(
            raw.rows.map(\.cells) == [
                ["Aantal inwoners", "7685.0", "gepubliceerd"],
                ["=HYPERLINK(\"http://x\")", "45.4", "a < b & c"],
                ["Inkomen", "", "geheim of niet beschikbaar"],
            ])
        let xml = Workbook(sheets: [table]).worksheet(table)
        #expect(!xml.contains("<f>"), "text became a formula")
    }

    @Test func sheetNamesAreWhatExcelAllows() {
        let long = String(repeating: "x", count: 40)
        let names = Workbook(sheets: [
            ExportTable(name: "a/b", header: []), ExportTable(name: "A/B", header: []),
            ExportTable(name: long, header: []),
        ]).uniqueNames()
        #expect(names[0] == "ab" && names[1] != "ab" && names[1].lowercased() != "ab")
        #expect(names.allSatisfy { $0.count <= 31 })
    }

    @Test func columnLetters() {
        #expect(Workbook.column(0) == "A" && Workbook.column(25) == "Z" && Workbook.column(26) == "AA")
        #expect(Workbook.column(701) == "ZZ" && Workbook.column(702) == "AAA")
    }
}
