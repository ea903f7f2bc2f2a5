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

    @Test func duplicateRegionCodes() {
        let error = reject(Self.header + "\nWK011443,Angelslo,Wijk,7685,46\nWK011443,Angelslo,Wijk,7685,46\n")
        #expect(error?.line == 3)
        #expect(error?.message.contains("komt twee keer voor (ook op regel 2)") == true)
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
