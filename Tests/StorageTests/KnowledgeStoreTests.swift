import Foundation
import Analysis
import Core
import Knowledge
@testable import Storage
import Testing

/// Knowledge records and their search on SQLite (FTS5, stemmed by Wijkradar) and PostgreSQL (tsvector, `dutch`):
/// the same questions give the same records on both.
@Suite struct KnowledgeStoreTests {
    static let actor = "staf@example.nl"

    static func interventions() -> [Intervention] {
        [
            Intervention(
                title: "Gezondheidscentrum in de wijk", regionCode: "WK011443", city: "Emmen", wijk: "Angelslo",
                themes: ["gezondheid"],
                problem: "Veel bewoners met een slechte gezondheid en weinig huisartsen in de buurt.",
                approach: "Huisarts, wijkverpleging en welzijnswerk in één gebouw.",
                whyItWorks: "Korte lijnen tussen zorg en welzijn.",
                evidence: .wellFounded, parties: [Party(name: "Treant", kind: "zorg", role: .active)],
                money: [MoneyFlow(source: "zorgverzekeraar", amount: 250_000)], aspects: [.linking, .parties],
                startYear: 2015),
            Intervention(
                title: "Woningen verduurzamen met bewoners", regionCode: "WK039221", city: "Haarlem", wijk: "Meerwijk",
                themes: ["wonen"],
                problem: "Hoge energielasten in oude woningen.",
                approach: "De corporatie isoleert; bewoners kiezen mee.",
                results: "Lagere energierekening bij 300 huishoudens.", evidence: .effectiveFirst,
                parties: [Party(name: "Elan Wonen", kind: "corporatie", role: .newRole)],
                money: [MoneyFlow(source: "corporatie", amount: nil), MoneyFlow(source: "gemeente", amount: 100_000)],
                aspects: [.financing], startYear: 2016),
            Intervention(
                title: "Ideeën van jongeren voor het plein", city: "Delft", wijk: "Buitenhof", themes: ["jeugd"],
                problem: "Geen plek voor jongeren.",
                approach: "Jongeren ontwerpen het plein; de gemeente past regels aan.",
                evidence: .wellDescribed, money: [MoneyFlow(source: "fonds", amount: 20_000)], aspects: [.regulation],
                startYear: 2017),
        ]
    }

    static func seeded(_ store: Store) async throws -> [Int] {
        var ids: [Int] = []
        for item in interventions() {
            ids.append(
                try await KnowledgeStore(store: store).create(
                    .intervention, item, document: item.searchDocument,
                    anchor: .init(regionCode: item.regionCode, startYear: item.startYear), actor: actor))
        }
        return ids
    }

