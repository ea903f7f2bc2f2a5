import Core
import DataImport
import Foundation
import Pages
import Storage
import Vapor
import Wijkanalyse

/// Staff add crosswalks on the web: read from a table, or derived from the outlines in the database. The analysis
/// pages pick them up with their next snapshot (the data version counts crosswalks).
struct CrosswalkController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.adminCrosswalks) { try await upload($0) }.acceptingBodies(upTo: BodyLimit.crosswalk)
        routes.on(.adminCrosswalksDerive) { try await derive($0) }
    }

    /// One derivation at a time: it keeps a core busy for seconds (all wijken of the country), and a second click
    /// would only do the same work again.
    actor Gate {
        var running = false
        func enter() -> Bool {
            if running { return false }
            running = true
            return true
        }
        func leave() { running = false }
    }
    static let gate = Gate()

    func derive(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        guard await Self.gate.enter() else {
            return try await AdminController(app: app).admin(
                request, problems: ["Omrekentabellen: er wordt al afgeleid. Probeer het over een minuut opnieuw."],
                status: .conflict)
        }
        let outcomes: [CrosswalkDerivation.Outcome]
        do {
            outcomes = try await CrosswalkDerivation.run(store: app.store)
            await Self.gate.leave()
        } catch {
            await Self.gate.leave()
            throw error
        }
        for outcome in outcomes {
            try await AuditLog(store: app.store).record(
                actor: app.actor(request), action: "omrekentabel afgeleid",
                subject: "\(outcome.level.rawValue) \(outcome.fromYear) → \(outcome.toYear)", detail: outcome.statement)
        }
        let notice =
            outcomes.isEmpty
            ? "Er staan geen grenzen van twee of meer jaren van hetzelfde niveau in de database; er is niets afgeleid."
            : outcomes.map {
                "Omrekentabel \($0.level.rawValue) \($0.fromYear) → \($0.toYear) afgeleid: \($0.statement)."
            }.joined(separator: " ")
        return try await AdminController(app: app).admin(request, notice: notice)
    }

    func upload(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        guard let form = request.multipartForm, let file = form.file("tabel"), file.data.readableBytes > 0 else {
            return try await AdminController(app: app).admin(
                request, problems: ["Omrekentabel: kies een bestand."], status: .unprocessableEntity)
        }
        let name = InputText.clean(file.fileName ?? "omrekentabel", multiline: false)
        let origin = InputText.clean(form.field("bron") ?? "", multiline: false).trimmingCharacters(in: .whitespaces)
        let basis = (form.field("basis") ?? "").isEmpty ? nil : CrosswalkFile.basis(form.field("basis")!)
        do {
            let crosswalks = try CrosswalkFile.read(
                Array(buffer: file.data), fileName: name, basis: basis, origin: origin.isEmpty ? nil : origin)
            let stated = crosswalks.map { ($0, statement: CrosswalkFile.statement($0, fileName: name)) }
            // One transaction: a file's crosswalks are stored whole or not at all.
            try await CrosswalkStore(store: app.store).save(stated, derived: false)
            var notices: [String] = []
            for (crosswalk, statement) in stated {
                try await AuditLog(store: app.store).record(
                    actor: app.actor(request), action: "omrekentabel ingelezen",
                    subject: "\(crosswalk.level.rawValue) \(crosswalk.fromYear) → \(crosswalk.toYear)",
                    detail: statement)
                notices.append(
                    "Omrekentabel \(crosswalk.level.rawValue) \(crosswalk.fromYear) → \(crosswalk.toYear) \(statement)."
                )
            }
            return try await AdminController(app: app).admin(request, notice: notices.joined(separator: " "))
        } catch let error as ImportError {
            return try await AdminController(app: app).admin(
                request, problems: ["Omrekentabel \(error.description)"], status: .unprocessableEntity)
        }
    }
}
