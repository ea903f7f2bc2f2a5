import Foundation

/// The three CBS region levels Wijkradar works with.
public enum RegionLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case municipality = "gemeente"
    case district = "wijk"
    case neighbourhood = "buurt"

    /// The code prefix CBS uses for this level (`GM`, `WK`, `BU`).
    public var prefix: String {
        switch self {
        case .municipality: "GM"
        case .district: "WK"
        case .neighbourhood: "BU"
        }
    }

    /// Number of characters after the prefix.
    public var digits: Int {
        switch self {
        case .municipality: 4
        case .district: 6
        case .neighbourhood: 8
        }
    }

    /// Dutch name as CBS writes it.
    public var dutchName: String { rawValue }

    /// Parses the CBS level names found in `recs` and `SoortRegio_2` ("Gemeente", "Wijk  ", "Buurt").
    public init?(cbsName: String) {
        switch cbsName.trimmingCharacters(in: .whitespaces).lowercased() {
        case "gemeente": self = .municipality
        case "wijk": self = .district
        case "buurt": self = .neighbourhood
        default: return nil
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.order < rhs.order }
}

/// A CBS region code as CBS writes it: `GM0014`, `WK001410`, `BU00141001`.
///
/// The gemeente and wijk a code belongs to follow from the code itself, which is how CBS builds them.
public struct RegionCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public let level: RegionLevel

    /// Accepts a code with surrounding spaces (StatLine pads them); rejects anything not GM/WK/BU-shaped.
    public init?(_ text: String) {
        // A code as files write it (upper case, no spaces) skips Foundation's trimming: imports check every row.
        let isPlain = text.utf8.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
        let code = isPlain ? text : text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count >= 6, let level = RegionLevel.allCases.first(where: { code.hasPrefix($0.prefix) }) else {
            return nil
        }
        // The gemeente part is always four digits; the wijk and buurt parts are usually digits, but some
        // gemeenten (Amsterdam since 2022: WK0363AA) use letters.
        let rest = code.dropFirst(2)
        guard rest.count == level.digits, rest.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }),
            rest.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) })
        else { return nil }
        self.rawValue = code
        self.level = level
    }

    /// For parts of a code that was validated already: no second check on hot paths (maps, tables).
    private init(validated rawValue: String, level: RegionLevel) {
        self.rawValue = rawValue
        self.level = level
    }

    /// The gemeente this region lies in (itself for a gemeente).
    public var municipality: RegionCode {
        level == .municipality
            ? self : RegionCode(validated: "GM" + rawValue.dropFirst(2).prefix(4), level: .municipality)
    }

    /// Whether the region lies in a gemeente, compared on the code's digits without building a new code.
    public func lies(in municipality: RegionCode) -> Bool {
        rawValue.utf8.dropFirst(2).prefix(4).elementsEqual(municipality.rawValue.utf8.dropFirst(2).prefix(4))
    }

    /// The wijk this region lies in: itself for a wijk, nil for a gemeente.
    public var district: RegionCode? {
        switch level {
        case .municipality: nil
        case .district: self
        case .neighbourhood: RegionCode(validated: "WK" + rawValue.dropFirst(2).prefix(6), level: .district)
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool {
        (lhs.level, lhs.rawValue) < (rhs.level, rhs.rawValue)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = RegionCode(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Geen CBS-regiocode: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
