import Core
import Foundation
import Pages
import Programme
import Storage
import Vapor

/// A forgotten password: the account holder asks for a link by e-mail, or — when no mail server is set — staff make
/// one on /beheer and pass it on. Both are the same one-time link (`AccountStore.createResetLink`).
struct PasswordResetController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.forgotPassword) { try await forgotPage($0) }
        routes.on(.forgotPasswordSubmit) { try await requestLink($0) }
        routes.on(.passwordReset) { try await resetPage($0) }
        routes.on(.passwordResetSubmit) { try await reset($0) }
        routes.on(.adminResetLink) { try await staffLink($0) }
    }

    func forgotPage(
        _ request: Request, email: String = "", sent: Bool = false, problems: [String] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        html(
            AccountPages.forgotPassword(
                csrf: try await request.formToken(accounts: app.accounts), email: email,
                mailConfigured: app.mailer.isConfigured, sent: sent, problems: problems), status: status)
    }

    /// At most this many requests for a link per client address in `throttle.window`.
    static let requestsPerClient = 5

    /// The answer is the same, and as quick, whether the address has an account or not: the link is made and mailed
    /// after the answer. A client asks at most five times a quarter, and an account gets a new link at most every ten
    /// minutes, so nobody can flood a mailbox or keep killing someone's link.
    func requestLink(_ request: Request) async throws -> Response {
        guard app.mailer.isConfigured else { return try await forgotPage(request) }
        let email = try request.form(EmailForm.self).email.trimmingCharacters(in: .whitespaces).lowercased()
        guard email.contains("@") else {
            return try await forgotPage(
                request, email: email, problems: ["E-mail: vul het e-mailadres van uw account in."],
                status: .unprocessableEntity)
        }
        let client = request.clientAddress(trusting: app.trustedProxies)
        let attempt = try await app.accounts.beginAttempt(kind: "herstel", email: email, client: client)
        let before = try await app.accounts.failures(
            before: attempt, kind: "herstel", email: email, client: client,
            window: app.throttle.window)
        guard before.client.count < Self.requestsPerClient else {
            try await app.accounts.forget(attempt: attempt)
            return try await forgotPage(
                request, email: email,
                problems: [
                    "U heeft al een paar keer een link gevraagd. Kijk in uw mailbox (ook bij ongewenste e-mail), of probeer het over een kwartier opnieuw."
                ],
                status: .tooManyRequests)
        }
        let (accounts, mailer, link, logger) = (app.accounts, app.mailer, app.link, request.logger)
        Task.detached {
            guard let account = try? await accounts.account(email: email),
                let token = try? await accounts.createResetLink(userID: account.id, actor: email, keepRecent: true)
            else { return }
            await mailer.send(
                [
                    MailText.passwordReset(
                        to: account.email, name: account.name, link: link(SiteURL.passwordReset(token).path),
                        validHours: AccountStore.resetHours)
                ], logger: logger)
        }
        return try await forgotPage(request, email: email, sent: true)
    }

    func resetPage(_ request: Request, problems: [String] = [], status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let token = try request.text("token")
        guard let account = try await app.accounts.resetAccount(token: token) else {
            throw Abort(
                .notFound,
                reason:
                    "Deze herstellink is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan via ‘Wachtwoord vergeten?’."
            )
        }
        return html(
            AccountPages.resetPassword(
                csrf: try await request.formToken(accounts: app.accounts), token: token, email: account.email,
                problems: problems), status: status)
    }

    func reset(_ request: Request) async throws -> Response {
        let form = try request.form(NewPasswordForm.self)
        let token = try request.text("token")
        guard let account = try await app.accounts.resetAccount(token: token) else {
            return try await resetPage(request)
        }
        let password = form.password
        let list = PasswordPolicy.problems(password, repeated: form.repeated, email: account.email, name: account.name)
        guard list.isEmpty else { return try await resetPage(request, problems: list, status: .unprocessableEntity) }
        return try await attempt(
            request,
            {
                _ = try await app.accounts.resetPassword(
                    token: token, passwordHash: try await app.passwords.hash(password))
                return SiteURL.login.path(query: ["ok": "wachtwoord"])
            }, otherwise: { try await resetPage(request, problems: $0, status: $1) })
    }

    /// Staff make a link for someone and see it once, to pass on by phone or chat.
    func staffLink(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        let id = try request.id("account")
        guard let account = try await app.accounts.account(id: id) else {
            throw Abort(.notFound, reason: "Dit account bestaat niet.")
        }
        guard let token = try await app.accounts.createResetLink(userID: account.id, actor: app.actor(request)) else {
            throw Abort(.internalServerError)
        }
        return try await AdminController(app: app).admin(
            request,
            link: .init(
                explanation:
                    "Herstellink voor \(account.name) (\(account.email)), \(AccountStore.resetHours) uur geldig en één keer te gebruiken. Eerdere herstellinks voor dit account werken niet meer:",
                link: app.link(SiteURL.passwordReset(token).path)))
    }
}
