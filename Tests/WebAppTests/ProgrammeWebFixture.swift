import Core
import DataImport
import Foundation
import Knowledge
import Programme
import Storage
import Testing
import Vapor
import VaporTesting
@testable import WebApp

/// A programme with two cities, participants, a published and a draft meeting, and one account per role, in a fresh
/// database; dates are relative to today so the meeting is always ahead.
struct ProgrammeWebFixture {
    static let password = "een lang wachtwoord 123"
    let store: Store
    let programme: ProgrammeInfo
    let cityA: ProgrammeCity
    let cityB: ProgrammeCity
    let peopleA: [Participant]
    let peopleB: [Participant]
    let meeting: Meeting
    let draft: Meeting
    /// Knowledge records of city A, city B, and one for staff to remove.
    let records: [Int]

    var base: String { "/programma/\(programme.slug)" }
    /// Ids of the fixture's accounts, by address.
    let accounts: [String: Int]

    func accountID(_ email: String) -> Int { accounts[email] ?? 0 }

    static func day(_ offset: Int) -> Day { Day.today(Date().addingTimeInterval(Double(offset) * 86400)) }

    static func make(url: String? = nil) async throws -> ProgrammeWebFixture {
        let store: Store
        if let url {
            store = try await Store.open(url: url)
        } else {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "wijkradar-programme-\(UUID().uuidString)")
            store = try await Store.open(url: "sqlite://" + dir.appendingPathComponent("web.sqlite").path)
        }
        try await store.migrate()
        let actor = "test"
        let programme = try await ProgrammeStore(store: store).create(
            ProgrammeInfo(
                slug: "ronde-\(UUID().uuidString.prefix(6).lowercased())", name: "Testronde", organiser: "Platform31",
                startsOn: day(-10), endsOn: day(200), summary: "Een ronde om te testen.", source: "test"), actor: actor)
        let cityA = try await ProgrammeStore(store: store).addCity(
            ProgrammeCity(
                programmeID: programme.id, municipalityCode: "GM0114",
                cityName: "Emmen", wijkName: "Angelslo", source: "test"), actor: actor)
        let cityB = try await ProgrammeStore(store: store).addCity(
            ProgrammeCity(
                programmeID: programme.id, municipalityCode: "GM0392",
                cityName: "Haarlem", wijkName: "Meerwijk", source: "test"), actor: actor)
        func people(_ city: ProgrammeCity, _ list: [(String, String, String)]) async throws -> [Participant] {
            var result: [Participant] = []
            for (name, organisation, discipline) in list {
                result.append(
                    try await ParticipantStore(store: store).add(
                        Participant(
                            programmeID: programme.id, cityID: city.id, name: name,
                            email: name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.nl",
                            organisation: organisation, discipline: discipline, role: "projectleider",
                            involvedInWijkaanpak: true), actor: actor))
            }
            return result
        }
        let peopleA = try await people(
            cityA,
            [
                ("Anna Emmen", "Gemeente Emmen", "beleid"), ("Bram Emmen", "Lefier", "wonen"),
                ("Cor Emmen", "Welzijnsgroep Sedna", "sociaal werk"),
            ])
        let peopleB = try await people(
            cityB, [("Dirk Haarlem", "Gemeente Haarlem", "beleid"), ("Eva Haarlem", "Elan Wonen", "wonen")])
        let meeting = try await MeetingStore(store: store).create(
            Meeting(
                programmeID: programme.id, number: 0, title: "Bijeenkomst gezondheid", date: day(30),
                startTime: ClockTime("13:00")!,
                endTime: ClockTime("17:00")!, hostCityID: cityA.id, venue: "Wijkcentrum", published: true), actor: actor
        )
        let draft = try await MeetingStore(store: store).create(
            Meeting(
                programmeID: programme.id, number: 0, title: "Concept", date: day(60), startTime: ClockTime("13:00")!,
                endTime: ClockTime("17:00")!), actor: actor)
        let hash = try Bcrypt.hash(password, cost: 4)
        let accountStore = AccountStore(store: store)
        var accounts: [String: Int] = [:]
        for (email, role, city, participant) in [
            ("staf@example.nl", Role.staff, nil, nil), ("coord@example.nl", .coordinator, cityA.id, nil),
            ("anna.emmen@example.nl", .participant, cityA.id, peopleA[0].id),
        ] as [(String, Role, Int?, Int?)] {
            let token = try await accountStore.invite(
                email: email, name: email, role: role, cityID: city, participantID: participant, actor: actor)
            accounts[email] = try await accountStore.accept(token: token, passwordHash: hash).id
        }
        var records: [Int] = []
        for (city, title) in [
            (cityA, "Buurtteam Angelslo"), (cityB, "Energiecoaches Meerwijk"), (cityB, "Oud project"),
        ] {
            let item = Intervention(title: title, cityID: city.id, city: city.cityName, wijk: city.wijkName)
            records.append(
                try await KnowledgeStore(store: store).create(
                    .intervention, item, document: item.searchDocument,
                    anchor: .init(cityID: city.id), actor: actor))
        }
        return ProgrammeWebFixture(
            store: store, programme: programme, cityA: cityA, cityB: cityB, peopleA: peopleA, peopleB: peopleB,
            meeting: meeting, draft: draft, records: records, accounts: accounts)
    }

    /// A fresh SQLite database with the bundled KWB 2022 wijken: enough for the wijkanalyse, similarity and signals.
    static func storeWithWijken() async throws -> Store {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wijkradar-wijken-\(UUID().uuidString)")
        let store = try await Store.open(url: "sqlite://" + dir.appendingPathComponent("w.sqlite").path)
        try await store.migrate()
        let entry = try BundledData.entries().first { $0.url.lastPathComponent == "cbs-kwb-2022-wijk.csv.gz" }!
        _ = try await ImportService(store: store).importFile(entry.url, options: entry.options)
        return store
    }

    static func config(smtpPort: Int? = nil) -> AppConfig {
        AppConfig(
            dataDirectory: URL(fileURLWithPath: "/tmp"), databaseURL: "sqlite::memory:",
            publicURL: "http://wijkradar.test",
            smtpHost: smtpPort == nil ? "" : "127.0.0.1", smtpPort: smtpPort ?? 25,
            smtpFrom: "Programmabureau <bureau@example.nl>",
            passwordCost: 4)
    }

    func withApp<T>(smtpPort: Int? = nil, _ test: (Application) async throws -> T) async throws -> T {
        try await VaporTesting.withApp(
            configure: { app in
                try WebServer.configure(app, config: Self.config(smtpPort: smtpPort), store: store)
            }, test)
    }
}

