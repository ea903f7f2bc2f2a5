/// Where a "return to" address (after signing in, after a form) may lead: only to a path on this site.
///
/// A browser removes tabs and line breaks from an address and reads `\` as `/`, so `/\t/evil.example` and
/// `/\evil.example` both end on another host; `//host` is another host as it stands. Only printable ASCII is
/// accepted: anything else in a real path of this site arrives percent-encoded.
public enum LocalPath {
    /// The path when it stays on this site, otherwise nil.
    public static func validated(_ path: String?) -> String? {
        guard let path else { return nil }
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/"), bytes.count <= 2048 else { return nil }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") || bytes[1] == UInt8(ascii: "\\") { return nil }
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }) else { return nil }
        return path
    }

    /// The path when it stays on this site, otherwise the home page.
    public static func orHome(_ path: String?) -> String { validated(path) ?? "/" }
}
