import Foundation
import Programme
@testable import Storage
import Testing
import VaporTesting
@testable import WebApp

/// Two instances of the web app (each its own connection pool) on one PostgreSQL database, as behind a load
/// balancer: a session started on one is valid on the other, and when both register someone for a city's last
/// place at the same moment exactly one gets it; the other is put on the waiting list.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].map { !$0.isEmpty } ?? false))
struct TwoInstanceTests {
    @Test func lastPlaceGoesToExactlyOneInstance() async throws {
        let adminURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]!
        let name = "wr_web_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = try await Store.open(url: adminURL)
        try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        var components = URLComponents(string: adminURL)!
        components.path = "/" + name
        do {
            try await race(url: components.string!)
        } catch {
            Issue.record(error)
        }
        try await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
        await admin.close()
    }

    func race(url: String) async throws {
        let f = try await ProgrammeWebFixture.make(url: url)
        let second = try await Store.open(url: url)
        let extra = try await ParticipantStore(store: f.store).add(
            Participant(
                programmeID: f.programme.id, cityID: f.cityA.id, name: "Gert Emmen", email: "gert@example.nl",
                organisation: "Politie",
                discipline: "veiligheid", role: "wijkagent", involvedInWijkaanpak: true), actor: "test")
        try await f.withApp { one in
            try await VaporTesting.withApp(configure: {
                try WebServer.configure($0, config: ProgrammeWebFixture.config(), store: second)
            }) { two in
                // Signed in on instance one; the same cookie works on instance two.
                let onOne = try await Visitor.signedIn(one, "coord@example.nl")
                var onTwo = Visitor(two)
                onTwo.cookie = onOne.cookie
                let page = try await onTwo.get("/profiel")
                #expect(page.status == .ok)
                #expect(onTwo.csrf == onOne.csrf)
                let meeting = "\(f.base)/bijeenkomst/\(f.meeting.id)"
                let registrations = RegistrationStore(store: f.store)
                for person in f.peopleA.prefix(2) {
                    _ = try await registrations.register(
                        meetingID: f.meeting.id, participantID: person.id, actor: "test")
                }
                for round in 0..<4 {
                    // Two places taken; both instances try to give the third to a different person at once.
                    var a = onOne, b = onTwo
                    let (first, second) = round % 2 == 0 ? (f.peopleA[2].id, extra.id) : (extra.id, f.peopleA[2].id)
                    async let x = a.post(meeting + "/aanmeldingen", ["deelnemer": "\(first)"])
                    async let y = b.post(meeting + "/aanmeldingen", ["deelnemer": "\(second)"])
                    let locations = try await [x, y].map { $0.headers.first(name: .location) ?? "" }
                    #expect(
                        locations.sorted() == [meeting + "?ok=aangemeld", meeting + "?ok=wachtlijst"],
                        "round \(round): \(locations)")
                    let rows = try await registrations.rows(meetingID: f.meeting.id)
                    #expect(rows.filter { $0.registration.status == .registered }.count == 3)
                    // Reset for the next round: the waiting one first, so the cancellation moves nobody up.
                    for status in [Registration.Status.waiting, .registered] {
                        for row in rows
                        where row.registration.status == status
                            && [f.peopleA[2].id, extra.id].contains(row.participant.id)
                        {
                            _ = try await registrations.cancel(registrationID: row.registration.id, actor: "test")
                        }
                    }
                }
            }
        }
        await second.close()
        await f.store.close()
    }
}
