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
    }

    func page(_ request: Request, problems: [String] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let programme = try await app.programme(request)
        try request.requireSignedIn()
        let notice: String? =
            switch try? request.query.get(String.self, at: "ok") {
            case "stem": "De voorkeur is opgeslagen en telt mee."
            case "thema": "Het kandidaatthema is toegevoegd."
            case "besluit": "De thema's zijn vastgesteld."
            default: nil
            }
        return html(
            ThemesPage.render(
                .init(
                    programme: programme, themes: try await app.themes.themes(programmeID: programme.id),
                    cities: try await app.programmes.cities(programmeID: programme.id),
                    ballots: try await app.themes.ballots(programmeID: programme.id),
                    tally: try await app.themes.tally(programmeID: programme.id),
                    decision: try await app.themes.decision(programmeID: programme.id),
                    viewer: request.viewer, session: request.sessionBar, csrf: request.csrf,
                    problems: problems, notice: notice)), status: status)
    }

    /// A change of the theme choice, then back to the page with a note, or the page with the problems.
    private func attempt(_ request: Request, ok: String, _ change: () async throws -> Void) async throws -> Response {
        let programme = try await app.programme(request)
        return try await WebApp.attempt(
            request,
            {
                try await change()
                return SiteURL.themes(programme.slug).path(query: [("ok", ok)])
            }, otherwise: { try await page(request, problems: $0, status: $1) })
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
        let cities = try await app.programmes.cities(programmeID: programme.id)
        guard let cityID = Int(f["stad"] ?? ""), cities.contains(where: { $0.id == cityID }) else {
            return try await page(
                request, problems: ["Namens: kies een stad van dit programma."], status: .unprocessableEntity)
        }
        try request.require(request.viewer.mayManage(city: cityID), "de themavoorkeur van deze stad")
        let count = try await app.themes.themes(programmeID: programme.id).count
        let ranking = (0..<count).compactMap { Int(f["plaats\($0 + 1)"] ?? "") }
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
}
