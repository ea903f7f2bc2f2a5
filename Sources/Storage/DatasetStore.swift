import Core
import DataImport
import Foundation
import SQLKit

/// Stores and reads datasets. Saving is one transaction: a dataset is there whole, or not at all.
public struct DatasetStore: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Stores an imported dataset, replacing one with the same slug atomically.
    ///
    /// - Parameter failAfterRows: test hook — throws after writing that many observation rows, inside the
    ///   transaction, to prove that an interrupted import leaves the database as it was.
    @discardableResult
    public func save(_ dataset: ImportedDataset, now: Date = Clock.current.now(), failAfterRows: Int? = nil)
        async throws -> Dataset
    {
        try await store.transaction { sql in
            try await Self.delete(slug: dataset.info.slug, on: sql)
            let info = dataset.info
            let id = try await sql.insert(into: "datasets")
                .columns(
                    "slug", "source", "table_id", "title", "year", "indeling_year", "licence", "attribution", "format",
                    "file_name", "sha256", "imported_at", "indicators", "row_count", "cell_count", "secret_count",
                    "unknown_columns"
                )
                .values(
                    SQLBind(info.slug), SQLBind(info.source), SQLBind(info.tableID), SQLBind(info.title),
                    SQLBind(info.year),
                    SQLBind(dataset.indelingYear), SQLBind(info.licence), SQLBind(info.attribution),
                    SQLBind(info.format),
                    SQLBind(dataset.fileName), SQLBind(dataset.sha256), SQLBind(Int(now.timeIntervalSince1970)),
                    SQLBind(dataset.indicators.joined(separator: ",")), SQLBind(dataset.recordCount),
                    SQLBind(dataset.cellCount), SQLBind(dataset.secretCount),
                    SQLBind(dataset.unknownColumns.joined(separator: "\n"))
                )
                .returning("id")
                .first(decodingColumn: "id", as: Int.self)!
            try await RegionStore.upsert(dataset.regions, on: sql)

            var written = 0
            // 500 rows of 5 values: 2,500 parameters, within SQLite's and PostgreSQL's limits; fewer statements to
            // prepare than with small batches.
            for batch in dataset.rows.chunked(500) {
                let insert = sql.insert(into: "observation_rows")
                    .columns("dataset_id", "region_code", "indeling_year", "period", "cells")
                for row in batch {
                    insert.values(
                        SQLBind(id), SQLBind(row.region.rawValue), SQLBind(dataset.indelingYear),
                        SQLBind(row.period), SQLBind(Cell.pack(row.cells)))
                }
                try await insert.run()
                written += batch.count
                if let failAfterRows, written >= failAfterRows {
                    throw StorageError.injectedFailure(afterRows: written)
                }
            }
            for batch in dataset.provinces.sorted(by: { $0.key < $1.key }).chunked(200) {
                let insert = sql.insert(into: "provinces").columns("municipality_code", "province", "dataset_id")
                for (code, province) in batch { insert.values(SQLBind(code.rawValue), SQLBind(province), SQLBind(id)) }
                try await insert.onConflict(with: ["municipality_code"]) {
                    $0.set(excludedValueOf: "province").set(excludedValueOf: "dataset_id")
                }.run()
            }
            for batch in dataset.geometries.chunked(100) {
                let insert = sql.insert(into: "geometries").columns(
                    "dataset_id", "region_code", "indeling_year", "geojson")
                for item in batch {
                    insert.values(
                        SQLBind(id), SQLBind(item.region.rawValue), SQLBind(dataset.indelingYear), SQLBind(item.geojson)
                    )
                }
                try await insert.run()
            }
            return Dataset(
                id: id, info: info, fileName: dataset.fileName, sha256: dataset.sha256, importedAt: now,
                indicators: dataset.indicators, rowCount: dataset.recordCount, cellCount: dataset.cellCount,
                secretCount: dataset.secretCount)
        }
    }

    /// Removes a dataset, its observations and geometry, and regions no dataset refers to any more.
    public func remove(slug: String) async throws {
        try await store.transaction { sql in
            guard try await Self.delete(slug: slug, on: sql) else { throw StorageError.datasetNotFound(slug) }
        }
    }

    @discardableResult
    private static func delete(slug: String, on sql: any SQLDatabase) async throws -> Bool {
        guard
            let id = try await sql.select().column("id").from("datasets").where("slug", .equal, slug)
                .first(decodingColumn: "id", as: Int.self)
        else { return false }
        try await sql.delete(from: "observation_rows").where("dataset_id", .equal, id).run()
        try await sql.delete(from: "geometries").where("dataset_id", .equal, id).run()
        try await sql.delete(from: "provinces").where("dataset_id", .equal, id).run()
        try await sql.delete(from: "datasets").where("id", .equal, id).run()
        try await RegionStore.deleteUnreferenced(on: sql)
        return true
    }

    public func all() async throws -> [Dataset] {
        try await store.sql.select().column("*").from("datasets").orderBy("slug").all().map(Self.dataset)
    }

    public func find(slug: String) async throws -> Dataset? {
        try await store.sql.select().column("*").from("datasets").where("slug", .equal, slug).first().map(Self.dataset)
    }

    /// Columns of the stored file that matched no indicator.
    public func unknownColumns(slug: String) async throws -> [String] {
        let text = try await store.sql.select().column("unknown_columns").from("datasets").where("slug", .equal, slug)
            .first(decodingColumn: "unknown_columns", as: String.self)
        return text.map { $0.split(separator: "\n").map(String.init) } ?? []
    }

    public var isEmpty: Bool {
        get async throws {
            try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("datasets")
                .first(decodingColumn: "n", as: Int.self) == 0
        }
    }

    static func dataset(_ row: any SQLRow) throws -> Dataset {
        let info = DatasetInfo(
            slug: try row.decode(column: "slug"), source: try row.decode(column: "source"),
            tableID: try row.decode(column: "table_id"), title: try row.decode(column: "title"),
            year: try row.decode(column: "year"), licence: try row.decode(column: "licence"),
            attribution: try row.decode(column: "attribution"), format: try row.decode(column: "format"))
        let indicators: String = try row.decode(column: "indicators")
        return Dataset(
            id: try row.decode(column: "id"), info: info, fileName: try row.decode(column: "file_name"),
            sha256: try row.decode(column: "sha256"),
            importedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "imported_at", as: Int.self))),
            indicators: indicators.split(separator: ",").map(String.init),
            rowCount: try row.decode(column: "row_count"), cellCount: try row.decode(column: "cell_count"),
            secretCount: try row.decode(column: "secret_count"))
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
