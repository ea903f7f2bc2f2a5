import Core
import Foundation
import Knowledge
import Programme
import Pages
import Storage
import Vapor

/// The public knowledge base: search with facets, and one page per record.
struct KnowledgeController: Sendable {
    let store: Store
    let cache: AnalysisCache

    func register(_ app: Application) {
        app.on(.knowledge) { try await search($0) }
        app.on(.knowledgeRecord) { try await record($0) }
        app.on(.knowledgeNew) { try await editor($0, id: nil) }
        app.on(.knowledgeCreate) { try await save($0, id: nil) }
        app.on(.knowledgeEdit) { try await editor($0, id: try $0.id("id")) }
        app.on(.knowledgeUpdate) { try await save($0, id: try $0.id("id")) }
        app.on(.knowledgeRemove) { try await remove($0) }
        app.on(.knowledgeHistory) { try await history($0) }
        app.on(.knowledgeSupport) { try await support($0) }
        app.on(.knowledgeMerge) { try await merge($0) }
        app.on(.opgaven) { try await register($0) }
        app.on(.research) { try await research($0) }
        app.on(.researchCreate) { try await addResearch($0) }
        app.on(.knowledgeTransfer) { try await recordTransfer($0) }
        app.on(.knowledgeAttach) { try await upload($0) }.acceptingBodies(upTo: BodyLimit.attachment)
        app.on(.knowledgeAttachment) { try await download($0) }
    }

    func search(_ request: Request) async throws -> Response {
        let query = (try? request.query.get(String.self, at: "q")) ?? ""
        var filters: [Facet: String] = [:]
        for facet in Facet.allCases {
            if let value = try? request.query.get(String.self, at: facet.rawValue), !value.isEmpty { filters[facet] = value }
        }
        let knowledge = self.knowledge(request)
        let hits = try await knowledge.search(query, filters: filters)
        return html(KnowledgeSearchPage.render(.init(query: query, filters: filters,
                                                     hits: hits.map { .init(id: $0.id, kind: $0.kind.rawValue, title: $0.title, concept: !$0.published) },
                                                     facets: try await knowledge.facetCounts(of: hits.map(\.id)))))
    }

    func record(_ request: Request) async throws -> Response {
        let id = try request.id("id")
        if let stored = try await knowledge(request).record(id: id), !stored.deleted {
            if stored.kind == .opgave { return try await opgavePage(stored, request) }
            if stored.kind == .research { return html(ResearchPages.page(id: id, try stored.decode(Research.self))) }
            if stored.kind == .minutes { return request.redirect(to: try stored.decode(MinutesRecord.self).link + "#uitkomsten", redirectType: .normal) }
        }
        let (stored, item) = try await intervention(id, request)
        let transfers = try await knowledge(request).all(.transfer, as: Transfer.self).map(\.value).filter { $0.interventionID == id }
        let attachments = try await knowledge(request).attachments(of: id).map { ($0.id, $0.fileName, $0.size) }
        let development = try await self.development(of: item)
        let cited = try await knowledge(request).all(.research, as: Research.self)
            .filter { (item.research ?? []).contains($0.id) }.map { ($0.id, $0.value.citation) }
        return html(InterventionPage.render(id: stored.id, item, version: stored.version, updatedBy: stored.updatedBy,
                                            mayEdit: request.viewer.mayEdit(item), mayRemove: request.viewer.isStaff, csrf: request.csrf,
                                            transfers: transfers, mayRecordTransfer: request.viewer.mayCapture, attachments: attachments,
                                            development: development, research: cited, published: stored.published))
    }

    // MARK: Opgaven

    func opgavePage(_ stored: KnowledgeStore.Stored, _ request: Request) async throws -> Response {
        let opgave = try stored.decode(Opgave.self)
        let all = try await knowledge(request).opgaven()
        let cities = try await cityNames()
        var meeting: (title: String, link: String)?
        if let id = opgave.meetingID, let found = try await MeetingStore(store: store).meeting(id: id), found.published,
           let programme = try await ProgrammeStore(store: store).all().first(where: { $0.id == found.programmeID }) {
            meeting = (found.title, MeetingPage.path(programme, found))
        }
        let target = opgave.mergedInto.flatMap { id in all.first { $0.id == id }.map { (id, $0.opgave.title) } }
        return html(OpgavePages.opgave(id: stored.id, opgave, cities: opgave.cityIDs.compactMap { cities[$0] }, meeting: meeting,
                                       support: all.first { $0.id == stored.id }?.support ?? 0, mergedInto: target))
    }

