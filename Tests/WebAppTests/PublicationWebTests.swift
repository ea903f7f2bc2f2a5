import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Testing
import VaporTesting
@testable import WebApp

/// Reports, blog and the public site over HTTP: what staff write and publish, what stays with staff.
@Suite(.serialized) struct PublicationWebTests {
    static let report = "opgaven-van-nu-en-straks"

    /// Staff's concepts, drafts, scheduled posts and notes appear on no public page, feed, sitemap or API response;
    /// the crawl follows every link the public can see, from the home page, the sitemap and the feed.
    @Test func nothingUnpublishedReachesThePublic() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            func post(_ title: String, state: String, moment: String, note: String = "") async throws {
                let response = try await staff.post(
                    "/blog/nieuw",
                    [
                        "titel": title, "auteur": "Redactie", "tekst": "Over \(title).", "status": state,
                        "moment": moment, "notitie": note, "themas": "Wonen",
                    ])
                #expect(response.status == .seeOther, "\(title): \(response.text)")
            }
            try await post(
                "OPENBAAR-BERICHT", state: "gepubliceerd", moment: "2026-01-05T09:00", note: "GEHEIM-NOTITIE-BERICHT")
            try await post("GEHEIM-CONCEPTBERICHT", state: "concept", moment: "2026-01-05T09:00")
            try await post("GEHEIM-GEPLAND", state: "gepubliceerd", moment: "2099-01-05T09:00")
            let record = try await staff.post(
                "/kennis/nieuw",
                ["titel": "GEHEIM-KENNISCONCEPT", "stad": "Emmen", "wijk": "Angelslo", "publicatie": "concept"])
            #expect(record.status == .seeOther)
            let base = "/publicaties/\(f.programme.slug)/\(Self.report)"
            func version() async throws -> String {
                "\(try await ReportStore(store: f.store).concept(programmeID: f.programme.id, kind: "programme-1")?.version ?? 0)"
            }
            #expect(try await staff.post(base + "/concept", [:]).status == .seeOther)
            #expect(
                try await staff.post(
                    base + "/concept/tekst",
                    ["plek": "inleiding", "tekst": "OPENBARE-RAPPORTTEKST", "versie": try await version()]
                ).status == .seeOther)
            #expect(
                try await staff.post(
                    base + "/concept/notitie", ["notitie": "GEHEIM-RAPPORTNOTITIE", "versie": try await version()]
                ).status == .seeOther)
            #expect(
                try await staff.post(base + "/concept/publiceren", ["versie": try await version()]).status == .seeOther)
            #expect(try await staff.post(base + "/concept", [:]).status == .seeOther)
            #expect(
                try await staff.post(
                    base + "/concept/tekst",
                    ["plek": "tot-slot", "tekst": "GEHEIM-RAPPORTCONCEPT", "versie": try await version()]
                ).status == .seeOther)
            let concept = try await MeetingStore(store: f.store).create(
                Meeting(
                    programmeID: f.programme.id, number: 0, title: "GEHEIM-BIJEENKOMST",
                    date: ProgrammeWebFixture.day(90), startTime: ClockTime("10:00")!,
                    endTime: ClockTime("12:00")!), actor: "test")
            // What belongs to something unpublished: an opgave and minutes of the concept meeting, a transfer of the concept record.
            let meetingPath = "\(f.base)/bijeenkomst/\(concept.id)"
            #expect(
                try await staff.post(
                    meetingPath + "/opgaven",
                    ["titel": "GEHEIM-OPGAVE", "beschrijving": "b", "stad\(f.cityA.id)": "\(f.cityA.id)"]
                ).status == .seeOther)
            #expect(
                try await staff.post(
                    meetingPath + "/verslag", ["verslag": "GEHEIM-VERSLAG", "versie": "\(concept.version)"]
                ).status == .seeOther)
            let conceptRecord = try #require(record.headers.first(name: .location))
            #expect(
                try await staff.post(conceptRecord + "/overdracht", ["stad": "GEHEIMSTAD", "begrepen": "De kern"])
                    .status == .seeOther)

            let secrets = [
                "GEHEIM-OPGAVE", "GEHEIM-VERSLAG", "GEHEIMSTAD", "GEHEIM-NOTITIE-BERICHT", "GEHEIM-CONCEPTBERICHT",
                "GEHEIM-GEPLAND", "GEHEIM-KENNISCONCEPT", "GEHEIM-RAPPORTNOTITIE",
                "GEHEIM-RAPPORTCONCEPT", "GEHEIM-BIJEENKOMST", "anna.emmen@example.nl", "coord@example.nl",
                "staf@example.nl",
            ]
            var visitor = Visitor(app)
            var queue = [
                "/", "/sitemap.xml", "/blog/feed.xml", "/robots.txt", "/api/v1/knowledge", "/api/v1/knowledge/export",
                "/kennis/export.csv", "/\(f.base.dropFirst())/agenda.ics", "/blog?tag=Wonen", "/kennis?q=geheim",
            ]
            var seen = Set(queue)
            var everything = ""
            while let path = queue.first, seen.count < 800 {
                queue.removeFirst()
                let response = try await visitor.get(path)
                let text = response.text
                for secret in secrets { #expect(!text.contains(secret), "\(secret) on \(path)") }
                everything += text
                // Links of every kind: href and src, sitemap and feed addresses; only GET pages of this site.
                for match in text.matches(
                    of:
                        /(?:href|src)="(\/[^"#]*)"|<loc>http:\/\/wijkradar\.test(\/[^<]*)<\/loc>|href="http:\/\/wijkradar\.test(\/[^"]*)"/
                ) {
                    guard
                        var link = match.output.1.map(String.init) ?? match.output.2.map(String.init)
                            ?? match.output.3.map(String.init)
                    else { continue }
                    link = link.replacingOccurrences(of: "&amp;", with: "&")
                    if link.hasPrefix("/static/") || link.hasSuffix("/pdf") || seen.contains(link) { continue }
                    seen.insert(link)
                    queue.append(link)
                }
            }
            #expect(queue.isEmpty, "the crawl stopped early: \(queue.count) left")
            // The crawl reached what is public, so the absences above mean something.
            #expect(everything.contains("OPENBAAR-BERICHT") && everything.contains("OPENBARE-RAPPORTTEKST"))
            #expect(
                seen.contains("\(base)/versie/1") && seen.contains("/blog/openbaar-bericht")
                    && seen.contains("/kennis/\(f.records[0])"))
            // Staff do see them.
            #expect(try await staff.get("/blog").text.contains("GEHEIM-GEPLAND"))
            #expect(try await staff.get(base + "/concept").text.contains("GEHEIM-RAPPORTNOTITIE"))
            let search = try await staff.get("/kennis?q=geheim").text
            #expect(search.contains("GEHEIM-KENNISCONCEPT") && search.contains("concept, niet openbaar"))
            // Publishing the meeting makes its opgave and minutes public with it.
            var fields = MeetingEditPage.fields(
                try #require(try await MeetingStore(store: f.store).meeting(id: concept.id)))
            fields["gepubliceerd"] = "ja"
            #expect(try await staff.post(meetingPath + "/bewerken", fields).status == .seeOther)
            #expect(try await visitor.get("/opgaven").text.contains("GEHEIM-OPGAVE"))
            #expect(try await visitor.get("/kennis?q=verslag").text.contains("GEHEIM-BIJEENKOMST"))
        }
        await f.store.close()
    }

    @Test func aStaleReportEditIsRefusedAndAPublishedVersionIsServedAsPDF() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let base = "/publicaties/\(f.programme.slug)/\(Self.report)"
            #expect(try await staff.post(base + "/concept", [:]).status == .seeOther)
            let start =
                "\(try await ReportStore(store: f.store).concept(programmeID: f.programme.id, kind: "programme-1")!.version)"
            #expect(
                try await staff.post(
                    base + "/concept/tekst", ["plek": "inleiding", "tekst": "Eerste tekst.", "versie": start]
                ).status == .seeOther)
            let stale = try await staff.post(
                base + "/concept/tekst", ["plek": "inleiding", "tekst": "Tweede tekst.", "versie": start])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("intussen door iemand anders gewijzigd"))
            #expect(stale.text.contains(">Tweede tekst.</textarea>"), "the refused text stays in its form")
            #expect(stale.text.contains("<p>Eerste tekst.</p>"), "next to the stored text")
            let unsafe = try await staff.post(
                base + "/concept/tekst",
                ["plek": "inleiding", "tekst": "[x](javascript:alert(1))", "versie": "\(Int(start)! + 1)"])
            #expect(unsafe.status == .unprocessableEntity)
            #expect(unsafe.text.contains("Tekst (inleiding), regel 1: het adres"))
            #expect(
                try await staff.post(base + "/concept/publiceren", ["versie": "\(Int(start)! + 1)"]).status == .seeOther
            )
            var reader = Visitor(app)
            let page = try await reader.get(base + "/versie/1")
            #expect(page.status == .ok && page.text.contains("Eerste tekst.") && !page.text.contains("Tweede tekst."))
            #expect(page.text.contains("Versie 1, gepubliceerd"))
            let pdf = try await reader.get(base + "/versie/1/pdf")
            #expect(pdf.status == .ok && pdf.headers.contentType?.description.hasPrefix("application/pdf") == true)
            #expect(pdf.body.getString(at: 0, length: 5) == "%PDF-")
            #expect(try await reader.get(base).headers.first(name: .location) == base + "/versie/1")
        }
        await f.store.close()
    }

    @Test func postsImagesAndTheFeed() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let missing = try await staff.post(
                "/blog/nieuw",
                ["titel": "", "auteur": "", "tekst": "![](/x.png)", "status": "concept", "moment": "morgen"])
            #expect(missing.status == .unprocessableEntity)
            for expected in [
                "Titel: vul een titel in.", "Auteur:", "Tekst, regel 1: de afbeelding", "Publicatiemoment:",
            ] {
                #expect(missing.text.contains(expected), "\(expected)")
            }
            #expect(missing.text.contains("![](/x.png)"), "the typed text stays in the form")
            #expect(
                try await staff.post(
                    "/blog/nieuw",
                    [
                        "titel": "Bouwen in Angelslo", "auteur": "Redactie", "tekst": "Nieuws.", "status": "concept",
                        "moment": "2026-01-05T09:00", "wijken": "Angelslo",
                    ]
                ).status == .seeOther)
            // An image with its alt text; the PNG's own bytes decide its type.
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])
            let boundary = "----wijkradar\(UUID().uuidString)"
            var body = ByteBuffer()
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(staff.csrf)\r\n")
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nDe nieuwe woningen aan de Statenweg\r\n"
            )
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"bouw.png\"\r\nContent-Type: image/png\r\n\r\n"
            )
            body.writeBytes(png)
            body.writeString("\r\n--\(boundary)--\r\n")
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "\(SessionMiddleware.cookie)=\(staff.cookie ?? "")")
            headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            let upload = try await app.testing().sendRequest(
                .POST, "/blog/bouwen-in-angelslo/afbeeldingen", headers: headers, body: body)
            #expect(upload.status == .seeOther)
            let image = try #require(
                try await PostStore(store: f.store).images(
                    of: try await PostStore(store: f.store).post(slug: "bouwen-in-angelslo")!.id
                ).first)
            #expect(image.alt == "De nieuwe woningen aan de Statenweg")
            var reader = Visitor(app)
            #expect(try await reader.get("/blog/afbeelding/\(image.id)").status == .notFound)
            #expect(try await reader.get("/blog/bouwen-in-angelslo").status == .notFound)
            // Published: the image, the post, its tag filter and the feed.
            let post = try #require(try await PostStore(store: f.store).post(slug: "bouwen-in-angelslo"))
            let edit = try await staff.post(
                "/blog/bouwen-in-angelslo/bewerken",
                [
                    "titel": post.title, "auteur": post.author,
                    "tekst": "Nieuws.\n\n![\(image.alt)](/blog/afbeelding/\(image.id))", "status": "gepubliceerd",
                    "moment": "2026-01-05T09:00", "wijken": "Angelslo", "versie": "\(post.version)",
                ])
            #expect(edit.status == .seeOther)
            #expect(
                try await staff.post(
                    "/blog/bouwen-in-angelslo/bewerken",
                    [
                        "titel": "Oud", "auteur": "x", "tekst": "x", "status": "concept",
                        "moment": "2026-01-05T09:00", "versie": "\(post.version)",
                    ]
                ).status == .conflict)
            let page = try await reader.get("/blog/bouwen-in-angelslo")
            #expect(
                page.text.contains(
                    "<img src=\"/blog/afbeelding/\(image.id)\" alt=\"De nieuwe woningen aan de Statenweg\">"))
            #expect(
                try await reader.get("/blog/afbeelding/\(image.id)").headers.contentType?.description == "image/png")
            #expect(try await reader.get("/blog?tag=angelslo").text.contains("Bouwen in Angelslo"))
            #expect(!(try await reader.get("/blog?soort=nieuws").text.contains("Bouwen in Angelslo")))
            let feed = try await reader.get("/blog/feed.xml")
            #expect(feed.headers.contentType?.description.hasPrefix("application/atom+xml") == true)
            #expect(feed.text.contains("<id>http://wijkradar.test/blog/bouwen-in-angelslo</id>"))
            #expect(feed.text.contains("<category term=\"Angelslo\"/>"))
            // A post cannot take an address the blog itself uses.
            #expect(
                try await staff.post(
                    "/blog/nieuw",
                    ["titel": "Nieuw", "auteur": "R", "tekst": "x", "status": "concept", "moment": "2026-01-05T09:00"]
                )
                .headers.first(name: .location) == "/blog/bericht-nieuw/bewerken?ok=opgeslagen")
        }
        await f.store.close()
    }
}
