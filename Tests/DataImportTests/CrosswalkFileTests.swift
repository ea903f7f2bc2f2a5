import Core
import Foundation
import Testing

@testable import DataImport

/// Crosswalk files as users bring them: counts or shares, Dutch or English headers, and mistakes named in Dutch.
@Suite struct CrosswalkFileTests {
    func read(_ text: String, basis: Crosswalk.Basis? = nil) throws -> [Crosswalk] {
        try CrosswalkFile.read(Array(text.utf8), fileName: "omrekentabel.csv", basis: basis)
    }

    func message(_ text: String, basis: Crosswalk.Basis? = nil) -> String {
        do {
            _ = try read(text, basis: basis)
            return "geen fout"
        } catch { return "\(error)" }
    }

    @Test func countsBecomeSharesPerOlderRegion() throws {
        let crosswalks = try read(
            """
            from_year,to_year,from_code,to_code,weight,basis
            2016,2022,WK001414,WK000900,249,adressen
            2016,2022,WK001414,WK004003,751,adressen
            2016,2022,GM0014,GM0014,1,adressen
            2016,2022,WK001400,WK001400,7030,adressen
            """)
        #expect(crosswalks.count == 2, "one per level")
        let wijk = try #require(crosswalks.first { $0.level == .district })
        #expect(wijk.fromYear == 2016 && wijk.toYear == 2022)
        #expect(wijk.origin == "omrekentabel omrekentabel.csv")
        let shares = wijk.links.filter { $0.from == RegionCode("WK001414")! }.map(\.share)
        #expect(shares == [0.249, 0.751])
        #expect(wijk.links.allSatisfy { $0.basis == .addresses })
    }

    @Test func dutchHeadersSemicolonsDecimalCommasAndBareCodes() throws {
        let crosswalks = try read(
            "van_jaar;naar_jaar;van_code;naar_code;gewicht\r\n2021;2022;0014;0014;0,5\r\n2021;2022;0014;0009;0,5\r\n",
            basis: .inhabitants)
        let links = try #require(crosswalks.first).links
        #expect(links.map(\.to.rawValue) == ["GM0009", "GM0014"])
        #expect(links.allSatisfy { $0.share == 0.5 && $0.basis == .inhabitants })
    }

    @Test func theGrenswijzigenLongFormReadsColumnsAsTheOlderYear() throws {
        let crosswalks = try read(
            """
            "matrix_name","level","from_year","to_year","row_code","col_code","n_addresses"
            "grenswijziging_wijk_van_2016_naar_2022","wijk",2016,2022,"001415","000900",2418
            "grenswijziging_wijk_van_2016_naar_2022","wijk",2016,2022,"001416","000900",12
            """)
        let links = try #require(crosswalks.first).links
        #expect(links.allSatisfy { $0.from == RegionCode("WK000900")! && $0.basis == .addresses })
        #expect(abs(links.first { $0.to == RegionCode("WK001415")! }!.share - 2418.0 / 2430) < 1e-12)
    }

    @Test func mistakesAreNamedWithLineAndColumn() {
        #expect(
            message("from_year,to_year,from_code,to_code\n2016,2022,WK001400,WK001400\n").contains(
                "omrekentabel.csv, regel 1: de kolom weight ontbreekt"))
        #expect(
            message("from_year,to_year,from_code,to_code,weight\n2016,2022,WK001400,WK001400,1\n").contains(
                "de basis van de gewichten ontbreekt"))
        let header = "from_year,to_year,from_code,to_code,weight,basis\n"
        #expect(
            message(header + "2016,2022,WK001400,WK001400,1,adressen\n2016,2022,Centrum,WK001400,1,adressen\n")
                == "omrekentabel.csv, regel 3, kolom from_code: 'Centrum' is geen gemeente-, wijk- of buurtcode")
        #expect(
            message(header + "2016,2022,WK001400,GM0014,1,adressen\n").contains(
                "regel 2, kolom to_code: 'GM0014' is geen code van hetzelfde niveau als WK001400"))
        #expect(message(header + "2022,2016,WK001400,WK001400,1,adressen\n").contains("kolom from_year"))
        #expect(
            message(header + "2016,2022,WK001400,WK001400,-3,adressen\n").contains(
                "kolom weight: '-3' is geen gewicht"))
        #expect(message(header + "2016,2022,WK001400,WK001400,NaN,adressen\n").contains("'NaN' is geen gewicht"))
        #expect(
            message(header + "2016,2022,WK001400,WK001400,1,postcodes\n").contains(
                "kolom basis: 'postcodes' is geen basis"))
        #expect(message(header + "2016,2022,WK001400,WK001400,0,adressen\n").contains("geen regels met een gewicht"))
        #expect(message("").contains("het bestand is leeg"))
        // Shares that do not add up to 1: a part is missing, or from and to are swapped.
        #expect(
            message(header + "2016,2022,WK001400,WK001400,0.6,adressen\n2016,2022,WK001400,WK001401,0.2,adressen\n")
                == "omrekentabel.csv, regel 2, kolom weight: de aandelen van WK001400 (2016 → 2022) tellen op tot 0,800, niet tot 1; ontbreekt er een deel, of staan van en naar verwisseld?"
        )
    }
}
