import Core
import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Testing
import VaporTesting
@testable import WebApp

/// Every programme route × every role gets exactly the allowed status. 303 for the public on a protected route is the
/// redirect to the login form; 403 is "signed in, not allowed"; 404 hides what the viewer may not know exists.
@Suite(.serialized) struct AuthorisationMatrixTests {
    enum Who: String, CaseIterable { case anonymous, participant, coordinator, staff }

    struct Case {
        var method: HTTPMethod
        var path: (ProgrammeWebFixture) -> String
        var form: (ProgrammeWebFixture, Who) async throws -> [String: String] = { _, _ in [:] }
        var expected: [Who: HTTPStatus]

        static func all(_ status: HTTPStatus) -> [Who: HTTPStatus] {
            Dictionary(uniqueKeysWithValues: Who.allCases.map { ($0, status) })
        }
        static func only(staff: HTTPStatus) -> [Who: HTTPStatus] {
            [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .forbidden, .staff: staff]
        }
        static func signedIn(_ status: HTTPStatus) -> [Who: HTTPStatus] {
            [.anonymous: .seeOther, .participant: status, .coordinator: status, .staff: status]
        }
    }

    static func cases() -> [Case] {
        func cityForm(_ f: ProgrammeWebFixture, _ city: Int) async throws -> [String: String] {
            let version = try await ProgrammeStore(store: f.store).city(id: city)!.version
            return [
                "versie": "\(version)", "wijk": "Wijk", "ligging": "", "d_challenge": "Veroudering",
                "b_challenge": "wijkplan",
            ]
        }
        func meetingForm(_ f: ProgrammeWebFixture) async throws -> [String: String] {
            var fields = MeetingEditPage.fields(try await MeetingStore(store: f.store).meeting(id: f.meeting.id)!)
            fields["locatie"] = "Buurthuis"
            return fields
        }
        let email: (Who) -> String = { "nieuw.\($0.rawValue)@example.nl" }
        return [
            Case(method: .GET, path: { _ in "/programma" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { $0.base }, expected: Case.all(.ok)),
            Case(method: .GET, path: { "\($0.base)/stad/\($0.cityA.id)" }, expected: Case.all(.ok)),
            Case(
                method: .GET, path: { "\($0.base)/stad/\($0.cityA.id)/deelnemers" },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .ok, .staff: .ok]),
            Case(method: .GET, path: { "\($0.base)/stad/\($0.cityB.id)/deelnemers" }, expected: Case.only(staff: .ok)),
            Case(method: .GET, path: { "\($0.base)/stad/999999" }, expected: Case.all(.notFound)),
            Case(method: .GET, path: { "\($0.base)/themas" }, expected: Case.signedIn(.ok)),
            Case(method: .GET, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)/agenda.ics" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { "\($0.base)/agenda.ics" }, expected: Case.all(.ok)),
            Case(
                method: .GET, path: { "\($0.base)/bijeenkomst/\($0.draft.id)" },
                expected: [.anonymous: .notFound, .participant: .notFound, .coordinator: .notFound, .staff: .ok]),
            Case(
                method: .GET, path: { "\($0.base)/bijeenkomst/\($0.draft.id)/agenda.ics" },
                expected: [.anonymous: .notFound, .participant: .notFound, .coordinator: .notFound, .staff: .ok]),
            Case(method: .GET, path: { "\($0.base)/bijeenkomst/nieuw" }, expected: Case.only(staff: .ok)),
            Case(
                method: .GET, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)/bewerken" },
                expected: Case.only(staff: .ok)),
            Case(
                method: .GET, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)/deelnemers.csv" },
                expected: Case.only(staff: .ok)),
            Case(method: .GET, path: { _ in "/beheer" }, expected: Case.only(staff: .ok)),
            Case(method: .GET, path: { _ in "/profiel" }, expected: Case.signedIn(.ok)),
            Case(method: .GET, path: { _ in "/inloggen" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { _ in "/kennis?q=gezondheid" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { _ in "/kennis/999999" }, expected: Case.all(.notFound)),
            Case(method: .GET, path: { "/kennis/\($0.records[0])" }, expected: Case.all(.ok)),
            Case(
                method: .GET, path: { _ in "/kennis/nieuw" },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .ok, .staff: .ok]),
            Case(
                method: .POST, path: { _ in "/kennis/nieuw" },
                form: { _, who in ["titel": "Nieuw \(who)", "stad": "Emmen", "wijk": "Angelslo"] },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .seeOther, .staff: .seeOther]),
            Case(
                method: .GET, path: { "/kennis/\($0.records[0])/bewerken" },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .ok, .staff: .ok]),
            Case(method: .GET, path: { "/kennis/\($0.records[1])/bewerken" }, expected: Case.only(staff: .ok)),
            Case(
                method: .POST, path: { "/kennis/\($0.records[0])/bewerken" },
                form: { f, _ in try await Self.recordForm(f, f.records[0]) },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .seeOther, .staff: .seeOther]),
            Case(
                method: .POST, path: { "/kennis/\($0.records[1])/bewerken" },
                form: { f, _ in try await Self.recordForm(f, f.records[1]) },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .GET, path: { "/kennis/\($0.records[0])/geschiedenis" },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .ok, .staff: .ok]),
            Case(
                method: .POST, path: { "/kennis/\($0.records[2])/verwijderen" },
                form: { f, _ in
                    ["versie": "\(try await KnowledgeStore(store: f.store).record(id: f.records[2])!.version)"]
                },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { _ in "/programma" },
                form: { _, who in
                    [
                        "naam": "Ronde \(who)", "slug": "ronde-\(who.rawValue)", "organisator": "P31",
                        "begin": "2027-01-01", "einde": "2027-06-30",
                    ]
                },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { "\($0.base)/steden" },
                form: { _, _ in ["gemeentecode": "GM0363", "stad": "Amsterdam", "wijk": "Noord", "bron": "test"] },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { "\($0.base)/stad/\($0.cityA.id)" },
                form: { f, _ in try await cityForm(f, f.cityA.id) },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .seeOther, .staff: .seeOther]),
            Case(
                method: .POST, path: { "\($0.base)/stad/\($0.cityB.id)" },
                form: { f, _ in try await cityForm(f, f.cityB.id) },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { "\($0.base)/stad/\($0.cityA.id)/deelnemers" },
                form: { _, who in
                    [
                        "naam": "Nieuw \(who)", "email": email(who), "organisatie": "Org \(who)", "discipline": "d",
                        "rol": "r", "betrokken": "ja",
                    ]
                },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .seeOther, .staff: .seeOther]),
            Case(
                method: .POST, path: { "\($0.base)/stad/\($0.cityB.id)/deelnemers" },
                form: { _, who in
                    [
                        "naam": "B \(who)", "email": "b." + email(who), "organisatie": "Org B \(who)",
                        "discipline": "d", "rol": "r", "betrokken": "ja",
                    ]
                },
                expected: Case.only(staff: .seeOther)),
            // No mail server in the matrix: the invitation link is shown once on the page (200), not logged.
            Case(
                method: .POST, path: { "\($0.base)/stad/\($0.cityB.id)/deelnemers/\($0.peopleB[1].id)/uitnodigen" },
                expected: Case.only(staff: .ok)),
            Case(
                method: .POST, path: { "\($0.base)/themas" }, form: { _, who in ["titel": "Thema \(who)"] },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { "\($0.base)/themas/stem" },
                form: { f, _ in
                    [
                        "stad": "\(f.cityA.id)",
                        "plaats1": "\(try await ThemeStore(store: f.store).themes(programmeID: f.programme.id)[0].id)",
                    ]
                },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .seeOther, .staff: .seeOther]),
            Case(
                method: .POST, path: { "\($0.base)/themas/stem" },
                form: { f, _ in
                    [
                        "stad": "\(f.cityB.id)",
                        "plaats1": "\(try await ThemeStore(store: f.store).themes(programmeID: f.programme.id)[0].id)",
                    ]
                },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { "\($0.base)/themas/besluit" },
                form: { f, _ in
                    [
                        "thema\(try await ThemeStore(store: f.store).themes(programmeID: f.programme.id)[0].id)": "1",
                        "reden": "test",
                    ]
                },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { "\($0.base)/bijeenkomst/nieuw" },
                form: { _, _ in
                    ["titel": "Nieuw", "datum": ProgrammeWebFixture.day(40).iso, "begin": "13:00", "einde": "17:00"]
                },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)/bewerken" },
                form: { f, _ in try await meetingForm(f) },
                expected: Case.only(staff: .seeOther)),
            // Registering: oneself (participant), one's own city (coordinator), anyone (staff).
            Case(
                method: .POST, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)/aanmeldingen" },
                form: { f, who in
                    [
                        "deelnemer":
                            "\(who == .participant ? f.peopleA[0].id : who == .coordinator ? f.peopleA[1].id : f.peopleB[0].id)"
                    ]
                },
                expected: [.anonymous: .seeOther, .participant: .seeOther, .coordinator: .seeOther, .staff: .seeOther]),
            Case(
                method: .POST, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)/aanmeldingen" },
                form: { f, _ in ["deelnemer": "\(f.peopleB[1].id)"] },
                expected: [
                    .anonymous: .seeOther, .participant: .forbidden, .coordinator: .forbidden, .staff: .seeOther,
                ]),
            Case(
                method: .POST,
                path: { f in
                    "\(f.base)/bijeenkomst/\(f.meeting.id)/aanmeldingen/\(Self.registrationID(f.peopleB[0].id))/afmelden"
                },
                expected: Case.only(staff: .seeOther)),
            // Opgaven are identified with the participants: the registered participant, coordinators and staff.
            Case(
                method: .POST, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)/opgaven" },
                form: { f, who in ["titel": "Opgave \(who)", "beschrijving": "b", "stad\(f.cityA.id)": "\(f.cityA.id)"]
                },
                expected: Case.signedIn(.seeOther)),
            Case(
                method: .POST, path: { _ in "/kennis/\(Self.opgaven.first ?? 0)/steun" },
                expected: Case.signedIn(.seeOther)),
            Case(
                method: .POST, path: { _ in "/kennis/\(Self.opgaven.first ?? 0)/samenvoegen" },
                form: { f, _ in
                    let all = try await KnowledgeStore(store: f.store).opgaven()
                    return ["met": "\(all[1].id)", "versie": "\(all[0].version)"]
                },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)/verslag" },
                form: { f, _ in
                    [
                        "verslag": "Verslag",
                        "versie": "\(try await MeetingStore(store: f.store).meeting(id: f.meeting.id)!.version)",
                    ]
                },
                expected: Case.only(staff: .seeOther)),
            Case(method: .GET, path: { _ in "/opgaven" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { _ in "/kennis/export.csv" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { _ in "/onderzoek" }, expected: Case.all(.ok)),
            // Without a file the upload is refused with a message; who may upload is what counts here.
            Case(
                method: .POST, path: { "/kennis/\($0.records[0])/bijlagen" },
                expected: [
                    .anonymous: .seeOther, .participant: .forbidden, .coordinator: .unprocessableEntity,
                    .staff: .unprocessableEntity,
                ]),
            Case(method: .GET, path: { "/kennis/\($0.records[0])/bijlage/999999" }, expected: Case.all(.notFound)),
            Case(
                method: .POST, path: { _ in "/onderzoek" },
                form: { _, who in ["titel": "Studie \(who)", "auteurs": "Platform31", "jaar": "2016"] },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .seeOther, .staff: .seeOther]),
            Case(
                method: .POST, path: { "/kennis/\($0.records[0])/overdracht" },
                form: { _, _ in ["stad": "Delft", "begrepen": "De kern"] },
                expected: [.anonymous: .seeOther, .participant: .forbidden, .coordinator: .seeOther, .staff: .seeOther]),
            Case(
                method: .POST, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)/aanwezigheid" },
                expected: Case.only(staff: .unprocessableEntity)),
            Case(
                method: .POST, path: { "\($0.base)/bijeenkomst/\($0.meeting.id)/herinnering" },
                expected: Case.only(staff: .unprocessableEntity)),
            Case(
                method: .POST, path: { _ in "/beheer/uitnodigingen" },
                form: { f, who in
                    [
                        "naam": "N", "email": "uitnodiging.\(who.rawValue)@example.nl",
                        "rol": Role.coordinator.rawValue, "stad": "\(f.cityB.id)",
                    ]
                },
                expected: Case.only(staff: .ok)),
            Case(
                method: .POST, path: { _ in "/profiel" },
                form: { f, _ in
                    let p = try await ParticipantStore(store: f.store).participant(id: f.peopleA[0].id)!
                    return [
                        "versie": "\(p.version)", "naam": p.name, "email": p.email, "organisatie": p.organisation,
                        "discipline": p.discipline,
                        "rol": "wijkregisseur", "betrokken": "ja",
                    ]
                },
                expected: [
                    .anonymous: .seeOther, .participant: .seeOther, .coordinator: .forbidden, .staff: .forbidden,
                ]),
            Case(
                method: .POST, path: { _ in "/profiel/wachtwoord" },
                form: { _, _ in ["huidig": "fout", "nieuw": "een nieuw lang wachtwoord"] },
                expected: Case.signedIn(.unprocessableEntity)),
            Case(
                method: .POST, path: { _ in "/inloggen" },
                form: { _, _ in ["email": "onbekend@example.nl", "wachtwoord": "fout"] },
                expected: Case.all(.unauthorized)),
            Case(
                method: .POST, path: { f in "/beheer/account/\(f.accountID("coord@example.nl"))/herstellink" },
                expected: Case.only(staff: .ok)),
            // A form without a file: staff are told to choose one; the fixture has no outlines to derive from.
            Case(
                method: .POST, path: { _ in "/beheer/omrekentabellen" },
                expected: Case.only(staff: .unprocessableEntity)),
            Case(method: .POST, path: { _ in "/beheer/omrekentabellen/afleiden" }, expected: Case.only(staff: .ok)),
            // Rounds and accounts (issue 16): only staff copy a programme and change someone's roles and access.
            Case(
                method: .POST, path: { f in "\(f.base)/kopieren" },
                form: { _, who in
                    [
                        "naam": "Nieuwe ronde \(who)", "korte_naam": "nieuwe-ronde-\(who)", "begin": "2030-01-01",
                        "einde": "2030-12-31",
                    ]
                }, expected: Case.only(staff: .seeOther)),
            Case(
                method: .GET, path: { f in "/beheer/account/\(f.accountID("coord@example.nl"))" },
                expected: Case.only(staff: .ok)),
            Case(
                method: .POST, path: { f in "/beheer/account/\(f.accountID("coord@example.nl"))/rol" },
                form: { f, _ in ["stad": "\(f.cityA.id)"] }, expected: Case.only(staff: .ok)),
            Case(
                method: .POST, path: { f in "/beheer/account/\(f.accountID("coord@example.nl"))/rol/einde" },
                form: { _, _ in ["programma": "0"] }, expected: Case.only(staff: .notFound)),
            Case(
                method: .POST, path: { f in "/beheer/account/\(f.accountID("coord@example.nl"))/actief" },
                form: { _, _ in ["actie": "aan"] }, expected: Case.only(staff: .ok)),
            Case(
                method: .POST, path: { f in "\(f.base)/themas/weging" }, form: { _, _ in ["weging": "stad"] },
                expected: Case.only(staff: .seeOther)),
            // The conversation on an opgave: an empty comment is refused for those who may take part; hiding an
            // unknown comment is "not found" for staff.
            Case(
                method: .POST, path: { _ in "/kennis/\(Self.opgaven.first ?? 0)/reacties" },
                form: { _, _ in ["reactie": ""] }, expected: Case.signedIn(.unprocessableEntity)),
            Case(
                method: .POST, path: { _ in "/kennis/\(Self.opgaven.first ?? 0)/reacties/999999/verbergen" },
                form: { _, _ in ["reden": "test"] }, expected: Case.only(staff: .notFound)),
            // Pending invitations: an unknown one is "no longer open" for staff.
            Case(
                method: .POST, path: { _ in "/beheer/uitnodigingen/\(String(repeating: "0", count: 64))/opnieuw" },
                expected: Case.only(staff: .notFound)),
            Case(
                method: .POST, path: { _ in "/beheer/uitnodigingen/\(String(repeating: "0", count: 64))/intrekken" },
                expected: Case.only(staff: .notFound)),
            // Focus areas: the form for staff; without a name and a region nothing is stored.
            Case(method: .GET, path: { _ in "/beheer/focusgebieden" }, expected: Case.only(staff: .ok)),
            Case(
                method: .POST, path: { _ in "/beheer/focusgebieden" },
                expected: Case.only(staff: .unprocessableEntity)),
        ] + publicationCases()
    }

    /// Publications: reports (a concept only for staff; published versions for everyone), blog and news (concepts and
    /// scheduled posts only for staff), and knowledge concepts (only for those who capture knowledge).
    static func publicationCases() -> [Case] {
        let report = { (f: ProgrammeWebFixture) in "/publicaties/\(f.programme.slug)/opgaven-van-nu-en-straks" }
        let conceptVersion = { (f: ProgrammeWebFixture) async throws -> String in
            "\(try await ReportStore(store: f.store).concept(programmeID: f.programme.id, kind: "programme-1")?.version ?? 0)"
        }
        let staffOnly404: [Who: HTTPStatus] = [
            .anonymous: .notFound, .participant: .notFound, .coordinator: .notFound, .staff: .ok,
        ]
        return [
            Case(method: .GET, path: { _ in "/publicaties" }, expected: Case.all(.ok)),
            Case(
                method: .GET, path: { report($0) },
                expected: [.anonymous: .notFound, .participant: .notFound, .coordinator: .notFound, .staff: .seeOther]),
            Case(method: .GET, path: { report($0) + "/concept" }, expected: Case.only(staff: .ok)),
            Case(method: .POST, path: { report($0) + "/concept" }, expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { report($0) + "/concept/tekst" },
                form: { f, who in ["plek": "inleiding", "tekst": "Door \(who)", "versie": try await conceptVersion(f)]
                },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { report($0) + "/concept/notitie" },
                form: { f, _ in ["notitie": "Intern", "versie": try await conceptVersion(f)] },
                expected: Case.only(staff: .seeOther)),
            Case(method: .GET, path: { report($0) + "/concept/afdruk" }, expected: Case.only(staff: .ok)),
            Case(method: .GET, path: { report($0) + "/versie/1" }, expected: Case.all(.notFound)),
            Case(
                method: .POST, path: { report($0) + "/concept/publiceren" },
                form: { f, _ in ["versie": try await conceptVersion(f)] },
                expected: Case.only(staff: .seeOther)),
            Case(method: .GET, path: { report($0) + "/versie/1/afdruk" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { report($0) + "/versie/1/pdf" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { report($0) + "/concept/pdf" }, expected: Case.only(staff: .ok)),
            Case(method: .GET, path: { _ in "/blog" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { _ in "/blog/feed.xml" }, expected: Case.all(.ok)),
            Case(method: .GET, path: { _ in "/blog/nieuw" }, expected: Case.only(staff: .ok)),
            Case(
                method: .POST, path: { _ in "/blog/nieuw" },
                form: { _, who in
                    [
                        "titel": "Bericht \(who)", "auteur": "Redactie", "tekst": "Tekst.", "status": "gepubliceerd",
                        "moment": "2026-01-05T09:00",
                    ]
                },
                expected: Case.only(staff: .seeOther)),
            Case(method: .GET, path: { _ in "/blog/\(Self.draftPost)" }, expected: staffOnly404),
            Case(method: .GET, path: { _ in "/blog/\(Self.draftPost)/bewerken" }, expected: Case.only(staff: .ok)),
            Case(
                method: .POST, path: { _ in "/blog/\(Self.draftPost)/bewerken" },
                form: { f, _ in
                    let post = try #require(try await PostStore(store: f.store).post(slug: Self.draftPost))
                    return [
                        "titel": post.title, "auteur": post.author, "tekst": post.body, "status": "concept",
                        "moment": "2026-01-05T09:00",
                        "versie": "\(post.version)",
                    ]
                },
                expected: Case.only(staff: .seeOther)),
            Case(
                method: .POST, path: { _ in "/blog/\(Self.draftPost)/afbeeldingen" },
                expected: Case.only(staff: .unprocessableEntity)),
            Case(method: .GET, path: { _ in "/blog/afbeelding/999999" }, expected: Case.all(.notFound)),
            Case(
                method: .GET, path: { _ in "/kennis/\(Self.conceptRecord)" },
                expected: [.anonymous: .notFound, .participant: .notFound, .coordinator: .ok, .staff: .ok]),
            Case(method: .GET, path: { _ in "/sitemap.xml" }, expected: Case.all(.ok)),
        ]
    }

    /// A concrete path as its route pattern: "/programma/ronde-x/stad/12" → "/programma/:programme/stad/:city".
    static func pattern(_ path: String, _ f: ProgrammeWebFixture) -> String {
        var result = path.replacingOccurrences(of: f.base, with: "/programma/:programme")
        result = result.replacing(/\?.*$/, with: "")
        result = result.replacing(/^\/publicaties\/[^\/]+\/[^\/]+/, with: "/publicaties/:programme/:report")
        result = result.replacing(/\/versie\/[0-9]+/, with: "/versie/:number")
        result = result.replacing(/^\/blog\/afbeelding\/[0-9]+/, with: "/blog/afbeelding/:image")
        result = result.replacing(/\/uitnodigingen\/[0-9a-f]{64}/, with: "/uitnodigingen/:invitation")
        result = result.replacing(/^\/blog\/(?!nieuw$|feed\.xml$|afbeelding\/)[^\/]+/, with: "/blog/:slug")
        for (word, name) in [
            ("kennis", ":id"), ("bijlage", ":attachment"), ("stad", ":city"), ("bijeenkomst", ":meeting"),
            ("deelnemers", ":participant"), ("aanmeldingen", ":registration"), ("account", ":account"),
            ("reacties", ":comment"),
        ] {
            result = result.replacing(try! Regex("/\(word)/[0-9]+"), with: "/\(word)/\(name)")
        }
        return result
    }

    /// The edit form of a knowledge record at its current version.
    static func recordForm(_ f: ProgrammeWebFixture, _ id: Int) async throws -> [String: String] {
        let stored = try #require(try await KnowledgeStore(store: f.store).record(id: id))
        var fields = InterventionFormPage.fields(try stored.decode(Intervention.self))
        fields["versie"] = String(stored.version)
        fields["resultaten"] = "Bijgewerkt"
        return fields
    }

    /// Registration ids by participant, filled as the matrix runs (the cancel case needs the one staff made).
    nonisolated(unsafe) static var registrations: [Int: Int] = [:]
    /// Opgave ids, filled as the matrix runs.
    nonisolated(unsafe) static var opgaven: [Int] = []
    static func registrationID(_ participant: Int) -> Int { registrations[participant] ?? 0 }
    /// A concept post and a concept knowledge record, made before the matrix runs.
    nonisolated(unsafe) static var draftPost = ""
    nonisolated(unsafe) static var conceptRecord = 0

    @Test func everyRouteForEveryRole() async throws {
        let f = try await ProgrammeWebFixture.make()
        Self.draftPost = try await PostStore(store: f.store).create(
            Post(
                title: "Concept in de matrix", body: "Nog niet af.", author: "Redactie",
                publishAt: 1_700_000_000), actor: "test"
        ).slug
        let concept = Intervention(title: "Nog niet openbaar", city: "Emmen", wijk: "Angelslo")
        Self.conceptRecord = try await KnowledgeStore(store: f.store).create(
            .intervention, concept, document: concept.searchDocument, published: false,
            actor: "test")
        try await f.withApp { app in
            var visitors: [Who: Visitor] = [.anonymous: Visitor(app)]
            // An anonymous session with a valid token: refusals are not CSRF failures.
            _ = try await visitors[.anonymous]!.get("/inloggen")
            visitors[.participant] = try await Visitor.signedIn(app, "anna.emmen@example.nl")
            visitors[.coordinator] = try await Visitor.signedIn(app, "coord@example.nl")
            visitors[.staff] = try await Visitor.signedIn(app, "staf@example.nl")
            var checked = 0
            for (number, item) in Self.cases().enumerated() {
                for who in Who.allCases {
                    let path = item.path(f)
                    let response: TestingHTTPResponse
                    if item.method == .GET {
                        response = try await visitors[who]!.get(path)
                    } else {
                        response = try await visitors[who]!.post(path, try await item.form(f, who))
                    }
                    #expect(response.status == item.expected[who], "case \(number): \(item.method) \(path) as \(who)")
                    checked += 1
                    for row in try await RegistrationStore(store: f.store).rows(meetingID: f.meeting.id) {
                        Self.registrations[row.participant.id] = row.registration.id
                    }
                    Self.opgaven = try await KnowledgeStore(store: f.store).opgaven().map(\.id)
                }
            }
            #expect(checked == Self.cases().count * 4)
            // The table covers every route of the programme, accounts and administration.
            let covered = Set(Self.cases().map { "\($0.method) \(Self.pattern($0.path(f), f))" })
            let routes = Set(
                app.routes.all.map { "\($0.method) /" + $0.path.map(\.description).joined(separator: "/") }
                    .filter { route in
                        [
                            "/programma", "/beheer", "/profiel", "/inloggen", "/kennis", "/opgaven", "/onderzoek",
                            "/publicaties", "/blog",
                        ].contains { route.split(separator: " ")[1].hasPrefix($0) }
                    })
            #expect(routes.subtracting(covered).isEmpty, "not in the matrix: \(routes.subtracting(covered).sorted())")
            // What the allowed requests did: the coordinator registered a person of their own city, nobody of city B.
            let rows = try await RegistrationStore(store: f.store).rows(meetingID: f.meeting.id)
            #expect(
                Set(rows.filter { $0.registration.status == .registered }.map(\.participant.id)) == [
                    f.peopleA[0].id, f.peopleA[1].id, f.peopleB[1].id,
                ])
            #expect(rows.first { $0.participant.id == f.peopleB[0].id }?.registration.status == .cancelled)
        }
        await f.store.close()
    }

    @Test func csrfMissingOrInvalidIsRefused() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let path = "\(f.base)/themas"
            let missing = try await staff.post(path, ["titel": "Zonder token", "_csrf": ""])
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("CSRF-controle"))
            #expect(try await staff.post(path, ["titel": "Vals token"], csrf: "vals").status == .forbidden)
            // Another session's token does not work with this session's cookie.
            var other = try await Visitor.signedIn(app, "coord@example.nl")
            #expect(try await staff.post(path, ["titel": "Token van een ander"], csrf: other.csrf).status == .forbidden)
            // Without any session (a forged cross-site form): refused, also for the login form itself.
            var stranger = Visitor(app)
            #expect(
                try await stranger.post(
                    "/inloggen", ["email": "staf@example.nl", "wachtwoord": ProgrammeWebFixture.password], csrf: "x"
                ).status == .forbidden)
            #expect(try await ThemeStore(store: f.store).themes(programmeID: f.programme.id).isEmpty)
            #expect(try await staff.post(path, ["titel": "Met token"]).status == .seeOther)
            _ = try await other.get("/")
        }
        await f.store.close()
    }
}
