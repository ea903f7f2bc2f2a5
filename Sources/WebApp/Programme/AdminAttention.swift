import Core
import Knowledge
import Pages
import Programme
import Storage
import Vapor

/// Gathers what staff should look at this week for the top of /beheer (see `StaffDashboard`): a handful of queries
/// over the running programmes, none of them per row.
struct AdminAttention: Sendable {
    let app: ProgrammeApp

    func model(invitations: Int) async throws -> StaffDashboard.Model {
        var model = StaffDashboard.Model()
        model.invitations = invitations
        let today = Day.today()
        let programmes = try await app.programmes.all()
        let running = programmes.filter { $0.endsOn >= today }
        let cities = try await app.programmes.allCities()
        for programme in running {
            for meeting in try await MeetingStore(store: app.store).meetings(programmeID: programme.id)
            where meeting.date >= today && meeting.date <= today.adding(days: 14) {
                let rows = try await RegistrationStore(store: app.store).rows(meetingID: meeting.id)
                let registered = rows.filter { $0.registration.status == .registered }
                let perCity = Dictionary(grouping: registered, by: \.city).map { (city: $0.key, count: $0.value.count) }
                    .sorted { $0.city < $1.city }
                model.meetings.append(
                    .init(
                        title: meeting.title, date: meeting.date.dutch, link: MeetingPage.path(programme, meeting),
                        perCity: perCity, waiting: rows.filter { $0.registration.status == .waiting }.count))
            }
            let participants = try await ParticipantStore(store: app.store).participants(programmeID: programme.id)
            let counts = Dictionary(grouping: participants, by: \.cityID).mapValues(\.count)
            for city in cities where city.programmeID == programme.id && (counts[city.id] ?? 0) < 2 {
                model.thinCities.append(
                    (
                        "\(city.cityName) – \(city.wijkName) (\(programme.name))",
                        SiteURL.participants(programme.slug, city.id).path, counts[city.id] ?? 0
                    ))
            }
            for kind in ReportDocument.Kind.allCases
            where try await ReportStore(store: app.store).concept(programmeID: programme.id, kind: kind.rawValue) != nil
            {
                model.concepts.append(
                    (
                        "Rapport ‘\(kind.title)’ (\(programme.name))",
                        SiteURL.reportConcept(programme.slug, kind.slug).path
                    ))
            }
        }
        let open = try await KnowledgeStore(store: app.store, audience: .internal).opgaven().filter {
            $0.opgave.mergedInto == nil && !$0.opgave.kind.isEmpty
        }
        model.opgaveKinds = Dictionary(grouping: open, by: { $0.opgave.kind.lowercased() }).filter {
            $0.value.count > 1
        }
        .map { (kind: $0.value[0].opgave.kind, count: $0.value.count) }.sorted { $0.count > $1.count }
        for post in try await PostStore(store: app.store).posts() where post.state == .draft {
            model.concepts.append(("Bericht ‘\(post.title)’", SiteURL.blogEdit(post.slug).path))
        }
        return model
    }
}
