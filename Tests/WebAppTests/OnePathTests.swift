import Core
import Foundation
import Knowledge
import Pages
import Storage
import Testing
import VaporTesting
import Wijkanalyse
@testable import WebApp

/// One path from data to page: the web page, its print version and the command line build the wijkanalyse with the
/// same builder, and the knowledge look-ups are one query each however many wijken are compared.
@Suite struct OnePathTests {
    /// Interventions in `count` of Angelslo's most similar wijken and a study about Angelslo itself.
    static func storeWithKnowledge(inNeighbours count: Int) async throws -> (Store, RegionCode) {
        let store = try await ProgrammeWebFixture.storeWithWijken()
        let snapshot = try await AnalysisSnapshot.load(store)
        let code = RegionCode("WK011443")!
        let neighbours = try #require(snapshot.similarity?.neighbours(of: code, k: 10)).map(\.region.rawValue)
        let knowledge = KnowledgeStore(store: store)
        for (index, wijk) in neighbours.prefix(count).enumerated() {
            var item = Intervention(title: "Aanpak \(index) in \(wijk)", regionCode: wijk, city: "Stad", wijk: wijk)
            item.evidence = index.isMultiple(of: 2) ? .wellFounded : .unknown
            _ = try await knowledge.create(
                .intervention, item, document: item.searchDocument, anchor: .init(regionCode: wijk), actor: "t")
        }
        let study = Research(
            title: "Wonen in Angelslo", authors: "Platform31", year: 2017, publisher: "", link: "", summary: "",
            regionCodes: ["WK011443", "WK011444"])
        _ = try await knowledge.create(.research, study, document: study.searchDocument, actor: "t")
        return (store, code)
    }

    @Test func theKnowledgeOfAWijkPageIsTwoQueriesHoweverManyWijkenAreCompared() async throws {
        var counts: [Int] = []
        for candidates in [1, 10] {
            let (store, code) = try await Self.storeWithKnowledge(inNeighbours: candidates)
            let builder = WijkanalyseBuilder(snapshot: try await AnalysisSnapshot.load(store))
            let counter = QueryCount()
            let model = try await QueryCount.$current.withValue(counter) {
                try await builder.load(code, knowledge: KnowledgeStore(store: store))
            }
            #expect(model?.whatWorked.count == min(candidates, 5))
            #expect(model?.research.map(\.citation) == ["Platform31 (2017). Wonen in Angelslo."])
            counts.append(counter.queries)
            await store.close()
        }
        #expect(counts == [2, 2], "queries: \(counts)")
    }

    @Test func webAndPrintShowTheSameSections() async throws {
        let (store, code) = try await Self.storeWithKnowledge(inNeighbours: 3)
        try await VaporTesting.withApp(configure: { app in
            try WebServer.configure(app, config: ProgrammeWebFixture.config(), store: store)
        }) { app in
            let web = try await app.testing().sendRequest(.GET, "/regio/\(code)").text
            let print = try await app.testing().sendRequest(.GET, "/regio/\(code)/afdruk").text
            func sections(_ html: String) -> [String] {
                html.matches(of: /<h2[^>]*>([^<]+)</).map { String($0.1) }
            }
            #expect(!sections(web).isEmpty)
            #expect(sections(web) == sections(print), "web: \(sections(web))\nprint: \(sections(print))")
            for text in ["Wonen in Angelslo", "Wat werkte in wijken zoals deze", "Aanpak 0"] {
                #expect(web.contains(text) && print.contains(text), "\(text)")
            }
        }
        await store.close()
    }
}
