@testable import DataImport
import Foundation
import Testing

/// The hostile corpus (`scripts/make-hostile-corpus.py`, listed in `hostile/EXPECTED.tsv`): every file is refused
/// with a Dutch message naming it, never with a crash or a run on memory. Memory and time per file are checked on
/// the real binary in `CLITests.hostileFilesAreRefusedQuicklyAndStoreNothing`.
@Suite struct HostileFileTests {
    static func corpus() throws -> [(file: String, message: String)] {
        let list = try String(contentsOf: Fixture.url("hostile/EXPECTED.tsv"), encoding: .utf8)
        return list.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            let parts = $0.split(separator: "\t", maxSplits: 1)
            return (String(parts[0]), String(parts[1]))
        }
    }

    @Test func theCorpusIsComplete() throws {
        #expect(try Self.corpus().count >= 18)
    }

    @Test(arguments: try HostileFileTests.corpus().map(\.file))
    func refusedWithAMessageThatNamesTheFile(_ file: String) throws {
        let expected = try #require(try Self.corpus().first { $0.file == file }).message
        let error = Fixture.rejection { _ = try DataImporter.read(Fixture.url("hostile/" + file)) }
        let message = try #require(error?.description, "\(file) was imported")
        #expect(message.hasPrefix(file), "\(message)")
        #expect(message.contains(expected), "\(file): \(message)")
        #expect(!message.contains("onverwachte fout"), "\(message)")
    }

    /// Every real file in ../shared still imports under the plausibility ranges (when ../shared is there).
    @Test func realFilesStayPlausible() throws {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../shared/data/raw")
        for name in ["wardeiling-utrecht-kwb2023-2024"] {
            let directory = shared.appendingPathComponent(name)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            for file in files where file.hasSuffix(".xlsx") || file.hasPrefix("kwb") && file.hasSuffix(".csv") {
                let dataset = try DataImporter.read(directory.appendingPathComponent(file))
                #expect(!dataset.rows.isEmpty, "\(file)")
            }
        }
        for entry in try BundledData.entries() {
            #expect(throws: Never.self) { _ = try DataImporter.read(entry.url, options: entry.options) }
        }
    }
}
