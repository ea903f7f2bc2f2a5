import Foundation
import Programme
import SQLKit

/// Theme meetings: saved only when they fit the programme (date in the period, 3–4 presenting wijken of the
/// programme, agenda within the day); edits carry their version and a stale one is refused.
public struct MeetingStore: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public func create(_ meeting: Meeting, actor: String) async throws -> Meeting {
        try await validate(meeting)
        return try await store.transaction { sql in
            let numbers = try await sql.select().column("number").from("meetings").where(
                "programme_id", .equal, meeting.programmeID
            ).all()
                .map { try $0.decode(column: "number", as: Int.self) }
            var created = meeting
            created.number = (numbers.max() ?? 0) + 1
            created.version = 1
            let insert = sql.insert(into: "meetings").columns(Self.columns + ["registration_turn"])
            insert.values(try Self.values(created) + [SQLBind(0)])
            created.id = try await insert.returning("id").first(decodingColumn: "id", as: Int.self)!
            try await AuditLog.record(
                sql, actor: actor, action: "bijeenkomst aangemaakt", subject: created.title, detail: created.date.iso)
            return created
        }
    }

    /// Saves an edited meeting; `meeting.version` must be the version the editor started from.
    public func update(_ meeting: Meeting, actor: String) async throws -> Meeting {
        try await validate(meeting)
        return try await store.transaction { sql in
            var saved = meeting
            saved.version += 1
            let update = sql.update("meetings")
            for (column, value) in zip(Self.columns, try Self.values(saved)) where column != "number" {
                update.set(SQLIdentifier(column), to: value)
            }
            let rows = try await update.where("id", .equal, meeting.id).where("version", .equal, meeting.version)
                .returning("id").all()
            guard !rows.isEmpty else {
                guard try await Self.exists(meeting.id, on: sql) else {
                    throw ProgrammeError.notFound("Bijeenkomst \(meeting.id)")
                }
                throw ProgrammeError.conflict("De bijeenkomst '\(meeting.title)'")
            }
            try await AuditLog.record(
                sql, actor: actor,
                action: meeting.published ? "bijeenkomst gewijzigd" : "bijeenkomst gewijzigd (concept)",
                subject: meeting.title)
            return saved
        }
    }

    public func meeting(id: Int) async throws -> Meeting? {
        try await store.sql.select().column("*").from("meetings").where("id", .equal, id).first().map(Self.meeting)
    }

    /// Meetings by id (a participant's registrations), or every meeting when nil: one query.
    public func meetings(ids: [Int]?) async throws -> [Meeting] {
        if let ids, ids.isEmpty { return [] }
        let query = store.sql.select().column("*").from("meetings").orderBy("date").orderBy("number")
        if let ids { query.where("id", .in, ids) }
        return try await query.all().map(Self.meeting)
    }

    public func meetings(programmeID: Int) async throws -> [Meeting] {
        try await store.sql.select().column("*").from("meetings").where("programme_id", .equal, programmeID)
            .orderBy("date").orderBy("number").all().map(Self.meeting)
    }

    /// The meeting's minutes (verslag); empty until staff write them.
    public func minutes(meetingID: Int) async throws -> String {
        try await store.sql.select().column("minutes").from("meetings").where("id", .equal, meetingID).first(
            decodingColumn: "minutes", as: String.self) ?? ""
    }

    /// Saves the minutes; `expectedVersion` is the meeting version the editor started from.
    public func saveMinutes(meetingID: Int, minutes: String, expectedVersion: Int, actor: String) async throws {
        try await store.transaction { sql in
            let rows = try await sql.update("meetings").set("minutes", to: SQLBind(minutes)).set(
                "version", to: SQLBind(expectedVersion + 1)
            )
            .where("id", .equal, meetingID).where("version", .equal, expectedVersion).returning("id").all()
            guard !rows.isEmpty else { throw ProgrammeError.conflict("Het verslag van deze bijeenkomst") }
            try await AuditLog.record(
                sql, actor: actor, action: "verslag opgeslagen", subject: "bijeenkomst \(meetingID)")
        }
    }

    /// Published meetings from today up to `days` ahead whose reminder has not gone out yet.
    public func dueForReminder(programmeID: Int, within days: Int, today: Day = .today()) async throws -> [Meeting] {
        try await store.sql.select().column("*").from("meetings").where("programme_id", .equal, programmeID)
            .where("reminded_at", .is, SQLLiteral.null).orderBy("date").all().map(Self.meeting)
            .filter { $0.published && $0.date >= today && $0.date <= today.adding(days: days) }
    }

    /// Records that the reminder for a meeting went out.
    public func markReminded(_ meeting: Meeting, sent: Int, actor: String) async throws {
        try await store.transaction { sql in
            try await sql.update("meetings").set("reminded_at", to: SQLBind(now())).where("id", .equal, meeting.id)
                .run()
            try await AuditLog.record(
                sql, actor: actor, action: "herinnering verstuurd", subject: meeting.title, detail: "\(sent) deelnemers"
            )
        }
    }

    /// Warnings for staff about the host rotation of a programme's meetings.
    public func hostWarnings(programmeID: Int) async throws -> [String] {
        let cities = try await ProgrammeStore(store: store).cities(programmeID: programmeID)
        let name = Dictionary(uniqueKeysWithValues: cities.map { ($0.id, $0.wijkName) })
        let hosts = try await meetings(programmeID: programmeID).compactMap(\.hostCityID).compactMap { name[$0] }
        return HostRotation.warnings(hosts: hosts, participants: cities.map(\.wijkName))
    }

    private func validate(_ meeting: Meeting) async throws {
        guard
            let programme = try await store.sql.select().column("*").from("programmes").where(
                "id", .equal, meeting.programmeID
            )
            .first().map(ProgrammeStore.programme)
        else { throw ProgrammeError.notFound("Programma \(meeting.programmeID)") }
        var problems = meeting.problems(in: programme)
        let cityIDs = Set(try await ProgrammeStore(store: store).cities(programmeID: meeting.programmeID).map(\.id))
        if let host = meeting.hostCityID, !cityIDs.contains(host) {
            problems.append("Gastwijk: deze wijk doet niet mee aan het programma.")
        }
        if !Set(meeting.presentations.map(\.cityID)).isSubset(of: cityIDs) {
            problems.append("Presentaties: een presenterende wijk doet niet mee aan het programma.")
        }
        for presentation in meeting.presentations where presentation.title.trimmingCharacters(in: .whitespaces).isEmpty
        {
            problems.append("Presentaties: geef elke presentatie een titel.")
        }
        if let theme = meeting.themeID,
            try await store.sql.select().column("id").from("themes").where("id", .equal, theme)
                .where("programme_id", .equal, meeting.programmeID).first() == nil
        {
            problems.append("Thema: dit thema hoort niet bij het programma.")
        }
        guard problems.isEmpty else { throw ProgrammeError.invalid(problems) }
    }

    static func exists(_ id: Int, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("id").from("meetings").where("id", .equal, id).first() != nil
    }

    static let columns = [
        "programme_id", "number", "theme_id", "title", "date", "start_time", "end_time", "host_city_id", "venue",
        "address", "expert", "kickoff_title", "project_visit", "work_forms", "capacity", "agenda", "presentations",
        "published", "version",
    ]

    static func values(_ m: Meeting) throws -> [any SQLExpression] {
        [
            SQLBind(m.programmeID), SQLBind(m.number), SQLBind(m.themeID), SQLBind(m.title), SQLBind(m.date.iso),
            SQLBind(m.startTime.description), SQLBind(m.endTime.description), SQLBind(m.hostCityID), SQLBind(m.venue),
            SQLBind(m.address),
            SQLBind(m.expert), SQLBind(m.kickoffTitle), SQLBind(m.projectVisit), SQLBind(m.workForms),
            SQLBind(m.capacity),
            SQLBind(try ProgrammeStore.json(m.agenda)), SQLBind(try ProgrammeStore.json(m.presentations)),
            SQLBind(m.published), SQLBind(m.version),
        ]
    }

    static func meeting(_ row: any SQLRow) throws -> Meeting { try Rows.decode(MeetingRow.self, row).meeting }
}
