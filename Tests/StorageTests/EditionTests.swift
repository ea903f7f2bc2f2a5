import Core
import DataImport
import Foundation
import Storage
import Testing

/// CBS republishes a year's Wijk- en Buurtkaart as `_v2`, `_v3`: the later version replaces the earlier one under the
/// same dataset name, and an earlier version never silently replaces a later one.
@Suite struct EditionTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../DataImportTests/Fixtures/geo/wijkenbuurten_2022_v1.gpkg").standardizedFileURL

    /// The same GeoPackage under the name of another edition, in a private directory (removed by the caller's
    /// `cleanUp`).
    static func edition(_ version: Int, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("wijkenbuurten_2022_v\(version).gpkg")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: fixture, to: url)
        return url
    }

    @Test(arguments: TestDatabase.all)
    func aLaterVersionReplacesAnEarlierOneAndNeverTheOtherWayRound(_ db: TestDatabase) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("editie-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await db.withStore { store in
            let service = ImportService(store: store)
            let first = try await service.importFile(try Self.edition(1, in: directory))
            #expect(first.dataset.info.slug == "wijkenbuurten-2022")
            #expect(first.dataset.info.tableID == "wijkenbuurten-2022-v1")
            #expect(first.layers.map(\.name).sorted() == ["gemeenten", "wijken"])

            let second = try await service.importFile(try Self.edition(2, in: directory))
            #expect(second.dataset.info.tableID == "wijkenbuurten-2022-v2")
            let stored = try await DatasetStore(store: store).all()
            #expect(stored.count == 1)
            #expect(stored.first?.info.tableID == "wijkenbuurten-2022-v2")

            let before = try await store.snapshot()
            let refused = await #expect(throws: ImportError.self) {
                try await service.importFile(try Self.edition(1, in: directory))
            }
            #expect("\(refused!)".contains("versie 2") && "\(refused!)".contains("is nieuwer"))
            #expect(try await store.snapshot() == before)
        }
    }
}
