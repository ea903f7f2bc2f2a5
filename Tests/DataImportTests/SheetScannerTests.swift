@testable import DataImport
import Foundation
@testable import Spreadsheet
import Testing

/// The worksheet is read from its bytes (SheetScanner): what Excel, LibreOffice and openpyxl write reads the same,
/// a national sheet on one line of 90 MB reads at all (XMLParser refused it), and broken XML is refused as such.
@Suite struct SheetScannerTests {
    func workbook(_ sheetData: String, strings: [String] = []) throws -> Data {
        var zip = ZipWriter()
        try zip.add("xl/workbook.xml", Array("<workbook/>".utf8))
        try zip.add("xl/worksheets/sheet1.xml", Array(sheetData.utf8))
        if !strings.isEmpty {
            let items = strings.map { "<si><t>\($0)</t></si>" }.joined()
            try zip.add("xl/sharedStrings.xml", Array("<sst>\(items)</sst>".utf8))
        }
        return Data(zip.finish())
    }

    func read(_ sheet: String, strings: [String] = []) throws -> RawTable {
        try XLSXReader.read(try workbook(sheet, strings: strings), file: "kwb-2023.xlsx")
    }

    @Test func whatWritersWriteReadsTheSame() throws {
        let sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- LibreOffice and Excel both write a prefix-free sheet; some tools put it on x: -->
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
            <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r='B1' t="inlineStr"><x:is><x:t>regio</x:t></x:is></x:c>
            <x:c r="C1" t="str"><x:f>CONCAT("a_";"inw")</x:f><x:v>a_inw</x:v></x:c></x:row>
            <x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c>
            <x:c r="B3" t="inlineStr"><x:is><x:r><x:t>Caf&#233; &amp; </x:t></x:r><x:r><x:t xml:space="preserve">&#x2018;t Hof&lt;1&gt;</x:t></x:r></x:is></x:c>
            <x:c r="D3" s="2"/><x:c r="E3"><x:v>  7685 </x:v></x:c></x:row>
            <x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t><![CDATA[a < b & "c"]]></x:t></x:is></x:c></x:row>
            <x:row r="5"/></x:sheetData></x:worksheet>
            """
        let table = try read(sheet, strings: ["gwb_code_10", "WK011443"])
        #expect(table.header == ["gwb_code_10", "regio", "a_inw"])
        #expect(table.rows.map(\.line) == [3, 4])
        #expect(table.rows[0].cells == ["WK011443", "Café & ‘t Hof<1>", "", "", "7685"])
        #expect(table.rows[1].cells == [#"a < b & "c""#])
    }

    @Test func aNationalSheetOnOneLineReads() throws {
        // 20,000 rows of 100 cells: ~45 MB of XML without a line break, as Excel writes a kwb sheet.
        var xml = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        xml.reserveCapacity(48 << 20)
        for row in 1...20_000 {
            xml += "<row r=\"\(row)\">"
            for column in 0..<100 {
                xml += "<c r=\"\(RawTable.letters(column))\(row)\"><v>\(row * column % 9973)</v></c>"
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        let table = try read(xml)
        #expect(table.rows.count == 19_999)
        #expect(table.rows.last?.cells[99] == "\(20_000 * 99 % 9973)")
    }

    @Test(arguments: [
        (#"<!DOCTYPE x [<!ENTITY a "b">]><worksheet><sheetData/></worksheet>"#, 1),
        ("<worksheet><sheetData><row><c><v>&a;</v></c></row></sheetData></worksheet>", 1),
        ("<worksheet><sheetData><row><c><v>1</v></c></row>\n</sheetData>", 2),
        ("<worksheet><sheetData><row><c><v>1</c></row></sheetData></worksheet>", 1),
        ("<worksheet><sheetData><row><c r=A1><v>1</v></c></row></sheetData></worksheet>", 1),
        ("<worksheet><sheetData><row><c><v>&#0;</v></c></row></sheetData></worksheet>", 1),
    ])
    func brokenXMLIsRefusedWithItsLine(_ sheet: String, line: Int) throws {
        let error = Fixture.rejection { _ = try read(sheet) }
        #expect(error?.message.contains("ongeldige XML") == true, "\(String(describing: error))")
        #expect(error?.line == line, "\(String(describing: error))")
    }
}
