import Analysis
import Core
import Pages
import Programme
import Reports
import Wijkanalyse
import Storage
import Vapor

/// What the programme's controllers share: the stores, the mailer, password hashing and lookups of the records a
/// URL names (a record of another programme is "not found", never shown).
struct ProgrammeApp: Sendable {
    let store: Store
    let cache: AnalysisCache
    let mailer: Mailer
    let passwords: Passwords
    let publicURL: String
    let trustedProxies: [String]
    var throttle = LoginThrottle()
    var clock: Clock { Clock.current }

    var programmes: ProgrammeStore { ProgrammeStore(store: store) }
    var participants: ParticipantStore { ParticipantStore(store: store) }
    var themes: ThemeStore { ThemeStore(store: store) }
    var meetings: MeetingStore { MeetingStore(store: store) }
    var registrations: RegistrationStore { RegistrationStore(store: store) }
    var accounts: AccountStore { AccountStore(store: store) }

    func programme(_ request: Request) async throws -> ProgrammeInfo {
        let slug = try request.text("programme")
        guard let programme = try await programmes.programme(slug: slug) else {
            throw Abort(.notFound, reason: "Programma '\(slug)' bestaat niet.")
        }
        return programme
    }

    func city(_ request: Request, in programme: ProgrammeInfo) async throws -> ProgrammeCity {
        let id = try request.id("city")
        guard let city = try await programmes.city(id: id), city.programmeID == programme.id else {
            throw Abort(.notFound, reason: "Deze stad doet niet mee aan \(programme.name).")
        }
        return city
    }

    /// A meeting of the programme the viewer may see; a concept is "not found" for anyone but staff.
    func meeting(_ request: Request, in programme: ProgrammeInfo) async throws -> Meeting {
        let id = try request.id("meeting")
        guard let meeting = try await meetings.meeting(id: id),
            meeting.programmeID == programme.id, request.viewer.maySee(meeting)
        else {
            throw Abort(.notFound, reason: "Deze bijeenkomst bestaat niet of is nog niet gepubliceerd.")
        }
        return meeting
    }

    func actor(_ request: Request) -> String { request.viewer.email.isEmpty ? "anoniem" : request.viewer.email }

    func link(_ path: String) -> String { publicURL + path }

    /// The wijkanalyse in brief for a programme wijk, from its focus area.
    func analysis(for city: ProgrammeCity) async throws -> (CityPage.Analysis?, String) {
        guard let slug = city.focusAreaSlug, let area = try await FocusAreaStore(store: store).find(slug: slug) else {
            return (nil, "")
        }
        let codes = area.members.map(\.rawValue).joined(separator: " ")
        let snapshot = try await cache.snapshot()
        let note = area.note.isEmpty ? nil : area.note
        func source(_ s: SourceRef) -> String { "\(s.attribution) (tabel \(s.table), \(s.year); \(s.licence))" }
        if area.members.count == 1, let code = area.members.first,
            let model = WijkanalyseBuilder(snapshot: snapshot).model(for: code, mapIndicator: nil)
        {
            // The summary ends with the early-warning outcome when there is one.
            let sources = Set(model.profile?.rows.map { source($0.source) } ?? []).sorted()
            return (
                .init(
                    areaName: "\(model.region.name) (\(code))", note: note, sentences: model.summary.map(\.text),
                    sources: sources, link: SiteURL.region(code.rawValue).path), codes
            )
        }
        guard let table = snapshot.table(for: area) else { return (nil, codes) }
        let profile = FocusAreaProfile.build(area, table: table)
        var sentences: [String] = []
        for id in ["population", "households", "income_per_inhabitant", "social_assistance", "owner_occupied_pct"] {
            guard let row = profile.row(id) else { continue }
            switch row.outcome {
            case .computed(let value):
                sentences.append(
                    "\(row.indicator.label): \(DutchFormat.number(value, decimals: row.indicator.decimals))* (\(profile.period), berekend uit \(area.members.count) gebieden)"
                )
            case .unavailable(let reason): sentences.append("\(row.indicator.label): niet beschikbaar (\(reason))")
            }
        }
        return (
            .init(
                areaName: area.name, note: note, sentences: sentences,
                sources: Set(profile.rows.map { source($0.source) }).sorted(), link: SiteURL.focusArea(slug).path),
            codes
        )
    }
}

extension ProgrammeError: AbortError {
    public var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .conflict, .duplicate: .conflict
        case .invalid, .refused: .unprocessableEntity
        }
    }

    public var reason: String { description }
}

/// Opgaven are identified with the participants: those registered for the meeting, the cities' coordinators and staff.
func mayIdentifyOpgaven(_ viewer: Viewer, meetingID: Int, store: Store) async throws -> Bool {
    if viewer.isStaff { return true }
    if let meeting = try await MeetingStore(store: store).meeting(id: meetingID),
        viewer.coordinates(programme: meeting.programmeID)
    {
        return true
    }
    for participant in viewer.participantIDs
    where try await RegistrationStore(store: store).registrations(participantID: participant)
        .contains(where: { $0.meetingID == meetingID && $0.status == .registered })
    {
        return true
    }
    return false
}

/// Runs a change and redirects to the path it returns. A change the rules reject shows the page again with its
/// problems and the status the error carries (409 for a conflict, 422 otherwise); any other error is an error.
func attempt(
    _ request: Request, _ change: () async throws -> String,
    otherwise page: ([String], HTTPResponseStatus) async throws -> Response
) async throws -> Response {
    do {
        return request.redirect(to: try await change(), redirectType: .normal)
    } catch {
        guard let list = problems(error) else { throw error }
        let status = (error as? ProgrammeError)?.status ?? .unprocessableEntity
        // After a conflict the page shows the other person's newer version, not the stale text that was sent.
        if status == .conflict { return try await page(list, status) }
        return try await redrawn(request) { try await page(list, status) }
    }
}

/// A page drawn again for a refused form, with what was sent in its fields: a refused form never loses its input.
func redrawn(_ request: Request, _ page: () async throws -> Response) async throws -> Response {
    try await Forms.$submitted.withValue((try? formFields(request)) ?? [:]) { try await page() }
}

/// Problems of a rejected change as a list, for showing next to the form.
func problems(_ error: any Error) -> [String]? {
    switch error {
    case ProgrammeError.invalid(let list): list
    case let error as ProgrammeError: [error.description]
    case let error as FocusAreaError: [error.description]
    default: nil
    }
}
