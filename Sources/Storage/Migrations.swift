import FluentKit
import SQLKit

/// Numbered, additive migrations. Their names are recorded in `_fluent_migrations`; never rename or edit one
/// that has shipped — add the next number instead.
extension Migrations {
    static let all: [any Migration] = [
        M001CreateRegions(), M002CreateDatasets(), M003CreateObservationRows(), M004CreateIndicators(),
        M005CreateImportRuns(), M006CreateGeometries(), M007CreateProvinces(), M008CreateFocusAreas(),
        M009CreateProgramme(), M010CreateAccounts(), M011CreateKnowledge(), M012CreatePublications(), M013Security(),
        M014KnowledgeRegions(), M015CreateCrosswalks(), M016CreateMemberships(), M017CreateParticipantBallots(),
        M018CreateOpgaveComments(), M019CreateContentVersion(),
    ]
}

/// Shared shape: a migration that only creates tables and indexes through SQLKit.
protocol SQLMigration: AsyncMigration {
    func prepare(sql: any SQLDatabase) async throws
    var tables: [String] { get }
}

extension SQLMigration {
    func prepare(on database: any Database) async throws { try await prepare(sql: database as! any SQLDatabase) }
    func revert(on database: any Database) async throws {
        for table in tables.reversed() { try await (database as! any SQLDatabase).drop(table: table).ifExists().run() }
    }
}

extension SQLDatabase {
    /// An id that is never handed out twice, also after deletes. SQLite reuses the highest rowid unless told
    /// AUTOINCREMENT, which SQLKit does not emit; references to a removed dataset must never point at a new one.
    var neverReusedID: SQLColumnConstraintAlgorithm {
        dialect.name == "sqlite" ? .custom(SQLRaw("PRIMARY KEY AUTOINCREMENT")) : .primaryKey(autoIncrement: true)
    }
}

struct M001CreateRegions: SQLMigration {
    var name: String { "M001_CreateRegions" }
    var tables: [String] { ["regions"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "regions")
            .column("code", type: .text, .notNull)
            .column("indeling_year", type: .int, .notNull)
            .column("level", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("municipality_code", type: .text, .notNull)
            .column("district_code", type: .text)
            .primaryKey(["code", "indeling_year"])
            .run()
        try await sql.create(index: "regions_name").on("regions").column("name").run()
        try await sql.create(index: "regions_municipality").on("regions").column("municipality_code").run()
    }
}

struct M002CreateDatasets: SQLMigration {
    var name: String { "M002_CreateDatasets" }
    var tables: [String] { ["datasets"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "datasets")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("slug", type: .text, .notNull, .unique)
            .column("source", type: .text, .notNull)
            .column("table_id", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("year", type: .int, .notNull)
            .column("indeling_year", type: .int, .notNull)
            .column("licence", type: .text, .notNull)
            .column("attribution", type: .text, .notNull)
            .column("format", type: .text, .notNull)
            .column("file_name", type: .text, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("imported_at", type: .bigint, .notNull)
            .column("indicators", type: .text, .notNull)
            .column("row_count", type: .int, .notNull)
            .column("cell_count", type: .int, .notNull)
            .column("secret_count", type: .int, .notNull)
            .column("unknown_columns", type: .text, .notNull)
            .run()
    }
}

/// Observations are stored packed: one row per dataset × region × period, the cells in the dataset's indicator
/// order (see `Cell.pack`). A national kwb file is ~2 million cells; one SQL row per cell would make an import
/// take seconds to minutes, while the analysis reads whole columns anyway.
struct M003CreateObservationRows: SQLMigration {
    var name: String { "M003_CreateObservationRows" }
    var tables: [String] { ["observation_rows"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "observation_rows")
            .column("dataset_id", type: .bigint, .notNull, .references("datasets", "id"))
            .column("region_code", type: .text, .notNull)
            .column("indeling_year", type: .int, .notNull)
            .column("period", type: .int, .notNull)
            .column("cells", type: .text, .notNull)
            .primaryKey(["dataset_id", "region_code", "period"])
            .run()
        try await sql.create(index: "observation_rows_region").on("observation_rows").column("region_code").run()
    }
}

struct M004CreateIndicators: SQLMigration {
    var name: String { "M004_CreateIndicators" }
    var tables: [String] { ["indicators"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "indicators")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("position", type: .int, .notNull)
            .column("label", type: .text, .notNull)
            .column("unit", type: .text, .notNull)
            .column("domain", type: .text, .notNull)
            .column("direction", type: .text, .notNull)
            .column("aggregation", type: .text, .notNull)
            .column("decimals", type: .int, .notNull)
            .column("stigmatising", type: .int, .notNull)
            .column("names", type: .text, .notNull)
            .run()
    }
}

struct M005CreateImportRuns: SQLMigration {
    var name: String { "M005_CreateImportRuns" }
    var tables: [String] { ["import_runs"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "import_runs")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("started_at", type: .bigint, .notNull)
            .column("finished_at", type: .bigint, .notNull)
            .column("file_name", type: .text, .notNull)
            .column("format", type: .text)
            .column("dataset_slug", type: .text)
            .column("succeeded", type: .int, .notNull)
            .column("row_count", type: .int, .notNull)
            .column("message", type: .text, .notNull)
            .run()
    }
}

struct M006CreateGeometries: SQLMigration {
    var name: String { "M006_CreateGeometries" }
    var tables: [String] { ["geometries"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "geometries")
            .column("dataset_id", type: .bigint, .notNull, .references("datasets", "id"))
            .column("region_code", type: .text, .notNull)
            .column("indeling_year", type: .int, .notNull)
            .column("geojson", type: .text, .notNull)
            .primaryKey(["dataset_id", "region_code"])
            .run()
    }
}

struct M007CreateProvinces: SQLMigration {
    var name: String { "M007_CreateProvinces" }
    var tables: [String] { ["provinces"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "provinces")
            .column("municipality_code", type: .text, .primaryKey(autoIncrement: false))
            .column("province", type: .text, .notNull)
            .column("dataset_id", type: .bigint, .notNull, .references("datasets", "id"))
            .run()
    }
}

struct M008CreateFocusAreas: SQLMigration {
    var name: String { "M008_CreateFocusAreas" }
    var tables: [String] { ["focus_areas", "focus_area_members"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "focus_areas")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("slug", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "focus_area_members")
            .column("focus_area_id", type: .bigint, .notNull, .references("focus_areas", "id"))
            .column("region_code", type: .text, .notNull)
            .primaryKey(["focus_area_id", "region_code"])
            .run()
    }
}
