import Core
import Foundation
import SQLKit

/// Stored crosswalks. Saving one replaces the crosswalk of the same level, years and origin in one transaction.
public struct CrosswalkStore: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public struct Stored: Sendable {
        public var id: Int
        public var crosswalk: Crosswalk
        public var statement: String
        public var derived: Bool
        public var createdAt: Date
    }

    /// Stores crosswalks, each with what to show with it, in one transaction: a file's crosswalks are there whole.
    public func save(_ crosswalks: [(Crosswalk, statement: String)], derived: Bool, now: Date = Clock.current.now())
        async throws
    {
        try await store.transaction { sql in
            for (crosswalk, statement) in crosswalks {
                try await Self.save(crosswalk, statement: statement, derived: derived, now: now, on: sql)
            }
        }
    }

    @discardableResult
    public func save(_ crosswalk: Crosswalk, statement: String, derived: Bool, now: Date = Clock.current.now())
        async throws -> Int
    {
        try await store.transaction { sql in
            try await Self.save(crosswalk, statement: statement, derived: derived, now: now, on: sql)
        }
    }

    static func save(_ crosswalk: Crosswalk, statement: String, derived: Bool, now: Date, on sql: any SQLDatabase)
        async throws -> Int
    {
        let old = try await sql.select().column("id").from("crosswalks")
            .where("level", .equal, crosswalk.level.rawValue).where("from_year", .equal, crosswalk.fromYear)
            .where("to_year", .equal, crosswalk.toYear).where("origin", .equal, crosswalk.origin)
            .all(decodingColumn: "id", as: Int.self)
        for id in old {
            try await sql.delete(from: "crosswalk_links").where("crosswalk_id", .equal, id).run()
            try await sql.delete(from: "crosswalks").where("id", .equal, id).run()
        }
        let id = try await sql.insert(into: "crosswalks")
            .columns("level", "from_year", "to_year", "origin", "statement", "derived", "created_at")
            .values(
                SQLBind(crosswalk.level.rawValue), SQLBind(crosswalk.fromYear), SQLBind(crosswalk.toYear),
                SQLBind(crosswalk.origin), SQLBind(statement), SQLBind(derived ? 1 : 0),
                SQLBind(Int(now.timeIntervalSince1970))
            )
            .returning("id").first(decodingColumn: "id", as: Int.self)!
        for batch in crosswalk.links.chunked(200) {
            let insert = sql.insert(into: "crosswalk_links")
                .columns("crosswalk_id", "from_code", "to_code", "share", "basis")
            for link in batch {
                insert.values(
                    SQLBind(id), SQLBind(link.from.rawValue), SQLBind(link.to.rawValue), SQLBind(link.share),
                    SQLBind(link.basis.rawValue))
            }
            try await insert.run()
        }
        return id
    }

    /// The stored crosswalks without their links, for the staff page.
    public func summaries() async throws -> [Stored] {
        try await stored(links: [:])
    }

    /// Every stored crosswalk: imported ones before derived ones (addresses describe where people live better than
    /// area), then the newest first.
    public func all() async throws -> [Stored] {
        var links: [Int: [Crosswalk.Link]] = [:]
        for row in try await store.sql.select().columns("*").from("crosswalk_links").all() {
            guard let from = RegionCode(try row.decode(column: "from_code", as: String.self)),
                let to = RegionCode(try row.decode(column: "to_code", as: String.self)),
                let basis = Crosswalk.Basis(rawValue: try row.decode(column: "basis", as: String.self))
            else { continue }
            links[try row.decode(column: "crosswalk_id", as: Int.self), default: []].append(
                Crosswalk.Link(from: from, to: to, share: try row.decode(column: "share"), basis: basis))
        }
        return try await stored(links: links)
    }

    func stored(links: [Int: [Crosswalk.Link]]) async throws -> [Stored] {
        let rows = try await store.sql.select().columns("*").from("crosswalks").all()
        var result: [Stored] = []
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            guard let level = RegionLevel(rawValue: try row.decode(column: "level", as: String.self)) else { continue }
            result.append(
                Stored(
                    id: id,
                    crosswalk: Crosswalk(
                        level: level, fromYear: try row.decode(column: "from_year"),
                        toYear: try row.decode(column: "to_year"), origin: try row.decode(column: "origin"),
                        links: links[id] ?? []),
                    statement: try row.decode(column: "statement"),
                    derived: try row.decode(column: "derived", as: Int.self) != 0,
                    createdAt: Date(timeIntervalSince1970: Double(try row.decode(column: "created_at", as: Int.self)))))
        }
        return result.sorted { ($0.derived ? 1 : 0, -$0.id) < ($1.derived ? 1 : 0, -$1.id) }
    }

    /// The indeling years for which outlines of a level are stored.
    public func outlineIndelingen(level: RegionLevel) async throws -> [Int] {
        try await store.sql.select().distinct().column("indeling_year").from("geometries")
            .where("region_code", .like, level.prefix + "%").orderBy("indeling_year")
            .all(decodingColumn: "indeling_year", as: Int.self)
    }

    /// The outlines of one level in one indeling (GeoJSON geometry); the newest dataset's where two hold a region.
    public func outlines(level: RegionLevel, indeling: Int) async throws -> [RegionCode: String] {
        let rows = try await store.sql.select().column("region_code").column("geojson").from("geometries")
            .where("region_code", .like, level.prefix + "%").where("indeling_year", .equal, indeling)
            .orderBy("dataset_id").all()
        var result: [RegionCode: String] = [:]
        for row in rows {
            if let code = RegionCode(try row.decode(column: "region_code", as: String.self)) {
                result[code] = try row.decode(column: "geojson")
            }
        }
        return result
    }
}
