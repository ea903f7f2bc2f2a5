import Foundation
import Programme
@testable import Storage
import Testing

/// The kennisprogramma in the database: seed, edits with conflicts, themes, meetings and registrations under the
/// programme's rules — on SQLite and PostgreSQL.
@Suite struct ProgrammeStoreTests {
    static let actor = "staf@example.nl"

    /// A published meeting of a fresh programme with two cities, each with four participants.
    struct Fixture {
        var programme: ProgrammeInfo
        var cities: [ProgrammeCity]
        var people: [[Participant]]
        var meeting: Meeting
    }

    static func fixture(_ store: Store, capacity: Int? = nil) async throws -> Fixture {
        let programmes = ProgrammeStore(store: store)
        let programme = try await programmes.create(
            ProgrammeInfo(
                slug: "ronde-2027", name: "Ronde 2027", organiser: "Platform31",
                startsOn: Day(iso: "2027-01-01")!, endsOn: Day(iso: "2027-06-30")!,
                summary: "", source: "test"), actor: actor)
        var cities: [ProgrammeCity] = []
        var people: [[Participant]] = []
        for (code, city, wijk) in [("GM0114", "Emmen", "Angelslo"), ("GM0392", "Haarlem", "Meerwijk")] {
            let added = try await programmes.addCity(
                ProgrammeCity(
                    programmeID: programme.id, municipalityCode: code, cityName: city,
                    wijkName: wijk, source: "test"), actor: actor)
            cities.append(added)
            var list: [Participant] = []
            for (i, (organisation, discipline)) in [
                ("Gemeente \(city)", "beleid"), ("Woonbron \(city)", "wonen"),
                ("Welzijn \(city)", "sociaal werk"), ("Politie \(city)", "veiligheid"),
            ].enumerated() {
                list.append(
                    try await ParticipantStore(store: store).add(
                        Participant(
                            programmeID: programme.id, cityID: added.id, name: "\(city) \(i + 1)",
                            email: "\(city.lowercased())\(i + 1)@example.nl",
                            organisation: organisation, discipline: discipline, role: "projectleider",
                            involvedInWijkaanpak: true), actor: actor))
            }
            people.append(list)
        }
        let meeting = try await MeetingStore(store: store).create(
            Meeting(
                programmeID: programme.id, number: 0, title: "Bijeenkomst 1", date: Day(iso: "2027-02-09")!,
                startTime: ClockTime("13:00")!, endTime: ClockTime("17:00")!, hostCityID: cities[0].id,
                capacity: capacity, published: true),
            actor: actor)
        return Fixture(programme: programme, cities: cities, people: people, meeting: meeting)
    }

    static let before = Day(iso: "2027-02-01")!

