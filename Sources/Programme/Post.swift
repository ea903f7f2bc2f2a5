import Foundation

/// A blog post or news item of the programme, written in Markdown. Public only when published and its time has
/// come: a published post with a later time is *scheduled*.
public struct Post: Sendable, Equatable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case blog, news = "nieuws"
        public var label: String { self == .blog ? "Blog" : "Nieuws" }
    }

    public enum State: String, CaseIterable, Sendable, Codable {
        case draft = "concept", published = "gepubliceerd"
    }

    /// What a reader sees of the state at a moment.
    public enum Status: String, Sendable { case draft = "concept", scheduled = "gepland", published = "gepubliceerd" }

    /// Tags readers filter on: themes, wijken and cities, as written.
    public struct Tags: Sendable, Equatable, Codable {
        public var themes: [String]
        public var wijken: [String]
        public var cities: [String]

        public init(themes: [String] = [], wijken: [String] = [], cities: [String] = []) {
            (self.themes, self.wijken, self.cities) = (themes, wijken, cities)
        }

        public var all: [String] { themes + wijken + cities }
    }

    public var id: Int
    public var slug: String
    public var kind: Kind
    public var title: String
    public var body: String
    public var author: String
    public var tags: Tags
    public var state: State
    /// Seconds since 1970, UTC.
    public var publishAt: Int
    /// For the editors only; never on a public page or in the feed.
    public var staffNote: String
    public var version: Int
    public var updatedAt: Int

    public init(
        id: Int = 0, slug: String = "", kind: Kind = .blog, title: String, body: String, author: String,
        tags: Tags = Tags(),
        state: State = .draft, publishAt: Int, staffNote: String = "", version: Int = 0, updatedAt: Int = 0
    ) {
        (self.id, self.slug, self.kind, self.title, self.body, self.author) = (id, slug, kind, title, body, author)
        (self.tags, self.state, self.publishAt, self.staffNote, self.version, self.updatedAt) = (
            tags, state, publishAt, staffNote, version, updatedAt
        )
    }

    public func status(at time: Int) -> Status {
        state == .draft ? .draft : (publishAt > time ? .scheduled : .published)
    }

    public func isPublic(at time: Int) -> Bool { status(at: time) == .published }

    /// Dutch messages naming the field; the Markdown of the body is checked by the page that renders it.
    public func problems() -> [String] {
        var problems: [String] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Titel: vul een titel in.") }
        if title.count > 200 { problems.append("Titel: ten hoogste 200 tekens.") }
        if author.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("Auteur: vul de naam van de auteur in.")
        }
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("Tekst: schrijf de tekst van het bericht.")
        }
        return problems
    }

    /// A readable address from the title: lower case, accents folded, words joined by hyphens.
    public static func slug(from title: String) -> String {
        let folded = title.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl"))
        let words = folded.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let slug = words.prefix(10).joined(separator: "-")
        // Addresses the blog itself uses (/blog/nieuw, /blog/afbeelding/…, /blog/feed.xml) are never a post's.
        if slug.isEmpty { return "bericht" }
        return ["nieuw", "afbeelding", "feed-xml"].contains(slug) ? "bericht-" + slug : slug
    }
}
