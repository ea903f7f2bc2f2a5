import Core
import DataImport
import Foundation

/// Reads a file, stores it in one transaction and records the attempt — the one path used by the CLI and the
/// web app, so both behave the same on bad input.
public struct ImportService: Sendable {
    public struct Result: Sendable {
        public var dataset: Dataset
        public var unknownColumns: [String]
        public var warnings: [String]
    }

    let store: Store

    public init(store: Store) { self.store = store }

    public func importFile(
        _ url: URL, options: ImportOptions = .init(), catalogue: IndicatorCatalogue = .standard,
        progress: ImportProgress? = nil, failAfterRows: Int? = nil
    ) async throws -> Result {
        let started = Clock.current.now()
        let name = options.displayName ?? url.lastPathComponent
        do {
            let imported = try DataImporter.read(url, options: options, catalogue: catalogue, progress: progress)
            let dataset = try await DatasetStore(store: store).save(imported, failAfterRows: failAfterRows)
            try await ImportRunStore(store: store).record(
                ImportRun(
                    startedAt: started, finishedAt: Clock.current.now(), fileName: name, format: imported.info.format,
                    datasetSlug: imported.info.slug, succeeded: true, rowCount: imported.recordCount,
                    message: "ingelezen: \(imported.recordCount) rijen, \(imported.cellCount) waarden"))
            return Result(dataset: dataset, unknownColumns: imported.unknownColumns, warnings: imported.warnings)
        } catch {
            try? await ImportRunStore(store: store).record(
                ImportRun(
                    startedAt: started, finishedAt: Clock.current.now(), fileName: name,
                    format: options.format?.rawValue,
                    datasetSlug: options.slug, succeeded: false, rowCount: 0, message: "\(error)"))
            throw error
        }
    }

    /// Imports every bundled file; returns what was stored.
    public func importBundled(progress: (@Sendable (String) -> Void)? = nil) async throws -> [Result] {
        var results: [Result] = []
        for (url, options) in try BundledData.entries() {
            progress?(url.lastPathComponent)
            results.append(try await importFile(url, options: options))
        }
        return results
    }

    /// On first start: fill an empty database with the bundled data.
    @discardableResult
    public func importBundledIfEmpty(progress: (@Sendable (String) -> Void)? = nil) async throws -> Bool {
        guard try await DatasetStore(store: store).isEmpty else { return false }
        _ = try await importBundled(progress: progress)
        return true
    }
}
