import Core
import Foundation
import Pages
import Programme
import Storage
import Vapor

/// The profile page: a participant's own details and registrations, and changing one's password.
struct ProfileController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.profile) { try await profile($0) }
        routes.on(.profileSave) { try await saveProfile($0) }
        routes.on(.passwordChange) { try await changePassword($0) }
    }

    func profile(_ request: Request, problems: [String] = [], notice: String? = nil, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        try request.requireSignedIn()
        let person =
            try await request.viewer.participantID.asyncMap { try await app.participants.participant(id: $0) } ?? nil
        var registrations: [(meeting: String, link: String, status: String)] = []
        if let person {
            let programmes = try await app.programmes.all()
            let own = try await app.registrations.registrations(participantID: person.id)
            let meetings = Dictionary(
                uniqueKeysWithValues: try await app.meetings.meetings(ids: own.map(\.meetingID)).map { ($0.id, $0) })
            for registration in own {
                guard let meeting = meetings[registration.meetingID],
                    let programme = programmes.first(where: { $0.id == meeting.programmeID })
                else { continue }
                registrations.append(
                    (
                        "\(meeting.title) (\(meeting.date.dutch))", MeetingPage.path(programme, meeting),
                        registration.status.rawValue
                    ))
            }
        }
        let message = notice ?? ((try? request.query.get(String.self, at: "ok")) == "opgeslagen" ? "Opgeslagen." : nil)
        return html(
            AccountPages.profile(
                session: request.sessionBar!, participant: person, registrations: registrations,
                problems: problems, notice: message), status: status)
    }

    func saveProfile(_ request: Request) async throws -> Response {
        try request.requireSignedIn()
        guard let id = request.viewer.participantID, let current = try await app.participants.participant(id: id) else {
            throw Abort(.forbidden, reason: "Alleen deelnemers hebben een deelnemersprofiel.")
        }
        let form = try request.form(ProfileForm.self)
        var person = current
        (person.name, person.email, person.organisation) = (
            form.name, form.email.trimmingCharacters(in: .whitespaces), form.organisation
        )
        (person.discipline, person.role, person.involvedInWijkaanpak) = (form.discipline, form.role, form.involved)
        person.version = form.version ?? 0
        return try await attempt(
            request,
            {
                _ = try await app.participants.update(person, actor: app.actor(request))
                return SiteURL.profile.path(query: ["ok": "opgeslagen"])
            }, otherwise: { try await profile(request, problems: $0, status: $1) })
    }

    func changePassword(_ request: Request) async throws -> Response {
        try request.requireSignedIn()
        let form = try request.form(PasswordChangeForm.self)
        guard let account = try await app.accounts.account(id: request.viewer.userID ?? 0) else {
            throw SignInRequired()
        }
        // A stolen session must not allow endless guesses at the current password either.
        let gate = LoginGate(app: app)
        let attempt: Int
        switch try await gate.begin(email: account.email, request: request) {
        case .wait(let seconds):
            return try await profile(request, problems: [LoginGate.refusal(seconds)], status: .tooManyRequests)
        case .check(let id): attempt = id
        }
        guard try await gate.verify(form.current, hash: account.passwordHash, attempt: attempt).matches else {
            return try await profile(
                request, problems: ["Huidig wachtwoord: klopt niet."], status: .unprocessableEntity)
        }
        try await app.accounts.clearFailures(email: account.email)
        let list = PasswordPolicy.problems(form.new, repeated: nil, email: account.email, name: account.name)
        guard list.isEmpty else { return try await profile(request, problems: list, status: .unprocessableEntity) }
        try await app.accounts.setPassword(
            userID: account.id, hash: try await app.passwords.hash(form.new), actor: account.email)
        let session = try await app.accounts.startSession(userID: account.id)
        request.replaceSession(with: session.token, csrf: session.csrf)
        return request.redirect(to: SiteURL.profile.path(query: ["ok": "opgeslagen"]), redirectType: .normal)
    }
}
