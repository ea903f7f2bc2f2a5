import Core
import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Vapor
import Wijkanalyse

/// What the knowledge controllers share: the stores, and the look-ups of what a URL names as the viewer may see it.
struct KnowledgeApp: Sendable {
    let store: Store
    let cache: AnalysisCache

    /// Knowledge as the viewer may see it: concepts too for those who capture knowledge, published records for the rest.
    func knowledge(_ request: Request) -> KnowledgeStore {
        KnowledgeStore(store: store, audience: request.viewer.mayCapture ? .internal : .public)
    }

    /// A live intervention, or 404.
    func intervention(_ id: Int, _ request: Request) async throws -> (KnowledgeStore.Stored, Intervention) {
        guard let stored = try await knowledge(request).record(id: id), !stored.deleted else {
            throw Abort(.notFound, reason: "Dit kennisrecord bestaat niet (meer).")
        }
        guard stored.kind == .intervention else {
            throw Abort(.notFound, reason: "Voor dit soort record is nog geen pagina.")
        }
        return (stored, try stored.decode(Intervention.self))
    }

    /// Every programme city as "wijk (stad)": one query.
    func cityNames() async throws -> [Int: String] {
        Dictionary(
            uniqueKeysWithValues: try await ProgrammeStore(store: store).allCities().map {
                ($0.id, "\($0.wijkName) (\($0.cityName))")
            })
    }

    func meetingLink(_ id: Int?) async throws -> String? {
        guard let id, let meeting = try await MeetingStore(store: store).meeting(id: id),
            let programme = try await ProgrammeStore(store: store).all().first(where: { $0.id == meeting.programmeID })
        else { return nil }
        return MeetingPage.path(programme, meeting)
    }

    /// The programme cities a viewer may tie a record to: all for staff, their own for a coordinator.
    func cities(for viewer: Viewer) async throws -> [(id: Int, label: String)] {
        let programmes = Dictionary(
            uniqueKeysWithValues: try await ProgrammeStore(store: store).all().map { ($0.id, $0.name) })
        return try await ProgrammeStore(store: store).allCities().filter {
            viewer.isStaff || viewer.coordinatedCities.contains($0.id)
        }
        .map { ($0.id, "\($0.cityName) – \($0.wijkName) (\(programmes[$0.programmeID] ?? ""))") }
    }
}
