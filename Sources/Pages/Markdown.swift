import Foundation
import HTML
import Ink

/// Editors' Markdown (report sections, blog posts) as HTML. Ink passes raw HTML through and puts link and image
/// addresses into attributes unescaped, so its output is trusted only because the input is made inert first: every
/// `<` becomes `&lt;` (no HTML blocks or tags survive), and links and images are rebuilt here from their parts, with
/// only http(s), mailto, site-relative and fragment addresses allowed.
public enum Markdown {
    public static func render(_ text: String) -> Node {
        .raw(parser.html(from: text.replacingOccurrences(of: "<", with: "&lt;")))
    }

    /// The problems an editor must fix before the text is stored: unsafe addresses and images without alt text,
    /// each with its line number.
    public static func problems(in text: String, field: String) -> [String] {
        var problems: [String] = []
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            for match in line.matches(of: /(!?)\[([^\]]*)\]\(([^)\s]*)[^)]*\)/) {
                let (isImage, label, address) = (
                    !match.output.1.isEmpty, String(match.output.2), String(match.output.3)
                )
                if !isSafe(address) {
                    problems.append(
                        "\(field), regel \(number + 1): het adres ‘\(address)’ is niet toegestaan; gebruik een adres dat begint met https://, http://, mailto: of /."
                    )
                }
                if isImage, label.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append(
                        "\(field), regel \(number + 1): de afbeelding ‘\(address)’ heeft geen alt-tekst. Schrijf tussen de blokhaken wat erop te zien is."
                    )
                }
            }
        }
        return problems
    }

    static func isSafe(_ address: String) -> Bool {
        let lower = address.lowercased()
        let allowedStart =
            ["https://", "http://", "mailto:", "/", "#"].contains { lower.hasPrefix($0) } && !lower.hasPrefix("//")
        // No quotes or brackets (attribute breakout), no whitespace (browsers drop tabs, so "/\t/x" would be "//x"),
        // no character references ("/&#47;x").
        return allowedStart && !address.contains { "\"'<>`\\".contains($0) || $0.isWhitespace }
            && !address.contains("&#")
    }

    // Ink's parser is a value that is only read after this point, so sharing it between requests is safe.
    nonisolated(unsafe) static let parser: MarkdownParser = {
        var parser = MarkdownParser()
        parser.addModifier(
            Modifier(target: .links) { html, markdown in
                // Ink writes `<a href="ADDRESS">TITLE</a>`; the title is Ink's own (escaped) output.
                let prefix = "<a href=\""
                guard html.hasPrefix(prefix), let end = html.dropFirst(prefix.count).firstIndex(of: "\"") else {
                    return escape(String(markdown))
                }
                let address = String(html[html.index(html.startIndex, offsetBy: prefix.count)..<end])
                let rest = html[end...]
                guard isSafe(address), rest.hasPrefix("\">") else { return escape(String(markdown)) }
                return "<a href=\"\(address)" + rest
            })
        parser.addModifier(
            Modifier(target: .images) { _, markdown in
                guard let match = String(markdown).wholeMatch(of: /!\[([^\]]*)\]\(([^)\s]*)\s*\)/),
                    isSafe(String(match.output.2))
                else {
                    return escape(String(markdown))
                }
                return "<img src=\"\(escape(String(match.output.2)))\" alt=\"\(escape(String(match.output.1)))\">"
            })
        return parser
    }()

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The first paragraph as plain text, for summaries and meta descriptions.
    public static func plainSummary(_ text: String, limit: Int = 200) -> String {
        let paragraph =
            text.components(separatedBy: "\n\n").first {
                !$0.hasPrefix("#") && !$0.hasPrefix("!") && !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            } ?? ""
        let plain = paragraph.replacing(/!?\[([^\]]*)\]\([^)]*\)/) { String($0.output.1) }
            .replacingOccurrences(of: "*", with: "")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return plain.count > limit ? String(plain.prefix(limit - 1)) + "…" : plain
    }
}
