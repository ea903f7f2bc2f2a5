import Analysis
import Core
import DataImport
import Foundation
@testable import Storage
import Testing

/// Focus areas on real buurten of Utrecht (kwb-2023); expected values computed by hand from the CBS file.
@Suite struct FocusAreaTests {
    static let members = [RegionCode("BU03440224")!, RegionCode("BU03441014")!]

    func seeded(_ store: Store) async throws {
        let (url, options) = try StorageTests.bundledEntry("kwb-2023-utrecht.xlsx")
        _ = try await ImportService(store: store).importFile(url, options: options)
    }

    @Test(arguments: TestDatabase.all)
    func aggregatesByTheCatalogueRule(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            try await seeded(store)
            let area = try await FocusAreaStore(store: store).create(
                FocusArea(slug: "twee-buurten", name: "Twee buurten", note: "test", members: Self.members))
            let table = try await AnalysisStore(store: store).table(level: .neighbourhood, period: 2023)
            let profile = FocusAreaProfile.build(area, table: table)
            #expect(profile.row("population")?.outcome == .computed(3815))
            #expect(profile.row("social_assistance")?.outcome == .computed(80))
            func value(_ id: String) -> Double? {
                if case .computed(let v) = profile.row(id)?.outcome { return v }
                return nil
            }
            #expect(abs(value("household_size")! - 1.936434) < 1e-5)  // weighted by households 1 630 and 305
            #expect(abs(value("owner_occupied_pct")! - 50.8338) < 1e-4)  // weighted by dwellings 1 399 and 298
            #expect(abs(value("woz_value")! - 507.0112) < 1e-4)
            #expect(
                profile.row("income_per_inhabitant")?.outcome
                    == .unavailable(reason: "een deelgebied heeft een geheime waarde"))
            if case .unavailable(let reason) = profile.row("median_wealth")?.outcome {
                #expect(reason.contains("niet op te tellen"))
            } else {
                Issue.record("a median was aggregated")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func staleEditsAreRefusedAndNothingIsOverwritten(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            try await seeded(store)
            let areas = FocusAreaStore(store: store)
            let created = try await areas.create(
                FocusArea(slug: "gebied", name: "Eerste naam", note: "", members: [Self.members[0]]))
            var first = created, second = created
            first.name = "Naam van redacteur A"
            second.name = "Naam van redacteur B"
            second.members = Self.members
            let saved = try await areas.update(first)
            #expect(saved.version == 2)
            await #expect(throws: FocusAreaError.conflict(slug: "gebied", expected: 1, actual: 2)) {
                try await areas.update(second)
            }
            let stored = try #require(try await areas.find(slug: "gebied"))
            #expect(stored.name == "Naam van redacteur A")
            #expect(stored.members == [Self.members[0]])
        }
    }

    @Test(arguments: TestDatabase.all)
    func invalidAreasAreRefused(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            try await seeded(store)
            let areas = FocusAreaStore(store: store)
            await #expect(throws: FocusAreaError.mixedLevels) {
                try await areas.create(
                    FocusArea(
                        slug: "gemengd", name: "x", note: "", members: [Self.members[0], RegionCode("WK034401")!]))
            }
            await #expect(throws: FocusAreaError.unknownRegions(["BU99999999"])) {
                try await areas.create(
                    FocusArea(slug: "onbekend", name: "x", note: "", members: [RegionCode("BU99999999")!]))
            }
            await #expect(throws: FocusAreaError.invalidSlug("Met Spaties")) {
                try await areas.create(FocusArea(slug: "Met Spaties", name: "x", note: "", members: Self.members))
            }
            _ = try await areas.create(FocusArea(slug: "dubbel", name: "x", note: "", members: Self.members))
            await #expect(throws: FocusAreaError.exists("dubbel")) {
                try await areas.create(FocusArea(slug: "dubbel", name: "y", note: "", members: Self.members))
            }
            try await areas.remove(slug: "dubbel")
            #expect(try await areas.find(slug: "dubbel") == nil)
        }
    }
}
