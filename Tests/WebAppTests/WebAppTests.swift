import Core
import Knowledge
import Foundation
import Storage
import Testing
import VaporTesting
@testable import WebApp

/// One SQLite database with the bundled data, shared by the web tests (they only read).
actor BundledStore {
    static let shared = BundledStore()
    private var loading: Task<Store, any Error>?

    func get() async throws -> Store {
        if let loading { return try await loading.value }
        let task = Task {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "wijkradar-web-\(UUID().uuidString)")
            let store = try await Store.open(url: "sqlite://" + dir.appendingPathComponent("web.sqlite").path)
            try await store.migrate()
            _ = try await ImportService(store: store).importBundled()
            return store
        }
        loading = task
        return try await task.value
    }
}

func withWijkradar(_ test: (Application) async throws -> Void) async throws {
    let store = try await BundledStore.shared.get()
    try await withApp(
        configure: { app in
            try WebServer.configure(
                app, config: AppConfig(dataDirectory: URL(fileURLWithPath: "/tmp"), databaseURL: "sqlite::memory:"),
                store: store)
        }, test)
}

func json(_ response: TestingHTTPResponse) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
}

@Suite(.serialized) struct ApiTests {
    @Test func healthAndDatasets() async throws {
        try await withWijkradar { app in
            let health = try await app.testing().sendRequest(.GET, "/health")
            #expect(health.status == .ok)
            #expect((try json(health) as? [String: Any])?["datasets"] as? Int == 9)
            let datasets = try await app.testing().sendRequest(.GET, "/api/v1/datasets")
            let list = try #require(try json(datasets) as? [[String: Any]])
            #expect(list.count == 9)
            #expect(list.contains { ($0["attribution"] as? String)?.hasPrefix("Bron: CBS") == true })
        }
    }

    @Test func searchIsCaseAndAccentInsensitive() async throws {
        try await withWijkradar { app in
            let found = try await app.testing().sendRequest(.GET, "/api/v1/regions?q=sudwest-fryslan")
            let list = try #require(try json(found) as? [[String: Any]])
            #expect(list.first?["code"] as? String == "GM1900")
            let angelslo = try #require(
                try json(try await app.testing().sendRequest(.GET, "/api/v1/regions?q=ANGELSLO")) as? [[String: Any]])
            #expect(angelslo.first?["code"] as? String == "WK011443")
            let missing = try await app.testing().sendRequest(.GET, "/api/v1/regions")
            #expect(missing.status == .badRequest)
            #expect(
                (try json(missing) as? [String: Any])?["error"] as? String
                    == "Geef een zoekterm met ?q=, bijvoorbeeld ?q=Angelslo")
        }
    }

    @Test func regionObservationsAndErrors() async throws {
        try await withWijkradar { app in
            let ok = try await app.testing().sendRequest(.GET, "/api/v1/regions/WK011443")
            #expect(ok.status == .ok)
            let body = try #require(try json(ok) as? [String: Any])
            #expect(body["name"] as? String == "Wijk 43 Angelslo")
            let bad = try await app.testing().sendRequest(.GET, "/api/v1/regions/XX011443")
            #expect(bad.status == .badRequest)
            #expect(((try json(bad) as? [String: Any])?["error"] as? String)?.contains("geen CBS-regiocode") == true)
            let unknown = try await app.testing().sendRequest(.GET, "/api/v1/regions/WK999999")
            #expect(unknown.status == .notFound)
            #expect((try json(unknown) as? [String: Any])?["error"] != nil)
        }
    }

    @Test func profileWithSourcesAndStatuses() async throws {
        try await withWijkradar { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/regions/WK011443/profile")
            #expect(response.status == .ok)
            let body = try #require(try json(response) as? [String: Any])
            #expect(body["period"] as? Int == 2022)
            let rows = try #require(body["rows"] as? [[String: Any]])
            let population = try #require(rows.first { $0["indicator"] as? String == "population" })
            #expect((population["value"] as? [String: Any])?["value"] as? Double == 7685)
            #expect((population["national"] as? [String: Any])?["status"] as? String == "computed")
            #expect(
                ((population["source"] as? [String: Any])?["attribution"] as? String)?.hasPrefix("Bron: CBS") == true)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/regions/WK999999/profile").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/regions/nope/profile").status == .badRequest)
        }
    }

    @Test func similarWithLimits() async throws {
        try await withWijkradar { app in
            let three = try #require(
                try json(try await app.testing().sendRequest(.GET, "/api/v1/regions/WK011443/similar?k=3"))
                    as? [[String: Any]])
            #expect(three.count == 3)
            #expect(three.allSatisfy { ($0["closestOn"] as? [String])?.isEmpty == false })
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/regions/WK011443/similar?k=0").status == .badRequest)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/regions/WK011443/similar?k=abc").status
                    == .badRequest)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/regions/GM0114/similar").status == .notFound)
        }
    }

    @Test func signalsAndRadar() async throws {
        try await withWijkradar { app in
            let signals = try #require(
                try json(try await app.testing().sendRequest(.GET, "/api/v1/regions/WK011443/signals"))
                    as? [String: Any])
            #expect(signals["signal"] as? Bool == true)
            #expect((signals["flags"] as? [Any])?.count == 6)
            // Angelslo changes 2022–2024 in inhabitants and dwellings; WOZ, income and labour only known for 2022.
            let change = try #require(signals["change"] as? [String: Any])
            let rules = try #require(change["rules"] as? [[String: Any]])
            #expect(rules.map { $0["rule"] as? String } == ["minder-inwoners", "minder-woningen"])
            #expect(rules.first?["first"] as? Double == 7685 && rules.first?["toYear"] as? Int == 2024)
            #expect((change["unavailable"] as? [String: String])?["woz-blijft-achter"] == "alleen een cijfer uit 2022")
            #expect(change["developmentType"] as? String == "Kwetsbaar zonder herstel")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/regions/GM0114/signals").status == .notFound)
            let radar = try #require(
                try json(try await app.testing().sendRequest(.GET, "/api/v1/radar?gemeente=emmen")) as? [String: Any])
            let rows = try #require(radar["rows"] as? [[String: Any]])
            #expect(rows.count == 27)
            #expect(rows.allSatisfy { $0["municipality"] as? String == "Emmen" })
            #expect(radar["total"] as? Int == 3340)
            let limited = try #require(
                try json(try await app.testing().sendRequest(.GET, "/api/v1/radar?limit=5")) as? [String: Any])
            #expect((limited["rows"] as? [Any])?.count == 5)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/radar?min_inwoners=veel").status == .badRequest)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/radar?limit=0").status == .badRequest)
        }
    }

    @Test func openAPIDocumentListsEveryRouteAndEachAnswers() async throws {
        try await withWijkradar { app in
            let doc = try #require(
                try json(try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")) as? [String: Any])
            #expect(doc["openapi"] as? String == "3.0.3")
            let paths = try #require(doc["paths"] as? [String: Any]).keys.sorted()
            let routes = app.routes.all.map {
                "/"
                    + $0.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
            }
            let apiRoutes = Set(
                routes.filter { $0.hasPrefix("/api/v1/") && $0 != "/api/v1/openapi.json" } + ["/health"])
            #expect(Set(paths) == apiRoutes)
            let store = try await BundledStore.shared.get()
            let item = Intervention(title: "Voorbeeld voor de API", city: "Emmen", wijk: "Angelslo")
            let id = try await KnowledgeStore(store: store).create(
                .intervention, item, document: item.searchDocument, actor: "test")
            for path in paths {
                let concrete =
                    path.replacingOccurrences(of: "{code}", with: "WK011443").replacingOccurrences(
                        of: "{id}", with: "\(id)")
                    + (path == "/api/v1/regions" ? "?q=Emmen" : "")
                #expect(try await app.testing().sendRequest(.GET, concrete).status == .ok, "\(concrete)")
            }
        }
    }
}

