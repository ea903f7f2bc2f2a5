import Core
import Foundation
import Pages
import Programme
import Storage
import Vapor

/// Staff's account overview with the audit log, and invitations of staff and coordinators.
struct AdminController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.admin) { try await admin($0) }
        routes.on(.adminInvite) { try await invite($0) }
    }

    func admin(
        _ request: Request, link: AdminPage.OneTimeLink? = nil, problems: [String] = [], notice: String? = nil,
        typed: [String: String] = [:], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        let names = Dictionary(uniqueKeysWithValues: try await app.programmes.all().map { ($0.id, $0.name) })
        let cities: [(id: Int, label: String)] = try await app.programmes.allCities().map {
            ($0.id, "\($0.cityName) – \($0.wijkName) (\(names[$0.programmeID] ?? ""))")
        }
        let label = Dictionary(uniqueKeysWithValues: cities.map { ($0.id, $0.label) })
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let log = try await AuditLog(store: app.store).recent().map {
            AdminPage.LogLine(
                at: formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0.at))), actor: $0.actor,
                action: $0.action,
                subject: $0.subject, detail: $0.detail)
        }
        let accounts = try await app.accounts.accounts().map {
            // Every role of the person, one per programme: "stadscoördinator: Emmen – Angelslo (…)".
            let roles = $0.memberships.compactMap { m in m.cityID.flatMap { label[$0] }.map { "\(m.role.label): \($0)" }
            }
            return AdminPage.AccountLine(
                id: $0.id, email: $0.email, name: $0.name, role: $0.role.label,
                city: roles.isEmpty ? nil : roles.joined(separator: "; "))
        }
        let crosswalks = try await CrosswalkStore(store: app.store).summaries().map {
            CrosswalkSection.Line(
                level: $0.crosswalk.level, fromYear: $0.crosswalk.fromYear, toYear: $0.crosswalk.toYear,
                origin: $0.crosswalk.origin, statement: $0.statement, derived: $0.derived,
                date: formatter.string(from: $0.createdAt))
        }
        var model = AdminPage.Model(
            accounts: accounts, cities: cities, log: log, link: link, session: request.sessionBar!,
            problems: problems, crosswalks: crosswalks, notice: notice)
        model.typed = typed
        model.invitations = try await app.accounts.pendingInvitations().map {
            InvitationSection.Line(
                reference: $0.reference, name: $0.name, email: $0.email, role: $0.role.label,
                city: $0.cityID.flatMap { label[$0] }, madeBy: $0.createdBy,
                validUntil: formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0.expiresAt))))
        }
        model.attention = try await AdminAttention(app: app).model(invitations: model.invitations.count)
        return html(AdminPage.render(model), status: status)
    }

    func invite(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        let form = try request.form(InviteForm.self)
        let typed = [
            "naam": form.name, "email": form.email, "rol": form.role, "stad": form.city.map(String.init) ?? "",
        ]
        guard let role = Role(rawValue: form.role), role != .participant else {
            return try await admin(
                request, problems: ["Rol: kies programmastaf of stadscoördinator."], typed: typed,
                status: .unprocessableEntity)
        }
        let email = form.email.trimmingCharacters(in: .whitespaces)
        let cityID = role == .staff ? nil : form.city
        do {
            let token = try await app.accounts.invite(
                email: email, name: form.name, role: role, cityID: cityID, participantID: nil,
                actor: app.actor(request))
            let link = app.link(SiteURL.invitation(token).path)
            await app.mailer.send(
                [
                    MailText.invitation(
                        to: email, name: form.name, role: role, link: link, validDays: AccountStore.invitationDays)
                ],
                logger: request.logger)
            let sent = app.mailer.isConfigured ? "Er is ook een e-mail met deze link verstuurd. " : ""
            return try await admin(
                request,
                link: .init(
                    explanation:
                        "Uitnodiging gemaakt voor \(email). \(sent)De link is \(AccountStore.invitationDays) dagen geldig en werkt één keer:",
                    link: link))
        } catch {
            guard let list = problems(error) else { throw error }
            return try await admin(
                request, problems: list, typed: typed,
                status: (error as? ProgrammeError)?.status ?? .unprocessableEntity)
        }
    }
}