/// A user agent for the in-memory app: keeps the session cookie and the newest CSRF token it saw.
struct Visitor {
    let app: Application
    var cookie: String?
    var csrf = ""

    init(_ app: Application) { self.app = app }

    static func signedIn(_ app: Application, _ email: String) async throws -> Visitor {
        var visitor = Visitor(app)
        _ = try await visitor.get("/inloggen")
        let response = try await visitor.post(
            "/inloggen", ["email": email, "wachtwoord": ProgrammeWebFixture.password])
        #expect(response.status == .seeOther, "login of \(email): \(response.status)")
        _ = try await visitor.get("/profiel")
        return visitor
    }

    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    mutating func post(_ path: String, _ fields: [String: String], csrf token: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var all = fields
        if all["_csrf"] == nil { all["_csrf"] = token ?? csrf }
        if all["_csrf"] == "" { all.removeValue(forKey: "_csrf") }
        return try await send(.POST, path, body: Self.encode(all))
    }

    private mutating func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: "\(SessionMiddleware.cookie)=\(cookie)") }
        if body != nil { headers.contentType = .urlEncodedForm }
        let response = try await app.testing().sendRequest(
            method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[.setCookie] where header.hasPrefix(SessionMiddleware.cookie + "=") {
            cookie = String(header.dropFirst(SessionMiddleware.cookie.count + 1).prefix { $0 != ";" })
        }
        if let match = response.text.firstMatch(of: /name="_csrf" value="([^"]+)"/) { csrf = String(match.1) }
        return response
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}

extension TestingHTTPResponse {
    var text: String { String(buffer: body) }
}
