import Core
import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Vapor

/// Capturing and changing interventions: the form, saving with a version check, removing, and the history.
struct InterventionEditController: Sendable {
    let app: KnowledgeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.knowledgeNew) { try await editor($0, id: nil) }
        routes.on(.knowledgeCreate) { try await save($0, id: nil) }
        routes.on(.knowledgeEdit) { try await editor($0, id: try $0.id("id")) }
        routes.on(.knowledgeUpdate) { try await save($0, id: try $0.id("id")) }
        routes.on(.knowledgeRemove) { try await remove($0) }
        routes.on(.knowledgeHistory) { try await history($0) }
    }

    func editor(
        _ request: Request, id: Int?, fields: [String: String]? = nil, problems: [String] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het vastleggen van interventies")
        var version = 0
        // From a presentation at a meeting: meeting, city and title come along.
        var values =
            fields ?? [
                "bijeenkomst": (try? request.query.get(String.self, at: "bijeenkomst")) ?? "",
                "programmastad": (try? request.query.get(String.self, at: "programmastad")) ?? "",
                "titel": (try? request.query.get(String.self, at: "titel")) ?? "",
            ]
        if fields == nil, let cityID = Int(values["programmastad"] ?? ""),
            let city = try await ProgrammeStore(store: app.store).city(id: cityID)
        {
            (values["stad"], values["wijk"]) = (city.cityName, city.wijkName)
            if let slug = city.focusAreaSlug, let area = try await FocusAreaStore(store: app.store).find(slug: slug),
                area.members.count == 1
            {
                values["cbs"] = area.members[0].rawValue
            }
        }
        if let id {
            let (stored, item) = try await app.intervention(id, request)
            try request.require(request.viewer.mayEdit(item), "deze interventie")
            version = fields.flatMap { Int($0["versie"] ?? "") } ?? stored.version
            if fields == nil {
                values = InterventionFormPage.fields(item)
                values["publicatie"] = stored.published ? "openbaar" : "concept"
            }
        }
        var model = InterventionFormPage.Model(
            id: id, version: version, fields: values, cities: try await app.cities(for: request.viewer),
            session: request.sessionBar, csrf: request.csrf, problems: problems)
        model.research = try await app.knowledge(request).all(.research, as: Research.self).map {
            ($0.id, $0.value.citation)
        }
        return html(InterventionFormPage.render(model), status: status)
    }

    func save(_ request: Request, id: Int?) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het vastleggen van interventies")
        var f = try formFields(request)
        let allowed = try await app.cities(for: request.viewer).map(\.id)
        var cityID = Int(f["programmastad"] ?? "")
        if let chosen = cityID, !allowed.contains(chosen) { cityID = nil }
        // A coordinator ties a record to a city they coordinate (the one chosen, else their first).
        if !request.viewer.isStaff, cityID == nil { cityID = request.viewer.coordinatedCities.min() }
        if let cityID, let city = try await ProgrammeStore(store: app.store).city(id: cityID) {
            if (f["stad"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty { f["stad"] = city.cityName }
            if (f["wijk"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty { f["wijk"] = city.wijkName }
        }
        if let id {
            try request.require(request.viewer.mayEdit(try await app.intervention(id, request).1), "deze interventie")
        }
        let (item, problems) = InterventionForm.parse(f, cityID: cityID)
        guard problems.isEmpty else {
            return try await editor(request, id: id, fields: f, problems: problems, status: .unprocessableEntity)
        }
        let knowledge = app.knowledge(request)
        let anchor = KnowledgeStore.Anchor(cityID: cityID, regionCode: item.regionCode, startYear: item.startYear)
        let published = (f["publicatie"] ?? "openbaar") != "concept"
        return try await attempt(
            request,
            {
                if let id {
                    _ = try await knowledge.update(
                        id: id, expectedVersion: Int(f["versie"] ?? "") ?? 0, item, document: item.searchDocument,
                        anchor: anchor, published: published, actor: request.viewer.email)
                    try await KnowledgeVisibility(store: app.store).follow(
                        intervention: id, published: published, actor: request.viewer.email)
                    return SiteURL.knowledgeRecord(id).path
                }
                let id = try await knowledge.create(
                    .intervention, item, document: item.searchDocument, anchor: anchor, published: published,
                    actor: request.viewer.email)
                return SiteURL.knowledgeRecord(id).path
            }, otherwise: { try await editor(request, id: id, fields: f, problems: $0, status: $1) })
    }

    func remove(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het verwijderen van kennisrecords")
        let (stored, _) = try await app.intervention(try request.id("id"), request)
        let version = try request.form(VersionForm.self).version ?? 0
        try await app.knowledge(request).remove(id: stored.id, expectedVersion: version, actor: request.viewer.email)
        return request.redirect(to: SiteURL.knowledge.path, redirectType: .normal)
    }

    func history(_ request: Request) async throws -> Response {
        try request.require(request.viewer.mayCapture, "de geschiedenis van kennisrecords")
        let id = try request.id("id")
        guard let stored = try await app.knowledge(request).record(id: id) else {
            throw Abort(.notFound, reason: "Dit kennisrecord bestaat niet.")
        }
        let changes = try await app.knowledge(request).history(id: id)
        return html(
            InterventionPage.history(
                id: id, title: stored.title,
                changes: changes.map {
                    .init(
                        version: $0.version, at: Date(timeIntervalSince1970: TimeInterval($0.at)), actor: $0.actor,
                        action: $0.action)
                }))
    }
}
