import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Vapor

/// Theme meetings: planning (staff), the public page and calendar files, registration under the programme's
/// rules, the participant list and attendance.
struct MeetingController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.programmeCalendar) { try await feed($0) }
        routes.on(.meetingNew) { try await editor($0, meeting: nil) }
        routes.on(.meetingCreate) { try await save($0, existing: false) }
        routes.on(.meeting) { try await page($0) }
        routes.on(.meetingCalendar) { try await calendar($0) }
        routes.on(.meetingEdit) { request in
            let p = try await app.programme(request)
            return try await editor(request, meeting: try await app.meeting(request, in: p))
        }
        routes.on(.meetingUpdate) { try await save($0, existing: true) }
        routes.on(.meetingParticipantsCSV) { try await participantList($0) }
        routes.on(.meetingRegister) { try await registerParticipant($0) }
        routes.on(.registrationCancel) { try await cancel($0) }
        routes.on(.meetingAttendance) { try await attendance($0) }
        routes.on(.meetingReminder) { try await remind($0) }
        routes.on(.meetingOpgave) { try await propose($0) }
        routes.on(.meetingMinutes) { try await saveMinutes($0) }
    }

    // MARK: Planning

    func editor(_ request: Request, meeting: Meeting?, form: [String: String]? = nil, problems: [String] = []) async throws -> Response {
        let programme = try await app.programme(request)
        try request.require(request.viewer.isStaff, "het plannen van bijeenkomsten")
        let fields = form ?? meeting.map(MeetingEditPage.fields) ?? [:]
        return html(MeetingEditPage.render(.init(
            programme: programme, meeting: meeting, themes: try await app.themes.themes(programmeID: programme.id),
            cities: try await app.programmes.cities(programmeID: programme.id), hostWarnings: try await app.meetings.hostWarnings(programmeID: programme.id),
            form: fields, session: request.sessionBar, csrf: request.csrf, problems: problems)),
                    status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    func save(_ request: Request, existing: Bool) async throws -> Response {
        let programme = try await app.programme(request)
        try request.require(request.viewer.isStaff, "het plannen van bijeenkomsten")
        let current = existing ? try await app.meeting(request, in: programme) : nil
        let f = try formFields(request)
        let cities = try await app.programmes.cities(programmeID: programme.id)
        let (parsed, list) = Self.parse(f, programme: programme, cities: cities, current: current)
        guard let meeting = parsed, list.isEmpty else { return try await editor(request, meeting: current, form: f, problems: list) }
        return try await attempt(request, {
            let saved = current == nil ? try await app.meetings.create(meeting, actor: app.actor(request))
                                       : try await app.meetings.update(meeting, actor: app.actor(request))
            try await KnowledgeVisibility(store: app.store).follow(saved, actor: app.actor(request))
            return MeetingPage.path(programme, saved) + "?ok=opgeslagen"
        }, otherwise: { list, _ in try await editor(request, meeting: current, form: f, problems: list) })
    }

    /// The form as a meeting, or the problems naming each field.
    static func parse(_ f: [String: String], programme: ProgrammeInfo, cities: [ProgrammeCity], current: Meeting?) -> (Meeting?, [String]) {
        var problems: [String] = []
        let date = Day(iso: f["datum"] ?? "")
        if date == nil { problems.append("Datum: vul een datum in (JJJJ-MM-DD).") }
        let start = ClockTime(f["begin"] ?? ""), end = ClockTime(f["einde"] ?? "")
        if start == nil { problems.append("Begintijd: vul een tijd in als 13:00.") }
        if end == nil { problems.append("Eindtijd: vul een tijd in als 17:00.") }
        var capacity: Int?
        if let text = f["capaciteit"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            capacity = Int(text)
            if capacity == nil { problems.append("Capaciteit: '\(text)' is geen geheel getal.") }
        }
        var agenda: [Meeting.AgendaItem] = []
        for (number, line) in (f["programma"] ?? "").split(whereSeparator: \.isNewline).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let parts = text.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let time = ClockTime(String(parts[0])) else {
                problems.append("Programma, regel \(number + 1): begin met een tijd en dan de omschrijving, bijvoorbeeld ‘13:00 Ontvangst’.")
                continue
            }
            agenda.append(.init(time: time, item: String(parts[1])))
        }
        guard let date, let start, let end, problems.isEmpty else { return (nil, problems) }
        let presentations = cities.compactMap { city in
            (f["presentatie\(city.id)"]?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : Meeting.Presentation(cityID: city.id, title: $0) }
        }
        var meeting = Meeting(programmeID: programme.id, number: current?.number ?? 0, themeID: Int(f["thema"] ?? ""),
                              title: (f["titel"] ?? "").trimmingCharacters(in: .whitespaces), date: date, startTime: start, endTime: end,
                              hostCityID: Int(f["gastwijk"] ?? ""), venue: f["locatie"] ?? "", address: f["adres"] ?? "",
                              expert: f["deskundige"] ?? "", kickoffTitle: f["aftrap"] ?? "", projectVisit: f["projectbezoek"] ?? "",
                              workForms: f["werkvormen"] ?? "", capacity: capacity, agenda: agenda.sorted { $0.time < $1.time },
                              presentations: presentations, published: f["gepubliceerd"] == "ja")
        if let current {
            meeting.id = current.id
            meeting.version = Int(f["versie"] ?? "") ?? 0
        }
        return (meeting, [])
    }

    // MARK: The page

    func page(_ request: Request, problems: [String] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        let viewer = request.viewer
        let cities = try await app.programmes.cities(programmeID: programme.id)
        let cityLabel = Dictionary(uniqueKeysWithValues: cities.map { ($0.id, "\($0.wijkName) (\($0.cityName))") })
        let rows = viewer.isSignedIn ? try await app.registrations.rows(meetingID: meeting.id) : []
        let entries = rows.filter { viewer.mayAct(for: $0.participant) }
        let active = Set(rows.filter { $0.registration.status != .cancelled }.map(\.participant.id))
        let registerable = viewer.isSignedIn
            ? try await app.participants.participants(programmeID: programme.id).filter { viewer.mayAct(for: $0) && !active.contains($0.id) }
            : []
        let open = meeting.published && Day.today() <= meeting.date
        let shortfalls = viewer.isStaff && open ? cities.compactMap { city in
            RegistrationRules.shortfall(registered: rows.filter { $0.participant.cityID == city.id && $0.registration.status == .registered }.count,
                                        city: city.cityName)
        } : []
        let theme = try await meeting.themeID.asyncMap { id in try await app.themes.themes(programmeID: programme.id).first { $0.id == id }?.title } ?? nil
        let notice: String? = switch try? request.query.get(String.self, at: "ok") {
        case "opgeslagen": "De bijeenkomst is opgeslagen."
        case "aangemeld": "Aangemeld." + (app.mailer.isConfigured ? " Er is een bevestiging per e-mail verstuurd." : "")
        case "wachtlijst": "De plaatsen voor deze stad (of in de zaal) zijn vol: de deelnemer staat op de wachtlijst en schuift door bij een afmelding."
        case "afgemeld": "Afgemeld. Wie op de wachtlijst stond en nu past, is aangemeld en bericht."
        case "aanwezigheid": "De aanwezigheid is opgeslagen."
        case "herinnering": "De herinnering is verstuurd."
        case "opgave": "De opgave is voorgesteld. Anderen kunnen haar nu steunen."
        case "verslag": "Het verslag is opgeslagen."
        default: nil
        }
        var model = MeetingPage.Model(
            programme: programme, meeting: meeting, theme: theme, host: meeting.hostCityID.flatMap { cityLabel[$0] },
            presentations: meeting.presentations.map { ($0.cityID, cityLabel[$0.cityID] ?? "", $0.title) }, viewer: viewer, entries: entries,
            registerable: registerable, shortfalls: shortfalls, registrationOpen: open, attendanceOpen: meeting.date <= Day.today(),
            mailConfigured: app.mailer.isConfigured, session: request.sessionBar, csrf: request.csrf,
            problems: problems, notice: notice)
        let opgaven = try await KnowledgeStore(store: app.store, audience: request.viewer.mayCapture ? .internal : .public).opgaven()
        let titles = Dictionary(uniqueKeysWithValues: opgaven.map { ($0.id, $0.opgave.title) })
        model.outcomes = .init(
            minutes: try await app.meetings.minutes(meetingID: meeting.id),
            opgaven: opgaven.filter { $0.opgave.meetingID == meeting.id }.map {
                .init(id: $0.id, version: $0.version, opgave: $0.opgave, cities: $0.opgave.cityIDs.compactMap { cityLabel[$0] }, support: $0.support,
                      mergedIntoTitle: $0.opgave.mergedInto.flatMap { titles[$0] })
            },
            cities: cities.map { ($0.id, "\($0.wijkName) (\($0.cityName))") },
            mayPropose: try await mayIdentifyOpgaven(viewer, meetingID: meeting.id, store: app.store),
            mayWriteMinutes: viewer.isStaff, mayCapture: viewer.mayCapture)
        model.outcomes.interventions = try await KnowledgeStore(store: app.store, audience: request.viewer.mayCapture ? .internal : .public).all(.intervention, as: Intervention.self)
            .filter { $0.value.meetingID == meeting.id }.map { ($0.id, $0.value.title) }
        return html(MeetingPage.render(model), status: status)
    }

    // MARK: Outcomes

    func propose(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.require(try await mayIdentifyOpgaven(request.viewer, meetingID: meeting.id, store: app.store), "de opgaven van deze bijeenkomst")
        let f = try formFields(request)
        let cities = try await app.programmes.cities(programmeID: programme.id)
        var positions: [Aspect: String] = [:]
        for aspect in Aspect.allCases {
            let text = (f["aspect_\(aspect.rawValue)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { positions[aspect] = text }
        }
        let opgave = Opgave(title: (f["titel"] ?? "").trimmingCharacters(in: .whitespaces), description: (f["beschrijving"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                            meetingID: meeting.id, cityIDs: cities.filter { f["stad\($0.id)"] != nil }.map(\.id), positions: positions,
                            kind: (f["soort"] ?? "").trimmingCharacters(in: .whitespaces).lowercased())
        let problems = opgave.problems()
        guard problems.isEmpty else { return try await page(request, problems: problems, status: .unprocessableEntity) }
        let names = cities.filter { opgave.cityIDs.contains($0.id) }.map(\.cityName)
        return try await attempt(request, {
            _ = try await KnowledgeStore(store: app.store).create(.opgave, opgave, document: opgave.searchDocument(cities: names),
                                                                 published: meeting.published, actor: app.actor(request))
            return MeetingPage.path(programme, meeting) + "?ok=opgave#opgaven"
        }, otherwise: { try await page(request, problems: $0, status: $1) })
    }

    func saveMinutes(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.require(request.viewer.isStaff, "het verslag")
        let f = try formFields(request)
        return try await attempt(request, {
            let text = (f["verslag"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            try await app.meetings.saveMinutes(meetingID: meeting.id, minutes: text, expectedVersion: Int(f["versie"] ?? "") ?? 0, actor: app.actor(request))
            // The minutes are searchable with everything else the programme learned.
            let record = MinutesRecord(meetingID: meeting.id, meetingTitle: meeting.title, link: MeetingPage.path(programme, meeting), text: text)
            let knowledge = KnowledgeStore(store: app.store, audience: .internal)
            if let existing = try await knowledge.all(.minutes, as: MinutesRecord.self).first(where: { $0.value.meetingID == meeting.id }) {
                _ = try await knowledge.update(id: existing.id, expectedVersion: existing.version, record, document: record.searchDocument, actor: app.actor(request))
            } else {
                _ = try await knowledge.create(.minutes, record, document: record.searchDocument, published: meeting.published, actor: app.actor(request))
            }
            return MeetingPage.path(programme, meeting) + "?ok=verslag#uitkomsten"
        }, otherwise: { try await page(request, problems: $0, status: $1) })
    }

    // MARK: Calendars and lists

    func calendar(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        return try await ics([meeting], programme: programme, name: meeting.title, file: "bijeenkomst-\(meeting.id).ics")
    }

    func feed(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meetings = try await app.meetings.meetings(programmeID: programme.id).filter(\.published)
        return try await ics(meetings, programme: programme, name: programme.name, file: "\(programme.slug).ics")
    }

    private func ics(_ meetings: [Meeting], programme: ProgrammeInfo, name: String, file: String) async throws -> Response {
        let cities = Dictionary(uniqueKeysWithValues: try await app.programmes.cities(programmeID: programme.id).map { ($0.id, $0) })
        let themes = Dictionary(uniqueKeysWithValues: try await app.themes.themes(programmeID: programme.id).map { ($0.id, $0.title) })
        let host = URL(string: app.publicURL)?.host ?? "wijkradar"
        let events = meetings.map { m in
            var lines: [String] = []
            if let theme = m.themeID.flatMap({ themes[$0] }) { lines.append("Thema: \(theme)") }
            if let city = m.hostCityID.flatMap({ cities[$0] }) { lines.append("Gastwijk: \(city.wijkName) (\(city.cityName))") }
            if !m.expert.isEmpty { lines.append("Aftrap: \(m.expert)" + (m.kickoffTitle.isEmpty ? "" : " – \(m.kickoffTitle)")) }
            for p in m.presentations { lines.append("Presentatie \(cities[p.cityID]?.wijkName ?? ""): \(p.title)") }
            if !m.projectVisit.isEmpty { lines.append("Projectbezoek: \(m.projectVisit)") }
            lines += m.agenda.map { "\($0.time) \($0.item)" }
            return ICalendar.Event(uid: "bijeenkomst-\(m.id)@\(host)", meeting: m, summary: m.title,
                                   location: m.location,
                                   description: lines.joined(separator: "\n"), url: app.link(MeetingPage.path(programme, m)))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return Response(status: .ok, headers: ["Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": "inline; filename=\"\(file)\""],
                        body: .init(string: ICalendar.calendar(name: name, events: events, stamp: formatter.string(from: Date()))))
    }

    func participantList(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.require(request.viewer.isStaff, "de deelnemerslijst")
        let rows = try await app.registrations.rows(meetingID: meeting.id).sorted { ($0.city, $0.participant.name) < ($1.city, $1.participant.name) }
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                               "Content-Disposition": "attachment; filename=\"deelnemers-bijeenkomst-\(meeting.number).csv\""],
                        body: .init(string: ParticipantList.csv(rows)))
    }

    // MARK: Registration

    func registerParticipant(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.requireSignedIn()
        guard let id = Int((try formFields(request))["deelnemer"] ?? ""), let person = try await app.participants.participant(id: id),
              person.programmeID == programme.id else {
            return try await page(request, problems: ["Deelnemer: kies een deelnemer van dit programma."], status: .unprocessableEntity)
        }
        try request.require(request.viewer.mayAct(for: person), "aanmeldingen voor \(person.name)")
        return try await attempt(request, {
            let outcome = try await app.registrations.register(meetingID: meeting.id, participantID: person.id, actor: app.actor(request))
            await app.mailer.send([MailText.registered(person, meeting: meeting, url: app.link(MeetingPage.path(programme, meeting)),
                                                       status: outcome.registration.status)], logger: request.logger)
            return MeetingPage.path(programme, meeting) + (outcome.registration.status == .waiting ? "?ok=wachtlijst" : "?ok=aangemeld")
        }, otherwise: { try await page(request, problems: $0, status: $1) })
    }

    func cancel(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.requireSignedIn()
        let id = try request.id("registration")
        guard let row = try await app.registrations.rows(meetingID: meeting.id).first(where: { $0.registration.id == id }) else {
            throw Abort(.notFound, reason: "Deze aanmelding bestaat niet.")
        }
        try request.require(request.viewer.mayAct(for: row.participant), "de aanmelding van \(row.participant.name)")
        return try await attempt(request, {
            let promoted = try await app.registrations.cancel(registrationID: id, actor: app.actor(request))
            await app.mailer.send(promoted.map { MailText.promoted($0, meeting: meeting, url: app.link(MeetingPage.path(programme, meeting))) },
                                  logger: request.logger)
            return MeetingPage.path(programme, meeting) + "?ok=afgemeld"
        }, otherwise: { try await page(request, problems: $0, status: $1) })
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
        return try await attempt(request, {
            try await app.registrations.recordAttendance(meetingID: meeting.id, attended: attended, actor: app.actor(request))
            return MeetingPage.path(programme, meeting) + "?ok=aanwezigheid"
        }, otherwise: { try await page(request, problems: $0, status: $1) })
    }

    func remind(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.require(request.viewer.isStaff, "herinneringen")
        guard app.mailer.isConfigured else {
            return try await page(request, problems: ["Er is geen mailserver ingesteld (SMTP_HOST); herinneringen kunnen niet worden verstuurd."], status: .unprocessableEntity)
        }
        _ = try await app.mailer.remind(meeting, of: programme, store: app.store, publicURL: app.publicURL, actor: app.actor(request), logger: request.logger)
        return request.redirect(to: MeetingPage.path(programme, meeting) + "?ok=herinnering", redirectType: .normal)
    }
}
