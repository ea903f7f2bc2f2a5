import Core
import Foundation
import Testing

/// Text from outside, addresses to return to and CSV output: the places where hostile input is made harmless.
@Suite struct InputTextTests {
    @Test func controlCharactersAndLoneLineBreaksAreCleaned() {
        #expect(InputText.clean("ab\u{0}cd") == "abcd")
        #expect(InputText.clean(String(repeating: "\u{0}", count: 12)) == "")
        #expect(InputText.clean("a\r\nb\rc\nd\u{2028}e") == "a\nb\nc\nd\ne")
        #expect(InputText.clean("Org1\r=cmd", multiline: false) == "Org1 =cmd")
        #expect(InputText.clean("Org1\n=cmd|' /C calc'!A0", multiline: false) == "Org1 =cmd|' /C calc'!A0")
        #expect(InputText.clean("tab\there", multiline: false) == "tab here")
        #expect(InputText.clean("abc\u{202E}fed\u{7F}\u{85}") == "abcfed")
        // Names as typed, in one normal form.
        #expect(InputText.clean("Coo\u{0308}rdinator") == "Coördinator")
        #expect(InputText.clean("Zuid-Holland – ’s-Hertogenbosch") == "Zuid-Holland – ’s-Hertogenbosch")
    }

    @Test func controlCharactersAreDetectedScalarByScalar() {
        #expect(InputText.hasControlCharacters("a\u{0}b"))
        #expect(!InputText.hasControlCharacters("a\r\nb\tc"))
    }
}

@Suite struct LocalPathTests {
    @Test(arguments: ["/", "/regio/WK011443", "/programma/ronde?x=1#y", "/kennis?q=Angelslo%20wonen"])
    func pathsOfThisSiteStay(_ path: String) {
        #expect(LocalPath.validated(path) == path)
    }

    @Test(arguments: [
        "//evil.example", "/\t/evil.example/", "/\n/evil.example", "/\\evil.example", "\\\\evil.example",
        "https://evil.example", "evil.example", "/\r\n/evil", "/ /evil", "/%09/evil.example".removingPercentEncoding!,
        "javascript:alert(1)", "", "/\u{0}/x", "/é",
    ])
    func everythingElseGoesHome(_ path: String) {
        #expect(LocalPath.validated(path) == nil)
        #expect(LocalPath.orHome(path) == "/")
    }
}

@Suite struct CSVWriterTests {
    @Test func quotesLineBreaksAndDefusesFormulasOnEveryLine() {
        var csv = CSVWriter(dialect: .dutch, header: ["naam", "organisatie", "getal"])
        csv.row([.text("Anna"), .text("Org1\n=cmd|' /C calc'!A0"), .number(-12.5, decimals: 1)])
        csv.row([.text("=HYPERLINK(\"x\")"), .text("a\rb"), .integer(-3)])
        csv.row([.text("+31 6"), .text("@SUM(A1)"), .empty])
        csv.row([.text("\tverborgen"), .text("-"), .number(nil)])
        #expect(
            csv.text == "\u{FEFF}naam;organisatie;getal\r\n"
                + "Anna;\"Org1\n'=cmd|' /C calc'!A0\";-12,5\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\";\"a\rb\";-3\r\n"
                + "'+31 6;'@SUM(A1);\r\n"
                + "'\tverborgen;'-;\r\n")
    }

    @Test func aLoneCarriageReturnIsQuotedSoNoReaderSplitsTheRow() {
        var csv = CSVWriter(dialect: .machine, header: ["a", "b"])
        csv.row([.text("een\rtwee"), .text("drie")])
        let lines = csv.text.components(separatedBy: "\r\n")
        #expect(lines[1] == "\"een\rtwee\",drie")
    }

    @Test func numbersStayNumbersInBothDialects() {
        var machine = CSVWriter(dialect: .machine, header: ["x"])
        var dutch = CSVWriter(dialect: .dutch, header: ["x"])
        for writer in [0, 1] {
            let row: [CSVWriter.Field] = [.number(1234.5678, decimals: 2)]
            if writer == 0 { machine.row(row) } else { dutch.row(row) }
        }
        machine.row([.number(-0.25)])
        dutch.row([.number(7685)])
        #expect(machine.text == "x\r\n1234.57\r\n-0.25\r\n")
        #expect(dutch.text == "\u{FEFF}x\r\n1234,57\r\n7685\r\n")
    }
}

@Suite struct HugeNumberTests {
    /// `wijkradar region` once crashed on 1e29 inhabitants ("Double value cannot be converted to Int64").
    @Test func anyFiniteNumberFormatsWithoutTrapping() {
        #expect(DutchFormat.number(1e29).filter { $0 == "." }.count == 9)
        #expect(DutchFormat.number(-5000) == "-5.000")
        #expect(DutchFormat.number(12.25, decimals: 1) == "12,3")
        #expect(DutchFormat.number(.infinity) == "–")
        #expect(DutchFormat.count(1, "resultaat", "resultaten") == "1 resultaat")
        #expect(DutchFormat.count(2, "seconde", "seconden") == "2 seconden")
        #expect(DutchFormat.duration(seconds: 61) == "2 minuten")
    }
}

@Suite struct AddressRangeTests {
    @Test func addressesAndRanges() {
        #expect(AddressRange.isValid("127.0.0.1") && AddressRange.isValid("::1") && AddressRange.isValid("10.0.0.0/8"))
        #expect(
            !AddressRange.isValid("10.0.0.0/33") && !AddressRange.isValid("proxy.local")
                && !AddressRange.isValid("1.2.3"))
        #expect(AddressRange.contains("10.0.0.0/8", "10.20.30.40") && !AddressRange.contains("10.0.0.0/8", "11.0.0.1"))
        #expect(AddressRange.contains("::1", "::1") && !AddressRange.contains("127.0.0.1", "127.0.0.2"))
    }
}
