/// Turns nodes into markup. The only place where text becomes HTML, so the only place escaping happens.
extension Node {
    public func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out)
        return out
    }

    /// A full HTML document with its doctype.
    public func renderDocument() -> String { "<!DOCTYPE html>\n" + render() }

    func render(into out: inout String) {
        switch self {
        case .text(let text):
            Escape.text(text, into: &out)
        case .raw(let markup):
            out += markup
        case .fragment(let nodes):
            for node in nodes { node.render(into: &out) }
        case .element(let name, let attributes, let children):
            out += "<" + name
            for attribute in attributes where Escape.isSafeName(attribute.name) {
                out += " " + attribute.name
                if let value = attribute.value {
                    out += "=\""
                    Escape.attribute(Escape.isURLAttribute(attribute.name) ? Escape.safeURL(value) : value, into: &out)
                    out += "\""
                }
            }
            out += ">"
            if Node.voidElements.contains(name) { return }
            // NB: script and style content is not parsed as text by browsers; only our own constants go there.
            for child in children { child.render(into: &out) }
            out += "</" + name + ">"
        }
    }
}

enum Escape {
    /// Text content: `& < >`.
    static func text(_ text: String, into out: inout String) { escape(text, quotes: false, into: &out) }

    /// Attribute values: also both quotes, so a value can never end its attribute.
    static func attribute(_ text: String, into out: inout String) { escape(text, quotes: true, into: &out) }

    private static func escape(_ text: String, quotes: Bool, into out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// Attribute names come from our code, but a data-driven `data-*` name must not break out either.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    || $0 == "_" || $0 == ":"
            }
    }

    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "cite", "data",
    ]

    static func isURLAttribute(_ name: String) -> Bool { urlAttributes.contains(name.lowercased()) }

    /// Relative URLs and http(s), mailto and tel pass; any other scheme (javascript:, data:, vbscript:) becomes `#`.
    /// Browsers ignore tabs, newlines and leading spaces in a scheme, so those are stripped before checking.
    static func safeURL(_ url: String) -> String {
        let compact = String(url.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" }).lowercased()
        guard let colon = compact.firstIndex(of: ":") else { return url }
        let beforeColon = compact[..<colon]
        // A colon after a slash, ? or # belongs to the path or query, not to a scheme — unless an entity-like `&`
        // precedes it, which has no business in a link we write ourselves.
        if beforeColon.contains(where: { "/?#".contains($0) }), !beforeColon.contains("&") { return url }
        return ["http", "https", "mailto", "tel"].contains(String(beforeColon)) ? url : "#"
    }
}
