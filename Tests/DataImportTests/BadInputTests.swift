import Core
@testable import DataImport
import Foundation
import Testing

/// Every kind of bad input is rejected whole, with a Dutch message that names the file and the place.
@Suite struct BadInputTests {
    static let header = "gwb_code_10,regio,recs,a_inw,p_koopw"

    func reject(_ text: String, name: String = "kwb-2023.csv", options: ImportOptions = .init()) -> ImportError? {
        Fixture.rejection { _ = try DataImporter.read(Array(text.utf8), fileName: name, options: options) }
    }

    @Test func emptyFile() {
        #expect(reject("")?.description == "kwb-2023.csv: het bestand is leeg")
    }

    @Test func headerOnly() {
        let error = reject(Self.header + "\n")
        #expect(error?.message.contains("alleen een kopregel") == true)
    }

    @Test func unknownFormat() {
        let error = reject("naam,waarde\nAngelslo,1\n", name: "lijst.csv")
        #expect(error?.message.contains("formaat wordt niet herkend") == true)
        #expect(error?.message.contains("--mapping") == true)
    }

    /// A repeated code is the row's first problem, before a bad value in the same row (as read from the top).
    @Test func aRepeatedCodeIsReportedBeforeABadValueInTheSameRow() {
        let error = reject(Self.header + "\nWK011443,Angelslo,Wijk,7685,46\nWK011443,Angelslo,Wijk,veel,46\n")
        #expect(error?.line == 3)
        #expect(error?.message.contains("komt twee keer voor (ook op regel 2)") == true)
    }

    @Test func duplicateRegionCodes() {
        let error = reject(Self.header + "\nWK011443,Angelslo,Wijk,7685,46\nWK011443,Angelslo,Wijk,7685,46\n")
        #expect(error?.line == 3)
        #expect(error?.message.contains("komt twee keer voor (ook op regel 2)") == true)
    }

    /// A large file is read in parts on several cores; the problem reported is still the first one from the top.
    @Test func theFirstProblemFromTheTopIsReportedInALargeFile() {
        let rows = (0..<9_000).map { "BU\(String(format: "%08d", 1_000_000 + $0)),Buurt \($0),Buurt,\(100 + $0),46" }
        func file(_ change: (inout [String]) -> Void) -> String {
            var lines = rows
            change(&lines)
            return ([Self.header] + lines).joined(separator: "\r\n")
        }
        // A bad value late in the file and a duplicate early: the duplicate (line 3,002) comes first.
        let early = reject(
            file {
                $0[3_000] = $0[10].replacingOccurrences(of: "Buurt 10", with: "Dubbel")
                $0[8_500] = "BU01008500,Laat,Buurt,veel,46"
            })
        check(early, line: 3_002, contains: "komt twee keer voor (ook op regel 12)")
        // The other way round: the bad value at line 1,002 is reported, not the duplicate at line 8,502.
        let bad = reject(
            file {
                $0[1_000] = "BU01001000,Vroeg,Buurt,veel,46"
                $0[8_500] = $0[10]
            })
        check(bad, line: 1_002, contains: "'veel' is geen getal")
        // Without problems, every row in file order.
        let dataset = try? DataImporter.read(Array(file { _ in }.utf8), fileName: "kwb-2023.csv")
        #expect(dataset?.rows.map(\.region.rawValue) == rows.map { String($0.prefix(10)) })
    }

