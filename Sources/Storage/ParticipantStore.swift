import Programme
import SQLKit

/// Participants of a programme and the organisations they come from (one organisation row per name, shared).
public struct ParticipantStore: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public func add(_ participant: Participant, actor: String) async throws -> Participant {
        try Self.validate(participant)
        return try await store.transaction { sql in
            try await Self.checkEmailFree(participant, on: sql)
            let organisation = try await Self.organisationID(participant.organisation, on: sql)
            let id = try await sql.insert(into: "participants")
                .columns(
                    "programme_id", "city_id", "organisation_id", "name", "email", "discipline", "role", "involved",
                    "version"
                )
                .values(
                    SQLBind(participant.programmeID), SQLBind(participant.cityID), SQLBind(organisation),
                    SQLBind(participant.name),
                    SQLBind(participant.email.lowercased()), SQLBind(participant.discipline), SQLBind(participant.role),
                    SQLBind(participant.involvedInWijkaanpak), SQLBind(1)
                )
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            try await AuditLog.record(
                sql, actor: actor, action: "deelnemer toegevoegd", subject: participant.name,
                detail: "\(participant.organisation), \(participant.discipline)")
            var created = participant
            (created.id, created.version, created.email) = (id, 1, participant.email.lowercased())
            return created
        }
    }

    /// Saves a changed profile; `participant.version` must be the version the editor started from.
    public func update(_ participant: Participant, actor: String) async throws -> Participant {
        try Self.validate(participant)
        return try await store.transaction { sql in
            try await Self.checkEmailFree(participant, on: sql)
            let organisation = try await Self.organisationID(participant.organisation, on: sql)
            let rows = try await sql.update("participants")
                .set("name", to: SQLBind(participant.name)).set("email", to: SQLBind(participant.email.lowercased()))
                .set("organisation_id", to: SQLBind(organisation)).set(
                    "discipline", to: SQLBind(participant.discipline)
                )
                .set("role", to: SQLBind(participant.role)).set(
                    "involved", to: SQLBind(participant.involvedInWijkaanpak)
                )
                .set("version", to: SQLBind(participant.version + 1))
                .where("id", .equal, participant.id).where("version", .equal, participant.version)
                .returning("id").all()
            guard !rows.isEmpty else { throw ProgrammeError.conflict("Het profiel van \(participant.name)") }
            try await AuditLog.record(sql, actor: actor, action: "deelnemer gewijzigd", subject: participant.name)
            var saved = participant
            saved.version += 1
            return saved
        }
    }

    public func participant(id: Int) async throws -> Participant? {
        try await select().where(SQLColumn("id", table: "participants"), .equal, SQLBind(id)).first().map(
            Self.participant)
    }

    public func participants(programmeID: Int, cityID: Int? = nil) async throws -> [Participant] {
        let query = select().where(SQLColumn("programme_id", table: "participants"), .equal, SQLBind(programmeID))
        if let cityID { query.where(SQLColumn("city_id", table: "participants"), .equal, SQLBind(cityID)) }
        return try await query.orderBy(SQLColumn("name", table: "participants")).all().map(Self.participant)
    }

    public func organisations() async throws -> [String] {
        try await store.sql.select().column("name").from("organisations").orderBy("name").all().map {
            try $0.decode(column: "name")
        }
    }

    private func select() -> SQLSelectBuilder { Self.select(store.sql) }

    /// Participants with their organisation's name.
    static func select(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("participants")))
            .column(SQLColumn("name", table: "organisations"), as: "organisation")
            .from("participants").join(
                "organisations", on: SQLColumn("organisation_id", table: "participants"), .equal,
                SQLColumn("id", table: "organisations"))
    }

    static func participant(_ row: any SQLRow) throws -> Participant {
        try Rows.decode(ParticipantRow.self, row).participant
    }

    static func validate(_ p: Participant) throws {
        var problems: [String] = []
        if p.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Naam: vul de naam in.") }
        if !isEmailAddress(p.email) { problems.append("E-mail: '\(p.email)' is geen e-mailadres.") }
        if p.organisation.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("Organisatie: vul de organisatie in.")
        }
        if p.discipline.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("Discipline: vul de discipline in (bijvoorbeeld sociaal werk, wonen, economie).")
        }
        if p.role.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("Rol in de wijkaanpak: beschrijf kort wat de deelnemer in de wijkaanpak doet.")
        }
        guard problems.isEmpty else { throw ProgrammeError.invalid(problems) }
    }

    static func checkEmailFree(_ p: Participant, on sql: any SQLDatabase) async throws {
        let other = try await sql.select().column("name").from("participants").where(
            "programme_id", .equal, p.programmeID
        )
        .where("email", .equal, p.email.lowercased()).where("id", .notEqual, p.id).first(
            decodingColumn: "name", as: String.self)
        if let other { throw ProgrammeError.duplicate("E-mail: \(p.email) hoort al bij deelnemer \(other).") }
    }

    /// The organisation's id, created on first use. Names are matched as written, trimmed.
    static func organisationID(_ name: String, on sql: any SQLDatabase) async throws -> Int {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let id = try await sql.select().column("id").from("organisations").where("name", .equal, trimmed).first(
            decodingColumn: "id", as: Int.self)
        {
            return id
        }
        return try await sql.insert(into: "organisations").columns("name").values(SQLBind(trimmed))
            .returning("id").first(decodingColumn: "id", as: Int.self)!
    }
}

func isEmailAddress(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
        && !parts[1].hasSuffix(".")
        && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
}
