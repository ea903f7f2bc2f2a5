import Core
import DataImport
import Foundation
@testable import Storage
import Testing

/// A file with an error, or an import that breaks off midway, leaves the database exactly as it was.
@Suite struct TransactionTests {
    static let badFiles: [(name: String, content: [UInt8])] = {
        let header = "gwb_code_10,regio,recs,a_inw,p_koopw\n"
        func text(_ s: String) -> [UInt8] { Array(s.utf8) }
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in (header + "WK011443,Angelslo,Wijk,7685,46\n").utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let xlsx = Array(
            (try? Data(contentsOf: BundledData.directory.appendingPathComponent("kwb-2023-utrecht.xlsx"))) ?? Data())
        return [
            ("leeg-2023.csv", []),
            ("alleen-kop-2023.csv", text(header)),
            ("onbekend.csv", text("naam,waarde\nAngelslo,1\n")),
            ("dubbel-2023.csv", text(header + "WK011443,Angelslo,Wijk,7685,46\nWK011443,Angelslo,Wijk,7685,46\n")),
            ("code-2023.csv", text(header + "WK011443,Angelslo,Wijk,7685,46\nWK11443,Angelslo,Wijk,7685,46\n")),
            ("tekst-2023.csv", text(header + "WK011443,Angelslo,Wijk,veel,46\n")),
            ("afgebroken-2023.xlsx", Array(xlsx.prefix(xlsx.count / 2))),
            ("utf16-2023.csv", utf16),
            ("kolommen-2023.csv", text(header + "WK011443,Angelslo,Wijk,7685\n")),
        ]
    }()

    @Test(arguments: TestDatabase.all)
    func badFilesLeaveTheDatabaseUnchanged(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let service = ImportService(store: store)
            let (url, options) = try StorageTests.bundledEntry("cbs-kwb-2022-gemeente.csv.gz")
            _ = try await service.importFile(url, options: options)
            let before = try await store.snapshot()
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            for (name, content) in Self.badFiles {
                let file = dir.appendingPathComponent(name)
                try Data(content).write(to: file)
                await #expect(throws: ImportError.self, "\(name)") {
                    try await service.importFile(file, options: .init(slug: "cbs-kwb-2022-gemeenten"))
                }
                #expect(try await store.snapshot() == before, "\(name) changed the database")
            }
            // Mapping naming a column the file lacks.
            let mapping = dir.appendingPathComponent("m.json")
            try #"{"source":"x","table":"t","year":2022,"licence":"l","attribution":"a","code_column":"gm_code"}"#
                .write(to: mapping, atomically: true, encoding: .utf8)
            await #expect(throws: ImportError.self) {
                try await service.importFile(url, options: .init(mapping: mapping))
            }
            #expect(try await store.snapshot() == before)
            // Every attempt is logged, the failures with their message.
            let runs = try await ImportRunStore(store: store).recent(limit: 50)
            #expect(runs.filter { !$0.succeeded }.count == Self.badFiles.count + 1)
            #expect(runs.first { $0.fileName == "tekst-2023.csv" }?.message.contains("'veel' is geen getal") == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func importInterruptedMidwayLeavesNothingBehind(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let service = ImportService(store: store)
            let (gemeenten, gemeentenOptions) = try StorageTests.bundledEntry("cbs-kwb-2022-gemeente.csv.gz")
            _ = try await service.importFile(gemeenten, options: gemeentenOptions)
            let before = try await store.snapshot()
            let (wijken, wijkenOptions) = try StorageTests.bundledEntry("cbs-kwb-2022-wijk.csv.gz")
            await #expect(throws: StorageError.injectedFailure(afterRows: 1_000)) {
                try await service.importFile(wijken, options: wijkenOptions, failAfterRows: 1_000)
            }
            #expect(try await store.snapshot() == before)
            // Replacing an existing dataset that breaks off keeps the old version whole.
            await #expect(throws: StorageError.self) {
                try await service.importFile(gemeenten, options: gemeentenOptions, failAfterRows: 200)
            }
            #expect(try await store.snapshot() == before)
        }
    }
}
