import Core
import DataImport
import Foundation
import Knowledge
@testable import Storage
import Testing
import VaporTesting
@testable import WebApp

/// The knowledge base on the web: search with a facet, the record page, and the suggestion on a similar wijk's page.
@Suite(.serialized) struct KnowledgeWebTests {
    @Test func recordIsFoundWithAFacetAndSuggestedOnASimilarWijk() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wijkradar-knowledge-\(UUID().uuidString)")
        let store = try await Store.open(url: "sqlite://" + dir.appendingPathComponent("k.sqlite").path)
        try await store.migrate()
        let entry = try BundledData.entries().first { $0.url.lastPathComponent == "cbs-kwb-2022-wijk.csv.gz" }!
        _ = try await ImportService(store: store).importFile(entry.url, options: entry.options)
        var item = Intervention(title: "Gezondheidscentrum <script>x</script>", regionCode: "WK011443", city: "Emmen", wijk: "Angelslo",
                                themes: ["gezondheid"], problem: "Weinig huisartsen in de buurt.", evidence: .wellFounded,
                                money: [MoneyFlow(source: "zorgverzekeraar", amount: 250_000), MoneyFlow(source: "gemeente", amount: nil)],
                                startYear: 2015)
        item.links = ["https://example.nl/gezondheidscentrum"]
        let id = try await KnowledgeStore(store: store).create(.intervention, item, document: item.searchDocument,
                                                               anchor: .init(regionCode: "WK011443", startYear: 2015), actor: "test")
        try await withApp(configure: { app in
            try WebServer.configure(app, config: ProgrammeWebFixture.config(), store: store)
        }) { app in
            var visitor = Visitor(app)
            let found = try await visitor.get("/kennis?q=huisartsen&thema=gezondheid")
            #expect(found.status == .ok)
            #expect(found.text.contains("href=\"/kennis/\(id)\""))
            #expect(found.text.contains("zorgverzekeraar</a> (1)"))
            #expect(!(try await visitor.get("/kennis?q=huisartsen&thema=wonen").text.contains("href=\"/kennis/\(id)\"")))
            let page = try await visitor.get("/kennis/\(id)")
            #expect(page.text.contains("€ 250.000") && page.text.contains("bedrag onbekend"))
            #expect(page.text.contains("&lt;script&gt;x") && !page.text.contains("<script>x"))
            // A wijk with Angelslo among its most similar wijken shows the record; Angelslo itself does not suggest its own.
            let snapshot = try await AnalysisCache(store: store).snapshot()
            let model = try #require(snapshot.similarity)
            let near = try #require(snapshot.names.keys.filter { $0.level == .district }.sorted().first { code in
                code.rawValue != "WK011443" && (model.neighbours(of: code, k: 10)?.contains { $0.region.rawValue == "WK011443" } ?? false)
            })
            let wijk = try await visitor.get("/regio/\(near)")
            #expect(wijk.text.contains("Wat werkte in wijken zoals deze"))
            #expect(wijk.text.contains("href=\"/kennis/\(id)\""))
            #expect(!(try await visitor.get("/regio/WK011443").text.contains("Wat werkte in wijken zoals deze")))
        }
        await store.close()
    }
}
