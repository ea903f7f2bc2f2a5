import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Vapor

/// Theme meetings: planning (staff) and the meeting's page.
struct MeetingController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.meetingNew) { try await editor($0, meeting: nil) }
        routes.on(.meetingCreate) { try await save($0, existing: false) }
        routes.on(.meeting) { try await page($0) }
        routes.on(.meetingEdit) { request in
            let p = try await app.programme(request)
            return try await editor(request, meeting: try await app.meeting(request, in: p))
        }
        routes.on(.meetingUpdate) { try await save($0, existing: true) }
    }

    // MARK: Planning

    func editor(_ request: Request, meeting: Meeting?, form: [String: String]? = nil, problems: [String] = [])
        async throws -> Response
    {
        let programme = try await app.programme(request)
        try request.require(request.viewer.isStaff, "het plannen van bijeenkomsten")
        let fields = form ?? meeting.map(MeetingEditPage.fields) ?? [:]
        return html(
            MeetingEditPage.render(
                .init(
                    programme: programme, meeting: meeting,
                    themes: try await app.themes.themes(programmeID: programme.id),
                    cities: try await app.programmes.cities(programmeID: programme.id),
                    hostWarnings: try await app.meetings.hostWarnings(programmeID: programme.id),
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
        guard let meeting = parsed, list.isEmpty else {
            return try await editor(request, meeting: current, form: f, problems: list)
        }
        return try await attempt(
            request,
            {
                let saved =
                    current == nil
                    ? try await app.meetings.create(meeting, actor: app.actor(request))
                    : try await app.meetings.update(meeting, actor: app.actor(request))
                try await KnowledgeVisibility(store: app.store).follow(saved, actor: app.actor(request))
                return MeetingPage.path(programme, saved) + "?ok=opgeslagen"
            }, otherwise: { list, _ in try await editor(request, meeting: current, form: f, problems: list) })
    }

    /// The form as a meeting, or the problems naming each field.
    static func parse(_ f: [String: String], programme: ProgrammeInfo, cities: [ProgrammeCity], current: Meeting?) -> (
        Meeting?, [String]
    ) {
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
                problems.append(
                    "Programma, regel \(number + 1): begin met een tijd en dan de omschrijving, bijvoorbeeld ‘13:00 Ontvangst’."
                )
                continue
            }
            agenda.append(.init(time: time, item: String(parts[1])))
        }
        guard let date, let start, let end, problems.isEmpty else { return (nil, problems) }
        let presentations = cities.compactMap { city in
            (f["presentatie\(city.id)"]?.trimmingCharacters(in: .whitespaces)).flatMap {
                $0.isEmpty ? nil : Meeting.Presentation(cityID: city.id, title: $0)
            }
        }
        var meeting = Meeting(
            programmeID: programme.id, number: current?.number ?? 0, themeID: Int(f["thema"] ?? ""),
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
        let registerable =
            viewer.isSignedIn
            ? try await app.participants.participants(programmeID: programme.id).filter {
                viewer.mayAct(for: $0) && !active.contains($0.id)
            }
            : []
        let open = meeting.published && Day.today() <= meeting.date
        let shortfalls =
            viewer.isStaff && open
            ? cities.compactMap { city in
                RegistrationRules.shortfall(
                    registered: rows.filter {
                        $0.participant.cityID == city.id && $0.registration.status == .registered
                    }.count,
                    city: city.cityName)
            } : []
        let theme =
            try await meeting.themeID.asyncMap { id in
                try await app.themes.themes(programmeID: programme.id).first { $0.id == id }?.title
            } ?? nil
        let notice: String? =
            switch try? request.query.get(String.self, at: "ok") {
            case "opgeslagen": "De bijeenkomst is opgeslagen."
            case "aangemeld":
                "Aangemeld." + (app.mailer.isConfigured ? " Er is een bevestiging per e-mail verstuurd." : "")
            case "wachtlijst":
                "De plaatsen voor deze stad (of in de zaal) zijn vol: de deelnemer staat op de wachtlijst en schuift door bij een afmelding."
            case "afgemeld": "Afgemeld. Wie op de wachtlijst stond en nu past, is aangemeld en bericht."
            case "aanwezigheid": "De aanwezigheid is opgeslagen."
            case "herinnering": "De herinnering is verstuurd."
            case "opgave": "De opgave is voorgesteld. Anderen kunnen haar nu steunen."
            case "verslag": "Het verslag is opgeslagen."
            default: nil
            }
        var model = MeetingPage.Model(
            programme: programme, meeting: meeting, theme: theme, host: meeting.hostCityID.flatMap { cityLabel[$0] },
            presentations: meeting.presentations.map { ($0.cityID, cityLabel[$0.cityID] ?? "", $0.title) },
            viewer: viewer, entries: entries,
            registerable: registerable, shortfalls: shortfalls, registrationOpen: open,
            attendanceOpen: meeting.date <= Day.today(),
            mailConfigured: app.mailer.isConfigured, session: request.sessionBar, csrf: request.csrf,
            problems: problems, notice: notice)
        let opgaven = try await KnowledgeStore(
            store: app.store, audience: request.viewer.mayCapture ? .internal : .public
        ).opgaven()
        let titles = Dictionary(uniqueKeysWithValues: opgaven.map { ($0.id, $0.opgave.title) })
        var supported: Set<Int> = []
        if let user = viewer.userID { supported = try await KnowledgeStore(store: app.store).supported(by: user) }
        model.outcomes = .init(
            minutes: try await app.meetings.minutes(meetingID: meeting.id),
            opgaven: opgaven.filter { $0.opgave.meetingID == meeting.id }.map {
                var line = MeetingPage.OpgaveLine(
                    id: $0.id, version: $0.version, opgave: $0.opgave,
                    cities: $0.opgave.cityIDs.compactMap { cityLabel[$0] }, support: $0.support,
                    mergedIntoTitle: $0.opgave.mergedInto.flatMap { titles[$0] })
                line.supportedByViewer = supported.contains($0.id)
                return line
            },
            cities: cities.map { ($0.id, "\($0.wijkName) (\($0.cityName))") },
            mayPropose: try await mayIdentifyOpgaven(viewer, meetingID: meeting.id, store: app.store),
            mayWriteMinutes: viewer.isStaff, mayCapture: viewer.mayCapture)
        model.outcomes.interventions = try await KnowledgeStore(
            store: app.store, audience: request.viewer.mayCapture ? .internal : .public
        ).all(.intervention, as: Intervention.self)
            .filter { $0.value.meetingID == meeting.id }.map { ($0.id, $0.value.title) }
        return html(MeetingPage.render(model), status: status)
    }

}