    @Test(arguments: TestDatabase.all)
    func searchStemsFoldsAccentsAndFilters(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let ids = try await Self.seeded(store)
            let knowledge = KnowledgeStore(store: store)
            // Stemming: the singular finds the plural, a verb form finds the noun's stem.
            #expect(try await knowledge.search("woning").map(\.id) == [ids[1]])
            #expect(try await knowledge.search("bewoner").map(\.id).sorted() == [ids[0], ids[1]])
            // Accents: with or without the diaeresis.
            #expect(try await knowledge.search("ideeen").map(\.id) == [ids[2]])
            #expect(try await knowledge.search("Ideeën").map(\.id) == [ids[2]])
            // Every word must match; stop words are ignored.
            #expect(try await knowledge.search("de gezondheid van bewoners").map(\.id) == [ids[0]])
            #expect(try await knowledge.search("gezondheid plein").isEmpty)
            // Facets narrow the result; without words, everything that matches the facets.
            #expect(try await knowledge.search("bewoners", filters: [.funding: "corporatie"]).map(\.id) == [ids[1]])
            #expect(
                try await knowledge.search("", filters: [.evidence: EvidenceLevel.wellDescribed.rawValue]).map(\.id)
                    == [ids[2]])
            #expect(
                try await knowledge.search("", filters: [.year: "2015", .aspect: "koppelen"]).map(\.id) == [ids[0]])
            #expect(try await knowledge.search("", filters: [.year: "2015", .aspect: "financiering"]).isEmpty)
            let counts = try await knowledge.facetCounts(of: ids)
            #expect(counts[.funding]?.map(\.value) == ["corporatie", "fonds", "gemeente", "zorgverzekeraar"])
            #expect(counts[.kind]?.first?.count == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aTitleMatchRanksAboveABodyMatch(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let knowledge = KnowledgeStore(store: store)
            let body = Intervention(
                title: "Buurtteam", city: "Emmen", wijk: "Angelslo",
                problem: "De gezondheid van ouderen, de gezondheid van kinderen, gezondheid overal.")
            let title = Intervention(
                title: "Gezondheid voorop", city: "Delft", wijk: "Buitenhof", problem: "Weinig sport.")
            let bodyID = try await knowledge.create(
                .intervention, body, document: body.searchDocument, actor: Self.actor)
            let titleID = try await knowledge.create(
                .intervention, title, document: title.searchDocument, actor: Self.actor)
            #expect(try await knowledge.search("gezondheid").map(\.id) == [titleID, bodyID])
        }
    }

    @Test(arguments: TestDatabase.all)
    func editsKeepHistoryAndASecondEditorIsRefused(_ db: TestDatabase) async throws {
        try await db.withStore { store in
            let ids = try await Self.seeded(store)
            let knowledge = KnowledgeStore(store: store)
            var first = Self.interventions()[0], second = Self.interventions()[0]
            first.results = "Wachttijden bij de huisarts halveerden."
            second.results = "Iets anders."
            // Both editors opened version 1; the first saves, the second is refused and the first's text survives.
            #expect(
                try await knowledge.update(
                    id: ids[0], expectedVersion: 1, first, document: first.searchDocument, actor: "a@example.nl") == 2)
            await #expect(throws: ProgrammeError.conflict("‘Gezondheidscentrum in de wijk’")) {
                _ = try await knowledge.update(
                    id: ids[0], expectedVersion: 1, second, document: second.searchDocument, actor: "b@example.nl")
            }
            let stored = try #require(try await knowledge.record(id: ids[0]))
            #expect(try stored.decode(Intervention.self).results == "Wachttijden bij de huisarts halveerden.")
            #expect(stored.version == 2 && stored.updatedBy == "a@example.nl")
            #expect(try await knowledge.search("wachttijden").map(\.id) == [ids[0]])
            // Removing hides it from search, keeps it and its history.
            try await knowledge.remove(id: ids[0], expectedVersion: 2, actor: Self.actor)
            #expect(try await knowledge.search("wachttijden").isEmpty)
            #expect(try await knowledge.search("", filters: [.city: "Emmen"]).isEmpty)
            #expect(try await knowledge.record(id: ids[0])?.deleted == true)
            #expect(try await knowledge.history(id: ids[0]).map(\.action) == ["aangemaakt", "gewijzigd", "verwijderd"])
            #expect(try await knowledge.history(id: ids[0]).map(\.actor) == [Self.actor, "a@example.nl", Self.actor])
        }
    }
}

@Suite struct InterventionValidationTests {
    @Test func problemsNameTheirField() {
        var item = Intervention(title: " ", regionCode: "XX1", city: "Emmen", wijk: "", startYear: 2018, endYear: 2016)
        item.evidence = .effectiveGood
        item.money = [MoneyFlow(source: "", amount: -5)]
        item.links = ["javascript:alert(1)"]
        #expect(
            item.problems(currentYear: 2026) == [
                "Titel: vul een titel in.", "Wijk: vul de wijk in.",
                "CBS-gebied: 'XX1' is geen CBS-code (GM, WK of BU).",
                "Eindjaar: 2016 ligt voor het startjaar 2018.",
                "Resultaten: bij het niveau ‘effectief: goede aanwijzingen’ hoort een beschrijving van de resultaten en waar ze op berusten.",
                "Geldstroom 1: vul de bron in.", "Geldstroom 1: een bedrag is niet negatief.",
                "Links: 'javascript:alert(1)' is geen webadres (http:// of https://).",
            ])
        #expect(Opgave(title: "", description: "", meetingID: nil, cityIDs: []).problems().count == 3)
        #expect(
            Research(
                title: "", authors: "", year: 1850, publisher: "", link: "ftp://x", summary: "", regionCodes: ["0114"]
            ).problems(currentYear: 2026) == [
                "Titel: vul de titel in.",
                "Auteurs of uitgever: vul minstens één van beide in, zodat de bron te vinden is.",
                "Jaar: 1850 is geen geldig jaar van verschijnen.", "Link: 'ftp://x' is geen webadres.",
                "Wijken: '0114' is geen CBS-code.",
            ])
        #expect(
            Transfer(
                interventionID: 1, toCity: "", toWijk: "", year: nil, understood: "", adapted: "", reused: "",
                result: ""
            ).problems().count == 2)
    }
}

