import Foundation
import Knowledge
import Programme
@testable import Storage
import Testing
import VaporTesting
@testable import WebApp

/// Opgaven identified in a meeting on the real programme: proposed, supported once per person, merged by staff with
/// the original kept, and counted in the register next to the wijken's early-warning signals.
@Suite(.serialized) struct OpgaveWebTests {
    @Test func proposeSupportMergeAndRegister() async throws {
        let store = try await ProgrammeWebFixture.storeWithWijken()
        try await ProgrammeSeeding(store: store).seedIfEmpty()
        let programme = try #require(try await ProgrammeStore(store: store).all().first)
        let cities = try await ProgrammeStore(store: store).cities(programmeID: programme.id)
        let emmen = try #require(cities.first { $0.cityName == "Emmen" }),
            delft = try #require(cities.first { $0.cityName == "Delft" })
        let meeting = try await MeetingStore(store: store).create(
            Meeting(
                programmeID: programme.id, number: 0, title: "Themabijeenkomst gezondheid",
                date: Day(iso: "2017-02-09")!,
                startTime: ClockTime("13:00")!, endTime: ClockTime("17:00")!, hostCityID: emmen.id, published: true),
            actor: "test")
        let token = try await AccountStore(store: store).invite(
            email: "staf@example.nl", name: "Staf", role: .staff, cityID: nil, participantID: nil, actor: "test")
        _ = try await AccountStore(store: store).accept(
            token: token, passwordHash: try Bcrypt.hash(ProgrammeWebFixture.password, cost: 4))
        try await withApp(configure: { try WebServer.configure($0, config: ProgrammeWebFixture.config(), store: store) }
        ) { app in
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let path = "/programma/\(programme.slug)/bijeenkomst/\(meeting.id)"
            let invalid = try await staff.post(path + "/opgaven", ["titel": "", "beschrijving": ""])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.text.contains("Steden: kies de steden of wijken waar de opgave speelt."))
            for (title, kind, city) in [
                ("Gezondheid en armoede verbinden", "gezondheid en armoede", emmen.id),
                ("Armoede en gezondheid samen aanpakken", "gezondheid en armoede", emmen.id),
                ("Jongeren een plek geven", "jeugd", delft.id),
            ] {
                let response = try await staff.post(
                    path + "/opgaven",
                    [
                        "titel": title, "beschrijving": "Uit de bijeenkomst.", "soort": kind,
                        "stad\(city)": "\(city)", "aspect_koppelen": "Zorg en schuldhulp koppelen",
                    ])
                #expect(response.status == .seeOther)
            }
            let opgaven = try await KnowledgeStore(store: store).opgaven()
            #expect(opgaven.count == 3)
            #expect(try await staff.post("/kennis/\(opgaven[1].id)/steun", [:]).status == .seeOther)
            let twice = try await staff.post("/kennis/\(opgaven[1].id)/steun", [:])
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("U steunt ‘Armoede en gezondheid samen aanpakken’ al."))
            // Support is a state: shown as such, counted by organisation, and withdrawable (issue 16).
            #expect(try await staff.get(path).text.contains("Gesteund ✓"))
            let opgavePage = try await staff.get("/kennis/\(opgaven[1].id)").text
            #expect(
                opgavePage.contains("1 steunbetuiging: programmastaf (1)") && opgavePage.contains("Steun intrekken"))
            #expect(try await staff.post("/kennis/\(opgaven[1].id)/steun", ["actie": "intrekken"]).status == .seeOther)
            #expect(try await KnowledgeStore(store: store).opgaven()[1].support == 0)
            #expect(
                try await staff.post("/kennis/\(opgaven[1].id)/steun", ["actie": "intrekken"]).status == .conflict)
            #expect(try await staff.post("/kennis/\(opgaven[1].id)/steun", [:]).status == .seeOther)
            // A conversation: a comment, an empty one refused, staff hide one with a reason; it stays stored.
            let opgave = "/kennis/\(opgaven[1].id)"
            #expect(
                try await staff.post(opgave + "/reacties", ["reactie": "Wie neemt het voortouw?"]).status == .seeOther)
            let empty = try await staff.post(opgave + "/reacties", ["reactie": "  "])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Reactie: schrijf eerst iets."))
            let comment = try #require(try await KnowledgeStore(store: store).comments(on: opgaven[1].id).first)
            #expect(try await staff.get(opgave).text.contains("Wie neemt het voortouw?"))
            #expect(
                try await staff.post(opgave + "/reacties/\(comment.id)/verbergen", ["reden": "Persoonsgegevens"]).status
                    == .seeOther)
            #expect(try await staff.get(opgave).text.contains("Verborgen door de programmastaf: Persoonsgegevens"))
            // The public sees neither the conversation nor who supports it.
            var visitor = Visitor(app)
            let seen = try await visitor.get(opgave).text
            #expect(seen.contains("alleen zichtbaar voor wie aan het programma deelneemt"))
            #expect(!seen.contains("Wie neemt het voortouw?") && !seen.contains("programmastaf (1)"))
            #expect(
                try await KnowledgeStore(store: store).comments(on: opgaven[1].id).first?.body
                    == "Wie neemt het voortouw?")
            // The duplicate joins the first; it stays, linked, and its support counts there.
            _ = try await staff.get(path)
            #expect(
                try await staff.post(
                    "/kennis/\(opgaven[1].id)/samenvoegen", ["met": "\(opgaven[0].id)", "versie": "1"]
                ).status == .seeOther)
            let page = try await staff.get(path)
            #expect(
                page.text.contains(
                    "samengevoegd: <a href=\"/kennis/\(opgaven[1].id)\">Armoede en gezondheid samen aanpakken</a>"))
            #expect(
                try await staff.get("/kennis/\(opgaven[1].id)").text.contains(
                    "Samengevoegd met <a href=\"/kennis/\(opgaven[0].id)\">"))
            let register = try await staff.get("/opgaven").text
            #expect(register.contains("<th scope=\"row\">gezondheid en armoede</th><td class=\"num\">1</td>"))
            #expect(register.contains("Gezondheid en armoede verbinden</a> (Angelslo (Emmen); 1 steunbetuiging)"))
            // Angelslo's early-warning rules that fire, from the bundled KWB 2022.
            #expect(register.contains("Angelslo (Emmen): veel inwoners met een laag inkomen"))
            // Found by search, with the aspect facet.
            #expect(
                try await staff.get("/kennis?q=schuldhulp&aspect=koppelen").text.contains(
                    "href=\"/kennis/\(opgaven[0].id)\""))
        }
        await store.close()
    }
}