    @Test(arguments: TestDatabase.all)
    func seedsTheRealProgrammeWithSources(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let (url, options) = try StorageTests.bundledEntry("cbs-kwb-2022-wijk.csv.gz")
            _ = try await ImportService(store: store).importFile(url, options: options)
            #expect(try await ProgrammeSeeding(store: store).seedIfEmpty())
            #expect(try await ProgrammeSeeding(store: store).seedIfEmpty() == false)
            let programme = try #require(try await ProgrammeStore(store: store).all().first)
            #expect(
                programme.startsOn.iso == "2016-12-01" && programme.endsOn.iso == "2017-04-30"
                    && programme.plannedCities == 12)
            let cities = try await ProgrammeStore(store: store).cities(programmeID: programme.id)
            #expect(cities.count == 11)
            let emmen = try #require(cities.first { $0.municipalityCode == "GM0114" })
            #expect(emmen.wijkName == "Angelslo" && emmen.buildFrom == 1958 && emmen.buildTo == 1968)
            #expect(emmen.focusAreaSlug == "programma-emmen-angelslo")
            #expect(
                try await FocusAreaStore(store: store).find(slug: "programma-emmen-angelslo")?.members.map(\.rawValue)
                    == ["WK011443"])
            #expect(cities.allSatisfy { city in city.descriptors.allSatisfy { !$0.source.isEmpty } })
            // Wijken without a CBS match stay unlinked rather than linked to a guess.
            #expect(cities.first { $0.municipalityCode == "GM0935" }?.focusAreaSlug == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func registrationRulesInTheDatabase(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let f = try await Self.fixture(store)
            let registrations = RegistrationStore(store: store)
            let emmen = f.people[0]
            // Reminders: due within the window, once.
            let meetings = MeetingStore(store: store)
            #expect(
                try await meetings.dueForReminder(programmeID: f.programme.id, within: 10, today: Self.before).map(\.id)
                    == [f.meeting.id])
            #expect(
                try await meetings.dueForReminder(programmeID: f.programme.id, within: 5, today: Self.before).isEmpty)
            try await meetings.markReminded(f.meeting, sent: 0, actor: Self.actor)
            #expect(
                try await meetings.dueForReminder(programmeID: f.programme.id, within: 10, today: Self.before).isEmpty)
            for person in emmen.prefix(3) {
                let outcome = try await registrations.register(
                    meetingID: f.meeting.id, participantID: person.id, actor: Self.actor, today: Self.before)
                #expect(outcome.registration.status == .registered)
            }
            // The fourth from Emmen waits; Haarlem's places are separate.
            let fourth = try await registrations.register(
                meetingID: f.meeting.id, participantID: emmen[3].id, actor: Self.actor, today: Self.before)
            #expect(fourth.registration.status == .waiting)
            #expect(fourth.waitingReason?.contains("wachtlijst") == true)
            #expect(
                try await registrations.register(
                    meetingID: f.meeting.id, participantID: f.people[1][0].id, actor: Self.actor, today: Self.before
                )
                .registration.status == .registered)
            await #expect(throws: ProgrammeError.duplicate("Emmen 1 is al aangemeld voor deze bijeenkomst.")) {
                _ = try await registrations.register(
                    meetingID: f.meeting.id, participantID: emmen[0].id, actor: Self.actor, today: Self.before)
            }
            // Cancelling moves the first on the waiting list up.
            let first = try #require(
                try await registrations.rows(meetingID: f.meeting.id).first { $0.participant.id == emmen[0].id })
            let promoted = try await registrations.cancel(registrationID: first.registration.id, actor: Self.actor)
            #expect(promoted.map(\.id) == [emmen[3].id])
            let statuses = Dictionary(
                uniqueKeysWithValues: try await registrations.rows(meetingID: f.meeting.id).map {
                    ($0.participant.id, $0.registration.status)
                })
            #expect(statuses[emmen[0].id] == .cancelled && statuses[emmen[3].id] == .registered)
            // After the meeting: no new registrations; attendance is recorded.
            await #expect(throws: ProgrammeError.self) {
                _ = try await registrations.register(
                    meetingID: f.meeting.id, participantID: emmen[0].id, actor: Self.actor,
                    today: Day(iso: "2027-02-10")!)
            }
            let registeredIDs = try await registrations.rows(meetingID: f.meeting.id).filter {
                $0.registration.status == .registered
            }.map(\.registration.id)
            await #expect(throws: ProgrammeError.self) {
                try await registrations.recordAttendance(
                    meetingID: f.meeting.id, attended: [registeredIDs[0]: true], actor: Self.actor, today: Self.before)
            }
            try await registrations.recordAttendance(
                meetingID: f.meeting.id, attended: [registeredIDs[0]: true, registeredIDs[1]: false],
                actor: Self.actor, today: Day(iso: "2027-02-09")!)
            let attended = try await registrations.rows(meetingID: f.meeting.id).compactMap(\.registration.attended)
            #expect(attended.sorted { !$0 && $1 } == [false, true])
            #expect(try await AuditLog(store: store).recent().contains { $0.action == "van wachtlijst aangemeld" })
        }
    }

    @Test(arguments: TestDatabase.all)
    func sameOrganisationIsRefusedAndNothingIsWritten(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let f = try await Self.fixture(store)
            let registrations = RegistrationStore(store: store)
            _ = try await registrations.register(
                meetingID: f.meeting.id, participantID: f.people[0][0].id, actor: Self.actor, today: Self.before)
            let colleague = try await ParticipantStore(store: store).add(
                Participant(
                    programmeID: f.programme.id, cityID: f.cities[0].id, name: "Collega", email: "collega@example.nl",
                    organisation: "Gemeente Emmen", discipline: "economie", role: "wijkmanager",
                    involvedInWijkaanpak: true), actor: Self.actor)
            let auditBefore = try await AuditLog(store: store).recent().count
            do {
                _ = try await registrations.register(
                    meetingID: f.meeting.id, participantID: colleague.id, actor: Self.actor, today: Self.before)
                Issue.record("a second person of the same organisation was registered")
            } catch let ProgrammeError.refused(reason) {
                #expect(
                    reason
                        == "Collega kan niet deelnemen: Emmen 1 is al aangemeld namens Gemeente Emmen. Per stad komen deelnemers uit verschillende organisaties."
                )
            }
            #expect(try await registrations.rows(meetingID: f.meeting.id).count == 1)
            #expect(try await AuditLog(store: store).recent().count == auditBefore)
        }
    }

    /// Two instances (two connection pools on one database) register the city's last free place at the same moment:
    /// exactly one gets it, the other is put on the waiting list — every round.
    @Test(arguments: TestDatabase.all)
    func lastPlaceGoesToExactlyOneOfTwoInstances(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let f = try await Self.fixture(store, capacity: 3)
            let first = try await Store.open(url: store.url)
            let second = try await Store.open(url: store.url)
            let registrations = RegistrationStore(store: store)
            do {
                for round in 0..<5 {
                    for row in try await registrations.rows(meetingID: f.meeting.id)
                    where row.registration.status != .cancelled {
                        _ = try await registrations.cancel(registrationID: row.registration.id, actor: Self.actor)
                    }
                    // Two places taken, one left in the room (capacity 3); two people of different cities race for it.
                    _ = try await registrations.register(
                        meetingID: f.meeting.id, participantID: f.people[0][0].id, actor: Self.actor, today: Self.before
                    )
                    _ = try await registrations.register(
                        meetingID: f.meeting.id, participantID: f.people[1][0].id, actor: Self.actor, today: Self.before
                    )
                    let a = f.people[0][1 + round % 3].id, b = f.people[1][1 + round % 3].id
                    async let one = RegistrationStore(store: first).register(
                        meetingID: f.meeting.id, participantID: a, actor: "instantie 1", today: Self.before)
                    async let two = RegistrationStore(store: second).register(
                        meetingID: f.meeting.id, participantID: b, actor: "instantie 2", today: Self.before)
                    let outcomes = try await [one, two].map(\.registration.status)
                    #expect(outcomes.filter { $0 == .registered }.count == 1, "round \(round): \(outcomes)")
                    #expect(outcomes.filter { $0 == .waiting }.count == 1)
                    #expect(
                        try await registrations.rows(meetingID: f.meeting.id).filter {
                            $0.registration.status == .registered
                        }.count == 3)
                }
            } catch {
                Issue.record(error)
            }
            await first.close()
            await second.close()
        }
    }

    @Test(arguments: TestDatabase.all)
    func staleEditsAreRefused(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let f = try await Self.fixture(store)
            var mine = f.cities[0], theirs = f.cities[0]
            mine.descriptors = [Descriptor(field: .challenge, value: "sociale stijging", source: "wijkplan 2017")]
            theirs.inhabitants = 7685
            _ = try await ProgrammeStore(store: store).updateCity(theirs, actor: "coordinator")
            await #expect(throws: ProgrammeError.conflict("De beschrijving van Angelslo")) {
                _ = try await ProgrammeStore(store: store).updateCity(mine, actor: Self.actor)
            }
            #expect(try await ProgrammeStore(store: store).city(id: f.cities[0].id)?.inhabitants == 7685)
            // A description without its source is refused, naming the field.
            var unsourced = try #require(try await ProgrammeStore(store: store).city(id: f.cities[0].id))
            unsourced.descriptors = [Descriptor(field: .population, value: "jong", source: " ")]
            await #expect(
                throws: ProgrammeError.invalid(["Bevolkingssamenstelling: vermeld de bron van deze beschrijving."])
            ) {
                _ = try await ProgrammeStore(store: store).updateCity(unsourced, actor: Self.actor)
            }
            var meeting = f.meeting, other = f.meeting
            other.venue = "Buurthuis"
            _ = try await MeetingStore(store: store).update(other, actor: Self.actor)
            meeting.expert = "Prof. X"
            await #expect(throws: ProgrammeError.self) {
                _ = try await MeetingStore(store: store).update(meeting, actor: Self.actor)
            }
            var outside = try #require(try await MeetingStore(store: store).meeting(id: f.meeting.id))
            outside.date = Day(iso: "2027-08-01")!
            outside.presentations = [.init(cityID: f.cities[0].id, title: "Wijkteam")]
            do {
                _ = try await MeetingStore(store: store).update(outside, actor: Self.actor)
                Issue.record("an invalid meeting was saved")
            } catch let ProgrammeError.invalid(problems) {
                #expect(
                    problems == [
                        "Datum: 1 augustus 2027 ligt buiten de programmaperiode (1 januari 2027 – 30 juni 2027).",
                        "Presentaties: een bijeenkomst heeft 3 of 4 presenterende wijken, niet 1.",
                    ])
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func themesTallyAndDecision(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let f = try await Self.fixture(store)
            let themes = ThemeStore(store: store)
            var ids: [Int] = []
            for title in ["Gezondheid", "Werk", "Wonen", "Veiligheid", "Onderwijs"] {
                ids.append(
                    try await themes.add(
                        Theme(programmeID: f.programme.id, title: title, summary: ""), actor: Self.actor
                    ).id)
            }
            await #expect(throws: ProgrammeError.duplicate("Thema: 'werk' staat al op de lijst.")) {
                _ = try await themes.add(
                    Theme(programmeID: f.programme.id, title: "werk", summary: ""), actor: Self.actor)
            }
            // Emmen: Gezondheid > Werk > Wonen > Veiligheid > Onderwijs; Haarlem: Onderwijs > Wonen > Werk (the rest unranked).
            try await themes.submit(
                Ballot(cityID: f.cities[0].id, ranking: ids, submittedBy: "emmen"), programmeID: f.programme.id,
                actor: "emmen")
            try await themes.submit(
                Ballot(cityID: f.cities[1].id, ranking: [ids[4], ids[2], ids[1]], submittedBy: "haarlem"),
                programmeID: f.programme.id, actor: "haarlem")
            // Points (n = 5): Gezondheid 4; Werk 3+2 = 5; Wonen 2+3 = 5; Veiligheid 1; Onderwijs 0+4 = 4.
            // Werk–Wonen tie: no first places either; head to head Werk beats Wonen on Emmen's ballot, Wonen beats Werk on
            // Haarlem's → 1–1; proposal order puts Werk first. Gezondheid–Onderwijs tie: one first place each; head to head
            // 1–1; proposal order: Gezondheid.
            let tally = try #require(try await themes.tally(programmeID: f.programme.id))
            #expect(tally.standings.map(\.theme) == [ids[1], ids[2], ids[0], ids[4], ids[3]].map(String.init))
            #expect(tally.standings.map(\.points) == [5, 5, 4, 4, 1])
            #expect(tally.ties.map(\.decidedBy) == ["volgorde van voorstellen", "volgorde van voorstellen"])
            await #expect(throws: ProgrammeError.self) {
                _ = try await themes.decide(
                    programmeID: f.programme.id, themeIDs: [ids[1], ids[2], ids[0], ids[3]], reason: "",
                    actor: Self.actor)
            }
            let confirmed = try await themes.decide(
                programmeID: f.programme.id, themeIDs: [ids[1], ids[2], ids[0], ids[4]], reason: "", actor: Self.actor)
            #expect(confirmed.followsTally)
            let overridden = try await themes.decide(
                programmeID: f.programme.id, themeIDs: [ids[1], ids[2], ids[0], ids[3]],
                reason: "Veiligheid is de gedeelde urgentie", actor: Self.actor)
            #expect(!overridden.followsTally)
            #expect(
                try await themes.decision(programmeID: f.programme.id)?.reason == "Veiligheid is de gedeelde urgentie")
        }
    }

    @Test(arguments: TestDatabase.all)
    func invitationsAndSessions(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let f = try await Self.fixture(store)
            let accounts = AccountStore(store: store)
            let token = try await accounts.invite(
                email: "Coord@Example.nl", name: "Coördinator", role: .coordinator, cityID: f.cities[0].id,
                participantID: nil, actor: Self.actor)
            #expect(try await accounts.invitation(token: token)?.email == "coord@example.nl")
            let account = try await accounts.accept(token: token, passwordHash: "hash")
            #expect(account.viewer.mayManage(city: f.cities[0].id) && !account.viewer.mayManage(city: f.cities[1].id))
            await #expect(throws: ProgrammeError.self) {
                _ = try await accounts.accept(token: token, passwordHash: "other")
            }
            // Sessions live in the database: another instance (another pool) sees them.
            let session = try await accounts.startSession(userID: account.id)
            let other = try await Store.open(url: store.url)
            #expect(try await AccountStore(store: other).session(token: session.token)?.userID == account.id)
            try await AccountStore(store: other).endSession(token: session.token)
            #expect(try await accounts.session(token: session.token) == nil)
            await other.close()
            // Only hashes are stored.
            let stored = try await store.sql.select().column("token_hash").from("sessions").all().map {
                try $0.decode(column: "token_hash", as: String.self)
            }
            #expect(!stored.contains(session.token))
            _ = try await accounts.beginAttempt(email: "x@example.nl", client: "192.0.2.1")
            _ = try await accounts.beginAttempt(email: "X@example.nl", client: "192.0.2.2")
            let third = try await accounts.beginAttempt(email: "x@example.nl", client: "192.0.2.1")
            // Only the attempts before the third count for it; a forgotten (refused) attempt counts for nobody.
            let failures = try await accounts.failures(
                before: third, email: "x@example.nl", client: "192.0.2.1", window: 900)
            #expect(failures.account.count == 2 && failures.client.count == 1 && failures.account.last != nil)
            try await accounts.forget(attempt: third)
            let fourth = try await accounts.beginAttempt(email: "x@example.nl", client: "192.0.2.1")
            #expect(
                try await accounts.failures(before: fourth, email: "x@example.nl", client: "192.0.2.1", window: 900)
                    .account.count == 2)
        }
    }
}
