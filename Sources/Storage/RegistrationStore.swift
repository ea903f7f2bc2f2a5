import Programme
import SQLKit

/// Registrations for theme meetings with the programme's rules enforced inside one transaction.
///
/// Every change first bumps the meeting's `registration_turn`. That write takes the meeting row's lock (PostgreSQL)
/// or the database's write lock (SQLite) until commit, so two instances registering for the same meeting at the
/// same moment take turns: the second sees the first one's registration and the rules decide again.
public struct RegistrationStore: Sendable {
    public struct Outcome: Sendable, Equatable {
        public var registration: Registration
        /// Why the person is on the waiting list, when they are.
        public var waitingReason: String?
    }

    let store: Store

    public init(store: Store) { self.store = store }

    public func register(meetingID: Int, participantID: Int, actor: String, today: Day = .today()) async throws
        -> Outcome
    {
        try await store.transaction { sql in
            let meeting = try await Self.takeTurn(meetingID, on: sql)
            guard meeting.published else {
                throw ProgrammeError.refused("Aanmelden kan nog niet: de bijeenkomst is nog niet gepubliceerd.")
            }
            guard today <= meeting.date else {
                throw ProgrammeError.refused(
                    "Aanmelden kan niet meer: de bijeenkomst van \(meeting.date.dutch) is al geweest.")
            }
            guard let participant = try await Self.participant(participantID, on: sql),
                participant.programmeID == meeting.programmeID
            else {
                throw ProgrammeError.notFound("Deelnemer \(participantID) in dit programma")
            }
            let existing = try await Self.rows(meetingID: meetingID, on: sql)
            if let mine = existing.first(where: { $0.participant.id == participantID }),
                mine.registration.status != .cancelled
            {
                throw ProgrammeError.duplicate(
                    mine.registration.status == .waiting
                        ? "\(participant.name) staat al op de wachtlijst voor deze bijeenkomst."
                        : "\(participant.name) is al aangemeld voor deze bijeenkomst.")
            }
            let (status, reason) = try Self.decide(participant, meeting: meeting, rows: existing)
            let registration = try await Self.write(
                status, meetingID: meetingID, participantID: participantID,
                existing: existing.first { $0.participant.id == participantID }?.registration, on: sql)
            try await AuditLog.record(
                sql, actor: actor, action: status == .waiting ? "op wachtlijst gezet" : "aangemeld",
                subject: "\(participant.name) – \(meeting.title)")
            return Outcome(registration: registration, waitingReason: reason)
        }
    }

    /// Cancels a registration and moves up whoever on the waiting list the rules now admit. Returns those moved up.
    public func cancel(registrationID: Int, actor: String) async throws -> [Participant] {
        try await store.transaction { sql in
            guard
                let meetingID = try await sql.select().column("meeting_id").from("registrations").where(
                    "id", .equal, registrationID
                )
                .first(decodingColumn: "meeting_id", as: Int.self)
            else { throw ProgrammeError.notFound("Aanmelding \(registrationID)") }
            let meeting = try await Self.takeTurn(meetingID, on: sql)
            var rows = try await Self.rows(meetingID: meetingID, on: sql)
            guard let index = rows.firstIndex(where: { $0.registration.id == registrationID }),
                rows[index].registration.status != .cancelled
            else {
                throw ProgrammeError.refused("Deze aanmelding is al afgemeld.")
            }
            try await Self.setStatus(.cancelled, id: registrationID, on: sql)
            rows[index].registration.status = .cancelled
            try await AuditLog.record(
                sql, actor: actor, action: "afgemeld", subject: "\(rows[index].participant.name) – \(meeting.title)")
            var promoted: [Participant] = []
            for waiting in rows.filter({ $0.registration.status == .waiting }) {
                let others = rows.filter { $0.registration.id != waiting.registration.id }
                guard try Self.decide(waiting.participant, meeting: meeting, rows: others).status == .registered else {
                    continue
                }
                try await Self.setStatus(.registered, id: waiting.registration.id, on: sql)
                if let i = rows.firstIndex(where: { $0.registration.id == waiting.registration.id }) {
                    rows[i].registration.status = .registered
                }
                try await AuditLog.record(
                    sql, actor: actor, action: "van wachtlijst aangemeld",
                    subject: "\(waiting.participant.name) – \(meeting.title)")
                promoted.append(waiting.participant)
            }
            return promoted
        }
    }

    /// Records who came. Only registered people, and only from the day of the meeting.
    public func recordAttendance(meetingID: Int, attended: [Int: Bool], actor: String, today: Day = .today())
        async throws
    {
        try await store.transaction { sql in
            let meeting = try await Self.takeTurn(meetingID, on: sql)
            guard meeting.date <= today else {
                throw ProgrammeError.refused(
                    "Aanwezigheid kan pas vanaf de dag van de bijeenkomst (\(meeting.date.dutch)) worden vastgelegd.")
            }
            let registered = Set(
                try await Self.rows(meetingID: meetingID, on: sql).filter { $0.registration.status == .registered }.map(
                    \.registration.id))
            for (id, came) in attended.sorted(by: { $0.key < $1.key }) {
                guard registered.contains(id) else {
                    throw ProgrammeError.refused("Aanmelding \(id) is geen geldige aanmelding voor deze bijeenkomst.")
                }
                try await sql.update("registrations").set("attended", to: SQLBind(came)).set(
                    "updated_at", to: SQLBind(now())
                )
                .where("id", .equal, id).run()
            }
            try await AuditLog.record(
                sql, actor: actor, action: "aanwezigheid vastgelegd", subject: meeting.title,
                detail: "\(attended.values.filter { $0 }.count) van \(attended.count) aanwezig")
        }
    }

