import Knowledge

/// A study for the research register.
struct ResearchForm: Decodable {
    var title, authors, year, publisher, link, summary, wijken, themes: String
    var linking, parties, financing, regulation: Bool

    enum CodingKeys: String, CodingKey {
        case title = "titel", authors = "auteurs", year = "jaar", publisher = "uitgever", link, summary =
            "samenvatting", wijken
        case themes = "themas", linking = "aspect_koppelen", parties = "aspect_partijen", financing =
            "aspect_financiering"
        case regulation = "aspect_regelgeving"
    }

    var aspects: [Aspect] {
        [(linking, Aspect.linking), (parties, .parties), (financing, .financing), (regulation, .regulation)].filter(\.0)
            .map(\.1)
    }
}

/// A city that adopted an intervention.
struct TransferForm: Decodable {
    var city, wijk, year, understood, adapted, reused, result: String

    enum CodingKeys: String, CodingKey {
        case city = "stad", wijk, year = "jaar", understood = "begrepen", adapted = "aangepast", reused = "hergebruikt",
            result = "resultaat"
    }
}

/// Merging an opgave into another (`into`), over the version the page showed.
struct MergeForm: Decodable {
    var into: Int?
    var version: Int?

    enum CodingKeys: String, CodingKey { case into = "met", version = "versie" }
}

/// Any change that only carries the version the page showed (removing a record).
struct VersionForm: Decodable {
    var version: Int?

    enum CodingKeys: String, CodingKey { case version = "versie" }
}
