import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Vapor

/// Registering participants for a meeting under the programme's rules, cancelling (the waiting list moves up),
/// attendance, reminders, the participant list and the calendar files.
struct RegistrationController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.programmeCalendar) { try await feed($0) }
        routes.on(.meetingCalendar) { try await calendar($0) }
        routes.on(.meetingParticipantsCSV) { try await participantList($0) }
        routes.on(.meetingRegister) { try await registerParticipant($0) }
        routes.on(.registrationCancel) { try await cancel($0) }
        routes.on(.meetingAttendance) { try await attendance($0) }
        routes.on(.meetingReminder) { try await remind($0) }
    }

    func calendar(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        return try await ics(
            [meeting], programme: programme, name: meeting.title, file: "bijeenkomst-\(meeting.id).ics")
    }

    func feed(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meetings = try await app.meetings.meetings(programmeID: programme.id).filter(\.published)
        return try await ics(meetings, programme: programme, name: programme.name, file: "\(programme.slug).ics")
    }

    func participantList(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.require(request.viewer.isStaff, "de deelnemerslijst")
        let rows = try await app.registrations.rows(meetingID: meeting.id).sorted {
            ($0.city, $0.participant.name) < ($1.city, $1.participant.name)
        }
        return Response(
            status: .ok,
            headers: [
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"deelnemers-bijeenkomst-\(meeting.number).csv\"",
            ],
            body: .init(string: ParticipantList.csv(rows)))
    }

    func registerParticipant(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.requireSignedIn()
        guard let id = try request.form(RegistrationForm.self).participant,
            let person = try await app.participants.participant(id: id),
            person.programmeID == programme.id
        else {
            return try await MeetingController(app: app).page(
                request, problems: ["Deelnemer: kies een deelnemer van dit programma."], status: .unprocessableEntity)
        }
        try request.require(request.viewer.mayAct(for: person), "aanmeldingen voor \(person.name)")
        return try await attempt(
            request,
            {
                let outcome = try await app.registrations.register(
                    meetingID: meeting.id, participantID: person.id, actor: app.actor(request))
                await app.mailer.send(
                    [
                        MailText.registered(
                            person, meeting: meeting, url: app.link(MeetingPage.path(programme, meeting)),
                            status: outcome.registration.status)
                    ], logger: request.logger)
                return MeetingPage.path(programme, meeting)
                    + (outcome.registration.status == .waiting ? "?ok=wachtlijst" : "?ok=aangemeld")
            }, otherwise: { try await MeetingController(app: app).page(request, problems: $0, status: $1) })
    }

    func cancel(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.requireSignedIn()
        let id = try request.id("registration")
        guard
            let row = try await app.registrations.rows(meetingID: meeting.id).first(where: { $0.registration.id == id })
        else {
            throw Abort(.notFound, reason: "Deze aanmelding bestaat niet.")
        }
        try request.require(request.viewer.mayAct(for: row.participant), "de aanmelding van \(row.participant.name)")
        return try await attempt(
            request,
            {
                let promoted = try await app.registrations.cancel(registrationID: id, actor: app.actor(request))
                await app.mailer.send(
                    promoted.map {
                        MailText.promoted($0, meeting: meeting, url: app.link(MeetingPage.path(programme, meeting)))
                    },
                    logger: request.logger)
                return MeetingPage.path(programme, meeting) + "?ok=afgemeld"
            }, otherwise: { try await MeetingController(app: app).page(request, problems: $0, status: $1) })
    }

    func attendance(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.require(request.viewer.isStaff, "de aanwezigheidsregistratie")
        let f = try formFields(request)
        var attended: [Int: Bool] = [:]
        for key in f.keys where key.hasPrefix("geregistreerd") {
            if let id = Int(key.dropFirst("geregistreerd".count)) { attended[id] = f["aanwezig\(id)"] == "ja" }
        }
        return try await attempt(
            request,
            {
                try await app.registrations.recordAttendance(
                    meetingID: meeting.id, attended: attended, actor: app.actor(request))
                return MeetingPage.path(programme, meeting) + "?ok=aanwezigheid"
            }, otherwise: { try await MeetingController(app: app).page(request, problems: $0, status: $1) })
    }

    func remind(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.require(request.viewer.isStaff, "herinneringen")
        guard app.mailer.isConfigured else {
            return try await MeetingController(app: app).page(
                request,
                problems: ["Er is geen mailserver ingesteld (SMTP_HOST); herinneringen kunnen niet worden verstuurd."],
                status: .unprocessableEntity)
        }
        _ = try await app.mailer.remind(
            meeting, of: programme, store: app.store, publicURL: app.publicURL, actor: app.actor(request),
            logger: request.logger)
        return request.redirect(to: MeetingPage.path(programme, meeting) + "?ok=herinnering", redirectType: .normal)
    }

    func ics(_ meetings: [Meeting], programme: ProgrammeInfo, name: String, file: String) async throws -> Response {
        let cities = Dictionary(
            uniqueKeysWithValues: try await app.programmes.cities(programmeID: programme.id).map { ($0.id, $0) })
        let themes = Dictionary(
            uniqueKeysWithValues: try await app.themes.themes(programmeID: programme.id).map { ($0.id, $0.title) })
        let host = URL(string: app.publicURL)?.host ?? "wijkradar"
        let events = meetings.map { m in
            var lines: [String] = []
            if let theme = m.themeID.flatMap({ themes[$0] }) { lines.append("Thema: \(theme)") }
            if let city = m.hostCityID.flatMap({ cities[$0] }) {
                lines.append("Gastwijk: \(city.wijkName) (\(city.cityName))")
            }
            if !m.expert.isEmpty {
                lines.append("Aftrap: \(m.expert)" + (m.kickoffTitle.isEmpty ? "" : " – \(m.kickoffTitle)"))
            }
            for p in m.presentations { lines.append("Presentatie \(cities[p.cityID]?.wijkName ?? ""): \(p.title)") }
            if !m.projectVisit.isEmpty { lines.append("Projectbezoek: \(m.projectVisit)") }
            lines += m.agenda.map { "\($0.time) \($0.item)" }
            return ICalendar.Event(
                uid: "bijeenkomst-\(m.id)@\(host)", meeting: m, summary: m.title,
                location: m.location,
                description: lines.joined(separator: "\n"), url: app.link(MeetingPage.path(programme, m)))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return Response(
            status: .ok,
            headers: [
                "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": "inline; filename=\"\(file)\"",
            ],
            body: .init(
                string: ICalendar.calendar(name: name, events: events, stamp: formatter.string(from: app.clock.now()))))
    }
}
