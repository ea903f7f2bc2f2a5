import Foundation
import SQLKit

/// One attempt to import a file, kept also when it failed, so that an operator can see what happened.
public struct ImportRun: Sendable, Equatable {
    public var startedAt: Date
    public var finishedAt: Date
    public var fileName: String
    public var format: String?
    public var datasetSlug: String?
    public var succeeded: Bool
    public var rowCount: Int
    public var message: String

    public init(
        startedAt: Date, finishedAt: Date, fileName: String, format: String?, datasetSlug: String?,
        succeeded: Bool, rowCount: Int, message: String
    ) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.fileName = fileName
        self.format = format
        self.datasetSlug = datasetSlug
        self.succeeded = succeeded
        self.rowCount = rowCount
        self.message = message
    }
}

public struct ImportRunStore: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Written outside the import's own transaction: a failed import is rolled back, its record is not.
    public func record(_ run: ImportRun) async throws {
        try await store.sql.insert(into: "import_runs")
            .columns(
                "started_at", "finished_at", "file_name", "format", "dataset_slug", "succeeded", "row_count", "message"
            )
            .values(
                SQLBind(Int(run.startedAt.timeIntervalSince1970)), SQLBind(Int(run.finishedAt.timeIntervalSince1970)),
                SQLBind(run.fileName), SQLBind(run.format), SQLBind(run.datasetSlug), SQLBind(run.succeeded ? 1 : 0),
                SQLBind(run.rowCount), SQLBind(run.message)
            )
            .run()
    }

    /// Import runs by outcome with their summed duration (whole seconds, as recorded), for `/metrics`: read from the
    /// table, so imports by the command-line tool and by every instance count.
    public func totals() async throws -> [(succeeded: Bool, runs: Int, seconds: Int)] {
        try await store.sql.raw(
            "SELECT succeeded, COUNT(*) AS runs, SUM(finished_at - started_at) AS seconds FROM import_runs GROUP BY succeeded"
        ).all().map {
            (
                try $0.decode(column: "succeeded", as: Int.self) == 1, try $0.decode(column: "runs", as: Int.self),
                try $0.decode(column: "seconds", as: Int?.self) ?? 0
            )
        }
    }

    public func recent(limit: Int = 20) async throws -> [ImportRun] {
        try await store.sql.select().column("*").from("import_runs").orderBy("id", .descending).limit(limit).all().map {
            row in
            ImportRun(
                startedAt: Date(
                    timeIntervalSince1970: TimeInterval(try row.decode(column: "started_at", as: Int.self))),
                finishedAt: Date(
                    timeIntervalSince1970: TimeInterval(try row.decode(column: "finished_at", as: Int.self))),
                fileName: try row.decode(column: "file_name"), format: try row.decode(column: "format"),
                datasetSlug: try row.decode(column: "dataset_slug"),
                succeeded: try row.decode(column: "succeeded", as: Int.self) == 1,
                rowCount: try row.decode(column: "row_count"), message: try row.decode(column: "message"))
        }
    }
}
