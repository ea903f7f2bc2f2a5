import Core
@testable import DataImport
import Testing

@Suite struct ParsingTests {
    @Test(arguments: [
        ("7685", Cell.value(7685)), ("12,5", .value(12.5)), ("12.5", .value(12.5)), ("  .", .secret),
        (".", .secret), ("", .missing), ("NA", .missing), ("-99999999", .secret), ("-99999997", .notApplicable),
        ("-3,25", .value(-3.25)),
    ])
    func cells(_ text: String, _ expected: Cell) {
        #expect(CellParser.parse(text.trimmingSpaces()) == expected)
    }

    @Test(arguments: ["abc", "1.2.3", "12,5,1", "1 000", "€ 12"])
    func notNumbers(_ text: String) {
        #expect(CellParser.parse(text) == nil)
    }

    @Test func csvQuotesDelimitersAndLineEnds() throws {
        let table = try CSVReader.read("a;b;c\r\n\"x;y\";\"he said \"\"hi\"\"\"; 3 \r\n\r\n4;5;6", file: "t.csv")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.cells) == [["x;y", "he said \"hi\"", "3"], ["4", "5", "6"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test func quotedFieldSpanningLinesKeepsLineNumbersRight() throws {
        let table = try CSVReader.read("a,b\n\"one\ntwo\",1\nx,2\n", file: "t.csv")
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test func slugsAndYearsFromFileNames() {
        #expect(DataImporter.slug(for: "kwb-2023.xlsx") == "kwb-2023")
        #expect(DataImporter.slug(for: "CBS Utrecht kwb_2023.csv.gz") == "cbs-utrecht-kwb-2023")
        #expect(DataImporter.year(in: "kwb-2023.xlsx") == 2023)
        #expect(DataImporter.year(in: "85984NED.json") == nil)
    }

    @Test func spreadsheetColumnLetters() {
        #expect(RawTable.letters(0) == "A")
        #expect(RawTable.letters(25) == "Z")
        #expect(RawTable.letters(26) == "AA")
        #expect(RawTable.letters(120) == "DQ")
    }
}
