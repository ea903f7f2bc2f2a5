/// Turns nodes into markup. The only place where text becomes HTML, so the only place escaping happens.
///
/// It writes UTF-8 bytes into one buffer: the characters that need escaping are all ASCII, so escaping works on
/// bytes and never needs to look at a `Character` (a grapheme check per character cost a quarter of a page).
extension Node {
    public func render() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        render(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A full HTML document with its doctype.
    public func renderDocument() -> String {
        var out: [UInt8] = Array("<!DOCTYPE html>\n".utf8)
        out.reserveCapacity(65_536)
        render(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func render(into out: inout [UInt8]) {
        switch self {
        case .text(let text):
            Escape.text(text, into: &out)
        case .raw(let markup):
            out.append(contentsOf: markup.utf8)
        case .fragment(let nodes):
            for node in nodes { node.render(into: &out) }
        case .element(let name, let attributes, let children):
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name.utf8)
            for attribute in attributes where Escape.isSafeName(attribute.name) {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: attribute.name.utf8)
                if let value = attribute.value {
                    out.append(UInt8(ascii: "="))
                    out.append(UInt8(ascii: "\""))
                    Escape.attribute(Escape.isURLAttribute(attribute.name) ? Escape.safeURL(value) : value, into: &out)
                    out.append(UInt8(ascii: "\""))
                }
            }
            out.append(UInt8(ascii: ">"))
            if Node.voidElements.contains(name) { return }
            // NB: script and style content is not parsed as text by browsers; only our own constants go there.
            for child in children { child.render(into: &out) }
            out.append(UInt8(ascii: "<"))
            out.append(UInt8(ascii: "/"))
            out.append(contentsOf: name.utf8)
            out.append(UInt8(ascii: ">"))
        }
    }
}

enum Escape {
    /// Text content: `& < >`.
    static func text(_ text: String, into out: inout [UInt8]) { escape(text, quotes: false, into: &out) }

    /// Attribute values: also both quotes, so a value can never end its attribute.
    static func attribute(_ text: String, into out: inout [UInt8]) { escape(text, quotes: true, into: &out) }

    private static func escape(_ text: String, quotes: Bool, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var clean = 0  // the start of bytes not yet written that need no escaping
            for index in bytes.indices {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
                case UInt8(ascii: "'") where quotes: replacement = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
                out.append(
                    contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                clean = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
        }
    }

    /// Attribute names come from our code, but a data-driven `data-*` name must not break out either.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":")
            }
    }

    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "cite", "data",
    ]

    static func isURLAttribute(_ name: String) -> Bool {
        urlAttributes.contains(name)
            || name.utf8.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
                && urlAttributes.contains(name.lowercased())
    }

    /// Relative URLs and http(s), mailto and tel pass; any other scheme (javascript:, data:, vbscript:) becomes `#`.
    /// Browsers ignore tabs, newlines and leading spaces in a scheme, so those are stripped before checking.
    static func safeURL(_ url: String) -> String {
        // Without a colon there is no scheme: nearly every link (`/regio/…`) stops here.
        guard url.utf8.contains(UInt8(ascii: ":")) else { return url }
        let compact = String(url.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" }).lowercased()
        guard let colon = compact.firstIndex(of: ":") else { return url }
        let beforeColon = compact[..<colon]
        // A colon after a slash, ? or # belongs to the path or query, not to a scheme — unless an entity-like `&`
        // precedes it, which has no business in a link we write ourselves.
        if beforeColon.contains(where: { "/?#".contains($0) }), !beforeColon.contains("&") { return url }
        return ["http", "https", "mailto", "tel"].contains(String(beforeColon)) ? url : "#"
    }
}
