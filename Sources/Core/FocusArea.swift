/// A named set of CBS regions of one level, e.g. a programme wijk made of buurten ("een VROM-wijk is geen CBS-wijk").
public struct FocusArea: Hashable, Codable, Sendable {
    public var slug: String
    public var name: String
    /// Why these regions, and where they only approximate the area (shown as "benadering").
    public var note: String
    public var members: [RegionCode]
    /// Increases with every change; an edit based on an older version is refused.
    public var version: Int

    public init(slug: String, name: String, note: String, members: [RegionCode], version: Int = 1) {
        self.slug = slug
        self.name = name
        self.note = note
        self.members = members
        self.version = version
    }

    /// The address of an area made from its name: "Selwerd en omgeving" → "selwerd-en-omgeving"; nil when the name
    /// has no letter or digit to make one from.
    public static func slug(from name: String) -> String? {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let slug = words.prefix(12).joined(separator: "-")
        return slug.isEmpty ? nil : String(slug.prefix(80))
    }

    /// The level of the members, when they share one.
    public var level: RegionLevel? {
        let levels = Set(members.map(\.level))
        return levels.count == 1 ? levels.first : nil
    }
}

public enum FocusAreaError: Error, CustomStringConvertible, Equatable {
    case invalidSlug(String)
    case noMembers
    case mixedLevels
    case notFound(String)
    case exists(String)
    case conflict(slug: String, expected: Int, actual: Int)
    case unknownRegions([String])

    public var description: String {
        switch self {
        case .invalidSlug(let slug): "'\(slug)' is geen geldige naam: gebruik kleine letters, cijfers en streepjes"
        case .noMembers: "een focusgebied heeft minstens één CBS-regio nodig"
        case .mixedLevels:
            "alle regio's van een focusgebied moeten van hetzelfde niveau zijn (alleen buurten of alleen wijken)"
        case .notFound(let slug): "focusgebied '\(slug)' bestaat niet (zie 'wijkradar focus list')"
        case .exists(let slug): "focusgebied '\(slug)' bestaat al; wijzig het met 'wijkradar focus edit'"
        case .conflict(let slug, let expected, let actual):
            "focusgebied '\(slug)' is intussen gewijzigd (versie \(actual), u bewerkte versie \(expected)); haal het opnieuw op en probeer het nog eens"
        case .unknownRegions(let codes): "deze regio's staan niet in Wijkradar: \(codes.joined(separator: ", "))"
        }
    }
}
