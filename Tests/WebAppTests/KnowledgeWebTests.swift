import Core
import Foundation
import Knowledge
@testable import Storage
import Testing
import VaporTesting
@testable import WebApp

/// The knowledge base on the web: search with a facet, the record page, and the suggestion on a similar wijk's page.
@Suite(.serialized) struct KnowledgeWebTests {
    @Test func recordIsFoundWithAFacetAndSuggestedOnASimilarWijk() async throws {
        let store = try await ProgrammeWebFixture.storeWithWijken()
        var item = Intervention(
            title: "Gezondheidscentrum <script>x</script>", regionCode: "WK011443", city: "Emmen", wijk: "Angelslo",
            themes: ["gezondheid"], problem: "Weinig huisartsen in de buurt.", evidence: .wellFounded,
            money: [MoneyFlow(source: "zorgverzekeraar", amount: 250_000), MoneyFlow(source: "gemeente", amount: nil)],
            startYear: 2015)
        item.links = ["https://example.nl/gezondheidscentrum"]
        let id = try await KnowledgeStore(store: store).create(
            .intervention, item, document: item.searchDocument,
            anchor: .init(regionCode: "WK011443", startYear: 2015), actor: "test")
        try await withApp(configure: { app in
            try WebServer.configure(app, config: ProgrammeWebFixture.config(), store: store)
        }) { app in
            var visitor = Visitor(app)
            let found = try await visitor.get("/kennis?q=huisartsen&thema=gezondheid")
            #expect(found.status == .ok)
            #expect(found.text.contains("href=\"/kennis/\(id)\""))
            #expect(found.text.contains("zorgverzekeraar</a> (1)"))
            // A result says what it is: its evidence level, place, theme and the start of its text.
            #expect(found.text.contains("<span class=\"badge evidence\">goed onderbouwd</span>"))
            #expect(found.text.contains("<p class=\"summary\">Weinig huisartsen in de buurt.</p>"))
            #expect(found.text.contains("thema gezondheid"))
            #expect(found.text.contains("1 resultaat<"))
            #expect(
                !(try await visitor.get("/kennis?q=huisartsen&thema=wonen").text.contains("href=\"/kennis/\(id)\"")))
            // Open data: the record in the JSON API, the export and the CSV (amounts unknown stay unknown).
            let api =
                try JSONSerialization.jsonObject(
                    with: Data((try await visitor.get("/api/v1/knowledge/\(id)")).text.utf8)) as? [String: Any]
            #expect((api?["record"] as? [String: Any])?["evidence"] as? String == "goed onderbouwd")
            let search =
                try JSONSerialization.jsonObject(
                    with: Data(
                        (try await visitor.get("/api/v1/knowledge?q=huisartsen&bewijs=goed%20onderbouwd")).text.utf8))
                as? [String: Any]
            #expect((search?["hits"] as? [[String: Any]])?.first?["id"] as? Int == id)
            let export =
                try JSONSerialization.jsonObject(
                    with: Data((try await visitor.get("/api/v1/knowledge/export")).text.utf8)) as? [String: Any]
            #expect(export?["licence"] as? String == "CC BY 4.0" && (export?["records"] as? [Any])?.count == 1)
            let csv = try await visitor.get("/kennis/export.csv").text
            #expect(csv.contains("zorgverzekeraar: € 250000; gemeente: onbekend"))
            let page = try await visitor.get("/kennis/\(id)")
            #expect(page.text.contains("€ 250.000") && page.text.contains("bedrag onbekend"))
            #expect(!page.text.contains("laatst gewijzigd door"))  // the public page does not show who edited
            #expect(page.text.contains("&lt;script&gt;x") && !page.text.contains("<script>x"))
            // The host wijk's figures around the start year, next to its similar wijken: indicative, with sources.
            #expect(page.text.contains("De wijk voor en na de start") && page.text.contains("Indicatief, geen bewijs"))
            #expect(page.text.contains("2022 (na de start)</th><td class=\"num\">7.685</td>"))
            #expect(page.text.contains("Bron: CBS"))
            // A wijk with Angelslo among its most similar wijken shows the record; Angelslo itself does not suggest its own.
            let snapshot = try await AnalysisCache(store: store).snapshot()
            let model = try #require(snapshot.similarity)
            let near = try #require(
                snapshot.names.keys.filter { $0.level == .district }.sorted().first { code in
                    code.rawValue != "WK011443"
                        && (model.neighbours(of: code, k: 10)?.contains { $0.region.rawValue == "WK011443" } ?? false)
                })
            let wijk = try await visitor.get("/regio/\(near)")
            #expect(wijk.text.contains("Wat werkte in wijken zoals deze"))
            #expect(wijk.text.contains("href=\"/kennis/\(id)\""))
            #expect(!(try await visitor.get("/regio/WK011443").text.contains("Wat werkte in wijken zoals deze")))
            // Research about Angelslo is cited on its page.
            let study = Research(
                title: "Wijkanalyse Angelslo", authors: "Gemeente Emmen", year: 2016, publisher: "", link: "",
                summary: "",
                regionCodes: ["WK011443"])
            let studyID = try await KnowledgeStore(store: store).create(
                .research, study, document: study.searchDocument, actor: "test")
            let angelslo = try await visitor.get("/regio/WK011443").text
            #expect(
                angelslo.contains("Onderzoek over deze wijk")
                    && angelslo.contains("href=\"/kennis/\(studyID)\">Gemeente Emmen (2016). Wijkanalyse Angelslo.</a>")
            )
        }
        await store.close()
    }

    @Test func aSecondEditorIsRefusedAndTheFirstTextSurvives() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var coordinator = try await Visitor.signedIn(app, "coord@example.nl")
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let path = "/kennis/\(f.records[0])/bewerken"
            // Both open the form at version 1.
            #expect(try await coordinator.get(path).text.contains("name=\"versie\" value=\"1\""))
            #expect(try await staff.get(path).text.contains("name=\"versie\" value=\"1\""))
            var first = try await AuthorisationMatrixTests.recordForm(f, f.records[0])
            first["resultaten"] = "Tekst van de coördinator"
            var second = first
            second["resultaten"] = "Tekst van de staf"
            #expect(try await coordinator.post(path, first).status == .seeOther)
            let refused = try await staff.post(path, second)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("is intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen"))
            // The refused form keeps what the second editor typed, so nothing they wrote is lost either.
            #expect(refused.text.contains("Tekst van de staf"))
            let stored = try #require(try await KnowledgeStore(store: f.store).record(id: f.records[0]))
            #expect(try stored.decode(Intervention.self).results == "Tekst van de coördinator")
            #expect(
                try await KnowledgeStore(store: f.store).history(id: f.records[0]).map(\.actor) == [
                    "test", "coord@example.nl",
                ])
        }
        await f.store.close()
    }

    @Test func researchRegisterAndTransfers() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var coordinator = try await Visitor.signedIn(app, "coord@example.nl")
            _ = try await coordinator.get("/onderzoek")
            let bad = try await coordinator.post("/onderzoek", ["titel": "Zonder bron", "jaar": "twintig"])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                bad.text.contains("Jaar: &#39;twintig&#39; is geen jaartal.")
                    || bad.text.contains("Jaar: 'twintig' is geen jaartal."))
            #expect(bad.text.contains("Auteurs of uitgever: vul minstens één van beide in"))
            let added = try await coordinator.post(
                "/onderzoek",
                [
                    "titel": "Wijkanalyse Angelslo", "auteurs": "Gemeente Emmen", "jaar": "2016",
                    "wijken": "wk011443", "themas": "gezondheid",
                ])
            #expect(added.status == .seeOther)
            let id = try #require(Int(added.headers.first(name: .location)?.split(separator: "/").last ?? ""))
            #expect(
                try await coordinator.get("/kennis/\(id)").text.contains("Gemeente Emmen (2016). Wijkanalyse Angelslo.")
            )
            #expect(
                try await coordinator.get("/kennis?q=wijkanalyse&soort=onderzoek").text.contains(
                    "href=\"/kennis/\(id)\""))
            // Transfer: Delft takes over Emmen's approach; it shows on the intervention.
            #expect(
                try await coordinator.post(
                    "/kennis/\(f.records[0])/overdracht",
                    [
                        "stad": "Delft", "wijk": "Buitenhof", "jaar": "2018", "begrepen": "Vaste gezichten in de wijk",
                        "aangepast": "Kleiner team", "resultaat": "Meer bereik",
                    ]
                ).status == .seeOther)
            var page = try await coordinator.get("/kennis/\(f.records[0])").text
            #expect(page.contains("Buitenhof (Delft), 2018") && page.contains("Kleiner team"))
            // The intervention cites the study from the register.
            var form = try await AuthorisationMatrixTests.recordForm(f, f.records[0])
            form["onderzoek_\(id)"] = "ja"
            #expect(
                try await coordinator.get("/kennis/\(f.records[0])/bewerken").text.contains("name=\"onderzoek_\(id)\""))
            #expect(try await coordinator.post("/kennis/\(f.records[0])/bewerken", form).status == .seeOther)
            page = try await coordinator.get("/kennis/\(f.records[0])").text
            #expect(page.contains("<a href=\"/kennis/\(id)\">Gemeente Emmen (2016). Wijkanalyse Angelslo.</a>"))
            // Minutes are searchable with the rest and lead to the meeting.
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            _ = try await staff.get("\(f.base)/bijeenkomst/\(f.meeting.id)")
            #expect(
                try await staff.post(
                    "\(f.base)/bijeenkomst/\(f.meeting.id)/verslag",
                    ["verslag": "De deelnemers bespraken schuldhulpverlening.", "versie": "1"]
                ).status == .seeOther)
            let found = try await staff.get("/kennis?q=schuldhulpverlening").text
            #expect(found.contains("Verslag: Bijeenkomst gezondheid"))
        }
        await f.store.close()
    }

    @Test func attachmentsAreCheckedStoredAndServedAsDownloads() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var coordinator = try await Visitor.signedIn(app, "coord@example.nl")
            _ = try await coordinator.get("/kennis/\(f.records[0])")
            func upload(_ visitor: inout Visitor, name: String, bytes: [UInt8]) async throws -> TestingHTTPResponse {
                let boundary = "----wijkradar\(UUID().uuidString)"
                var body = ByteBuffer()
                body.writeString(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(visitor.csrf)\r\n")
                body.writeString(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"\(name)\"\r\nContent-Type: application/pdf\r\n\r\n"
                )
                body.writeBytes(bytes)
                body.writeString("\r\n--\(boundary)--\r\n")
                var headers = HTTPHeaders()
                headers.add(name: .cookie, value: "\(SessionMiddleware.cookie)=\(visitor.cookie!)")
                headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                return try await app.testing().sendRequest(
                    .POST, "/kennis/\(f.records[0])/bijlagen", headers: headers, body: body)
            }
            let pdf = Array("%PDF-1.4\n% verslag\n".utf8) + [UInt8](repeating: 0x20, count: 2000)
            let ok = try await upload(&coordinator, name: "../../verslag bijeenkomst.pdf", bytes: pdf)
            #expect(ok.status == .seeOther)
            let stored = try await KnowledgeStore(store: f.store).attachments(of: f.records[0])
            #expect(stored.map(\.fileName) == ["verslag bijeenkomst.pdf"])
            #expect(AttachmentRules.safeName("a/\"b\"\r\n.pdf") == "b.pdf")
            let download = try await coordinator.get("/kennis/\(f.records[0])/bijlage/\(stored[0].id)")
            #expect(download.status == .ok && Array(download.body.readableBytesView) == pdf)
            #expect(
                download.headers.first(name: "Content-Disposition")
                    == "attachment; filename=\"verslag bijeenkomst.pdf\"")
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            // A program with a .pdf name, and a file over 10 MB, are refused with the reason; nothing is stored.
            let fake = try await upload(
                &coordinator, name: "factuur.pdf",
                bytes: Array("MZ\u{90}\u{0}".utf8) + [UInt8](repeating: 0, count: 100))
            #expect(fake.status == .unprocessableEntity)
            #expect(fake.text.contains("de inhoud moet bij de extensie passen"))
            let large = try await upload(
                &coordinator, name: "groot.pdf",
                bytes: Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: AttachmentRules.maximumBytes))
            #expect(large.status == .payloadTooLarge)
            #expect(try await KnowledgeStore(store: f.store).attachments(of: f.records[0]).count == 1)
        }
        await f.store.close()
    }
}
