@testable import DataImport
import Foundation
import Testing

/// Every input the fuzzers kept (`fuzz/corpus`) and every crash they found (`fuzz/crashes`, once fixed) is read
/// again here through the reader it was found with: each must be read or refused with an `ImportError`, never crash.
/// The fuzzers themselves run outside CI (`fuzz/run.sh`).
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../fuzz")
    static let names = [
        "csv": "kwb-2023.csv", "xlsx": "kwb-2023.xlsx", "gzip": "kwb-2023.csv.gz", "json": "TypedDataSet-2024.json",
    ]

    static func inputs() -> [String] {
        var found: [String] = []
        for folder in ["corpus", "crashes"] {
            for reader in names.keys.sorted() {
                let directory = root.appendingPathComponent(folder).appendingPathComponent(reader)
                let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                found += files.sorted().map { "\(folder)/\(reader)/\($0)" }
            }
        }
        return found
    }

    @Test func everyKeptInputIsReadOrRefused() throws {
        let inputs = Self.inputs()
        #expect(inputs.count > 100, "the fuzz corpus is missing (fuzz/run.sh)")
        for input in inputs {
            let reader = input.split(separator: "/")[1]
            let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent(input)))
            do {
                _ = try DataImporter.read(bytes, fileName: Self.names[String(reader)]!)
            } catch is ImportError {
                continue
            } catch {
                Issue.record("\(input): \(error)")
            }
        }
    }
}
