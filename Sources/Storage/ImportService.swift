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
        /// What each layer of a geometry file held; empty for tables.
        public var layers: [LayerSummary] = []
        /// Rows, or regions of a file without figures: what the rate of an import is counted in.
        public var records: Int = 0
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
            try await refuseOlderEdition(of: imported, file: name)
            let dataset = try await DatasetStore(store: store).save(imported, failAfterRows: failAfterRows)
            try await ImportRunStore(store: store).record(
                ImportRun(
                    startedAt: started, finishedAt: Clock.current.now(), fileName: name, format: imported.info.format,
                    datasetSlug: imported.info.slug, succeeded: true, rowCount: imported.recordCount,
                    message: "ingelezen: \(imported.recordCount) rijen, \(imported.cellCount) waarden"))
            return Result(
                dataset: dataset, unknownColumns: imported.unknownColumns, warnings: imported.warnings,
                layers: imported.layers, records: imported.recordCount)
        } catch {
            try? await ImportRunStore(store: store).record(
                ImportRun(
                    startedAt: started, finishedAt: Clock.current.now(), fileName: name,
                    format: options.format?.rawValue,
                    datasetSlug: options.slug, succeeded: false, rowCount: 0, message: "\(error)"))
            throw error
        }
    }

    /// A later version of the same year's Wijk- en Buurtkaart replaces the earlier one (same dataset name); an
    /// earlier version never silently replaces a later one.
    private func refuseOlderEdition(of imported: ImportedDataset, file: String) async throws {
        func edition(_ tableID: String) -> Int? { tableID.firstMatch(of: /-v([0-9]+)$/).flatMap { Int($0.1) } }
        guard let new = edition(imported.info.tableID),
            let stored = try await DatasetStore(store: store).find(slug: imported.info.slug),
            stored.info.tableID.hasPrefix("wijkenbuurten-"), let old = edition(stored.info.tableID), old > new
        else { return }
        throw ImportError(
            file: file,
            "dit is versie \(new) van de \(imported.info.title.replacingOccurrences(of: " (versie \(new))", with: "")); versie \(old) is al ingelezen en is nieuwer. Lees versie \(new) in onder een andere naam (--slug) als u beide wilt bewaren"
        )
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
