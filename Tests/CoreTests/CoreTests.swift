import Core
import Foundation
import Testing

@Suite struct RegionCodeTests {
    @Test(arguments: ["GM0114", "WK011443", "BU01144301", " WK011443  ", "wk011443", "WK0363AA", "BU0363AA01"])
    func acceptsCBSCodes(_ text: String) throws {
        let code = try #require(RegionCode(text))
        #expect(code.rawValue == text.trimmingCharacters(in: .whitespaces).uppercased())
    }

    @Test(arguments: [
        "", "GM114", "WK11443", "BU0114430", "XY0114", "NL00", "GMABCD", "WK01144", "WK011443 1", "WKA11443",
    ])
    func rejectsOtherText(_ text: String) {
        #expect(RegionCode(text) == nil)
    }

    @Test func parentsFollowFromTheCode() {
        let buurt = RegionCode("BU01144301")!
        #expect(buurt.level == .neighbourhood)
        #expect(buurt.district == RegionCode("WK011443"))
        #expect(buurt.municipality == RegionCode("GM0114"))
        #expect(RegionCode("GM0114")!.district == nil)
        #expect(RegionCode("WK0363AA")!.municipality == RegionCode("GM0363"))
    }

    @Test func cbsLevelNames() {
        #expect(RegionLevel(cbsName: "Wijk      ") == .district)
        #expect(RegionLevel(cbsName: "Gemeente") == .municipality)
        #expect(RegionLevel(cbsName: "Land") == nil)
    }
}

@Suite struct CellTests {
    @Test func packRoundTripKeepsEveryStatus() {
        let cells: [Cell] = [
            .value(7685), .secret, .missing, .notApplicable, .computed(3), .value(54.7), .value(-0.0366),
        ]
        let packed = Cell.pack(cells)
        #expect(packed == "7685;.;;n;c3;54.7;-0.0366")
        #expect(Cell.unpack(packed) == cells)
    }

    /// `pack` writes bytes itself; it must write exactly what each cell's `packed` text says.
    @Test func packWritesWhatEachCellSays() {
        let values: [Double] = [
            0, -0.0, 1, -1, 9, 10, 99_999, -99_999_999, 123_456_789_012_345, 999_999_999_999_999, 1e15, -1e15, 1e300,
            0.1, 2.5, -0.0366, 54.7, 1.0 / 3.0, .leastNonzeroMagnitude,
        ]
        let cells = values.flatMap { [Cell.value($0), .computed($0)] } + [.secret, .missing, .notApplicable]
        #expect(Cell.pack(cells) == cells.map(\.packed).joined(separator: ";"))
        #expect(Cell.unpack(Cell.pack(cells)) == cells)
    }

    @Test func damagedTextIsRefused() {
        #expect(Cell.unpack("12;abc") == nil)
    }

    @Test func secretHasNoNumber() {
        #expect(Cell.secret.number == nil)
        #expect(Cell.computed(2).number == 2)
    }
}

@Suite struct DutchFormatTests {
    @Test(arguments: [
        (7685.0, 0, "7.685"), (12.5, 1, "12,5"), (214_000, 0, "214.000"), (1_234_567.891, 2, "1.234.567,89"),
        (-3.25, 1, "-3,3"), (0.04, 1, "0,0"), (999.96, 1, "1.000,0"), (-0.01, 0, "0"),
    ])
    func numbers(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(DutchFormat.number(value, decimals: decimals) == expected)
    }

    @Test func cellsShowTheirStatus() {
        #expect(DutchFormat.cell(.secret) == "geheim of niet beschikbaar")
        #expect(DutchFormat.cell(.computed(3)) == "3 (berekend)")
        #expect(DutchFormat.cell(.missing) == "ontbreekt")
    }

    @Test func dates() {
        var parts = DateComponents()
        parts.year = 2026; parts.month = 11; parts.day = 29; parts.hour = 12
        parts.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        let date = Calendar(identifier: .gregorian).date(from: parts)!
        #expect(DutchFormat.date(date) == "29 november 2026")
    }
}

@Suite struct CatalogueTests {
    let catalogue = IndicatorCatalogue.standard

    @Test func coversWhatTheWijkanalyseNeeds() {
        for id in [
            "population", "age_65_plus", "households", "density", "dwellings", "woz_value", "owner_occupied_pct",
            "corporation_rent_pct", "private_rent_pct", "income_per_inhabitant", "low_income_persons_pct",
            "high_income_persons_pct", "social_minimum_households_pct", "social_assistance",
            "disability_benefits", "unemployment_benefits", "labour_participation_pct", "education_low",
            "education_high", "distance_gp", "urbanity", "area_land_ha", "lbm_score", "lbm_safety",
        ] {
            #expect(catalogue[id] != nil, "\(id)")
        }
    }

    @Test func originBasedIndicatorsAreStigmatisingAndNothingElseIs() {
        for indicator in catalogue.indicators {
            #expect(indicator.stigmatising == indicator.id.hasPrefix("origin_"), "\(indicator.id)")
        }
        #expect(catalogue.indicator(named: "a_neu_al", in: .kwb)?.stigmatising == true)
    }

    @Test func namesResolvePerScheme() {
        #expect(catalogue.indicator(named: "a_inw", in: .kwb)?.id == "population")
        #expect(catalogue.indicator(named: "AantalInwoners", in: .statline)?.id == "population")
        #expect(catalogue.indicator(named: "G_WOZBAG", in: .kwb)?.id == "woz_value")
        #expect(catalogue.indicator(named: "lbm", in: .leefbaarometer)?.id == "lbm_score")
        #expect(catalogue.indicator(named: "a_inw", in: .statline) == nil)
    }

    @Test func weightsArePlainCountsOfTheCatalogue() {
        for indicator in catalogue.indicators {
            if case .weightedMean(let weight) = indicator.aggregation {
                #expect(catalogue[weight]?.aggregation == .sum, "\(indicator.id) weighs by \(weight)")
            }
        }
    }

    @Test func aNameMappedTwiceIsRefused() throws {
        var indicators = Array(catalogue.indicators.prefix(2))
        indicators[1].names[.kwb] = indicators[0].names[.kwb]
        #expect(throws: CatalogueError.self) { try IndicatorCatalogue(indicators: indicators) }
    }

    @Test func configurationDefaults() throws {
        let config = try AppConfig.fromEnvironment(["WIJKRADAR_DATA_DIR": "/tmp/wr"])
        #expect(config.databaseURL == "sqlite:///tmp/wr/wijkradar.sqlite")
        #expect(config.port == 8080)
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["PORT": "tachtig"]) }
    }
}

@Suite struct RegionCodeMembershipTests {
    @Test func liesInComparesTheGemeenteDigits() {
        #expect(RegionCode("WK011443")!.lies(in: RegionCode("GM0114")!))
        #expect(RegionCode("BU01144301")!.lies(in: RegionCode("WK011443")!))
        #expect(!RegionCode("WK011443")!.lies(in: RegionCode("GM0014")!))
        #expect(RegionCode("GM0114")!.municipality == RegionCode("GM0114"))
    }
}
