import Core
import Pages
import Programme
import Storage
import Vapor

/// A programme's cities: the wijk description (coordinator and staff) and the city's participants with their
/// invitations.
struct CityController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.city) { try await cityPage($0) }
        routes.on(.cityEdit) { try await editCity($0) }
        routes.on(.participants) { try await participantsPage($0) }
        routes.on(.participantSave) { try await saveParticipant($0) }
        routes.on(.participantInvite) { try await inviteParticipant($0) }
    }

    func cityPage(
        _ request: Request, city override: ProgrammeCity? = nil, focusCodes: String? = nil, problems: [String] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let programme = try await app.programme(request)
        let stored = try await app.city(request, in: programme)
        let (analysis, codes) = try await app.analysis(for: stored)
        let notice =
            (try? request.query.get(String.self, at: "ok")) == "opgeslagen" ? "De beschrijving is opgeslagen." : nil
        return html(
            CityPage.render(
                .init(
                    programme: programme, city: override ?? stored, analysis: analysis, focusCodes: focusCodes ?? codes,
                    mayEdit: request.viewer.mayManage(city: stored.id), session: request.sessionBar,
                    csrf: request.csrf, problems: problems, notice: notice)),
            status: status)
    }

    func editCity(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        var city = try await app.city(request, in: programme)
        try request.require(request.viewer.mayManage(city: city.id), "de beschrijving van \(city.wijkName)")
        let f = try formFields(request)
        var list: [String] = []
        func year(_ key: String, _ label: String) -> Int? {
            let text = (f[key] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard let value = Int(text) else { list.append("\(label): '\(text)' is geen geheel getal."); return nil }
            return value
        }
        city.version = Int(f["versie"] ?? "") ?? 0
        city.wijkName = f["wijk"] ?? city.wijkName
        city.buildFrom = year("bouw_van", "Bouwperiode vanaf")
        city.buildTo = year("bouw_tot", "Bouwperiode tot")
        city.inhabitants = year("inwoners", "Inwoners")
        city.locationKind = LocationKind(rawValue: f["ligging"] ?? "") ?? .unknown
        city.descriptors = DescriptorField.allCases.compactMap { field in
            let value = (f["d_\(field.rawValue)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty
                ? nil
                : Descriptor(
                    field: field, value: value,
                    source: (f["b_\(field.rawValue)"] ?? "").trimmingCharacters(in: .whitespaces))
        }
        let codesText = (f["cbs"] ?? "").uppercased()
        let codes = codesText.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
        let regionCodes = codes.compactMap(RegionCode.init)
        for code in codes where RegionCode(code) == nil {
            list.append("CBS-gebied: '\(code)' is geen CBS-code (WK + 6 tekens of BU + 8 tekens).")
        }
        guard list.isEmpty else {
            return try await cityPage(
                request, city: city, focusCodes: codesText, problems: list, status: .unprocessableEntity)
        }
        let edited = city
        return try await attempt(
            request,
            {
                var saved = edited
                saved.focusAreaSlug = try await linkArea(edited, codes: regionCodes)
                _ = try await app.programmes.updateCity(saved, actor: app.actor(request))
                return CityPage.path(programme, saved) + "?ok=opgeslagen"
            }, otherwise: { try await cityPage(request, city: edited, focusCodes: codesText, problems: $0, status: $1) }
        )
    }

    /// Keeps the wijk's focus area in step with the codes on the form: created, updated or unlinked.
    func linkArea(_ city: ProgrammeCity, codes: [RegionCode]) async throws -> String? {
        guard !codes.isEmpty else { return nil }
        let areas = FocusAreaStore(store: app.store)
        if let slug = city.focusAreaSlug, var area = try await areas.find(slug: slug) {
            guard Set(area.members) != Set(codes) else { return slug }
            area.members = codes
            area.note = "Samengesteld voor het kennisprogramma."
            return try await areas.update(area).slug
        }
        let slug = "programma-\(city.programmeID)-\(city.id)"
        return try await areas.create(
            FocusArea(
                slug: slug, name: "\(city.wijkName) (\(city.cityName))",
                note: "Samengesteld voor het kennisprogramma.", members: codes)
        ).slug
    }

    func participantsPage(
        _ request: Request, problems: [String] = [], editing: Participant? = nil, link: AdminPage.OneTimeLink? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let programme = try await app.programme(request)
        let city = try await app.city(request, in: programme)
        try request.require(request.viewer.mayManage(city: city.id), "de deelnemers van \(city.cityName)")
        let people = try await app.participants.participants(programmeID: programme.id, cityID: city.id)
        let withAccount = Set(try await app.accounts.accounts().flatMap { $0.memberships.compactMap(\.participantID) })
        let chosen =
            editing ?? (try? request.query.get(Int.self, at: "bewerk")).flatMap { id in people.first { $0.id == id } }
        let notice: String? =
            switch try? request.query.get(String.self, at: "ok") {
            case "opgeslagen": "De deelnemer is opgeslagen."
            case "uitgenodigd": "De uitnodiging is per e-mail verstuurd."
            default: nil
            }
        return html(
            ParticipantsPage.render(
                .init(
                    programme: programme, city: city, participants: people, withAccount: withAccount,
                    editing: chosen, session: request.sessionBar,
                    csrf: request.csrf, problems: problems, notice: notice, link: link)),
            status: status)
    }

    func saveParticipant(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let city = try await app.city(request, in: programme)
        try request.require(request.viewer.mayManage(city: city.id), "de deelnemers van \(city.cityName)")
        let form = try request.form(ParticipantForm.self)
        var person = Participant(
            programmeID: programme.id, cityID: city.id, name: form.name,
            email: form.email.trimmingCharacters(in: .whitespaces),
            organisation: form.organisation, discipline: form.discipline, role: form.role,
            involvedInWijkaanpak: form.involved)
        if let id = form.id {
            guard let existing = try await app.participants.participant(id: id), existing.cityID == city.id else {
                throw Abort(.notFound, reason: "Deze deelnemer hoort niet bij \(city.cityName).")
            }
            person.id = id
            person.version = form.version ?? 0
        }
        let edited = person
        return try await attempt(
            request,
            {
                _ =
                    edited.id == 0
                    ? try await app.participants.add(edited, actor: app.actor(request))
                    : try await app.participants.update(edited, actor: app.actor(request))
                return SiteURL.participants(programme.slug, city.id).path(query: ["ok": "opgeslagen"])
            }, otherwise: { try await participantsPage(request, problems: $0, editing: edited, status: $1) })
    }

    func inviteParticipant(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let city = try await app.city(request, in: programme)
        try request.require(request.viewer.mayManage(city: city.id), "de deelnemers van \(city.cityName)")
        let id = try request.id("participant")
        guard let person = try await app.participants.participant(id: id),
            person.cityID == city.id
        else { throw Abort(.notFound, reason: "Deze deelnemer hoort niet bij \(city.cityName).") }
        do {
            let token = try await app.accounts.invite(
                email: person.email, name: person.name, role: .participant, cityID: city.id,
                participantID: person.id, actor: app.actor(request))
            let link = app.link(SiteURL.invitation(token).path)
            guard app.mailer.isConfigured else {
                // No mail server: the link is shown once to whoever invited, to pass on; it is never logged.
                return try await participantsPage(
                    request,
                    link: .init(
                        explanation:
                            "Uitnodiging gemaakt voor \(person.name). Er is geen mailserver ingesteld: geef deze link zelf door. Hij is \(AccountStore.invitationDays) dagen geldig en werkt één keer:",
                        link: link))
            }
            await app.mailer.send(
                [
                    MailText.invitation(
                        to: person.email, name: person.name, role: .participant, link: link,
                        validDays: AccountStore.invitationDays)
                ], logger: request.logger)
            return request.redirect(
                to: SiteURL.participants(programme.slug, city.id).path(query: ["ok": "uitgenodigd"]),
                redirectType: .normal)
        } catch {
            guard let list = problems(error) else { throw error }
            return try await participantsPage(
                request, problems: list, status: (error as? ProgrammeError)?.status ?? .unprocessableEntity)
        }
    }
}
