import Core
import DataImport
import Foundation
@testable import Storage
import Testing
import SQLKit

@Suite struct StorageTests {
    static var bundled: URL { BundledData.directory }

    static func bundledEntry(_ name: String) throws -> (url: URL, options: ImportOptions) {
        try BundledData.entries().first { $0.url.lastPathComponent == name }!
    }

    @Test(arguments: TestDatabase.all)
    func migrationsAreNumberedAndIdempotent(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let expected = [
                "M001_CreateRegions", "M002_CreateDatasets", "M003_CreateObservationRows",
                "M004_CreateIndicators", "M005_CreateImportRuns", "M006_CreateGeometries",
                "M007_CreateProvinces", "M008_CreateFocusAreas", "M009_CreateProgramme", "M010_CreateAccounts",
                "M011_CreateKnowledge",
                "M012_CreatePublications", "M013_Security",
                "M014_KnowledgeRegions", "M015_CreateCrosswalks", "M016_CreateMemberships",
                "M017_CreateParticipantBallots", "M018_CreateOpgaveComments", "M019_CreateContentVersion",
            ]
            #expect(try await store.appliedMigrations() == expected)
            try await store.migrate()
            #expect(try await store.appliedMigrations() == expected)
            let count = try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("indicators").first(decodingColumn: "n", as: Int.self)
            #expect(count == IndicatorCatalogue.standard.indicators.count)
        }
    }

    @Test func sqliteFileUsesWriteAheadLogging() async throws {
        try await TestDatabase(kind: .sqlite).withStore { store in
            let mode = try await store.sql.raw("PRAGMA journal_mode").first(
                decodingColumn: "journal_mode", as: String.self)
            #expect(mode == "wal")
        }
    }

    @Test(arguments: TestDatabase.all)
    func storesAndReadsBackWithSourceAndYear(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let (url, options) = try Self.bundledEntry("cbs-kwb-2022-wijk.csv.gz")
            let result = try await ImportService(store: store).importFile(url, options: options)
            #expect(result.dataset.rowCount == 3_340)
            #expect(try await RegionStore(store: store).count(level: .district) == 3_340)
            let code = RegionCode("WK011443")!
            let observations = try await RegionStore(store: store).observations(code: code)
            let population = try #require(observations.first { $0.indicator == "population" })
            #expect(population.cell == .value(7_685))
            #expect(population.period == 2022)
            #expect(population.datasetSlug == "cbs-kwb-2022-wijken")
            #expect(try await RegionStore(store: store).regions(code: code).map(\.name) == ["Wijk 43 Angelslo"])
            let dataset = try #require(try await DatasetStore(store: store).find(slug: "cbs-kwb-2022-wijken"))
            #expect(dataset.info.attribution.hasPrefix("Bron: CBS"))
            #expect(dataset.sha256.count == 64)
            #expect(dataset.fileName == "cbs-kwb-2022-wijk.csv.gz")
        }
    }

    @Test(arguments: TestDatabase.all)
    func secretValuesStaySecret(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let (url, options) = try Self.bundledEntry("kwb-2023-utrecht.xlsx")
            let result = try await ImportService(store: store).importFile(url, options: options)
            #expect(result.dataset.secretCount == 5_569)
            let observations = try await RegionStore(store: store).observations(code: RegionCode("GM0344")!)
            #expect(observations.first { $0.indicator == "electricity_use" }?.cell == .secret)
            #expect(observations.first { $0.indicator == "household_size" }?.cell == .value(1.9))
            #expect(try await RegionStore(store: store).count(level: .neighbourhood) == 111)
        }
    }

    @Test(arguments: TestDatabase.all)
    func reimportReplacesTheDatasetWhole(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let service = ImportService(store: store)
            let (url, options) = try Self.bundledEntry("leefbaarometer-3-amstelveen-wijken.csv")
            let first = try await service.importFile(url, options: options)
            let before = try await store.snapshot()
            let second = try await service.importFile(url, options: options)
            #expect(second.dataset.id != first.dataset.id)
            let after = try await store.snapshot()
            #expect(after["observation_rows"]?.count == before["observation_rows"]?.count)
            #expect(after["regions"] == before["regions"])
            #expect(try await DatasetStore(store: store).all().count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func removingADatasetRemovesItsValuesAndOrphanedRegions(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let service = ImportService(store: store)
            for name in ["leefbaarometer-3-amstelveen-wijken.csv", "cbs-kwb-2022-gemeente.csv.gz"] {
                let (url, options) = try Self.bundledEntry(name)
                _ = try await service.importFile(url, options: options)
            }
            try await DatasetStore(store: store).remove(slug: "leefbaarometer-3-amstelveen")
            #expect(try await RegionStore(store: store).count(level: .district) == 0)
            #expect(try await RegionStore(store: store).count(level: .municipality) == 345)
            await #expect(throws: StorageError.datasetNotFound("leefbaarometer-3-amstelveen")) {
                try await DatasetStore(store: store).remove(slug: "leefbaarometer-3-amstelveen")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func bundledDataGiveSeriesFromSeveralDatasets(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            #expect(try await ImportService(store: store).importBundledIfEmpty())
            #expect(try await !ImportService(store: store).importBundledIfEmpty(), "a second start imports nothing")
            #expect(try await DatasetStore(store: store).all().count == 9)
            let population = try await RegionStore(store: store).observations(code: RegionCode("WK011443")!)
                .filter { $0.indicator == "population" }
            #expect(population.map(\.period).sorted() == [2022, 2024])
            #expect(Set(population.map(\.cell)) == [.value(7_685), .value(7_695)])
            let emmen = try await RegionStore(store: store).observations(code: RegionCode("GM0114")!)
                .filter { $0.indicator == "population" }.map(\.period).sorted()
            #expect(emmen == [2013, 2017, 2019, 2022, 2024])
            let geometries = try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("geometries").first(decodingColumn: "n", as: Int.self)
            #expect(geometries == 3_340)
        }
    }
}
