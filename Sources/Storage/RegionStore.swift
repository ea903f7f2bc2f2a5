import Core
import Foundation
import SQLKit

/// Regions and the observations stored for them.
public struct RegionStore: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Inserts regions; a name from the source replaces a stored one, an empty name never does.
    static func upsert(_ regions: [Region], on sql: any SQLDatabase) async throws {
        for batch in regions.chunked(150) {
            for named in [true, false] {
                let part = batch.filter { !$0.name.isEmpty == named }
                guard !part.isEmpty else { continue }
                let insert = sql.insert(into: "regions")
                    .columns("code", "indeling_year", "level", "name", "municipality_code", "district_code")
                for region in part {
                    insert.values(
                        SQLBind(region.code.rawValue), SQLBind(region.indelingYear), SQLBind(region.level.rawValue),
                        SQLBind(region.name), SQLBind(region.municipalityCode.rawValue),
                        SQLBind(region.districtCode?.rawValue))
                }
                if named {
                    insert.onConflict(with: ["code", "indeling_year"]) { $0.set(excludedValueOf: "name") }
                } else {
                    insert.ignoringConflicts(with: ["code", "indeling_year"])
                }
                try await insert.run()
            }
        }
    }

    static func deleteUnreferenced(on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            DELETE FROM regions WHERE NOT EXISTS (SELECT 1 FROM observation_rows o
                WHERE o.region_code = regions.code AND o.indeling_year = regions.indeling_year)
              AND NOT EXISTS (SELECT 1 FROM geometries g
                WHERE g.region_code = regions.code AND g.indeling_year = regions.indeling_year)
            """
        ).run()
    }

    /// Every indeling a code occurs in, newest first. StatLine does not name wijken and buurten, so a region left
    /// unnamed in one indeling takes its name from the nearest other indeling of the same code, else its code.
    public func regions(code: RegionCode) async throws -> [Region] {
        let rows = try await store.sql.select().column("*").from("regions").where("code", .equal, code.rawValue)
            .orderBy("indeling_year", .descending).all()
        var regions = try rows.map(Self.region)
        let named = regions.filter { $0.name != code.rawValue }
        for index in regions.indices where regions[index].name == code.rawValue {
            let year = regions[index].indelingYear
            if let nearest = named.min(by: { abs($0.indelingYear - year) < abs($1.indelingYear - year) }) {
                regions[index].name = nearest.name
            }
        }
        return regions
    }

    /// Regions whose name or code matches, insensitive to case and accents (the same search as the web app),
    /// each with its newest non-empty name.
    public func search(name: String, limit: Int = 20) async throws -> [(code: RegionCode, name: String)] {
        let rows = try await store.sql.select().column("code").column("name").from("regions")
            .where("name", .notEqual, "").orderBy("indeling_year").all()
        var names: [RegionCode: String] = [:]
        for row in rows {
            if let code = RegionCode(try row.decode(column: "code", as: String.self)) {
                names[code] = try row.decode(column: "name")
            }
        }
        return RegionNameIndex(names: names).search(name, limit: limit)
    }

    public func count(level: RegionLevel? = nil) async throws -> Int {
        var query = store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("regions")
        if let level { query = query.where("level", .equal, level.rawValue) }
        return try await query.first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// All stored figures of a region over all datasets and periods, each with its dataset.
    public func observations(code: RegionCode) async throws -> [Observation] {
        let rows = try await store.sql.select()
            .column(SQLColumn("cells", table: "o")).column(SQLColumn("period", table: "o"))
            .column(SQLColumn("id", table: "d")).column(SQLColumn("slug", table: "d"))
            .column(SQLColumn("indicators", table: "d"))
            .from(SQLAlias(SQLIdentifier("observation_rows"), as: SQLIdentifier("o")))
            .join(
                SQLAlias(SQLIdentifier("datasets"), as: SQLIdentifier("d")), on: SQLColumn("dataset_id", table: "o"),
                .equal, SQLColumn("id", table: "d")
            )
            .where(SQLColumn("region_code", table: "o"), .equal, SQLBind(code.rawValue))
            .orderBy(SQLColumn("slug", table: "d")).orderBy(SQLColumn("period", table: "o"))
            .all()
        var result: [Observation] = []
        for row in rows {
            let slug: String = try row.decode(column: "slug")
            let indicators = (try row.decode(column: "indicators", as: String.self)).split(separator: ",").map(
                String.init)
            guard let cells = Cell.unpack(try row.decode(column: "cells")), cells.count == indicators.count else {
                throw StorageError.damagedRow(dataset: slug, region: code.rawValue)
            }
            let id: Int = try row.decode(column: "id")
            let period: Int = try row.decode(column: "period")
            for (indicator, cell) in zip(indicators, cells) {
                result.append(
                    Observation(
                        region: code, period: period, indicator: indicator, cell: cell, datasetSlug: slug, datasetID: id
                    ))
            }
        }
        return result
    }

    static func region(_ row: any SQLRow) throws -> Region {
        let text: String = try row.decode(column: "code")
        guard let code = RegionCode(text) else { throw StorageError.damagedRow(dataset: "regions", region: text) }
        let name: String = try row.decode(column: "name")
        return Region(
            code: code, name: name.isEmpty ? code.rawValue : name, indelingYear: try row.decode(column: "indeling_year")
        )
    }
}