@Suite(.serialized) struct PageRouteTests {
    @Test func pagesAnswerInDutchWithErrorsAsPages() async throws {
        try await withWijkradar { app in
            let home = try await app.testing().sendRequest(.GET, "/?q=angelslo")
            #expect(home.status == .ok)
            #expect(home.headers.contentType?.description.hasPrefix("text/html") == true)
            #expect(home.body.string.contains("href=\"/regio/WK011443\""))
            let byCode = try await app.testing().sendRequest(.GET, "/?q=WK011443")
            #expect(byCode.status == .seeOther || byCode.status == .found)
            let region = try await app.testing().sendRequest(.GET, "/regio/WK011443")
            #expect(region.status == .ok)
            #expect(region.body.string.contains("<h2 id=\"kerncijfers\">Kerncijfers</h2>"))
            #expect(region.body.string.contains("Bron: CBS"))
            let printable = try await app.testing().sendRequest(.GET, "/regio/WK011443/afdruk")
            #expect(printable.body.string.contains("@page { size: A4"))
            let bad = try await app.testing().sendRequest(.GET, "/regio/onzin")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("<html lang=\"nl\">"))
            #expect(try await app.testing().sendRequest(.GET, "/regio/WK999999").status == .notFound)
            let unknown = try await app.testing().sendRequest(.GET, "/bestaat-niet")
            #expect(unknown.status == .notFound)
            #expect(unknown.body.string.contains("Deze pagina bestaat niet."))
            #expect(try await app.testing().sendRequest(.GET, "/methode").body.string.contains("vroegsignalering"))
            #expect(
                try await app.testing().sendRequest(.GET, "/static/wijkradar.css").headers.contentType?.description
                    .hasPrefix("text/css") == true)
        }
    }

    @Test func radarPageAndCSV() async throws {
        try await withWijkradar { app in
            let page = try await app.testing().sendRequest(.GET, "/radar?gemeente=Emmen&signaal=ja")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("programmawijk"))
            // min_inwoners=0: every wijk, also those under the page's default of 1 000 inhabitants.
            let csv = try await app.testing().sendRequest(.GET, "/radar.csv?gemeente=Emmen&min_inwoners=0")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            let lines = csv.body.string.split(separator: "\r\n")
            let header = [
                "rang", "code", "wijk", "gemeente", "provincie", "inwoners", "score", "signalen", "signaal",
                "veranderingsscore", "veranderingssignalen", "jaren_verandering", "ontwikkelingstype", "cluster",
                "programmawijk", "bron",
            ]
            #expect(lines.first.map(String.init) == header.joined(separator: ","))
            #expect(lines.count == 28)
            #expect(
                lines.contains {
                    $0.contains(",WK011443,Wijk 43 Angelslo,Emmen,Drenthe,7685,") && $0.contains(",ja,\"Bron: CBS")
                })
            // Without a minimum the default leaves out wijken under 1 000 inhabitants; for Excel: semicolons,
            // decimal commas and a byte order mark.
            let excel = try await app.testing().sendRequest(.GET, "/radar.csv?gemeente=Emmen&formaat=excel")
            let rows = excel.body.string.split(separator: "\r\n")
            #expect(rows.count == 26)
            #expect(Array(excel.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(rows.contains { $0.contains(";WK011443;Wijk 43 Angelslo;Emmen;Drenthe;7685;") })
            #expect(
                rows.dropFirst().allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false).count == 16 })
        }
    }

    /// The radar a page at a time: 100 wijken per page, links to the others, the first page far below 150 KB.
    @Test func radarIsPaged() async throws {
        try await withWijkradar { app in
            let first = try await app.testing().sendRequest(.GET, "/radar")
            #expect(first.status == .ok)
            #expect(first.body.readableBytes < 150_000, "\(first.body.readableBytes) bytes")
            let page = first.body.string
            #expect(page.components(separatedBy: "<tr class=").count - 1 == 100)
            #expect(page.contains("wijken in deze selectie; hier 1–100."))
            #expect(page.contains("href=\"/radar?min_inwoners=1000&amp;pagina=2\" rel=\"next\">Volgende</a>"))
            let second = try await app.testing().sendRequest(.GET, "/radar?min_inwoners=1000&pagina=2").body.string
            #expect(second.contains("hier 101–200."))
            #expect(second.contains("<span aria-current=\"page\">2</span>"))
            // A page past the end shows the last one; nonsense is page 1.
            #expect(try await app.testing().sendRequest(.GET, "/radar?pagina=99999999").status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/radar?pagina=x").body.string.contains("hier 1–100."))
        }
    }

    /// Programme wijken by the programme's own name, also where CBS has no such wijk; a dissolved gemeente as
    /// historical, with its successor.
    @Test func searchFindsProgrammeWijkenAndMarksDissolvedGemeenten() async throws {
        try await withWijkradar { app in
            let selwerd = try await app.testing().sendRequest(.GET, "/?q=selwerd").body.string
            #expect(selwerd.contains("<a href=\"/regio/WK001410\">Selwerd</a>"))
            #expect(
                selwerd.contains(
                    "programmawijk · WK001410 · gemeente Groningen · benaderd: Selwerd ligt in de CBS-wijk Noordwest"))
            let jagershoef = try await app.testing().sendRequest(.GET, "/?q=Jagershoef").body.string
            #expect(jagershoef.contains("<a href=\"/regio/WK077251\">Jagershoef</a>"))
            let hoogezand = try await app.testing().sendRequest(.GET, "/?q=hoogezand").body.string
            #expect(hoogezand.contains("Hoogezand-Sappemeer"))
            #expect(hoogezand.contains("opgeheven; nu Midden-Groningen"))
            let emmen = try await app.testing().sendRequest(.GET, "/?q=emmen").body.string
            #expect(!emmen.contains("opgeheven"))
        }
    }

    @Test func searchPayloadIsEscaped() async throws {
        try await withWijkradar { app in
            let page = try await app.testing().sendRequest(
                .GET, "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%20onfocus%3D%22x")
            #expect(!page.body.string.contains("<script>"))
            #expect(page.body.string.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot; onfocus=&quot;x\""))
            #expect(page.body.string.contains("&lt;script&gt;"))
        }
    }
}

@Suite struct FocusAreaPageTests {
    @Test func aggregatedFiguresOfAFocusArea() async throws {
        let store = try await BundledStore.shared.get()
        let slug = "utrecht-\(UUID().uuidString.prefix(6).lowercased())"
        _ = try await FocusAreaStore(store: store).create(
            FocusArea(
                slug: slug, name: "Twee Utrechtse buurten", note: "twee buurten staan voor een gebied",
                members: [RegionCode("BU03440224")!, RegionCode("BU03441014")!]))
        try await withWijkradar { app in
            let page = try await app.testing().sendRequest(.GET, "/gebied/\(slug)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(">twee buurten staan voor een gebied<"))
            #expect(page.body.string.contains("3.815*"))
            #expect(page.body.string.contains("niet beschikbaar"))
            #expect(try await app.testing().sendRequest(.GET, "/gebied/bestaat-niet").status == .notFound)
        }
    }
}
