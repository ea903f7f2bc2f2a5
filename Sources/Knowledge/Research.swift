/// A study or publication the programme draws on ("analyse van bestaand onderzoek en open data"), citable from wijk
/// pages, records and reports.
public struct Research: Sendable, Equatable, Codable {
    public var title: String
    public var authors: String
    public var year: Int?
    public var publisher: String
    public var link: String
    public var summary: String
    /// CBS codes of the wijken it is about.
    public var regionCodes: [String]
    public var themes: [String]
    public var aspects: [Aspect]

    public init(
        title: String, authors: String, year: Int?, publisher: String, link: String, summary: String,
        regionCodes: [String] = [],
        themes: [String] = [], aspects: [Aspect] = []
    ) {
        (self.title, self.authors, self.year, self.publisher, self.link, self.summary) = (
            title, authors, year, publisher, link, summary
        )
        (self.regionCodes, self.themes, self.aspects) = (regionCodes, themes, aspects)
    }

    public func problems(currentYear: Int) -> [String] {
        var result: [String] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { result.append("Titel: vul de titel in.") }
        if authors.trimmingCharacters(in: .whitespaces).isEmpty
            && publisher.trimmingCharacters(in: .whitespaces).isEmpty
        {
            result.append("Auteurs of uitgever: vul minstens één van beide in, zodat de bron te vinden is.")
        }
        if let year, !(1900...currentYear + 1).contains(year) {
            result.append("Jaar: \(year) is geen geldig jaar van verschijnen.")
        }
        if !link.isEmpty, !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
            result.append("Link: '\(link)' is geen webadres.")
        }
        for code in regionCodes where !(code.hasPrefix("WK") || code.hasPrefix("BU") || code.hasPrefix("GM")) {
            result.append("Wijken: '\(code)' is geen CBS-code.")
        }
        return result
    }

    /// "Platform31 (2017). Titel." — for citing.
    public var citation: String {
        let who = authors.isEmpty ? publisher : authors
        return "\(who) (\(year.map(String.init) ?? "z.j.")). \(title)."
            + (authors.isEmpty || publisher.isEmpty ? "" : " \(publisher).")
    }

    public var searchDocument: SearchDocument {
        var facets: [Facet: [String]] = [.kind: ["onderzoek"], .theme: themes, .aspect: aspects.map(\.rawValue)]
        if let year { facets[.year] = [String(year)] }
        return SearchDocument(
            title: title, body: [authors, publisher, summary, themes.joined(separator: " ")].joined(separator: "\n"),
            facets: facets, regions: regionCodes)
    }
}
