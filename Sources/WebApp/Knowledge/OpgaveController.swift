import Core
import HTML
import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Vapor
import Wijkanalyse

/// Opgaven as records: their page, support by participants, merging by staff, and the register.
struct OpgaveController: Sendable {
    let app: KnowledgeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.knowledgeSupport) { try await support($0) }
        routes.on(.opgaveComment) { try await comment($0) }
        routes.on(.opgaveCommentHide) { try await hideComment($0) }
        routes.on(.knowledgeMerge) { try await merge($0) }
        routes.on(.opgaven) { try await registerPage($0) }
    }

    func opgavePage(
        _ stored: KnowledgeStore.Stored, _ request: Request, problems: [String] = [], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let opgave = try stored.decode(Opgave.self)
        let all = try await app.knowledge(request).opgaven()
        let cities = try await app.cityNames()
        var meeting: (title: String, link: String)?
        if let id = opgave.meetingID, let found = try await MeetingStore(store: app.store).meeting(id: id),
            found.published,
            let programme = try await ProgrammeStore(store: app.store).all().first(where: { $0.id == found.programmeID }
            )
        {
            meeting = (found.title, MeetingPage.path(programme, found))
        }
        let target = opgave.mergedInto.flatMap { id in all.first { $0.id == id }.map { (id, $0.opgave.title) } }
        let knowledge = app.knowledge(request)
        var action: (supported: Bool, csrf: String)?
        if let user = request.viewer.userID,
            try await mayIdentifyOpgaven(request.viewer, meetingID: opgave.meetingID ?? 0, store: app.store)
        {
            action = (try await knowledge.supported(by: user).contains(stored.id), request.csrf)
        }
        let formatter = DateFormatter()
        (formatter.timeZone, formatter.dateFormat) = (TimeZone(identifier: "Europe/Amsterdam"), "d-M-yyyy HH:mm")
        // Who said what and who supports it, by organisation, is for the programme's own people, not the public.
        let insider = action != nil || request.viewer.isStaff
        let conversation =
            !insider
            ? p(.class("meta")) {
                "Het gesprek over deze opgave is alleen zichtbaar voor wie aan het programma deelneemt."
            }
            : OpgaveConversation.render(
                opgave: stored.id,
                try await knowledge.comments(on: stored.id).map {
                    .init(
                        id: $0.id, author: $0.author, organisation: $0.organisation, body: $0.body,
                        date: formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0.createdAt))),
                        hidden: $0.hidden)
                }, mayComment: action != nil, mayModerate: request.viewer.isStaff, csrf: request.csrf)
        return html(
            OpgavePages.opgave(
                id: stored.id, opgave, cities: opgave.cityIDs.compactMap { cities[$0] }, meeting: meeting,
                support: all.first { $0.id == stored.id }?.support ?? 0, mergedInto: target,
                byOrganisation: insider ? try await knowledge.supportByOrganisation(stored.id) : [],
                supportAction: action,
                conversation: .fragment([Forms.errors(problems), conversation])), status: status)
    }

    /// The opgave of the address, for someone who may take part in it (those who may identify its meeting's opgaven).
    func participating(_ request: Request, _ what: String) async throws -> (id: Int, opgave: Opgave) {
        try request.requireSignedIn()
        let id = try request.id("id")
        guard let entry = try await app.knowledge(request).opgaven().first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "Deze opgave bestaat niet.")
        }
        try request.require(
            try await mayIdentifyOpgaven(request.viewer, meetingID: entry.opgave.meetingID ?? 0, store: app.store), what
        )
        return (id, entry.opgave)
    }

    func support(_ request: Request) async throws -> Response {
        let (id, opgave) = try await participating(request, "de opgaven van deze bijeenkomst")
        let entry = (id: id, opgave: opgave)
        let back = try await app.meetingLink(entry.opgave.meetingID) ?? SiteURL.knowledgeRecord(id).path
        return try await attempt(
            request,
            {
                if try formFields(request)["actie"] == "intrekken" {
                    try await app.knowledge(request).withdrawSupport(
                        id, userID: request.viewer.userID ?? 0, actor: request.viewer.email)
                } else {
                    try await app.knowledge(request).support(
                        id, userID: request.viewer.userID ?? 0, actor: request.viewer.email)
                }
                return back + "#opgaven"
            }, otherwise: { list, status in throw Abort(status, reason: list.joined(separator: " ")) })
    }

    /// Staff merge a duplicate into another opgave; the duplicate stays, linked, with its history.
    func merge(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het samenvoegen van opgaven")
        let id = try request.id("id")
        let form = try request.form(MergeForm.self)
        let all = try await app.knowledge(request).opgaven()
        guard let entry = all.first(where: { $0.id == id }), let target = form.into, target != id,
            all.contains(where: { $0.id == target && $0.opgave.mergedInto == nil })
        else {
            throw Abort(
                .unprocessableEntity, reason: "Kies een andere, niet samengevoegde opgave om mee samen te voegen.")
        }
        var opgave = entry.opgave
        opgave.mergedInto = target
        let cities = try await app.cityNames()
        let back = try await app.meetingLink(opgave.meetingID) ?? SiteURL.opgaven.path
        let merged = opgave
        return try await attempt(
            request,
            {
                _ = try await app.knowledge(request).update(
                    id: id, expectedVersion: form.version ?? 0, merged,
                    document: merged.searchDocument(cities: merged.cityIDs.compactMap { cities[$0] }),
                    actor: request.viewer.email)
                return back + "#opgaven"
            }, otherwise: { list, status in throw Abort(status, reason: list.joined(separator: " ")) })
    }

    /// The register: opgaven by kind, how often, where, and the early-warning rules that fire in those wijken.
    func registerPage(_ request: Request) async throws -> Response {
        let snapshot = try await app.cache.snapshot()
        let cities = try await ProgrammeStore(store: app.store).allCities()
        let areas = try await FocusAreaStore(store: app.store).areas(slugs: cities.compactMap(\.focusAreaSlug))
        let area = Dictionary(uniqueKeysWithValues: areas.map { ($0.slug, $0) })
        var info: [Int: (name: String, rules: [String])] = [:]
        for city in cities {
            let members = city.focusAreaSlug.flatMap { area[$0]?.members } ?? []
            let rules =
                members.count == 1
                ? snapshot.warning?.evaluate(members[0])?.flags.filter(\.fires).map(\.label) ?? [] : []
            info[city.id] = ("\(city.wijkName) (\(city.cityName))", rules)
        }
        return html(OpgavePages.register(OpgavePages.groups(try await app.knowledge(request).opgaven(), cities: info)))
    }

    /// Those who may identify the opgave's opgaven take part in its conversation.
    func comment(_ request: Request) async throws -> Response {
        let (id, _) = try await participating(request, "het gesprek over deze opgave")
        let stored = try await app.knowledge(request).record(id: id)
        return try await attempt(
            request,
            {
                try await app.knowledge(request).comment(
                    on: id, userID: request.viewer.userID ?? 0, body: try formFields(request)["reactie"] ?? "",
                    actor: request.viewer.email)
                return SiteURL.knowledgeRecord(id).path + "#gesprek"
            },
            otherwise: { list, status in
                guard let stored else { throw Abort(status, reason: list.joined(separator: " ")) }
                return try await opgavePage(stored, request, problems: list, status: status)
            })
    }

    func hideComment(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het modereren van reacties")
        let id = try request.id("id")
        return try await attempt(
            request,
            {
                try await app.knowledge(request).hideComment(
                    try request.id("comment"), on: id, reason: try formFields(request)["reden"] ?? "",
                    actor: request.viewer.email)
                return SiteURL.knowledgeRecord(id).path + "#gesprek"
            }, otherwise: { list, status in throw Abort(status, reason: list.joined(separator: " ")) })
    }
}
