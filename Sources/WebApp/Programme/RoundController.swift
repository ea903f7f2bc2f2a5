import Core
import Foundation
import Pages
import Programme
import Storage
import Vapor

/// Running a new round: copy a programme with its cities, coordinators and themes; and per account, its roles in
/// the programmes and whether it may sign in.
struct RoundController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.programmeCopy) { try await copy($0) }
        routes.on(.adminAccount) { try await accountPage($0) }
        routes.on(.adminAccountRole) { try await setRole($0) }
        routes.on(.adminAccountRoleEnd) { try await endRole($0) }
        routes.on(.adminAccountActive) { try await setActive($0) }
    }

    func copy(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het kopiëren van een programma")
        let source = try await app.programme(request)
        let f = try formFields(request)
        let text = { (key: String) in (f[key] ?? "").trimmingCharacters(in: .whitespaces) }
        // Refused: the programme page again, with the problems and what was typed in the copy form.
        return try await attempt(
            request,
            {
                guard let starts = Day(iso: text("begin")), let ends = Day(iso: text("einde")) else {
                    throw ProgrammeError.invalid(["Begin en einde: vul twee datums in (jjjj-mm-dd)."])
                }
                let programme = ProgrammeInfo(
                    id: 0, slug: text("korte_naam"), name: text("naam"), organiser: source.organiser,
                    startsOn: starts, endsOn: ends, summary: source.summary,
                    source: "Gekopieerd van ‘\(source.name)’ door \(app.actor(request))",
                    plannedCities: source.plannedCities)
                let created = try await app.programmes.copy(from: source.id, as: programme, actor: app.actor(request))
                return SiteURL.programme(created.slug).path
            },
            otherwise: { list, status in
                var model = try await ProgrammeController(app: app).overviewModel(request, source)
                model.problems = list
                return html(ProgrammePage.render(model), status: status)
            })
    }

    func accountPage(
        _ request: Request, problems: [String] = [], notice: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        guard let account = try await app.accounts.account(id: try request.id("account")) else {
            throw Abort(.notFound, reason: "Dit account bestaat niet.")
        }
        let programmes = Dictionary(uniqueKeysWithValues: try await app.programmes.all().map { ($0.id, $0.name) })
        let cities = try await app.programmes.allCities()
        let label = Dictionary(uniqueKeysWithValues: cities.map { ($0.id, "\($0.cityName) – \($0.wijkName)") })
        return html(
            AccountAdminPage.render(
                .init(
                    id: account.id, name: account.name, email: account.email, isStaff: account.role == .staff,
                    deactivated: account.deactivated,
                    memberships: account.memberships.map {
                        (
                            programmes[$0.programmeID] ?? "", $0.role.label, $0.cityID.flatMap { label[$0] } ?? "–",
                            $0.programmeID
                        )
                    },
                    cities: cities.map { ($0.id, "\(label[$0.id] ?? "") (\(programmes[$0.programmeID] ?? ""))") },
                    problems: problems, notice: notice, session: request.sessionBar!)), status: status)
    }

    func setRole(_ request: Request) async throws -> Response {
        try await change(request, done: "De rol is opgeslagen.") { id in
            guard let city = Int(try formFields(request)["stad"] ?? "") else {
                throw ProgrammeError.invalid(["Stad: kies een stad."])
            }
            try await app.accounts.setMembership(
                userID: id, role: .coordinator, cityID: city, actor: app.actor(request))
        }
    }

    func endRole(_ request: Request) async throws -> Response {
        try await change(request, done: "De rol is beëindigd.") { id in
            try await app.accounts.removeMembership(
                userID: id, programmeID: Int(try formFields(request)["programma"] ?? "") ?? 0, actor: app.actor(request)
            )
        }
    }

    func setActive(_ request: Request) async throws -> Response {
        let off = try formFields(request)["actie"] == "uit"
        return try await change(request, done: off ? "Het account is gedeactiveerd." : "Het account is weer actief.") {
            id in
            try await app.accounts.setDeactivated(userID: id, off, actor: app.actor(request))
        }
    }

    /// Runs an account change and shows the account again, with the outcome or what was refused.
    func change(_ request: Request, done: String, _ work: (Int) async throws -> Void) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        do {
            try await work(try request.id("account"))
            return try await accountPage(request, notice: done)
        } catch let error as ProgrammeError {
            return try await redrawn(request) {
                try await accountPage(request, problems: [error.description], status: error.status)
            }
        }
    }
}
