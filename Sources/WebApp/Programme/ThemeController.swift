import Pages
import Programme
import Storage
import Vapor

/// Theme choice: candidates (staff), rankings (each city's coordinator, or staff on its behalf), decision (staff).
struct ThemeController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.themes) { try await page($0) }
        routes.on(.themeAdd) { try await addTheme($0) }
        routes.on(.themeVote) { try await vote($0) }
        routes.on(.themeDecide) { try await decide($0) }
        routes.on(.themeWeighting) { try await weigh($0) }
    }

    /// The viewer as a participant of this programme: their participant record and its city.
    func me(_ request: Request, _ programme: ProgrammeInfo) async throws -> (participantID: Int, cityID: Int)? {
        for id in request.viewer.participantIDs {
            if let participant = try await app.participants.participant(id: id), participant.programmeID == programme.id
            {
                return (participant.id, participant.cityID)
            }
        }
        return nil
    }

    func page(
        _ request: Request, problems: [String] = [], typed: [String: String] = [:], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let programme = try await app.programme(request)
        try request.requireSignedIn()
        let notice: String? =
            switch try? request.query.get(String.self, at: "ok") {
            case "stem": "De voorkeur is opgeslagen en telt mee."
            case "thema": "Het kandidaatthema is toegevoegd."
            case "besluit": "De thema's zijn vastgesteld."
            case "weging": "De weging is opgeslagen; de telling hieronder gebruikt haar."
            default: nil
            }
        var model = ThemesPage.Model(
            programme: programme, themes: try await app.themes.themes(programmeID: programme.id),
            cities: try await app.programmes.cities(programmeID: programme.id),
            ballots: try await app.themes.ballots(programmeID: programme.id),
            tally: try await app.themes.tally(programmeID: programme.id),
            decision: try await app.themes.decision(programmeID: programme.id),
            viewer: request.viewer, session: request.sessionBar, csrf: request.csrf,
            problems: problems, notice: notice)
        model.participantBallots = try await app.themes.participantBallots(programmeID: programme.id)
        model.weighting = try await app.themes.weighting(programmeID: programme.id)
        model.me = try await me(request, programme)
        model.typed = typed
        if request.viewer.isStaff || request.viewer.isCoordinator {
            model.participantNames = Dictionary(
                uniqueKeysWithValues: try await app.participants.participants(programmeID: programme.id).map {
                    ($0.id, $0.name)
                })
        }
        return html(ThemesPage.render(model), status: status)
    }

    /// A change of the theme choice, then back to the page with a note, or the page with the problems.
    /// What was sent comes back with the problems: a refused ranking or decision is never lost.
    private func attempt(_ request: Request, ok: String, _ change: () async throws -> Void) async throws -> Response {
        let programme = try await app.programme(request)
        let typed = (try? formFields(request)) ?? [:]
        return try await WebApp.attempt(
            request,
            {
                try await change()
                return SiteURL.themes(programme.slug).path(query: [("ok", ok)])
            }, otherwise: { try await page(request, problems: $0, typed: typed, status: $1) })
    }

    func addTheme(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        try request.require(request.viewer.isStaff, "het toevoegen van thema's")
        let f = try formFields(request)
        return try await attempt(request, ok: "thema") {
            _ = try await app.themes.add(
                Theme(
                    programmeID: programme.id, title: (f["titel"] ?? "").trimmingCharacters(in: .whitespaces),
                    summary: f["toelichting"] ?? ""), actor: app.actor(request))
        }
    }

    func vote(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        try request.requireSignedIn()
        let f = try formFields(request)
        let count = try await app.themes.themes(programmeID: programme.id).count
        let ranking = (0..<count).compactMap { Int(f["plaats\($0 + 1)"] ?? "") }
        if f["als"] == "deelnemer" {
            guard let me = try await me(request, programme) else {
                throw Abort(.forbidden, reason: "Alleen deelnemers van dit programma rangschikken zelf.")
            }
            return try await attempt(request, ok: "stem") {
                try await app.themes.submit(
                    ParticipantBallot(participantID: me.participantID, cityID: me.cityID, ranking: ranking),
                    programmeID: programme.id, actor: app.actor(request))
            }
        }
        let cities = try await app.programmes.cities(programmeID: programme.id)
        guard let cityID = Int(f["stad"] ?? ""), cities.contains(where: { $0.id == cityID }) else {
            return try await page(
                request, problems: ["Namens: kies een stad van dit programma."], typed: f, status: .unprocessableEntity)
        }
        try request.require(request.viewer.mayManage(city: cityID), "de themavoorkeur van deze stad")
        return try await attempt(request, ok: "stem") {
            try await app.themes.submit(
                Ballot(cityID: cityID, ranking: ranking, submittedBy: app.actor(request)), programmeID: programme.id,
                actor: app.actor(request))
        }
    }

    func decide(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        try request.require(request.viewer.isStaff, "het vaststellen van thema's")
        let f = try formFields(request)
        let chosen = try await app.themes.themes(programmeID: programme.id).filter { f["thema\($0.id)"] != nil }.map(
            \.id)
        return try await attempt(request, ok: "besluit") {
            _ = try await app.themes.decide(
                programmeID: programme.id, themeIDs: chosen, reason: f["reden"] ?? "", actor: app.actor(request))
        }
    }

    func weigh(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        try request.require(request.viewer.isStaff, "de weging van de themakeuze")
        return try await attempt(request, ok: "weging") {
            guard let weighting = BallotWeighting(rawValue: try formFields(request)["weging"] ?? "") else {
                throw ProgrammeError.invalid(["Weging: kies een van de twee."])
            }
            try await app.themes.setWeighting(weighting, programmeID: programme.id, actor: app.actor(request))
        }
    }
}
