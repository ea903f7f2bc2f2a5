import Core
import Foundation
import Pages
import Programme
import Storage
import Vapor

/// Signing in and out, and accepting an invitation.
struct AccountController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.login) { request in
            try await loginPage(request, back: LocalPath.orHome(try? request.query.get(String.self, at: "terug")))
        }
        routes.on(.loginSubmit) { try await login($0) }
        routes.on(.logout) { try await logout($0) }
        routes.on(.invitation) { try await invitationPage($0) }
        routes.on(.invitationAccept) { try await acceptInvitation($0) }
    }

    func loginPage(
        _ request: Request, back: String, email: String = "", problems: [String] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let csrf = try await request.formToken(accounts: app.accounts)
        let notice: String? =
            switch try? request.query.get(String.self, at: "ok") {
            case "account": "Uw account is aangemaakt. Log in met uw e-mailadres en wachtwoord."
            case "wachtwoord": "Uw nieuwe wachtwoord is opgeslagen. Log ermee in."
            default: nil
            }
        return html(
            AccountPages.login(csrf: csrf, email: email, back: back, problems: problems, notice: notice), status: status
        )
    }

    /// Throttled by `LoginThrottle`: an attempt that comes too soon is refused before the password is checked, and
    /// is not counted, so nobody can lengthen someone else's wait.
    func login(_ request: Request) async throws -> Response {
        let form = try request.form(LoginForm.self)
        let email = form.email.trimmingCharacters(in: .whitespaces).lowercased()
        let back = LocalPath.orHome(form.back)
        let gate = LoginGate(app: app)
        let attempt: Int
        switch try await gate.begin(email: email, request: request) {
        case .wait(let seconds):
            let response = try await loginPage(
                request, back: back, email: email, problems: [LoginGate.refusal(seconds)],
                status: .tooManyRequests)
            response.headers.replaceOrAdd(name: "Retry-After", value: String(seconds))
            return response
        case .check(let id):
            attempt = id
        }
        let account = try await app.accounts.account(email: email)
        let password = form.password
        // An unknown address costs as much time as a wrong password, so timing does not tell which addresses exist.
        let check = try await gate.verify(
            password, hash: account?.passwordHash ?? app.passwords.decoy, attempt: attempt)
        guard let account, check.matches else {
            // The attempt stays written as a failure.
            return try await loginPage(
                request, back: back, email: email, problems: ["E-mailadres of wachtwoord klopt niet."],
                status: .unauthorized)
        }
        guard !account.deactivated else {
            return try await loginPage(
                request, back: back, email: email,
                problems: ["Dit account is gedeactiveerd. Vraag het programmabureau om het weer te activeren."],
                status: .forbidden)
        }
        if check.needsUpgrade {
            try await app.accounts.upgradeHash(userID: account.id, hash: try await app.passwords.hash(password))
        }
        try await app.accounts.clearFailures(email: email)
        if let old = request.context.token { try await app.accounts.endSession(token: old) }
        let session = try await app.accounts.startSession(userID: account.id)
        request.replaceSession(with: session.token, csrf: session.csrf)
        return request.redirect(to: back, redirectType: .normal)
    }

    func logout(_ request: Request) async throws -> Response {
        if let token = request.context.token { try await app.accounts.endSession(token: token) }
        let response = request.redirect(to: SiteURL.home.path, redirectType: .normal)
        response.cookies[SessionMiddleware.cookie] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
            path: SiteURL.home.path, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    func invitationPage(_ request: Request, problems: [String] = [], status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let token = try request.text("token")
        guard let invitation = try await app.accounts.invitation(token: token) else {
            throw Abort(
                .notFound,
                reason:
                    "Deze uitnodigingslink is ongeldig, al gebruikt of verlopen. Vraag het programmabureau om een nieuwe."
            )
        }
        let existing = try await app.accounts.account(email: invitation.email)
        let programme = try await invitation.cityID.asyncMap { try await app.programmes.city(id: $0) }??.programmeID
        let name = try await programme.asyncMap { id in try await app.programmes.all().first { $0.id == id }?.name }
        return html(
            AccountPages.invitation(
                csrf: try await request.formToken(accounts: app.accounts), token: token, name: invitation.name,
                email: invitation.email, role: invitation.role.label, problems: problems,
                existing: existing.map { $0.id == request.viewer.userID }, programme: (name ?? nil) ?? ""),
            status: status)
    }

    func acceptInvitation(_ request: Request) async throws -> Response {
        let token = try request.text("token")
        if try formFields(request)["actie"] == "aannemen" {
            // An existing account takes the invitation up as one more role.
            try request.requireSignedIn()
            return try await attempt(
                request,
                {
                    _ = try await app.accounts.join(token: token, userID: request.viewer.userID ?? 0)
                    return SiteURL.programmes.path
                }, otherwise: { try await invitationPage(request, problems: $0, status: $1) })
        }
        let form = try request.form(NewPasswordForm.self)
        let invitation = try await app.accounts.invitation(token: token)
        let password = form.password
        let list = PasswordPolicy.problems(
            password, repeated: form.repeated, email: invitation?.email ?? "",
            name: invitation?.name ?? "")
        guard list.isEmpty else {
            return try await invitationPage(request, problems: list, status: .unprocessableEntity)
        }
        return try await attempt(
            request,
            {
                _ = try await app.accounts.accept(token: token, passwordHash: try await app.passwords.hash(password))
                return SiteURL.login.path(query: ["ok": "account"])
            }, otherwise: { try await invitationPage(request, problems: $0, status: $1) })
    }

}
