import Core
import Pages
import Programme
import Storage
import Vapor

/// Programmes, their cities and wijken, and each city's participants.
struct ProgrammeController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.programmes) { try await list($0) }
        routes.on(.programmeCreate) { try await createProgramme($0) }
        routes.on(.programme) { try await overview($0) }
        routes.on(.cityAdd) { try await addCity($0) }
    }

    func list(_ request: Request, problems: [String] = []) async throws -> Response {
        let csrf = request.csrf
        return html(
            ProgrammeListPage.render(
                .init(
                    programmes: try await app.programmes.all(), viewer: request.viewer,
                    session: request.sessionBar, csrf: csrf, problems: problems)),
            status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    func createProgramme(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het aanmaken van programma's")
        let form = try request.form(ProgrammeForm.self)
        guard let start = Day(iso: form.start), let end = Day(iso: form.end) else {
            return try await redrawn(request) {
                try await list(
                    request, problems: ["Begindatum en einddatum: vul beide in als datum (JJJJ-MM-DD)."])
            }
        }
        let countText = form.cities.trimmingCharacters(in: .whitespaces)
        guard countText.isEmpty || Int(countText) != nil else {
            return try await redrawn(request) {
                try await list(
                    request, problems: ["Aantal steden: '\(countText)' is geen geheel getal."])
            }
        }
        return try await attempt(
            request,
            {
                ProgrammePage.path(
                    try await app.programmes.create(
                        ProgrammeInfo(
                            slug: form.slug, name: form.name, organiser: form.organiser, startsOn: start, endsOn: end,
                            summary: form.summary, source: form.source, plannedCities: Int(countText)),
                        actor: app.actor(request)))
            }, otherwise: { list, _ in try await self.list(request, problems: list) })
    }

    func overviewModel(_ request: Request, _ programme: ProgrammeInfo) async throws -> ProgrammePage.Model {
        let cities = try await app.programmes.cities(programmeID: programme.id)
        let themes = try await app.themes.themes(programmeID: programme.id)
        let title = Dictionary(uniqueKeysWithValues: themes.map { ($0.id, $0.title) })
        let chosen = try await app.themes.decision(programmeID: programme.id)?.themeIDs.compactMap { title[$0] } ?? []
        let host = Dictionary(uniqueKeysWithValues: cities.map { ($0.id, "\($0.wijkName) (\($0.cityName))") })
        let areas = Dictionary(
            uniqueKeysWithValues: try await FocusAreaStore(store: app.store).areas(
                slugs: cities.compactMap(\.focusAreaSlug)
            )
            .map { ($0.slug, $0) })
        var lines: [ProgrammePage.CityLine] = []
        for city in cities {
            let area = city.focusAreaSlug.flatMap { areas[$0] }
            lines.append(
                .init(
                    city: city,
                    areaLabel: area.map {
                        $0.members.map(\.rawValue).joined(separator: ", ")
                            + ($0.note.hasPrefix("Benadering") ? " (benadering)" : "")
                    }))
        }
        let meetings = try await app.meetings.meetings(programmeID: programme.id).map {
            ProgrammePage.MeetingLine(
                meeting: $0, theme: $0.themeID.flatMap { title[$0] }, host: $0.hostCityID.flatMap { host[$0] })
        }
        let warnings = request.viewer.isStaff ? try await app.meetings.hostWarnings(programmeID: programme.id) : []
        return .init(
            programme: programme, cities: lines, chosenThemes: chosen, meetings: meetings,
            warnings: warnings, viewer: request.viewer, session: request.sessionBar,
            csrf: request.csrf)
    }

    func overview(_ request: Request) async throws -> Response {
        html(ProgrammePage.render(try await overviewModel(request, try await app.programme(request))))
    }

    func addCity(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        try request.require(request.viewer.isStaff, "het toevoegen van steden")
        let form = try request.form(CityForm.self)
        return try await attempt(
            request,
            {
                CityPage.path(
                    programme,
                    try await app.programmes.addCity(
                        ProgrammeCity(
                            programmeID: programme.id,
                            municipalityCode: form.municipalityCode.trimmingCharacters(in: .whitespaces).uppercased(),
                            cityName: form.city, wijkName: form.wijk, source: form.source), actor: app.actor(request)))
            },
            otherwise: { list, status in
                var model = try await overviewModel(request, programme)
                model.problems = list
                return html(ProgrammePage.render(model), status: status)
            })
    }

}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
