import Foundation
import Pages
import Programme
import Storage
import Vapor

/// Signing in and out, invitations, the profile page and staff's account overview with the audit log.
struct AccountController: Sendable {
    let app: ProgrammeApp
    /// At most this many failed logins per address in `throttleWindow` seconds; then the address waits.
    static let maximumFailures = 5
    static let throttleWindow = 15 * 60

    func register(_ routes: any RoutesBuilder) {
        routes.get("inloggen") { request in
            try await loginPage(request, back: safeReturnPath(try? request.query.get(String.self, at: "terug")))
        }
        routes.post("inloggen") { try await login($0) }
        routes.post("uitloggen") { try await logout($0) }
        routes.get("uitnodiging", ":token") { try await invitationPage($0) }
        routes.post("uitnodiging", ":token") { try await acceptInvitation($0) }
        routes.get("profiel") { try await profile($0) }
        routes.post("profiel") { try await saveProfile($0) }
        routes.post("profiel", "wachtwoord") { try await changePassword($0) }
        routes.get("beheer") { try await admin($0) }
        routes.post("beheer", "uitnodigingen") { try await invite($0) }
    }

    func loginPage(_ request: Request, back: String, email: String = "", problems: [String] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let csrf = try await request.formToken(accounts: app.accounts)
        let notice = (try? request.query.get(String.self, at: "ok")) == "account" ? "Uw account is aangemaakt. Log in met uw e-mailadres en wachtwoord." : nil
        return html(AccountPages.login(csrf: csrf, email: email, back: back, problems: problems, notice: notice), status: status)
    }

