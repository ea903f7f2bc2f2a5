import Core
import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Vapor
import Wijkanalyse

/// The knowledge base as everyone reads it: search with facets, one page per record, and attachments.
struct KnowledgeController: Sendable {
    let app: KnowledgeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.knowledge) { try await search($0) }
        routes.on(.knowledgeRecord) { try await record($0) }
        routes.on(.knowledgeAttach) { try await upload($0) }.acceptingBodies(upTo: BodyLimit.attachment)
        routes.on(.knowledgeAttachment) { try await download($0) }
    }

    func search(_ request: Request) async throws -> Response {
        let query = (try? request.query.get(String.self, at: "q")) ?? ""
        var filters: [Facet: String] = [:]
        for facet in Facet.allCases {
            if let value = try? request.query.get(String.self, at: facet.rawValue), !value.isEmpty {
                filters[facet] = value
            }
        }
        let knowledge = app.knowledge(request)
        let hits = try await knowledge.search(query, filters: filters)
        let details = try await knowledge.details(of: hits.map(\.id))
        return html(
            KnowledgeSearchPage.render(
                .init(
                    query: query, filters: filters,
                    hits: hits.map { found in
                        var hit = KnowledgeSearchPage.Hit(
                            id: found.id, kind: found.kind.rawValue, title: found.title, concept: !found.published)
                        let facets = details[found.id]?.facets ?? [:]
                        hit.summary = details[found.id]?.summary ?? ""
                        hit.evidence = found.kind == .intervention ? facets[.evidence]?.first : nil
                        hit.places = facets[.city] ?? []
                        hit.themes = facets[.theme] ?? []
                        return hit
                    },
                    facets: try await knowledge.facetCounts(of: hits.map(\.id)))))
    }

    func record(_ request: Request) async throws -> Response {
        let id = try request.id("id")
        if let stored = try await app.knowledge(request).record(id: id), !stored.deleted {
            if stored.kind == .opgave { return try await OpgaveController(app: app).opgavePage(stored, request) }
            if stored.kind == .research { return html(ResearchPages.page(id: id, try stored.decode(Research.self))) }
            if stored.kind == .minutes {
                return request.redirect(
                    to: try stored.decode(MinutesRecord.self).link + "#uitkomsten", redirectType: .normal)
            }
        }
        let (stored, item) = try await app.intervention(id, request)
        let transfers = try await app.knowledge(request).all(.transfer, as: Transfer.self).map(\.value).filter {
            $0.interventionID == id
        }
        let attachments = try await app.knowledge(request).attachments(of: id).map { ($0.id, $0.fileName, $0.size) }
        let snapshot = try await app.cache.snapshot()
        let development =
            item.startYear == nil
            ? []
            : item.regionCode.flatMap(RegionCode.init).map {
                WijkanalyseBuilder(snapshot: snapshot).development(of: $0)
            } ?? []
        let cited = try await app.knowledge(request).all(.research, as: Research.self)
            .filter { (item.research ?? []).contains($0.id) }.map { ($0.id, $0.value.citation) }
        return html(
            InterventionPage.render(
                id: stored.id, item, version: stored.version, updatedBy: stored.updatedBy,
                mayEdit: request.viewer.mayEdit(item), mayRemove: request.viewer.isStaff, csrf: request.csrf,
                transfers: transfers, mayRecordTransfer: request.viewer.mayCapture, attachments: attachments,
                development: development, research: cited, published: stored.published))
    }

    func upload(_ request: Request) async throws -> Response {
        let (stored, item) = try await app.intervention(try request.id("id"), request)
        try request.require(request.viewer.mayEdit(item), "bijlagen bij deze interventie")
        guard let file = request.multipartForm?.file("bestand"), file.data.readableBytes > 0 else {
            throw Abort(.unprocessableEntity, reason: "Bijlage: kies een bestand.")
        }
        let name = AttachmentRules.safeName(file.fileName ?? "")
        let bytes = Data(buffer: file.data)
        switch AttachmentRules.check(fileName: name, bytes: bytes) {
        case .failure(let problem):
            throw Abort(
                bytes.count > AttachmentRules.maximumBytes ? .payloadTooLarge : .unprocessableEntity,
                reason: problem.description)
        case .success(let contentType):
            _ = try await app.knowledge(request).attach(
                to: stored.id, fileName: name, contentType: contentType, content: bytes, actor: request.viewer.email)
            return request.redirect(
                to: SiteURL.knowledgeRecord(stored.id).path(fragment: "bijlagen"), redirectType: .normal)
        }
    }

    func download(_ request: Request) async throws -> Response {
        let (stored, _) = try await app.intervention(try request.id("id"), request)
        guard
            let (attachment, data) = try await app.knowledge(request).attachmentContent(
                try request.id("attachment"), of: stored.id)
        else {
            throw Abort(.notFound, reason: "Deze bijlage bestaat niet.")
        }
        // Always a download, never rendered inline: an uploaded file cannot run in Wijkradar's pages.
        return Response(
            status: .ok,
            headers: [
                "Content-Type": attachment.contentType, "X-Content-Type-Options": "nosniff",
                "Content-Disposition": "attachment; filename=\"\(attachment.fileName)\"",
            ],
            body: .init(data: data))
    }
}
