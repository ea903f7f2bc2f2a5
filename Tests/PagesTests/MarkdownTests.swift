import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import HTML
@testable import Pages
import Programme
import Testing

/// Editors' Markdown may carry anything; nothing of it may run in a reader's browser.
struct MarkdownTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[klik](javascript:alert(1))",
        "[klik](\" onmouseover=\"alert(1))",
        "![a\" onerror=\"alert(1)](/x.png)",
        "<div onclick=alert(1)>blok</div>",
        "**vet** <iframe src=//evil>",
    ]

    @Test(arguments: payloads) func nothingRuns(_ payload: String) {
        let html = Markdown.render("Tekst\n\n\(payload)\n").render()
        #expect(!html.contains("<script"), "\(html)")
        #expect(!html.contains("<img src=x"), "\(html)")
        #expect(!html.contains("<iframe"), "\(html)")
        #expect(!html.contains("<div"), "\(html)")
        #expect(!html.lowercased().contains("href=\"javascript"), "\(html)")
        // An event handler attribute: after a tag name and whole quoted attributes, never inside an attribute's value.
        #expect(
            html.range(of: #"<[a-z]+(\s+[a-z-]+="[^"]*")*\s+on[a-z]+="#, options: .regularExpression) == nil, "\(html)")
    }

    @Test func ordinaryMarkdownStillWorks() {
        let html = Markdown.render(
            "## Kop\n\nEen [link](https://example.org/a?b=1&c=2) en ![Kaart van de wijk](/blog/afbeelding/3).\n\n- een\n- twee"
        ).render()
        #expect(html.contains("<h2>Kop</h2>"))
        #expect(html.contains("<a href=\"https://example.org/a?b=1&c=2\">link</a>"))
        #expect(html.contains("<img src=\"/blog/afbeelding/3\" alt=\"Kaart van de wijk\">"))
        #expect(html.contains("<li>twee</li>"))
    }

    @Test func problemsNameTheLine() {
        let problems = Markdown.problems(
            in: "Goed.\n\n![](/blog/afbeelding/1)\n[x](javascript:alert(1))", field: "Tekst")
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix("Tekst, regel 3: de afbeelding"))
        #expect(problems[1].hasPrefix("Tekst, regel 4: het adres ‘javascript:alert(1’"))
    }

    @Test func atomFeedIsWellFormedWhateverThePostSays() throws {
        let post = Post(
            id: 1, slug: "a-b", kind: .news, title: "A & B <script>", body: "Tekst met \u{0001}stuurteken & <b>.",
            author: "Ö \"x\"",
            tags: .init(themes: ["wonen & zorg"]), state: .published, publishAt: 1_700_000_000, updatedAt: 1_700_000_100
        )
        let xml = Feeds.atom(posts: [post], baseURL: "https://wijkradar.example")
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(xml.contains("<updated>2023-11-14T22:15:00Z</updated>"))
    }
}
