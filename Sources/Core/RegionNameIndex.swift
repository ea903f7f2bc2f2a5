import Foundation

/// Search over region names and codes, insensitive to case and accents ("sudwest" finds Súdwest-Fryslân).
/// The one search behind the web app, the API and `wijkradar region NAAM`.
public struct RegionNameIndex: Sendable {
    struct Entry: Sendable {
        var code: RegionCode
        var name: String
        var folded: String
    }

    let entries: [Entry]

    public init(names: [RegionCode: String]) {
        entries = names.map { Entry(code: $0.key, name: $0.value, folded: Self.fold($0.value)) }
            .sorted { $0.code < $1.code }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// Exact code first, then names equal to the query, with a word equal to it, starting with it, containing it;
    /// gemeenten before wijken before buurten within each group.
    public func search(_ query: String, limit: Int = 50) -> [(code: RegionCode, name: String)] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        if let code = RegionCode(trimmed), let entry = entries.first(where: { $0.code == code }) {
            return [(entry.code, entry.name)]
        }
        let needle = Self.fold(trimmed)
        let scored: [(Int, Entry)] = entries.compactMap { entry in
            let words = entry.folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            if entry.folded == needle { return (0, entry) }
            if words.contains(where: { $0 == needle[...] }) { return (1, entry) }
            if entry.folded.hasPrefix(needle) || words.contains(where: { $0.hasPrefix(needle) }) { return (2, entry) }
            if entry.folded.contains(needle) || entry.code.rawValue.lowercased().hasPrefix(needle) { return (3, entry) }
            return nil
        }
        return scored.sorted { ($0.0, $0.1.code.level, $0.1.name) < ($1.0, $1.1.code.level, $1.1.name) }
            .prefix(limit).map { ($0.1.code, $0.1.name) }
    }
}
