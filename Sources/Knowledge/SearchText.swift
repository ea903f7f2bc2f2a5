import Foundation

/// Text as the search index sees it, the same way on both databases: accents folded (ideeën = ideeen), then on
/// SQLite split into words, stop words dropped and each word stemmed here; on PostgreSQL the folded text goes to
/// `to_tsvector('dutch', …)`, which uses the same stop words (Snowball's list, `Resources/dutch.stop`, as shipped with
/// PostgreSQL) and the same stemmer.
public enum SearchText {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
    }

    /// Index terms for SQLite FTS5: folded, lower-case words without stop words, stemmed; words with digits (CBS
    /// codes, years) are kept whole, as PostgreSQL does.
    public static func terms(_ text: String) -> [String] {
        fold(text).lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            .filter { !stopWords.contains($0) }
            .map { $0.contains(where: \.isNumber) ? $0 : DutchStemmer.stem($0) }
    }

    static let stopWords: Set<String> = {
        guard let url = Bundle.module.url(forResource: "dutch", withExtension: "stop"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return Set(
            text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            })
    }()
}

/// What the index holds for one record: a title (weighted higher), a body, facet values to filter and count on, and
/// the CBS regions the record is about (so a wijk page finds its records in one query).
public struct SearchDocument: Sendable, Equatable {
    public var title: String
    public var body: String
    public var facets: [Facet: [String]]
    public var regions: [String]

    public init(title: String, body: String, facets: [Facet: [String]], regions: [String] = []) {
        (self.title, self.body, self.facets, self.regions) = (title, body, facets, regions)
    }
}

public enum Facet: String, CaseIterable, Sendable, Codable {
    case kind = "soort", theme = "thema", aspect = "aspect", city = "stad", evidence = "bewijs", funding = "financier",
        partyKind = "partij", year = "jaar"

    public var label: String {
        switch self {
        case .kind: "Soort"
        case .theme: "Thema"
        case .aspect: "Aspect"
        case .city: "Stad"
        case .evidence: "Bewijsniveau"
        case .funding: "Financiering"
        case .partyKind: "Soort partij"
        case .year: "Jaar"
        }
    }
}

extension Intervention {
    public var searchDocument: SearchDocument {
        let text = [
            city, wijk, themes.joined(separator: " "), problem, aim, targetGroup, approach, whyItWorks, results,
            emmie.effect, emmie.mechanism, emmie.context, emmie.implementation, emmie.economics, transferability,
            parties.map { "\($0.name) \($0.kind)" }.joined(separator: " "),
            money.map { "\($0.source) \($0.note)" }.joined(separator: " "),
            financingModel, regulation,
        ]
        var facets: [Facet: [String]] = [
            .kind: ["interventie"], .theme: themes, .aspect: aspects.map(\.rawValue), .city: [city],
            .evidence: [evidence.rawValue], .funding: money.map(\.source), .partyKind: parties.map(\.kind),
        ]
        if let startYear { facets[.year] = [String(startYear)] }
        return SearchDocument(
            title: title, body: text.filter { !$0.isEmpty }.joined(separator: "\n"), facets: facets,
            regions: regionCode.map { [$0] } ?? [])
    }
}

extension Opgave {
    public func searchDocument(cities: [String]) -> SearchDocument {
        let aspectText = Aspect.allCases.compactMap { positions[$0] }.joined(separator: "\n")
        return SearchDocument(
            title: title, body: [description, kind, aspectText, cities.joined(separator: " ")].joined(separator: "\n"),
            facets: [
                .kind: ["opgave"], .aspect: Aspect.allCases.filter { !(positions[$0] ?? "").isEmpty }.map(\.rawValue),
                .city: cities, .theme: kind.isEmpty ? [] : [kind],
            ])
    }
}