    func login(_ request: Request) async throws -> Response {
        let f = try formFields(request)
        let email = (f["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let back = safeReturnPath(f["terug"])
        let failures = try await app.accounts.recentFailures(email: email, window: Self.throttleWindow)
        if failures.count >= Self.maximumFailures {
            let minutes = max(1, ((failures.oldest ?? 0) + Self.throttleWindow - Int(Date().timeIntervalSince1970) + 59) / 60)
            return try await loginPage(request, back: back, email: email, problems: [
                "Te veel mislukte pogingen voor dit adres. Probeer het over \(minutes) minuten opnieuw, of vraag het programmabureau om hulp."],
                                       status: .tooManyRequests)
        }
        let account = try await app.accounts.account(email: email)
        // An unknown address costs as much time as a wrong password, so timing does not tell which addresses exist.
        let ok = try await app.passwords.verify(f["wachtwoord"] ?? "", hash: account?.passwordHash ?? app.passwords.decoy)
        guard let account, ok else {
            try await app.accounts.recordFailure(email: email)
            return try await loginPage(request, back: back, email: email, problems: ["E-mailadres of wachtwoord klopt niet."], status: .unauthorized)
        }
        try await app.accounts.clearFailures(email: email)
        if let old = request.context.token { try await app.accounts.endSession(token: old) }
        let session = try await app.accounts.startSession(userID: account.id)
        request.replaceSession(with: session.token, csrf: session.csrf)
        return request.redirect(to: back, redirectType: .normal)
    }

    func logout(_ request: Request) async throws -> Response {
        if let token = request.context.token { try await app.accounts.endSession(token: token) }
        let response = request.redirect(to: "/", redirectType: .normal)
        response.cookies[SessionMiddleware.cookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                                                                      isHTTPOnly: true, sameSite: .lax)
        return response
    }

    func invitationPage(_ request: Request, problems: [String] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        guard let invitation = try await app.accounts.invitation(token: token) else {
            throw Abort(.notFound, reason: "Deze uitnodigingslink is ongeldig, al gebruikt of verlopen. Vraag het programmabureau om een nieuwe.")
        }
        return html(AccountPages.invitation(csrf: try await request.formToken(accounts: app.accounts), token: token, name: invitation.name,
                                            email: invitation.email, role: invitation.role.label, problems: problems), status: status)
    }

    func acceptInvitation(_ request: Request) async throws -> Response {
        let f = try formFields(request)
        let password = f["wachtwoord"] ?? ""
        let list = Passwords.problems(password, repeated: f["herhaling"] ?? "")
        guard list.isEmpty else { return try await invitationPage(request, problems: list, status: .unprocessableEntity) }
        return try await attempt(request, {
            _ = try await app.accounts.accept(token: request.parameters.get("token") ?? "", passwordHash: try await app.passwords.hash(password))
            return "/inloggen?ok=account"
        }, otherwise: { try await invitationPage(request, problems: $0, status: $1) })
    }

    func profile(_ request: Request, problems: [String] = [], notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        try request.requireSignedIn()
        let person = try await request.viewer.participantID.asyncMap { try await app.participants.participant(id: $0) } ?? nil
        var registrations: [(meeting: String, link: String, status: String)] = []
        if let person {
            for registration in try await app.registrations.registrations(participantID: person.id) {
                guard let meeting = try await app.meetings.meeting(id: registration.meetingID),
                      let programme = try await app.programmes.all().first(where: { $0.id == meeting.programmeID }) else { continue }
                registrations.append(("\(meeting.title) (\(meeting.date.dutch))", MeetingPage.path(programme, meeting), registration.status.rawValue))
            }
        }
        let message = notice ?? ((try? request.query.get(String.self, at: "ok")) == "opgeslagen" ? "Opgeslagen." : nil)
        return html(AccountPages.profile(session: request.sessionBar!, participant: person, registrations: registrations, problems: problems, notice: message),
                    status: status)
    }

    func saveProfile(_ request: Request) async throws -> Response {
        try request.requireSignedIn()
        guard let id = request.viewer.participantID, let current = try await app.participants.participant(id: id) else {
            throw Abort(.forbidden, reason: "Alleen deelnemers hebben een deelnemersprofiel.")
        }
        let f = try formFields(request)
        var person = current
        (person.name, person.email, person.organisation) = (f["naam"] ?? "", (f["email"] ?? "").trimmingCharacters(in: .whitespaces), f["organisatie"] ?? "")
        (person.discipline, person.role, person.involvedInWijkaanpak) = (f["discipline"] ?? "", f["rol"] ?? "", f["betrokken"] == "ja")
        person.version = Int(f["versie"] ?? "") ?? 0
        return try await attempt(request, {
            _ = try await app.participants.update(person, actor: app.actor(request))
            return "/profiel?ok=opgeslagen"
        }, otherwise: { try await profile(request, problems: $0, status: $1) })
    }

    func changePassword(_ request: Request) async throws -> Response {
        try request.requireSignedIn()
        let f = try formFields(request)
        guard let account = try await app.accounts.account(id: request.viewer.userID ?? 0),
              try await app.passwords.verify(f["huidig"] ?? "", hash: account.passwordHash) else {
            return try await profile(request, problems: ["Huidig wachtwoord: klopt niet."], status: .unprocessableEntity)
        }
        let list = Passwords.problems(f["nieuw"] ?? "", repeated: nil)
        guard list.isEmpty else { return try await profile(request, problems: list, status: .unprocessableEntity) }
        try await app.accounts.setPassword(userID: account.id, hash: try await app.passwords.hash(f["nieuw"] ?? ""), actor: account.email)
        let session = try await app.accounts.startSession(userID: account.id)
        request.replaceSession(with: session.token, csrf: session.csrf)
        return request.redirect(to: "/profiel?ok=opgeslagen", redirectType: .normal)
    }

    func admin(_ request: Request, invitationLink: String? = nil, problems: [String] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        var cities: [(id: Int, label: String)] = []
        for programme in try await app.programmes.all() {
            cities += try await app.programmes.cities(programmeID: programme.id).map { ($0.id, "\($0.cityName) – \($0.wijkName) (\(programme.name))") }
        }
        let label = Dictionary(uniqueKeysWithValues: cities.map { ($0.id, $0.label) })
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let log = try await AuditLog(store: app.store).recent().map {
            AdminPage.LogLine(at: formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0.at))), actor: $0.actor, action: $0.action,
                              subject: $0.subject, detail: $0.detail)
        }
        let accounts = try await app.accounts.accounts().map {
            AdminPage.AccountLine(email: $0.email, name: $0.name, role: $0.role.label, city: $0.cityID.flatMap { label[$0] })
        }
        return html(AdminPage.render(.init(accounts: accounts, cities: cities, log: log, invitationLink: invitationLink,
                                           session: request.sessionBar!, problems: problems)), status: status)
    }

    func invite(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        let f = try formFields(request)
        guard let role = Role(rawValue: f["rol"] ?? ""), role != .participant else {
            return try await admin(request, problems: ["Rol: kies programmastaf of stadscoördinator."], status: .unprocessableEntity)
        }
        let email = (f["email"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let token = try await app.accounts.invite(email: email, name: f["naam"] ?? "", role: role,
                                                      cityID: role == .staff ? nil : Int(f["stad"] ?? ""), participantID: nil, actor: app.actor(request))
            let link = app.link("/uitnodiging/\(token)")
            await app.mailer.send([MailText.invitation(to: email, name: f["naam"] ?? "", role: role, link: link, validDays: AccountStore.invitationDays)],
                                  logger: request.logger)
            return try await admin(request, invitationLink: link)
        } catch {
            guard let list = problems(error) else { throw error }
            return try await admin(request, problems: list, status: (error as? ProgrammeError)?.status ?? .unprocessableEntity)
        }
    }
}
