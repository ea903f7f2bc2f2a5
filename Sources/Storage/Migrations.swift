import FluentKit
import SQLKit

/// Numbered, additive migrations. Their names are recorded in `_fluent_migrations`; never rename or edit one
/// that has shipped — add the next number instead.
extension Migrations {
    static let all: [any Migration] = [
        M001CreateRegions(), M002CreateDatasets(), M003CreateObservationRows(), M004CreateIndicators(),
        M005CreateImportRuns(), M006CreateGeometries(), M007CreateProvinces(), M008CreateFocusAreas(),
        M009CreateProgramme(), M010CreateAccounts(), M011CreateKnowledge(),
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

/// The kennisprogramma: programmes, cities and wijken, organisations, participants, themes and ballots, meetings
/// and registrations.
struct M009CreateProgramme: SQLMigration {
    var name: String { "M009_CreateProgramme" }
    var tables: [String] {
        ["programmes", "programme_cities", "organisations", "participants", "themes", "ballots", "theme_decisions",
         "meetings", "registrations"]
    }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "programmes")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("slug", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("organiser", type: .text, .notNull)
            .column("starts_on", type: .text, .notNull)
            .column("ends_on", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("source", type: .text, .notNull)
            .column("planned_cities", type: .int)
            .run()
        try await sql.create(table: "programme_cities")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("programme_id", type: .bigint, .notNull, .references("programmes", "id"))
            .column("municipality_code", type: .text, .notNull)
            .column("city_name", type: .text, .notNull)
            .column("wijk_name", type: .text, .notNull)
            .column("focus_area_slug", type: .text)
            .column("build_from", type: .int)
            .column("build_to", type: .int)
            .column("inhabitants", type: .int)
            .column("location_kind", type: .text, .notNull)
            // JSON list of {field, value, source}: the described facts, each with where it comes from.
            .column("descriptors", type: .text, .notNull)
            .column("source", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .unique("programme_id", "municipality_code")
            .run()
        try await sql.create(table: "organisations")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("name", type: .text, .notNull, .unique)
            .run()
        try await sql.create(table: "participants")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("programme_id", type: .bigint, .notNull, .references("programmes", "id"))
            .column("city_id", type: .bigint, .notNull, .references("programme_cities", "id"))
            .column("organisation_id", type: .bigint, .notNull, .references("organisations", "id"))
            .column("name", type: .text, .notNull)
            .column("email", type: .text, .notNull)
            .column("discipline", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("involved", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("version", type: .int, .notNull)
            .unique("programme_id", "email")
            .run()
        try await sql.create(table: "themes")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("programme_id", type: .bigint, .notNull, .references("programmes", "id"))
            .column("title", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .unique("programme_id", "title")
            .run()
        try await sql.create(table: "ballots")
            .column("programme_id", type: .bigint, .notNull, .references("programmes", "id"))
            .column("city_id", type: .bigint, .notNull, .references("programme_cities", "id"))
            .column("ranking", type: .text, .notNull)   // theme ids, best first, comma-separated
            .column("submitted_by", type: .text, .notNull)
            .column("submitted_at", type: .bigint, .notNull)
            .primaryKey(["programme_id", "city_id"])
            .run()
        try await sql.create(table: "theme_decisions")
            .column("programme_id", type: .bigint, .primaryKey(autoIncrement: false), .references("programmes", "id"))
            .column("theme_ids", type: .text, .notNull)
            .column("follows_tally", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("reason", type: .text, .notNull)
            .column("decided_by", type: .text, .notNull)
            .column("decided_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "meetings")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("programme_id", type: .bigint, .notNull, .references("programmes", "id"))
            .column("number", type: .int, .notNull)
            .column("theme_id", type: .bigint, .references("themes", "id"))
            .column("title", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("start_time", type: .text, .notNull)
            .column("end_time", type: .text, .notNull)
            .column("host_city_id", type: .bigint, .references("programme_cities", "id"))
            .column("venue", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("expert", type: .text, .notNull)
            .column("kickoff_title", type: .text, .notNull)
            .column("project_visit", type: .text, .notNull)
            .column("work_forms", type: .text, .notNull)
            .column("capacity", type: .int)
            .column("agenda", type: .text, .notNull)          // JSON
            .column("presentations", type: .text, .notNull)   // JSON
            .column("published", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("version", type: .int, .notNull)
            // Bumped first in every registration transaction: the row lock it takes makes concurrent registrations
            // for one meeting wait for each other, on SQLite and PostgreSQL alike.
            .column("registration_turn", type: .bigint, .notNull)
            // When the reminder went out (by staff or `wijkradar programma herinneringen`), so it goes out once.
            .column("reminded_at", type: .bigint)
            .column("minutes", type: .text, .notNull, .default(""))
            .unique("programme_id", "number")
            .run()
        try await sql.create(table: "registrations")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("meeting_id", type: .bigint, .notNull, .references("meetings", "id"))
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("status", type: .text, .notNull)
            .column("attended", type: .custom(SQLRaw("BOOLEAN")))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .unique("meeting_id", "participant_id")
            .run()
    }
}

/// Accounts, database sessions (shared by every instance), invitations, login throttling and the audit log.
struct M010CreateAccounts: SQLMigration {
    var name: String { "M010_CreateAccounts" }
    var tables: [String] { ["users", "sessions", "invitations", "login_failures", "audit_log"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "users")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("email", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("city_id", type: .bigint, .references("programme_cities", "id"))
            .column("participant_id", type: .bigint, .references("participants", "id"))
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "sessions")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .bigint, .references("users", "id"))
            .column("csrf", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "invitations")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("email", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("city_id", type: .bigint, .references("programme_cities", "id"))
            .column("participant_id", type: .bigint, .references("participants", "id"))
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .column("used_at", type: .bigint)
            .run()
        try await sql.create(table: "login_failures")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("email", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "login_failures_email").on("login_failures").column("email").run()
        try await sql.create(table: "audit_log")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("at", type: .bigint, .notNull)
            .column("actor", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("detail", type: .text, .notNull)
            .run()
    }
}

/// Knowledge records (interventions, opgaven, research) with their full history, facets and a full-text index:
/// FTS5 on SQLite (terms stemmed by Wijkradar), a weighted `tsvector` with the `dutch` configuration on PostgreSQL.
struct M011CreateKnowledge: SQLMigration {
    var name: String { "M011_CreateKnowledge" }
    var tables: [String] { ["knowledge_attachments", "knowledge_support", "knowledge_facets", "knowledge_history", "knowledge_fts", "knowledge_records"] }
    func prepare(sql: any SQLDatabase) async throws {
        try await sql.create(table: "knowledge_records")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("payload", type: .text, .notNull)
            .column("city_id", type: .bigint)
            .column("region_code", type: .text)
            .column("start_year", type: .int)
            .column("version", type: .int, .notNull)
            .column("deleted", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("updated_by", type: .text, .notNull)
            .run()
        try await sql.create(table: "knowledge_history")
            .column("record_id", type: .bigint, .notNull, .references("knowledge_records", "id"))
            .column("version", type: .int, .notNull)
            .column("at", type: .bigint, .notNull)
            .column("actor", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("payload", type: .text, .notNull)
            .primaryKey(["record_id", "version"])
            .run()
        try await sql.create(table: "knowledge_facets")
            .column("record_id", type: .bigint, .notNull, .references("knowledge_records", "id"))
            .column("facet", type: .text, .notNull)
            .column("value", type: .text, .notNull)
            .primaryKey(["record_id", "facet", "value"])
            .run()
        try await sql.create(index: "knowledge_facets_value").on("knowledge_facets").column("facet").column("value").run()
        // Files attached to records, in the database so every instance serves them; checked before they get here.
        try await sql.create(table: "knowledge_attachments")
            .column("id", type: .bigint, sql.neverReusedID)
            .column("record_id", type: .bigint, .notNull, .references("knowledge_records", "id"))
            .column("file_name", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("content", type: .blob, .notNull)
            .column("uploaded_by", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .run()
        // Participants' support for an opgave: one per account.
        try await sql.create(table: "knowledge_support")
            .column("record_id", type: .bigint, .notNull, .references("knowledge_records", "id"))
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("at", type: .bigint, .notNull)
            .primaryKey(["record_id", "user_id"])
            .run()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE VIRTUAL TABLE knowledge_fts USING fts5(title, body, tokenize = 'unicode61')").run()
        } else {
            try await sql.raw("ALTER TABLE knowledge_records ADD COLUMN search tsvector").run()
            try await sql.raw("CREATE INDEX knowledge_records_search ON knowledge_records USING GIN (search)").run()
        }
    }
}
