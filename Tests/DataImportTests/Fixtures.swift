import DataImport
import Foundation

/// Paths of the real excerpts in Fixtures/ and of the bundled data, for tests.
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func bundled(_ name: String) -> URL {
        BundledData.directory.appendingPathComponent(name)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(name)))
    }

    /// The options the bundled manifest gives a file.
    static func bundledOptions(_ name: String) throws -> ImportOptions {
        try BundledData.entries().first { $0.url.lastPathComponent == URL(fileURLWithPath: name).lastPathComponent }!
            .options
    }

    /// Expects an import to fail, and returns the error to check its message and place.
    static func rejection(_ work: () throws -> Void) -> ImportError? {
        do {
            try work()
            return nil
        } catch let error as ImportError {
            return error
        } catch {
            return ImportError(file: "?", "onverwachte fout: \(error)")
        }
    }
}
