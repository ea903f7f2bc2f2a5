import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Vapor

/// What a meeting yields, captured on its page: opgaven proposed by participants and the minutes (staff).
struct MeetingOutcomeController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.meetingOpgave) { try await propose($0) }
        routes.on(.meetingMinutes) { try await saveMinutes($0) }
    }

    func propose(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.require(
            try await mayIdentifyOpgaven(request.viewer, meetingID: meeting.id, store: app.store),
            "de opgaven van deze bijeenkomst")
        let f = try formFields(request)
        let cities = try await app.programmes.cities(programmeID: programme.id)
        var positions: [Aspect: String] = [:]
        for aspect in Aspect.allCases {
            let text = (f["aspect_\(aspect.rawValue)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { positions[aspect] = text }
        }
        let opgave = Opgave(
            title: (f["titel"] ?? "").trimmingCharacters(in: .whitespaces),
            description: (f["beschrijving"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            meetingID: meeting.id, cityIDs: cities.filter { f["stad\($0.id)"] != nil }.map(\.id), positions: positions,
            kind: (f["soort"] ?? "").trimmingCharacters(in: .whitespaces).lowercased())
        let problems = opgave.problems()
        guard problems.isEmpty else {
            return try await redrawn(request) {
                try await MeetingController(app: app).page(request, problems: problems, status: .unprocessableEntity)
            }
        }
        let names = cities.filter { opgave.cityIDs.contains($0.id) }.map(\.cityName)
        return try await attempt(
            request,
            {
                _ = try await KnowledgeStore(store: app.store).create(
                    .opgave, opgave, document: opgave.searchDocument(cities: names),
                    published: meeting.published, actor: app.actor(request))
                return MeetingPage.path(programme, meeting) + "?ok=opgave#opgaven"
            }, otherwise: { try await MeetingController(app: app).page(request, problems: $0, status: $1) })
    }

    func saveMinutes(_ request: Request) async throws -> Response {
        let programme = try await app.programme(request)
        let meeting = try await app.meeting(request, in: programme)
        try request.require(request.viewer.isStaff, "het verslag")
        let f = try formFields(request)
        return try await attempt(
            request,
            {
                let text = (f["verslag"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                try await app.meetings.saveMinutes(
                    meetingID: meeting.id, minutes: text, expectedVersion: Int(f["versie"] ?? "") ?? 0,
                    actor: app.actor(request))
                // The minutes are searchable with everything else the programme learned.
                let record = MinutesRecord(
                    meetingID: meeting.id, meetingTitle: meeting.title, link: MeetingPage.path(programme, meeting),
                    text: text)
                let knowledge = KnowledgeStore(store: app.store, audience: .internal)
                if let existing = try await knowledge.all(.minutes, as: MinutesRecord.self).first(where: {
                    $0.value.meetingID == meeting.id
                }) {
                    _ = try await knowledge.update(
                        id: existing.id, expectedVersion: existing.version, record, document: record.searchDocument,
                        actor: app.actor(request))
                } else {
                    _ = try await knowledge.create(
                        .minutes, record, document: record.searchDocument, published: meeting.published,
                        actor: app.actor(request))
                }
                return MeetingPage.path(programme, meeting) + "?ok=verslag#uitkomsten"
            }, otherwise: { try await MeetingController(app: app).page(request, problems: $0, status: $1) })
    }
}
