import Core
import DataImport
import Foundation
import Storage
import Testing

/// Crosswalks stored and read back on SQLite and PostgreSQL, and the outlines per indeling they are derived from.
@Suite struct CrosswalkStoreTests {
    static let geo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../DataImportTests/Fixtures/geo").standardizedFileURL

    static func crosswalk(origin: String, share: Double) -> Crosswalk {
        Crosswalk(
            level: .district, fromYear: 2016, toYear: 2022, origin: origin,
            links: [
                .init(from: RegionCode("WK001414")!, to: RegionCode("WK000900")!, share: share, basis: .addresses),
                .init(from: RegionCode("WK001414")!, to: RegionCode("WK004003")!, share: 1 - share, basis: .addresses),
            ])
    }

    @Test(arguments: TestDatabase.all)
    func savingReplacesTheSameOriginAndKeepsOthers(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let crosswalks = CrosswalkStore(store: store)
            let versionBefore = try await AnalysisStore(store: store).dataVersion()
            try await crosswalks.save(
                Self.crosswalk(origin: "grenswijzigen", share: 0.25), statement: "a", derived: false)
            try await crosswalks.save(
                Self.crosswalk(origin: "grenswijzigen", share: 1 / 3), statement: "b", derived: false)
            try await crosswalks.save(Self.crosswalk(origin: "afgeleid", share: 0.5), statement: "c", derived: true)
            let all = try await crosswalks.all()
            #expect(all.map(\.crosswalk.origin) == ["grenswijzigen", "afgeleid"], "imported first")
            #expect(all[0].statement == "b")
            // Shares keep their full precision (DOUBLE PRECISION on PostgreSQL, not REAL).
            let third: Double = 1 / 3
            let shares = all[0].crosswalk.links.map(\.share).sorted()
            #expect(shares == [third, 1 - third])
            #expect(all[1].derived)
            #expect(try await AnalysisStore(store: store).dataVersion() != versionBefore, "caches see a new crosswalk")
        }
    }

    @Test(arguments: TestDatabase.all)
    func outlinesAreReadPerIndeling(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let service = ImportService(store: store)
            _ = try await service.importFile(Self.geo.appendingPathComponent("wijkenbuurten_2022_v1.gpkg"))
            _ = try await service.importFile(Self.geo.appendingPathComponent("wijk_2016.zip"))
            let crosswalks = CrosswalkStore(store: store)
            #expect(try await crosswalks.outlineIndelingen(level: .district) == [2016, 2022])
            #expect(try await crosswalks.outlineIndelingen(level: .municipality) == [2022])
            let old = try await crosswalks.outlines(level: .district, indeling: 2016)
            #expect(old[RegionCode("WK001400")!]?.contains("Polygon") == true)
            #expect(old.keys.allSatisfy { $0.level == .district })
        }
    }
}