/// "Wat werkte in wijken zoals deze" on the real bundled wijk data (KWB 2022): a record in Angelslo is suggested to
/// every wijk whose nearest neighbours include Angelslo, and to no other.
@Suite struct SuggestionTests {
    @Test func aRecordInAngelsloIsSuggestedWhereAngelsloIsANeighbour() async throws {
        try await TestDatabase(kind: .sqlite).withStore { store in
            let (url, options) = try StorageTests.bundledEntry("cbs-kwb-2022-wijk.csv.gz")
            _ = try await ImportService(store: store).importFile(url, options: options)
            let table = try await AnalysisStore(store: store).table(level: .district, period: 2022)
            let model = SimilarityModel(table: table)
            let angelslo = RegionCode("WK011443")!
            let item = KnowledgeStoreTests.interventions()[0]
            let id = try await KnowledgeStore(store: store).create(
                .intervention, item, document: item.searchDocument,
                anchor: .init(regionCode: "WK011443", startYear: 2015), actor: "test")
            let near = table.regions.map(\.code).filter { code in
                code != angelslo && (model.neighbours(of: code, k: 10)?.contains { $0.region == angelslo } ?? false)
            }
            #expect(!near.isEmpty)
            for code in near.prefix(5) {
                let neighbours = try #require(model.neighbours(of: code, k: 10))
                let candidates = try await KnowledgeStore(store: store).anchored(in: neighbours.map(\.region.rawValue))
                let suggestions = Suggestions.rank(
                    neighbours: neighbours.map { ($0.region.rawValue, $0.distance, $0.closestOn) },
                    candidates: candidates)
                #expect(suggestions.map(\.candidate.id) == [id], "\(code)")
                #expect(suggestions.first?.neighbourRank == neighbours.firstIndex { $0.region == angelslo }! + 1)
                #expect(suggestions.first?.candidate.evidence == .wellFounded)
            }
            // A wijk without Angelslo among its neighbours gets no suggestion from it.
            let far = try #require(
                table.regions.map(\.code).first { code in
                    code != angelslo && !(model.neighbours(of: code, k: 10)?.contains { $0.region == angelslo } ?? true)
                })
            let neighbours = try #require(model.neighbours(of: far, k: 10))
            #expect(
                Suggestions.rank(
                    neighbours: neighbours.map { ($0.region.rawValue, $0.distance, $0.closestOn) },
                    candidates: try await KnowledgeStore(store: store).anchored(in: neighbours.map(\.region.rawValue))
                ).isEmpty)
        }
    }

    @Test func closerWijkFirstThenStrongerEvidence() {
        func neighbour(_ code: String, _ d: Double) -> (code: String, distance: Double, closestOn: [String]) {
            (code, d, [])
        }
        let candidates = [
            Suggestions.Candidate(id: 1, title: "a", regionCode: "WK000102", evidence: .effectiveStrong),
            Suggestions.Candidate(id: 2, title: "b", regionCode: "WK000101", evidence: .wellDescribed),
            Suggestions.Candidate(id: 3, title: "c", regionCode: "WK000101", evidence: .effectiveFirst),
        ]
        let ranked = Suggestions.rank(
            neighbours: [neighbour("WK000101", 0.5), neighbour("WK000102", 0.9)], candidates: candidates)
        #expect(ranked.map(\.candidate.id) == [3, 2, 1])
        #expect(ranked.map(\.neighbourRank) == [1, 1, 2])
    }
}
