import Foundation
import HTML
import Testing

/// Everything that reaches a page from data or users goes through the builder; these payloads must come out inert.
@Suite struct XSSTests {
    static let payloads = [
        #"<script>alert(1)</script>"#,
        #"" onmouseover="alert(1)"#,
        #"' onfocus='alert(1)"#,
        #"</title><script>alert(1)</script>"#,
        #"&lt;script&gt;"#,
        #"x><img src=x onerror=alert(1)>"#,
        #"Tom & Jerry <b>"#,
    ]

    @Test(arguments: payloads)
    func textIsEscaped(_ payload: String) {
        let html = p { payload }.render()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.hasPrefix("<p>") && html.hasSuffix("</p>"))
    }

    @Test(arguments: payloads)
    func attributeValuesCannotBreakOut(_ payload: String) {
        for node in [
            a(.href("/regio"), .title(payload)) { "x" }, input(.value(payload), .name("q")),
            div(.data("naam", payload)) { "" }, meta(.content(payload)),
        ] {
            let html = node.render()
            // The only quotes left are the ones that delimit the attribute values the builder wrote.
            let quotes = html.filter { $0 == "\"" }.count
            #expect(quotes % 2 == 0)
            #expect(!html.contains("\" on"), "\(html)")
            #expect(!html.contains("' on"), "\(html)")
            #expect(!html.contains("<script"), "\(html)")
        }
    }

    @Test func exactEscaping() {
        #expect(p { "a & b < c > d \" e ' f" }.render() == "<p>a &amp; b &lt; c &gt; d \" e ' f</p>")
        #expect(
            div(.title("a & b < c > d \" e ' f")) { "" }.render()
                == "<div title=\"a &amp; b &lt; c &gt; d &quot; e &#39; f\"></div>")
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "jav&#x09;ascript:alert(1)",
    ])
    func dangerousURLsAreNeutralised(_ url: String) {
        let html = a(.href(url)) { "link" }.render()
        #expect(html == "<a href=\"#\">link</a>" || !html.lowercased().contains("script:"), "\(html)")
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("data:"))
    }

    @Test(arguments: [
        "/regio/WK011443", "https://www.cbs.nl/nl-nl/maatwerk", "mailto:info@example.org",
        "?q=a:b", "regio#kaart", "/zoek?q=Angelslo&niveau=wijk",
    ])
    func ordinaryURLsPass(_ url: String) {
        let html = a(.href(url)) { "x" }.render()
        #expect(html.contains("href=\"" + url.replacingOccurrences(of: "&", with: "&amp;") + "\""))
    }

    @Test func javascriptURLInTextIsJustText() {
        #expect(p { "javascript:alert(1)" }.render() == "<p>javascript:alert(1)</p>")
    }

    @Test func titlesInHeadAndSVGAreEscaped() {
        let payload = "</title><script>alert(1)</script>"
        #expect(!head { title(payload) }.render().contains("<script"))
        #expect(
            !svg(.aria("label", payload)) {
                svgTitle(payload); desc(payload)
            }.render().contains("<script"))
    }

    @Test func unsafeAttributeNamesAreDropped() {
        let html = div(Attribute("x onclick=alert(1)", "y"), .id("ok")) { "" }.render()
        #expect(html == "<div id=\"ok\"></div>")
    }

    @Test func voidElementsAndDocument() {
        #expect(input(.type("search"), .required).render() == "<input type=\"search\" required>")
        #expect(
            html(.lang("nl")) { body { "x" } }.renderDocument()
                == "<!DOCTYPE html>\n<html lang=\"nl\"><body>x</body></html>")
    }

    @Test func builderControlFlow() {
        let items = ["a", "b"]
        let show = true
        let node = ul {
            for item in items { li { item } }
            if show { li { "c" } } else { li { "d" } }
        }
        #expect(node.render() == "<ul><li>a</li><li>b</li><li>c</li></ul>")
    }
}
