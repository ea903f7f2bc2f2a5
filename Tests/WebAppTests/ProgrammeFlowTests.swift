import Core
import Foundation
import Pages
import Programme
import Storage
import Testing
import VaporTesting
@testable import WebApp

/// The programme through the web app as its users meet it: escaping, sign-in protection, invitations, registration
/// with the rules explained, calendar files and the participant list.
@Suite(.serialized) struct ProgrammeFlowTests {
    static let payload = #"<script>alert('x')</script>"><img src=x onerror=alert(1)>"#

    @Test func xssPayloadsInEveryTextFieldAreRenderedEscaped() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let x = Self.payload
            #expect(
                try await staff.post(
                    "/programma",
                    [
                        "naam": x, "slug": "xss", "organisator": x, "begin": "2027-01-01", "einde": "2027-06-30",
                        "beschrijving": x, "bron": x,
                    ]
                ).status == .seeOther)
            #expect(
                try await staff.post("\(f.base)/steden", ["gemeentecode": "GM0363", "stad": x, "wijk": x, "bron": x])
                    .status == .seeOther)
            var city: [String: String] = ["versie": "1", "wijk": x, "ligging": ""]
            for field in DescriptorField.allCases { city["d_\(field.rawValue)"] = x; city["b_\(field.rawValue)"] = x }
            #expect(try await staff.post("\(f.base)/stad/\(f.cityA.id)", city).status == .seeOther)
            #expect(
                try await staff.post(
                    "\(f.base)/stad/\(f.cityA.id)/deelnemers",
                    [
                        "naam": x, "email": "x@example.nl", "organisatie": x, "discipline": x, "rol": x,
                        "betrokken": "ja",
                    ]
                ).status == .seeOther)
            #expect(try await staff.post("\(f.base)/themas", ["titel": x, "toelichting": x]).status == .seeOther)
            let theme = try await ThemeStore(store: f.store).themes(programmeID: f.programme.id)[0].id
            #expect(
                try await staff.post("\(f.base)/themas/besluit", ["thema\(theme)": "1", "reden": x]).status == .seeOther
            )
            var meeting = MeetingEditPage.fields(f.meeting)
            for key in ["titel", "locatie", "adres", "deskundige", "aftrap", "projectbezoek", "werkvormen"] {
                meeting[key] = x
            }
            meeting["programma"] = "13:30 " + x
            meeting["thema"] = "\(theme)"
            for city in [f.cityA, f.cityB] { meeting["presentatie\(city.id)"] = x }
            let third = try await ProgrammeStore(store: f.store).cities(programmeID: f.programme.id).last!
            meeting["presentatie\(third.id)"] = x
            let saved = try await staff.post("\(f.base)/bijeenkomst/\(f.meeting.id)/bewerken", meeting)
            #expect(saved.status == .seeOther)
            let xParticipant = try await ParticipantStore(store: f.store).participants(programmeID: f.programme.id)
                .first { $0.email == "x@example.nl" }!
            #expect(
                try await staff.post(
                    "\(f.base)/bijeenkomst/\(f.meeting.id)/aanmeldingen", ["deelnemer": "\(xParticipant.id)"]
                ).status == .seeOther)
            #expect(
                try await staff.post(
                    "/beheer/uitnodigingen", ["naam": x, "email": "y@example.nl", "rol": Role.staff.rawValue]
                ).status == .ok)
            var anonymous = Visitor(app)
            _ = try await anonymous.get("/inloggen")
            let login = try await anonymous.post(
                "/inloggen?terug=" + x.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                ["email": x, "wachtwoord": "x", "terug": x])
            let pages = [
                "/programma", "/programma/xss", f.base, "\(f.base)/stad/\(f.cityA.id)",
                "\(f.base)/stad/\(f.cityA.id)/deelnemers",
                "\(f.base)/themas", "\(f.base)/bijeenkomst/\(f.meeting.id)",
                "\(f.base)/bijeenkomst/\(f.meeting.id)/bewerken", "/beheer",
            ]
            var bodies = [("login", login.text)]
            for page in pages {
                let response = try await staff.get(page)
                #expect(response.status == .ok, "\(page)")
                bodies.append((page, response.text))
            }
            var visitor = Visitor(app)
            bodies.append(("public meeting", try await visitor.get("\(f.base)/bijeenkomst/\(f.meeting.id)").text))
            for (page, body) in bodies {
                #expect(!body.contains("<script>alert"), "\(page) has a live script")
                #expect(!body.contains("<img src=x"), "\(page) has a live img")
                #expect(body.contains("&lt;script&gt;alert"), "\(page) does not show the text escaped")
            }
            // Each field shows up escaped: count the escaped payloads on the pages that show them.
            func count(_ page: String) -> Int {
                bodies.first { $0.0 == page }!.1.components(separatedBy: "&lt;script&gt;alert").count - 1
            }
            #expect(count("/programma/xss") >= 4)  // name, organiser, summary, source
            #expect(count("\(f.base)/stad/\(f.cityA.id)") >= 1 + 2 * DescriptorField.allCases.count)
            // Title ×2, venue, address, expert, kick-off, visit, forms, agenda, 3 presentations, theme.
            #expect(count("\(f.base)/bijeenkomst/\(f.meeting.id)") >= 10)
            let csv = try await staff.get("\(f.base)/bijeenkomst/\(f.meeting.id)/deelnemers.csv").text
            #expect(csv.contains("\"<script>alert('x')</script>\"\"><img src=x onerror=alert(1)>\""))
        }
        await f.store.close()
    }

    @Test func protectedPagesSendThePublicToTheLoginFormAndBack() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var visitor = Visitor(app)
            let response = try await visitor.get("\(f.base)/themas")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/inloggen?terug=\(f.base)/themas")
            _ = try await visitor.get("/inloggen?terug=\(f.base)/themas")
            let login = try await visitor.post(
                "/inloggen",
                ["email": "coord@example.nl", "wachtwoord": ProgrammeWebFixture.password, "terug": "\(f.base)/themas"])
            #expect(login.headers.first(name: .location) == "\(f.base)/themas")
            // Never to another site.
            var other = Visitor(app)
            _ = try await other.get("/inloggen")
            let away = try await other.post(
                "/inloggen",
                ["email": "coord@example.nl", "wachtwoord": ProgrammeWebFixture.password, "terug": "//evil.example"])
            #expect(away.headers.first(name: .location) == "/")
            // Signing out ends the session in the database.
            _ = try await other.get("/")
            let cookie = other.cookie!
            #expect(try await other.post("/uitloggen", [:]).status == .seeOther)
            #expect(try await AccountStore(store: f.store).session(token: cookie) == nil)
        }
        await f.store.close()
    }

    @Test func failedLoginsSlowDownWithoutLockingTheOwnerOut() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var visitor = Visitor(app)
            _ = try await visitor.get("/inloggen")
            for _ in 0..<LoginThrottle().freeAccountFailures {
                let wrong = try await visitor.post("/inloggen", ["email": "coord@example.nl", "wachtwoord": "geraden"])
                #expect(wrong.status == .unauthorized)
                #expect(wrong.text.contains("E-mailadres of wachtwoord klopt niet."))
            }
            // Right away, even the right password waits: that is what slows guessing down …
            let blocked = try await visitor.post(
                "/inloggen", ["email": "coord@example.nl", "wachtwoord": ProgrammeWebFixture.password])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Te veel mislukte pogingen. Probeer het over 1 seconde opnieuw"))
            #expect(blocked.headers.first(name: .retryAfter) == "1")
            // … but only for a moment: five failures by someone else do not lock the owner out for a quarter of an hour.
            try await Task.sleep(for: .milliseconds(1100))
            #expect(
                try await visitor.post(
                    "/inloggen", ["email": "coord@example.nl", "wachtwoord": ProgrammeWebFixture.password]
                ).status == .seeOther)
            // Other addresses are not affected.
            var other = Visitor(app)
            _ = try await other.get("/inloggen")
            #expect(
                try await other.post(
                    "/inloggen", ["email": "staf@example.nl", "wachtwoord": ProgrammeWebFixture.password]
                ).status == .seeOther)
        }
        await f.store.close()
    }

    @Test func invitationLinkCreatesAnAccountOnce() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let page = try await staff.post(
                "/beheer/uitnodigingen",
                [
                    "naam": "Nieuwe Coördinator", "email": "nieuw@example.nl",
                    "rol": Role.coordinator.rawValue, "stad": "\(f.cityB.id)",
                ])
            let link = try #require(
                page.text.firstMatch(of: /id="eenmalige-link">http:\/\/wijkradar.test(\/uitnodiging\/[A-Za-z0-9_-]+)</)
                    .map { String($0.1) })
            var invitee = Visitor(app)
            #expect(try await invitee.get(link).text.contains("Welkom, Nieuwe Coördinator"))
            let short = try await invitee.post(link, ["wachtwoord": "kort", "herhaling": "kort"])
            #expect(short.status == .unprocessableEntity)
            #expect(short.text.contains("Wachtwoord: kies minstens 12 tekens"))
            #expect(
                try await invitee.post(link, ["wachtwoord": "een goed wachtwoord", "herhaling": "een goed wachtwoord"])
                    .status == .seeOther)
            #expect(try await invitee.get(link).status == .notFound)
            let account = try #require(try await AccountStore(store: f.store).account(email: "nieuw@example.nl"))
            #expect(account.role == .coordinator && account.cityID == f.cityB.id)
            #expect(account.passwordHash.hasPrefix("wr2$$2"))  // Bcrypt of the pre-hashed password, never the password
            var signedIn = Visitor(app)
            _ = try await signedIn.get("/inloggen")
            #expect(
                try await signedIn.post(
                    "/inloggen", ["email": "nieuw@example.nl", "wachtwoord": "een goed wachtwoord"]
                ).status == .seeOther)
            #expect(try await signedIn.get("\(f.base)/stad/\(f.cityB.id)/deelnemers").status == .ok)
            let log = try await AuditLog(store: f.store).recent().map(\.action)
            #expect(log.contains("uitnodiging gemaakt") && log.contains("account aangemaakt"))
        }
        await f.store.close()
    }

    /// Issue 16: pending invitations are listed; a new link replaces the old one (shown once, not logged); a revoked
    /// invitation opens nothing; a refused invitation keeps what was typed.
    @Test func pendingInvitationsAreListedRenewedAndRevoked() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let pattern = /id="eenmalige-link">http:\/\/wijkradar.test(\/uitnodiging\/[A-Za-z0-9_-]+)</
            let made = try await staff.post(
                "/beheer/uitnodigingen",
                [
                    "naam": "Coördinator Twee", "email": "twee@example.nl", "rol": Role.coordinator.rawValue,
                    "stad": "\(f.cityB.id)",
                ])
            let first = try #require(made.text.firstMatch(of: pattern).map { String($0.1) })
            #expect(made.text.contains("Openstaande uitnodigingen") && made.text.contains("twee@example.nl</td>"))
            let renew = try #require(
                made.text.firstMatch(of: /action="(\/beheer\/uitnodigingen\/[0-9a-f]{64}\/opnieuw)"/).map {
                    String($0.1)
                })
            let renewed = try await staff.post(renew, [:])
            #expect(renewed.text.contains("de vorige werkt niet meer"))
            let second = try #require(renewed.text.firstMatch(of: pattern).map { String($0.1) })
            #expect(second != first)
            var invitee = Visitor(app)
            #expect(try await invitee.get(first).status == .notFound)
            #expect(try await invitee.get(second).text.contains("Welkom, Coördinator Twee"))
            let revoke = try #require(
                renewed.text.firstMatch(of: /action="(\/beheer\/uitnodigingen\/[0-9a-f]{64}\/intrekken)"/).map {
                    String($0.1)
                })
            #expect(try await staff.post(revoke, [:]).text.contains("is ingetrokken"))
            #expect(try await invitee.get(second).status == .notFound)
            #expect(try await staff.post(revoke, [:]).status == .notFound)
            let log = try await AuditLog(store: f.store).recent()
            #expect(log.contains { $0.action == "uitnodiging ingetrokken" })
            #expect(!log.contains { $0.detail.contains(String(second.split(separator: "/").last!)) })
            // A name of 20 KB is refused with a Dutch message, not stored.
            let long = try await staff.post(
                "/beheer/uitnodigingen",
                [
                    "naam": String(repeating: "X", count: 20_000), "email": "lang@example.nl",
                    "rol": Role.coordinator.rawValue,
                    "stad": "\(f.cityB.id)",
                ])
            #expect(long.status == .unprocessableEntity && long.text.contains("Naam: hoogstens 200 tekens (nu 20000)."))
            // A refused invitation: the form keeps what was typed.
            let refused = try await staff.post(
                "/beheer/uitnodigingen",
                ["naam": "Iemand Anders", "email": "geen-adres", "rol": Role.coordinator.rawValue, "stad": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("value=\"Iemand Anders\"") && refused.text.contains("value=\"geen-adres\""))
        }
        await f.store.close()
    }

    /// Issue 16: /beheer starts with what needs attention: a meeting of the coming two weeks with who comes from
    /// where, and the open invitations.
    @Test func staffDashboardShowsWhatNeedsAttention() async throws {
        let f = try await ProgrammeWebFixture.make()
        let soon = try await MeetingStore(store: f.store).create(
            Meeting(
                programmeID: f.programme.id, number: 0, title: "Bijeenkomst over wonen",
                date: ProgrammeWebFixture.day(5),
                startTime: ClockTime("13:00")!, endTime: ClockTime("17:00")!, hostCityID: f.cityB.id, venue: "Meerwijk",
                published: true), actor: "test")
        _ = try await RegistrationStore(store: f.store).register(
            meetingID: soon.id, participantID: f.peopleB[0].id, actor: "test")
        try await f.withApp { app in
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let page = try await staff.get("/beheer")
            #expect(page.text.contains("Wat vraagt aandacht"))
            #expect(page.text.contains("Bijeenkomst over wonen</a>"))
            #expect(page.text.contains(": Haarlem 1"))
            #expect(!page.text.contains("Bijeenkomst gezondheid</a> ("), "a meeting a month away is not this week's")
        }
        await f.store.close()
    }

    /// Issue 16: a participant ranks the themes themselves; their coordinator sees it; the tally counts participants;
    /// a refused ranking and a refused decision come back as they were sent.
    @Test func participantsRankThemesAndRefusedFormsKeepTheirInput() async throws {
        let f = try await ProgrammeWebFixture.make()
        let themes = ThemeStore(store: f.store)
        let health = try await themes.add(
            Theme(programmeID: f.programme.id, title: "Gezondheid", summary: ""), actor: "test")
        let housing = try await themes.add(
            Theme(programmeID: f.programme.id, title: "Wonen", summary: ""), actor: "test")
        let path = "\(f.base)/themas"
        try await f.withApp { app in
            var anna = try await Visitor.signedIn(app, "anna.emmen@example.nl")
            let page = try await anna.get(path)
            #expect(page.text.contains("Uw voorkeur"))
            let twice = try await anna.post(
                path + "/stem", ["als": "deelnemer", "plaats1": "\(housing.id)", "plaats2": "\(housing.id)"])
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.text.contains("<option value=\"\(housing.id)\" selected>Wonen</option>"))
            #expect(
                try await anna.post(
                    path + "/stem", ["als": "deelnemer", "plaats1": "\(housing.id)", "plaats2": "\(health.id)"]
                )
                .status == .seeOther)
            #expect(
                try await themes.participantBallots(programmeID: f.programme.id).map(\.ranking) == [
                    [housing.id, health.id]
                ])
            var coordinator = try await Visitor.signedIn(app, "coord@example.nl")
            let seen = try await coordinator.get(path).text
            #expect(seen.contains("Voorkeuren uit uw stad") && seen.contains("\(f.peopleA[0].name)</strong>"))
            #expect(seen.contains("1 deelnemer uit 1 stad heeft gerangschikt"))
            // Staff deviate from the tally without a reason: refused, and the choice sent is still ticked.
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let refused = try await staff.post(path + "/besluit", ["thema\(health.id)": "\(health.id)", "reden": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.text.contains(
                    "name=\"thema\(health.id)\" id=\"f-thema\(health.id)\" value=\"\(health.id)\" checked"))
            #expect(
                !refused.text.contains(
                    "name=\"thema\(housing.id)\" id=\"f-thema\(housing.id)\" value=\"\(housing.id)\" checked"))
        }
        await f.store.close()
    }

    /// Issue 16: every form, refused, comes back with what was sent in its fields (never a password).
    @Test func refusedFormsComeBackWithTheirInput() async throws {
        let f = try await ProgrammeWebFixture.make()
        let meeting = "\(f.base)/bijeenkomst/\(f.meeting.id)"
        let cases: [(who: String, page: String, action: String, fields: [String: String], echoed: [String])] = [
            (
                "staf@example.nl", "/programma", "/programma",
                [
                    "naam": "Ronde Terug", "slug": "Fout Met Spaties", "organisator": "Bureau Terug",
                    "begin": "2031-01-01", "einde": "2031-12-31", "steden": "", "beschrijving": "Tekst die terugkomt",
                    "bron": "Besluit terug",
                ], ["Ronde Terug", "Fout Met Spaties", "Bureau Terug", "Tekst die terugkomt", "Besluit terug"]
            ),
            (
                "staf@example.nl", "/programma", "/programma",
                [
                    "naam": "Ronde Datum", "slug": "ronde-datum", "organisator": "Bureau Datum", "begin": "morgen",
                    "einde": "", "steden": "", "beschrijving": "", "bron": "Bron datum",
                ], ["Ronde Datum", "ronde-datum", "Bureau Datum", "Bron datum"]
            ),
            (
                "staf@example.nl", f.base, "\(f.base)/steden",
                ["gemeentecode": "GM99", "stad": "Teststad", "wijk": "Testwijk", "bron": "Eigen telling"],
                ["GM99", "Teststad", "Testwijk", "Eigen telling"]
            ),
            (
                "staf@example.nl", "\(f.base)/themas", "\(f.base)/themas",
                ["titel": "", "toelichting": "Alleen een toelichting"], ["Alleen een toelichting"]
            ),
            (
                "coord@example.nl", meeting, "\(meeting)/opgaven",
                ["titel": "", "beschrijving": "Een beschrijving die blijft", "soort": "wonen"],
                ["Een beschrijving die blijft", "wonen"]
            ),
            (
                "coord@example.nl", "\(f.base)/stad/\(f.cityA.id)/deelnemers",
                "\(f.base)/stad/\(f.cityA.id)/deelnemers",
                [
                    "naam": "Nieuwe Naam", "email": "geen-adres", "organisatie": "Organisatie Terug",
                    "discipline": "wonen", "rol": "projectleider",
                ], ["Nieuwe Naam", "geen-adres", "Organisatie Terug", "projectleider"]
            ),
            (
                "staf@example.nl", "\(f.base)/bijeenkomst/nieuw", "\(f.base)/bijeenkomst/nieuw",
                [
                    "titel": "Bijeenkomst Terug", "datum": "ooit", "begin": "13:00", "einde": "17:00",
                    "locatie": "Zaal Terug",
                ],
                ["Bijeenkomst Terug", "Zaal Terug"]
            ),
            (
                "staf@example.nl", "/onderzoek", "/onderzoek",
                ["titel": "", "auteurs": "Auteur Terug", "samenvatting": "Samenvatting terug"],
                ["Auteur Terug", "Samenvatting terug"]
            ),
            (
                "staf@example.nl", "/blog/nieuw", "/blog/nieuw",
                [
                    "soort": "blog", "titel": "", "auteur": "Auteur Blog", "tekst": "Tekst van het bericht",
                    "status": "concept",
                ],
                ["Auteur Blog", "Tekst van het bericht"]
            ),
        ]
        try await f.withApp { app in
            for item in cases {
                var visitor = try await Visitor.signedIn(app, item.who)
                _ = try await visitor.get(item.page)
                let response = try await visitor.post(item.action, item.fields)
                #expect(response.status.code >= 400, "\(item.action) accepted \(item.fields)")
                for value in item.echoed {
                    #expect(response.text.contains(value), "\(item.action): '\(value)' did not come back")
                }
            }
        }
        await f.store.close()
    }

    @Test func registrationRulesAreExplainedAndListsExported() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var coordinator = try await Visitor.signedIn(app, "coord@example.nl")
            let meeting = "\(f.base)/bijeenkomst/\(f.meeting.id)"
            for person in f.peopleA.prefix(2) {
                let response = try await coordinator.post(meeting + "/aanmeldingen", ["deelnemer": "\(person.id)"])
                #expect(response.headers.first(name: .location) == meeting + "?ok=aangemeld")
            }
            // A third from the same organisation as the first is refused, with the rule explained.
            #expect(
                try await coordinator.post(
                    "\(f.base)/stad/\(f.cityA.id)/deelnemers",
                    [
                        "naam": "Fleur Emmen", "email": "fleur@example.nl", "organisatie": "Gemeente Emmen",
                        "discipline": "economie",
                        "rol": "wijkmanager", "betrokken": "ja",
                    ]
                ).status == .seeOther)
            let fleur = try await ParticipantStore(store: f.store).participants(programmeID: f.programme.id).first {
                $0.email == "fleur@example.nl"
            }!
            let refused = try await coordinator.post(meeting + "/aanmeldingen", ["deelnemer": "\(fleur.id)"])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.text.contains(
                    "Fleur Emmen kan niet deelnemen: Anna Emmen is al aangemeld namens Gemeente Emmen. Per stad komen deelnemers uit verschillende organisaties."
                ))
            // Third place, then the waiting list.
            #expect(
                try await coordinator.post(meeting + "/aanmeldingen", ["deelnemer": "\(f.peopleA[2].id)"]).status
                    == .seeOther)
            #expect(
                try await coordinator.post(
                    "\(f.base)/stad/\(f.cityA.id)/deelnemers",
                    [
                        "naam": "Gert Emmen", "email": "gert@example.nl", "organisatie": "Politie",
                        "discipline": "veiligheid",
                        "rol": "wijkagent", "betrokken": "ja",
                    ]
                ).status == .seeOther)
            let gert = try await ParticipantStore(store: f.store).participants(programmeID: f.programme.id).first {
                $0.email == "gert@example.nl"
            }!
            #expect(
                try await coordinator.post(meeting + "/aanmeldingen", ["deelnemer": "\(gert.id)"]).headers.first(
                    name: .location) == meeting + "?ok=wachtlijst")
            let page = try await coordinator.get(meeting)
            #expect(page.text.contains("3 aangemeld, 1 op de wachtlijst"))
            // Staff: CSV with everyone, and the calendar files.
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let csv = try await staff.get(meeting + "/deelnemers.csv")
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(
                lines.first == "\u{FEFF}stad;naam;e-mail;organisatie;discipline;rol in de wijkaanpak;status;aanwezig")
            #expect(lines.contains("Emmen;Gert Emmen;gert@example.nl;Politie;veiligheid;wijkagent;wachtlijst;"))
            #expect(lines.count == 5)
            #expect(
                try await staff.get(meeting).text.contains(
                    "Haarlem heeft 0 deelnemers aangemeld; het programma verwacht er minstens 2."))
            var visitor = Visitor(app)
            let ics = try await visitor.get(meeting + "/agenda.ics")
            #expect(ics.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            let day = ProgrammeWebFixture.day(30).compact
            #expect(ics.text.contains("DTSTART;TZID=Europe/Amsterdam:\(day)T130000\r\n"))
            #expect(ics.text.contains("SUMMARY:Bijeenkomst gezondheid\r\n"))
            #expect(ics.text.contains("UID:bijeenkomst-\(f.meeting.id)@wijkradar.test\r\n"))
            let feed = try await visitor.get("\(f.base)/agenda.ics").text
            #expect(feed.components(separatedBy: "BEGIN:VEVENT").count == 2)  // the published meeting, not the draft
        }
        await f.store.close()
    }
}
