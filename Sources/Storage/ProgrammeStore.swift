import Core
import Foundation
import Programme
import SQLKit

/// Programmes and their cities. Every change is audited in its own transaction; city edits carry the version they
/// were read at and a stale one is refused.
public struct ProgrammeStore: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    // MARK: Programmes

    public func create(_ programme: ProgrammeInfo, actor: String) async throws -> ProgrammeInfo {
        try Self.validate(programme)
        return try await store.transaction { sql in try await Self.insert(programme, actor: actor, sql) }
    }

    /// A new round of an earlier programme (issue 16): its cities and wijken, its coordinators (each keeps the
    /// account they have, with a membership in the new round) and its themes as the new round's candidates, with
    /// the new name and dates. Participants, ballots and meetings stay with the earlier round. One transaction.
    public func copy(from sourceID: Int, as programme: ProgrammeInfo, actor: String) async throws -> ProgrammeInfo {
        try Self.validate(programme)
        return try await store.transaction { sql in
            let created = try await Self.insert(programme, actor: actor, sql)
            let now = Int(Date().timeIntervalSince1970)
            try await sql.raw(
                """
                INSERT INTO programme_cities (programme_id, municipality_code, city_name, wijk_name, focus_area_slug,
                    build_from, build_to, inhabitants, location_kind, descriptors, source, version)
                SELECT \(bind: created.id), municipality_code, city_name, wijk_name, focus_area_slug, build_from,
                    build_to, inhabitants, location_kind, descriptors, source, 1
                FROM programme_cities WHERE programme_id = \(bind: sourceID)
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO themes (programme_id, title, summary, position)
                SELECT \(bind: created.id), title, summary, position FROM themes WHERE programme_id = \(bind: sourceID)
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO memberships (user_id, programme_id, role, city_id, participant_id, created_at)
                SELECT m.user_id, \(bind: created.id), m.role, nc.id, NULL, \(bind: now)
                FROM memberships m
                JOIN programme_cities oc ON oc.id = m.city_id
                JOIN programme_cities nc ON nc.programme_id = \(bind: created.id)
                    AND nc.municipality_code = oc.municipality_code
                WHERE m.programme_id = \(bind: sourceID) AND m.role = \(bind: Role.coordinator.rawValue)
                """
            ).run()
            try await AuditLog.record(
                sql, actor: actor, action: "programma gekopieerd", subject: programme.name,
                detail: "van ‘\(try await AccountStore.programmeName(sourceID, sql))’")
            return created
        }
    }

    static func validate(_ programme: ProgrammeInfo) throws {
        var problems: [String] = []
        if programme.name.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("Naam: vul de naam van het programma in.")
        }
        if !programme.slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" })
            || programme.slug.isEmpty
        {
            problems.append("Korte naam: alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'g32-2017'.")
        }
        if programme.endsOn < programme.startsOn { problems.append("Einddatum: ligt voor de begindatum.") }
        if let count = programme.plannedCities, count < 1 {
            problems.append("Aantal steden: geef een positief aantal of laat het veld leeg.")
        }
        guard problems.isEmpty else { throw ProgrammeError.invalid(problems) }
    }

    static func insert(_ programme: ProgrammeInfo, actor: String, _ sql: any SQLDatabase) async throws -> ProgrammeInfo
    {
        if try await sql.select().column("id").from("programmes").where("slug", .equal, programme.slug).first()
            != nil
        {
            throw ProgrammeError.duplicate("Er bestaat al een programma met de korte naam '\(programme.slug)'.")
        }
        let id = try await sql.insert(into: "programmes")
            .columns("slug", "name", "organiser", "starts_on", "ends_on", "summary", "source", "planned_cities")
            .values(
                SQLBind(programme.slug), SQLBind(programme.name), SQLBind(programme.organiser),
                SQLBind(programme.startsOn.iso),
                SQLBind(programme.endsOn.iso), SQLBind(programme.summary), SQLBind(programme.source),
                SQLBind(programme.plannedCities)
            )
            .returning("id").first(decodingColumn: "id", as: Int.self)!
        try await AuditLog.record(sql, actor: actor, action: "programma aangemaakt", subject: programme.name)
        var created = programme
        created.id = id
        return created
    }

    public func all() async throws -> [ProgrammeInfo] {
        try await store.sql.select().column("*").from("programmes").orderBy("starts_on", .descending).all().map(
            Self.programme)
    }

    public func programme(slug: String) async throws -> ProgrammeInfo? {
        try await store.sql.select().column("*").from("programmes").where("slug", .equal, slug).first().map(
            Self.programme)
    }

    static func programme(_ row: any SQLRow) throws -> ProgrammeInfo {
        try Rows.decode(ProgrammeRow.self, row).programme
    }

    // MARK: Cities

    public func addCity(_ city: ProgrammeCity, actor: String) async throws -> ProgrammeCity {
        try Self.validate(city)
        return try await store.transaction { sql in
            if try await sql.select().column("id").from("programme_cities").where(
                "programme_id", .equal, city.programmeID
            )
            .where("municipality_code", .equal, city.municipalityCode).first() != nil {
                throw ProgrammeError.duplicate(
                    "\(city.cityName) (\(city.municipalityCode)) doet al mee aan dit programma; per stad is er één wijk."
                )
            }
            let id = try await sql.insert(into: "programme_cities")
                .columns(
                    "programme_id", "municipality_code", "city_name", "wijk_name", "focus_area_slug", "build_from",
                    "build_to",
                    "inhabitants", "location_kind", "descriptors", "source", "version"
                )
                .values(
                    SQLBind(city.programmeID), SQLBind(city.municipalityCode), SQLBind(city.cityName),
                    SQLBind(city.wijkName),
                    SQLBind(city.focusAreaSlug), SQLBind(city.buildFrom), SQLBind(city.buildTo),
                    SQLBind(city.inhabitants),
                    SQLBind(city.locationKind.rawValue), SQLBind(try Self.json(city.descriptors)), SQLBind(city.source),
                    SQLBind(1)
                )
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            try await AuditLog.record(
                sql, actor: actor, action: "stad toegevoegd", subject: "\(city.cityName) – \(city.wijkName)")
            var created = city
            (created.id, created.version) = (id, 1)
            return created
        }
    }

    /// Saves the wijk description; `city.version` must be the version the editor started from.
    public func updateCity(_ city: ProgrammeCity, actor: String) async throws -> ProgrammeCity {
        try Self.validate(city)
        return try await store.transaction { sql in
            let rows = try await sql.update("programme_cities")
                .set("wijk_name", to: SQLBind(city.wijkName)).set("focus_area_slug", to: SQLBind(city.focusAreaSlug))
                .set("build_from", to: SQLBind(city.buildFrom)).set("build_to", to: SQLBind(city.buildTo))
                .set("inhabitants", to: SQLBind(city.inhabitants)).set(
                    "location_kind", to: SQLBind(city.locationKind.rawValue)
                )
                .set("descriptors", to: SQLBind(try Self.json(city.descriptors))).set(
                    "version", to: SQLBind(city.version + 1)
                )
                .where("id", .equal, city.id).where("version", .equal, city.version)
                .returning("id").all()
            guard !rows.isEmpty else {
                guard
                    try await sql.select().column("id").from("programme_cities").where("id", .equal, city.id).first()
                        != nil
                else {
                    throw ProgrammeError.notFound("Stad \(city.id)")
                }
                throw ProgrammeError.conflict("De beschrijving van \(city.wijkName)")
            }
            try await AuditLog.record(
                sql, actor: actor, action: "wijkbeschrijving gewijzigd", subject: "\(city.cityName) – \(city.wijkName)")
            var saved = city
            saved.version += 1
            return saved
        }
    }

    public func cities(programmeID: Int) async throws -> [ProgrammeCity] {
        try await store.sql.select().column("*").from("programme_cities").where("programme_id", .equal, programmeID)
            .orderBy("id").all().map(Self.city)
    }

    /// Every city of every programme, in one query.
    public func allCities() async throws -> [ProgrammeCity] {
        try await store.sql.select().column("*").from("programme_cities").orderBy("programme_id").orderBy("id").all()
            .map(Self.city)
    }

    public func city(id: Int) async throws -> ProgrammeCity? {
        try await store.sql.select().column("*").from("programme_cities").where("id", .equal, id).first().map(Self.city)
    }

    static func city(_ row: any SQLRow) throws -> ProgrammeCity { try Rows.decode(CityRow.self, row).city }

    static func validate(_ city: ProgrammeCity) throws {
        var problems: [String] = []
        if city.municipalityCode.count != 6 || !city.municipalityCode.hasPrefix("GM")
            || Int(city.municipalityCode.dropFirst(2)) == nil
        {
            problems.append(
                "Gemeentecode: '\(city.municipalityCode)' is geen CBS-gemeentecode (GM + 4 cijfers, bijvoorbeeld GM0114)."
            )
        }
        if city.cityName.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("Stad: vul de naam van de stad in.")
        }
        if city.wijkName.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("Wijk: vul de naam van de wijk in.")
        }
        if let from = city.buildFrom, let to = city.buildTo, to < from {
            problems.append("Bouwperiode: het eindjaar \(to) ligt voor het beginjaar \(from).")
        }
        for year in [city.buildFrom, city.buildTo].compactMap({ $0 }) where !(1000...2100).contains(year) {
            problems.append("Bouwperiode: \(year) is geen bouwjaar.")
        }
        if let inhabitants = city.inhabitants, inhabitants < 0 {
            problems.append("Inwoners: geef een aantal van 0 of meer.")
        }
        for descriptor in city.descriptors
        where !descriptor.value.isEmpty && descriptor.source.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("\(descriptor.field.label): vermeld de bron van deze beschrijving.")
        }
        guard problems.isEmpty else { throw ProgrammeError.invalid(problems) }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
