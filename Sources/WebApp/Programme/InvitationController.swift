import Core
import Pages
import Programme
import Storage
import Vapor

/// Staff handle pending invitations: a new link for one (mailed when a relay is set, and shown once to the staff
/// member either way), or revoke it. The log records what was done, never a link.
struct InvitationController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.adminInvitationResend) { try await resend($0) }
        routes.on(.adminInvitationRevoke) { try await revoke($0) }
    }

    func resend(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        let admin = AdminController(app: app)
        guard
            let (token, invitation) = try await app.accounts.reissueInvitation(
                reference: try request.text("invitation"), actor: app.actor(request))
        else {
            return try await admin.admin(
                request, problems: ["Deze uitnodiging staat niet meer open (gebruikt, verlopen of ingetrokken)."],
                status: .notFound)
        }
        let link = app.link(SiteURL.invitation(token).path)
        let sent = await app.mailer.send(
            [
                MailText.invitation(
                    to: invitation.email, name: invitation.name, role: invitation.role, link: link,
                    validDays: AccountStore.invitationDays)
            ], logger: request.logger)
        return try await admin.admin(
            request,
            link: .init(
                explanation:
                    "Nieuwe link voor \(invitation.name) (\(invitation.email)); de vorige werkt niet meer. "
                    + (sent > 0
                        ? "Er is een e-mail met deze link verstuurd. "
                        : "Er is geen e-mail verstuurd: geef deze link zelf door. ")
                    + "Hij is \(AccountStore.invitationDays) dagen geldig, werkt één keer en wordt nergens bewaard:",
                link: link))
    }

    func revoke(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        let admin = AdminController(app: app)
        guard
            let invitation = try await app.accounts.revokeInvitation(
                reference: try request.text("invitation"), actor: app.actor(request))
        else {
            return try await admin.admin(
                request, problems: ["Deze uitnodiging staat niet meer open (gebruikt, verlopen of ingetrokken)."],
                status: .notFound)
        }
        return try await admin.admin(
            request, notice: "De uitnodiging van \(invitation.name) (\(invitation.email)) is ingetrokken.")
    }
}
