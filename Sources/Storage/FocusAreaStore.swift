import Core
import Foundation
import SQLKit

/// Focus areas and their members. Edits carry the version they were based on; a stale edit is refused.
public struct FocusAreaStore: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public func create(_ area: FocusArea) async throws -> FocusArea {
        try validate(area)
        try await checkRegionsExist(area.members)
        return try await store.transaction { sql in
            if try await Self.id(of: area.slug, on: sql) != nil { throw FocusAreaError.exists(area.slug) }
            let id = try await sql.insert(into: "focus_areas").columns("slug", "name", "note", "version", "updated_at")
                .values(SQLBind(area.slug), SQLBind(area.name), SQLBind(area.note), SQLBind(1), SQLBind(now()))
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            try await Self.insertMembers(area.members, id: id, on: sql)
            var created = area
            created.version = 1
            return created
        }
    }

    /// Saves an edited area whose `version` is the one it was read at; returns it with the new version.
    public func update(_ area: FocusArea) async throws -> FocusArea {
        try validate(area)
        try await checkRegionsExist(area.members)
        return try await store.transaction { sql in
            guard let id = try await Self.id(of: area.slug, on: sql) else { throw FocusAreaError.notFound(area.slug) }
            // The version check and the write are one statement, so two editors cannot both pass the check.
            let updated = try await sql.update("focus_areas")
                .set("name", to: SQLBind(area.name)).set("note", to: SQLBind(area.note))
                .set("version", to: SQLBind(area.version + 1)).set("updated_at", to: SQLBind(now()))
                .where("id", .equal, id).where("version", .equal, area.version)
                .returning("version").all()
            guard !updated.isEmpty else {
                let actual =
                    try await sql.select().column("version").from("focus_areas").where("id", .equal, id)
                    .first(decodingColumn: "version", as: Int.self) ?? 0
                throw FocusAreaError.conflict(slug: area.slug, expected: area.version, actual: actual)
            }
            try await sql.delete(from: "focus_area_members").where("focus_area_id", .equal, id).run()
            try await Self.insertMembers(area.members, id: id, on: sql)
            var saved = area
            saved.version += 1
            return saved
        }
    }

    public func find(slug: String) async throws -> FocusArea? { try await areas(slugs: [slug]).first }

    public func all() async throws -> [FocusArea] { try await areas(slugs: nil) }

    /// The areas with these slugs (all when nil), by slug, with their members: two queries however many areas.
    public func areas(slugs: [String]?) async throws -> [FocusArea] {
        if let slugs, slugs.isEmpty { return [] }
        let query = store.sql.select().column("*").from("focus_areas").orderBy("slug")
        if let slugs { query.where("slug", .in, slugs) }
        let rows = try await query.all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        guard !ids.isEmpty else { return [] }
        var members: [Int: [RegionCode]] = [:]
        for row in try await store.sql.select().column("focus_area_id").column("region_code").from("focus_area_members")
            .where("focus_area_id", .in, ids).orderBy("region_code").all()
        {
            if let code = RegionCode(try row.decode(column: "region_code", as: String.self)) {
                members[try row.decode(column: "focus_area_id", as: Int.self), default: []].append(code)
            }
        }
        return try rows.map { row in
            FocusArea(
                slug: try row.decode(column: "slug"), name: try row.decode(column: "name"),
                note: try row.decode(column: "note"),
                members: members[try row.decode(column: "id", as: Int.self)] ?? [],
                version: try row.decode(column: "version"))
        }
    }

    public func remove(slug: String) async throws {
        try await store.transaction { sql in
            guard let id = try await Self.id(of: slug, on: sql) else { throw FocusAreaError.notFound(slug) }
            try await sql.delete(from: "focus_area_members").where("focus_area_id", .equal, id).run()
            try await sql.delete(from: "focus_areas").where("id", .equal, id).run()
        }
    }

    private func validate(_ area: FocusArea) throws {
        guard !area.slug.isEmpty,
            area.slug.allSatisfy({ ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" })
        else {
            throw FocusAreaError.invalidSlug(area.slug)
        }
        guard !area.members.isEmpty else { throw FocusAreaError.noMembers }
        guard area.level != nil else { throw FocusAreaError.mixedLevels }
    }

    private func checkRegionsExist(_ codes: [RegionCode]) async throws {
        let rows = try await store.sql.select().distinct().column("code").from("regions")
            .where("code", .in, codes.map(\.rawValue)).all()
        let known = Set(try rows.map { try $0.decode(column: "code", as: String.self) })
        let unknown = codes.map(\.rawValue).filter { !known.contains($0) }
        if !unknown.isEmpty { throw FocusAreaError.unknownRegions(unknown) }
    }

    private static func id(of slug: String, on sql: any SQLDatabase) async throws -> Int? {
        try await sql.select().column("id").from("focus_areas").where("slug", .equal, slug).first(
            decodingColumn: "id", as: Int.self)
    }

    private static func insertMembers(_ members: [RegionCode], id: Int, on sql: any SQLDatabase) async throws {
        let insert = sql.insert(into: "focus_area_members").columns("focus_area_id", "region_code")
        for code in Set(members).sorted() { insert.values(SQLBind(id), SQLBind(code.rawValue)) }
        try await insert.run()
    }
}
