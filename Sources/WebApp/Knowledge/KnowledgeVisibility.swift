import Knowledge
import Programme
import Storage

/// What belongs to something that is not public is not public either: the opgaven and minutes of a meeting follow
/// the meeting, the transfers of an intervention follow the intervention.
struct KnowledgeVisibility: Sendable {
    let knowledge: KnowledgeStore

    init(store: Store) { knowledge = KnowledgeStore(store: store, audience: .internal) }

    func follow(_ meeting: Meeting, actor: String) async throws {
        let opgaven = try await knowledge.all(.opgave, as: Opgave.self).filter { $0.value.meetingID == meeting.id }.map(
            \.id)
        let minutes = try await knowledge.all(.minutes, as: MinutesRecord.self).filter {
            $0.value.meetingID == meeting.id
        }.map(\.id)
        try await knowledge.setPublished(opgaven + minutes, meeting.published, actor: actor)
    }

    func follow(intervention id: Int, published: Bool, actor: String) async throws {
        let transfers = try await knowledge.all(.transfer, as: Transfer.self).filter { $0.value.interventionID == id }
            .map(\.id)
        try await knowledge.setPublished(transfers, published, actor: actor)
    }
}