    private func check(_ error: ImportError?, line: Int, contains text: String) {
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.message.contains(text) == true, "\(String(describing: error))")
    }

    @Test func codeThatIsNotARegionCode() {
        let error = reject(Self.header + "\nWK011443,Angelslo,Wijk,7685,46\nXY0114,Emmen,Gemeente,107113,55\n")
        #expect(
            error?.description
                == "kwb-2023.csv, regel 3, kolom gwb_code_10: 'XY0114' is geen CBS-regiocode (verwacht GM + 4 cijfers, WK + 6 tekens of BU + 8 tekens, bijvoorbeeld WK011443)"
        )
    }

    @Test func levelThatContradictsTheCode() {
        let error = reject(Self.header + "\nWK011443,Angelslo,Buurt,7685,46\n")
        #expect(error?.column == "recs")
    }

    @Test func textInANumericColumn() {
        let error = reject(Self.header + "\nWK011443,Angelslo,Wijk,zevenduizend,46\n")
        #expect(error?.line == 2)
        #expect(error?.column == "a_inw")
        #expect(error?.message.contains("'zevenduizend' is geen getal") == true)
    }

    @Test func rowWithTooFewColumns() {
        let error = reject(Self.header + "\nWK011443,Angelslo,Wijk,7685\n")
        #expect(error?.line == 2)
        #expect(error?.message.contains("de regel heeft 4 kolommen, de kopregel 5") == true)
    }

    @Test func unclosedQuote() {
        let error = reject(Self.header + "\nWK011443,\"Angelslo,Wijk,7685,46\n")
        #expect(error?.message.contains("aanhalingsteken") == true)
    }

    @Test func truncatedXLSX() throws {
        let bytes = Array(try Data(contentsOf: Fixture.bundled("kwb-2023-utrecht.xlsx")))
        let error = Fixture.rejection {
            _ = try DataImporter.read(Array(bytes.prefix(bytes.count / 2)), fileName: "kwb-2023.xlsx")
        }
        #expect(error?.file == "kwb-2023.xlsx")
        #expect(error?.message.contains("beschadigd of afgebroken") == true)
    }

    @Test func utf16IsRefusedWithAdvice() throws {
        let text = try String(contentsOf: Fixture.url("kwb-2023-utrecht-excerpt.csv"), encoding: .utf8)
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let error = Fixture.rejection { _ = try DataImporter.read(bytes, fileName: "kwb-2023.csv") }
        #expect(error?.message.contains("UTF-16") == true)
    }

    @Test func bytesThatAreNeitherUTF8NorWindows1252() {
        var bytes = Array((Self.header + "\nWK011443,Angel").utf8)
        bytes += [0x81] + Array("slo,Wijk,7685,46\n".utf8)
        let error = Fixture.rejection { _ = try DataImporter.read(bytes, fileName: "kwb-2023.csv") }
        #expect(error?.line == 2)
        #expect(error?.column == "teken 15")
        #expect(error?.message.contains("0x81") == true)
    }

    @Test func windows1252FileReadAsUTF8WhenTheUserSaysSo() throws {
        let bytes = try Fixture.bytes("kwb-2023-utrecht-excerpt-semicolon-cp1252.csv")
        let error = Fixture.rejection {
            _ = try DataImporter.read(bytes, fileName: "kwb-2023.csv", options: .init(encoding: .utf8))
        }
        #expect(error?.message.contains("geen geldige UTF-8") == true)
        #expect(error?.line == 5, "Mariëndaalstraat is on the fifth line")
    }

    @Test func mappingNamingAMissingColumn() {
        let error = Fixture.rejection {
            _ = try DataImporter.read(
                Fixture.url("kwb-2019-gemeenten-excerpt.csv"),
                options: .init(mapping: Fixture.url("kwb-2019-missing-column.mapping.json")))
        }
        #expect(error?.file == "kwb-2019-missing-column.mapping.json")
        #expect(error?.column == "columns.inwoners_totaal")
        #expect(error?.message.contains("kolom 'inwoners_totaal' staat niet in kwb-2019-gemeenten-excerpt.csv") == true)
    }

    @Test func mappingNamingAnUnknownIndicator() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("m-\(UUID()).json")
        try
            #"{"source":"x","table":"t","year":2019,"licence":"l","attribution":"a","code_column":"unique_id","columns":{"population":"inwoners"}}"#
            .write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = Fixture.rejection {
            _ = try DataImporter.read(Fixture.url("kwb-2019-gemeenten-excerpt.csv"), options: .init(mapping: url))
        }
        #expect(error?.message.contains("indicator 'inwoners' staat niet in de indicatorcatalogus") == true)
    }

    @Test func brokenJSON() {
        let error = Fixture.rejection {
            _ = try DataImporter.read(Array(#"{"value": [ {"Codering_3": "GM0114"#.utf8), fileName: "t.json")
        }
        #expect(error?.message.contains("geen geldige JSON") == true)
    }
}