    func support(_ request: Request) async throws -> Response {
        try request.requireSignedIn()
        let id = try request.id("id")
        guard let entry = try await knowledge(request).opgaven().first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "Deze opgave bestaat niet.")
        }
        try request.require(try await mayIdentifyOpgaven(request.viewer, meetingID: entry.opgave.meetingID ?? 0, store: store), "de opgaven van deze bijeenkomst")
        let back = try await meetingLink(entry.opgave.meetingID) ?? SiteURL.knowledgeRecord(id).path
        return try await attempt(request, {
            try await knowledge(request).support(id, userID: request.viewer.userID ?? 0, actor: request.viewer.email)
            return back + "#opgaven"
        }, otherwise: { list, status in throw Abort(status, reason: list.joined(separator: " ")) })
    }

    /// Staff merge a duplicate into another opgave; the duplicate stays, linked, with its history.
    func merge(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het samenvoegen van opgaven")
        let id = try request.id("id")
        let f = try formFields(request)
        let all = try await knowledge(request).opgaven()
        guard let entry = all.first(where: { $0.id == id }), let target = Int(f["met"] ?? ""), target != id,
              all.contains(where: { $0.id == target && $0.opgave.mergedInto == nil }) else {
            throw Abort(.unprocessableEntity, reason: "Kies een andere, niet samengevoegde opgave om mee samen te voegen.")
        }
        var opgave = entry.opgave
        opgave.mergedInto = target
        let cities = try await cityNames()
        let back = try await meetingLink(opgave.meetingID) ?? SiteURL.opgaven.path
        let merged = opgave
        return try await attempt(request, {
            _ = try await knowledge(request).update(id: id, expectedVersion: Int(f["versie"] ?? "") ?? 0, merged,
                                                              document: merged.searchDocument(cities: merged.cityIDs.compactMap { cities[$0] }),
                                                              actor: request.viewer.email)
            return back + "#opgaven"
        }, otherwise: { list, status in throw Abort(status, reason: list.joined(separator: " ")) })
    }

    /// The register: opgaven by kind, how often, where, and the early-warning rules that fire in those wijken.
    func register(_ request: Request) async throws -> Response {
        let all = try await knowledge(request).opgaven()
        let snapshot = try await cache.snapshot()
        var cityInfo: [Int: (name: String, rules: [String])] = [:]
        for programme in try await ProgrammeStore(store: store).all() {
            for city in try await ProgrammeStore(store: store).cities(programmeID: programme.id) {
                var rules: [String] = []
                if let slug = city.focusAreaSlug, let area = try await FocusAreaStore(store: store).find(slug: slug), area.members.count == 1,
                   let result = snapshot.warning?.evaluate(area.members[0]) {
                    rules = result.flags.filter(\.fires).map(\.label)
                }
                cityInfo[city.id] = ("\(city.wijkName) (\(city.cityName))", rules)
            }
        }
        var groups: [String: [(id: Int, version: Int, opgave: Opgave, support: Int)]] = [:]
        for entry in all where entry.opgave.mergedInto == nil {
            groups[entry.opgave.kind.isEmpty ? "overig" : entry.opgave.kind, default: []].append(entry)
        }
        let result = groups.map { kind, entries in
            let cityIDs = Array(Set(entries.flatMap(\.opgave.cityIDs))).sorted()
            return OpgavePages.KindGroup(
                kind: kind,
                opgaven: entries.map { e in
                    let supportOfMerged = all.filter { $0.opgave.mergedInto == e.id }.map(\.support).reduce(0, +)
                    return (e.id, e.opgave.title, e.opgave.cityIDs.compactMap { cityInfo[$0]?.name }, e.support + supportOfMerged)
                },
                signals: cityIDs.compactMap { id in cityInfo[id].map { ($0.name, $0.rules) } })
        }.sorted { ($0.opgaven.count, $1.kind) > ($1.opgaven.count, $0.kind) }
        return html(OpgavePages.register(result))
    }

    // MARK: Research and transfers

    func research(_ request: Request, problems: [String] = [], fields: [String: String] = [:], status: HTTPResponseStatus = .ok) async throws -> Response {
        let items = try await knowledge(request).all(.research, as: Research.self).map { ($0.id, $0.value) }
        return html(ResearchPages.register(items, mayAdd: request.viewer.mayCapture, csrf: request.csrf, problems: problems, fields: fields), status: status)
    }

    func addResearch(_ request: Request) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het onderzoeksregister")
        let f = try formFields(request)
        func text(_ key: String) -> String { (f[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var problems: [String] = []
        let yearText = text("jaar")
        let year = Int(yearText)
        if !yearText.isEmpty && year == nil { problems.append("Jaar: '\(yearText)' is geen jaartal.") }
        let item = Research(title: text("titel"), authors: text("auteurs"), year: year, publisher: text("uitgever"), link: text("link"),
                            summary: text("samenvatting"), regionCodes: text("wijken").uppercased().split(separator: " ").map(String.init),
                            themes: text("themas").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty },
                            aspects: Aspect.allCases.filter { f["aspect_\($0.rawValue)"] == "ja" })
        problems += item.problems(currentYear: Calendar(identifier: .gregorian).component(.year, from: Date()))
        guard problems.isEmpty else { return try await research(request, problems: problems, fields: f, status: .unprocessableEntity) }
        return try await attempt(request, {
            SiteURL.knowledgeRecord(try await knowledge(request).create(.research, item, document: item.searchDocument, anchor: .init(startYear: item.year), actor: request.viewer.email)).path
        }, otherwise: { try await research(request, problems: $0, fields: f, status: $1) })
    }

    func recordTransfer(_ request: Request) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het vastleggen van overdrachten")
        let (stored, _) = try await intervention(try request.id("id"), request)
        let f = try formFields(request)
        func text(_ key: String) -> String { (f[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let transfer = Transfer(interventionID: stored.id, toCity: text("stad"), toWijk: text("wijk"), year: Int(text("jaar")),
                                understood: text("begrepen"), adapted: text("aangepast"), reused: text("hergebruikt"), result: text("resultaat"))
        let problems = transfer.problems()
        guard problems.isEmpty else { throw Abort(.unprocessableEntity, reason: problems.joined(separator: " ")) }
        _ = try await knowledge(request).create(.transfer, transfer, document: transfer.searchDocument(interventionTitle: stored.title),
                                                anchor: .init(startYear: transfer.year), published: stored.published, actor: request.viewer.email)
        return request.redirect(to: SiteURL.knowledgeRecord(stored.id).path(fragment: "overdracht"), redirectType: .normal)
    }

    /// The host wijk's key figures in every year Wijkradar has, next to the mean of its ten most similar wijken.
    private func development(of item: Intervention) async throws -> [InterventionPage.Development] {
        guard let text = item.regionCode, let code = RegionCode(text), code.level == .district, item.startYear != nil else { return [] }
        let snapshot = try await cache.snapshot()
        let similar = snapshot.similarity?.neighbours(of: code, k: 10)?.map(\.region) ?? []
        var result: [InterventionPage.Development] = []
        for id in ["population", "low_income_persons_pct", "labour_participation_pct", "woz_value"] {
            guard let indicator = IndicatorCatalogue.standard[id], !indicator.stigmatising else { continue }
            var rows: [(period: Int, wijk: Cell?, similar: Cell?)] = []
            var sources: [String] = []
            for (period, table) in (snapshot.tables[.district] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let column = table.columns[id], let index = table.index(of: code) else { continue }
                let values = similar.compactMap { table.index(of: $0) }.compactMap { column.cells[$0].number }
                rows.append((period, column.cells[index], values.isEmpty ? nil : .computed(values.reduce(0, +) / Double(values.count))))
                sources.append("\(column.source.attribution) (tabel \(column.source.table), \(column.source.year); \(column.source.licence))")
            }
            if !rows.isEmpty {
                result.append(.init(label: "\(indicator.label) (\(indicator.unit))", decimals: indicator.decimals, rows: rows, source: sources.joined(separator: "; ")))
            }
        }
        return result
    }

    // MARK: Attachments

    func upload(_ request: Request) async throws -> Response {
        let (stored, item) = try await intervention(try request.id("id"), request)
        try request.require(request.viewer.mayEdit(item), "bijlagen bij deze interventie")
        guard let file = request.multipartForm?.file("bestand"), file.data.readableBytes > 0 else {
            throw Abort(.unprocessableEntity, reason: "Bijlage: kies een bestand.")
        }
        let name = AttachmentRules.safeName(file.fileName ?? "")
        let bytes = Data(buffer: file.data)
        switch AttachmentRules.check(fileName: name, bytes: bytes) {
        case .failure(let problem):
            throw Abort(bytes.count > AttachmentRules.maximumBytes ? .payloadTooLarge : .unprocessableEntity, reason: problem.description)
        case .success(let contentType):
            _ = try await knowledge(request).attach(to: stored.id, fileName: name, contentType: contentType, content: bytes, actor: request.viewer.email)
            return request.redirect(to: SiteURL.knowledgeRecord(stored.id).path(fragment: "bijlagen"), redirectType: .normal)
        }
    }

    func download(_ request: Request) async throws -> Response {
        let (stored, _) = try await intervention(try request.id("id"), request)
        guard let (attachment, data) = try await knowledge(request).attachmentContent(try request.id("attachment"), of: stored.id) else {
            throw Abort(.notFound, reason: "Deze bijlage bestaat niet.")
        }
        // Always a download, never rendered inline: an uploaded file cannot run in Wijkradar's pages.
        return Response(status: .ok, headers: ["Content-Type": attachment.contentType, "X-Content-Type-Options": "nosniff",
                                               "Content-Disposition": "attachment; filename=\"\(attachment.fileName)\""],
                        body: .init(data: data))
    }

    private func cityNames() async throws -> [Int: String] {
        var names: [Int: String] = [:]
        for programme in try await ProgrammeStore(store: store).all() {
            for city in try await ProgrammeStore(store: store).cities(programmeID: programme.id) { names[city.id] = "\(city.wijkName) (\(city.cityName))" }
        }
        return names
    }

    private func meetingLink(_ id: Int?) async throws -> String? {
        guard let id, let meeting = try await MeetingStore(store: store).meeting(id: id),
              let programme = try await ProgrammeStore(store: store).all().first(where: { $0.id == meeting.programmeID }) else { return nil }
        return MeetingPage.path(programme, meeting)
    }

    /// Knowledge as the viewer may see it: concepts too for those who capture knowledge, published records for the rest.
    func knowledge(_ request: Request) -> KnowledgeStore {
        KnowledgeStore(store: store, audience: request.viewer.mayCapture ? .internal : .public)
    }

    /// A live intervention, or 404.
    private func intervention(_ id: Int, _ request: Request) async throws -> (KnowledgeStore.Stored, Intervention) {
        guard let stored = try await knowledge(request).record(id: id), !stored.deleted else {
            throw Abort(.notFound, reason: "Dit kennisrecord bestaat niet (meer).")
        }
        guard stored.kind == .intervention else { throw Abort(.notFound, reason: "Voor dit soort record is nog geen pagina.") }
        return (stored, try stored.decode(Intervention.self))
    }

    /// The programme cities a viewer may tie a record to: all for staff, their own for a coordinator.
    private func cities(for viewer: Viewer) async throws -> [(id: Int, label: String)] {
        var result: [(id: Int, label: String)] = []
        for programme in try await ProgrammeStore(store: store).all() {
            for city in try await ProgrammeStore(store: store).cities(programmeID: programme.id) where viewer.isStaff || viewer.cityID == city.id {
                result.append((city.id, "\(city.cityName) – \(city.wijkName) (\(programme.name))"))
            }
        }
        return result
    }

    func editor(_ request: Request, id: Int?, fields: [String: String]? = nil, problems: [String] = [],
                status: HTTPResponseStatus = .ok) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het vastleggen van interventies")
        var version = 0
        // From a presentation at a meeting: meeting, city and title come along.
        var values = fields ?? ["bijeenkomst": (try? request.query.get(String.self, at: "bijeenkomst")) ?? "",
                                "programmastad": (try? request.query.get(String.self, at: "programmastad")) ?? "",
                                "titel": (try? request.query.get(String.self, at: "titel")) ?? ""]
        if fields == nil, let cityID = Int(values["programmastad"] ?? ""), let city = try await ProgrammeStore(store: store).city(id: cityID) {
            (values["stad"], values["wijk"]) = (city.cityName, city.wijkName)
            if let slug = city.focusAreaSlug, let area = try await FocusAreaStore(store: store).find(slug: slug), area.members.count == 1 {
                values["cbs"] = area.members[0].rawValue
            }
        }
        if let id {
            let (stored, item) = try await intervention(id, request)
            try request.require(request.viewer.mayEdit(item), "deze interventie")
            version = fields.flatMap { Int($0["versie"] ?? "") } ?? stored.version
            if fields == nil {
                values = InterventionFormPage.fields(item)
                values["publicatie"] = stored.published ? "openbaar" : "concept"
            }
        }
        var model = InterventionFormPage.Model(id: id, version: version, fields: values, cities: try await cities(for: request.viewer),
                                               session: request.sessionBar, csrf: request.csrf, problems: problems)
        model.research = try await knowledge(request).all(.research, as: Research.self).map { ($0.id, $0.value.citation) }
        return html(InterventionFormPage.render(model), status: status)
    }

    func save(_ request: Request, id: Int?) async throws -> Response {
        try request.require(request.viewer.mayCapture, "het vastleggen van interventies")
        var f = try formFields(request)
        let allowed = try await cities(for: request.viewer).map(\.id)
        var cityID = Int(f["programmastad"] ?? "")
        if let chosen = cityID, !allowed.contains(chosen) { cityID = nil }
        if !request.viewer.isStaff { cityID = request.viewer.cityID }
        if let cityID, let city = try await ProgrammeStore(store: store).city(id: cityID) {
            if (f["stad"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty { f["stad"] = city.cityName }
            if (f["wijk"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty { f["wijk"] = city.wijkName }
        }
        if let id { try request.require(request.viewer.mayEdit(try await intervention(id, request).1), "deze interventie") }
        let (item, problems) = InterventionForm.parse(f, cityID: cityID)
        guard problems.isEmpty else { return try await editor(request, id: id, fields: f, problems: problems, status: .unprocessableEntity) }
        let knowledge = self.knowledge(request)
        let anchor = KnowledgeStore.Anchor(cityID: cityID, regionCode: item.regionCode, startYear: item.startYear)
        let published = (f["publicatie"] ?? "openbaar") != "concept"
        return try await attempt(request, {
            if let id {
                _ = try await knowledge.update(id: id, expectedVersion: Int(f["versie"] ?? "") ?? 0, item, document: item.searchDocument,
                                               anchor: anchor, published: published, actor: request.viewer.email)
                try await KnowledgeVisibility(store: store).follow(intervention: id, published: published, actor: request.viewer.email)
                return SiteURL.knowledgeRecord(id).path
            }
            let id = try await knowledge.create(.intervention, item, document: item.searchDocument, anchor: anchor, published: published,
                                                actor: request.viewer.email)
            return SiteURL.knowledgeRecord(id).path
        }, otherwise: { try await editor(request, id: id, fields: f, problems: $0, status: $1) })
    }

    func remove(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het verwijderen van kennisrecords")
        let (stored, _) = try await intervention(try request.id("id"), request)
        let version = Int((try formFields(request))["versie"] ?? "") ?? 0
        try await knowledge(request).remove(id: stored.id, expectedVersion: version, actor: request.viewer.email)
        return request.redirect(to: SiteURL.knowledge.path, redirectType: .normal)
    }

    func history(_ request: Request) async throws -> Response {
        try request.require(request.viewer.mayCapture, "de geschiedenis van kennisrecords")
        let id = try request.id("id")
        guard let stored = try await knowledge(request).record(id: id) else { throw Abort(.notFound, reason: "Dit kennisrecord bestaat niet.") }
        let changes = try await knowledge(request).history(id: id)
        return html(InterventionPage.history(id: id, title: stored.title, changes: changes.map {
            .init(version: $0.version, at: Date(timeIntervalSince1970: TimeInterval($0.at)), actor: $0.actor, action: $0.action)
        }))
    }
}