    public func rows(meetingID: Int) async throws -> [RegistrationEntry] {
        try await Self.rows(meetingID: meetingID, on: store.sql)
    }

    public func registrations(participantID: Int) async throws -> [Registration] {
        try await store.sql.select().column("*").from("registrations").where("participant_id", .equal, participantID)
            .all().map(Self.registration)
    }

    // MARK: Inside the transaction

    /// Bumps the meeting's turn counter (taking its lock) and reads the meeting.
    static func takeTurn(_ meetingID: Int, on sql: any SQLDatabase) async throws -> Meeting {
        try await sql.update("meetings")
            .set(
                SQLIdentifier("registration_turn"),
                to: SQLBinaryExpression(SQLIdentifier("registration_turn"), .add, SQLLiteral.numeric("1"))
            )
            .where("id", .equal, meetingID).run()
        guard
            let meeting = try await sql.select().column("*").from("meetings").where("id", .equal, meetingID).first()
                .map(MeetingStore.meeting)
        else {
            throw ProgrammeError.notFound("Bijeenkomst \(meetingID)")
        }
        return meeting
    }

    /// The programme's rules, then the venue's capacity.
    static func decide(_ participant: Participant, meeting: Meeting, rows: [RegistrationEntry]) throws -> (
        status: Registration.Status, reason: String?
    ) {
        let registered = rows.filter { $0.registration.status == .registered }
        let sameCity = registered.filter { $0.participant.cityID == participant.cityID }.map(\.participant.asRulePerson)
        switch RegistrationRules.decide(participant.asRulePerson, registered: sameCity) {
        case .refused(let reason): throw ProgrammeError.refused(reason)
        case .waitingList(let reason): return (.waiting, reason)
        case .accepted:
            if let capacity = meeting.capacity, registered.count >= capacity {
                return (
                    .waiting,
                    "De bijeenkomst is vol (\(capacity) plaatsen). \(participant.name) staat op de wachtlijst en schuift door als iemand afzegt."
                )
            }
            return (.registered, nil)
        }
    }

    static func write(
        _ status: Registration.Status, meetingID: Int, participantID: Int, existing: Registration?,
        on sql: any SQLDatabase
    ) async throws -> Registration {
        let time = now()
        if let existing {
            try await sql.update("registrations").set("status", to: SQLBind(status.rawValue)).set(
                "attended", to: SQLLiteral.null
            )
            .set("created_at", to: SQLBind(time)).set("updated_at", to: SQLBind(time)).where("id", .equal, existing.id)
            .run()
            return Registration(
                id: existing.id, meetingID: meetingID, participantID: participantID, status: status, attended: nil,
                createdAt: time)
        }
        let id = try await sql.insert(into: "registrations").columns(
            "meeting_id", "participant_id", "status", "created_at", "updated_at"
        )
        .values(SQLBind(meetingID), SQLBind(participantID), SQLBind(status.rawValue), SQLBind(time), SQLBind(time))
        .returning("id").first(decodingColumn: "id", as: Int.self)!
        return Registration(
            id: id, meetingID: meetingID, participantID: participantID, status: status, attended: nil, createdAt: time)
    }

    static func setStatus(_ status: Registration.Status, id: Int, on sql: any SQLDatabase) async throws {
        try await sql.update("registrations").set("status", to: SQLBind(status.rawValue)).set(
            "updated_at", to: SQLBind(now())
        )
        .where("id", .equal, id).run()
    }

    static func participant(_ id: Int, on sql: any SQLDatabase) async throws -> Participant? {
        try await ParticipantStore.select(sql).where(SQLColumn("id", table: "participants"), .equal, SQLBind(id))
            .first().map(ParticipantStore.participant)
    }

    /// All registrations of a meeting in order of arrival (the waiting list's order), with person and city: one query.
    static func rows(meetingID: Int, on sql: any SQLDatabase) async throws -> [RegistrationEntry] {
        let rows = try await ParticipantStore.select(sql)
            .column(SQLColumn("id", table: "registrations"), as: "registration_id")
            .column(SQLColumn("status", table: "registrations"), as: "registration_status")
            .column(SQLColumn("attended", table: "registrations"), as: "registration_attended")
            .column(SQLColumn("created_at", table: "registrations"), as: "registration_created_at")
            .column(SQLColumn("city_name", table: "programme_cities"), as: "city_name")
            .join(
                "registrations", on: SQLColumn("participant_id", table: "registrations"), .equal,
                SQLColumn("id", table: "participants")
            )
            .join(
                "programme_cities", method: SQLJoinMethod.left, on: SQLColumn("id", table: "programme_cities"), .equal,
                SQLColumn("city_id", table: "participants")
            )
            .where(SQLColumn("meeting_id", table: "registrations"), .equal, SQLBind(meetingID))
            .orderBy(SQLColumn("created_at", table: "registrations")).orderBy(SQLColumn("id", table: "registrations"))
            .all()
        return try rows.map { row in
            let participant = try ParticipantStore.participant(row)
            let registration = Registration(
                id: try row.decode(column: "registration_id"), meetingID: meetingID, participantID: participant.id,
                status: Registration.Status(rawValue: try row.decode(column: "registration_status")) ?? .cancelled,
                attended: try row.decode(column: "registration_attended"),
                createdAt: try row.decode(column: "registration_created_at"))
            return RegistrationEntry(
                registration: registration, participant: participant,
                city: try row.decode(column: "city_name", as: String?.self) ?? "")
        }
    }

    static func registration(_ row: any SQLRow) throws -> Registration {
        try Rows.decode(RegistrationRow.self, row).registration
    }
}
