import Foundation

/// Whether a higher value is better, worse or neither for a neighbourhood.
public enum Direction: String, Codable, Sendable {
    case higherBetter = "higher_better"
    case higherWorse = "higher_worse"
    case neutral
}

/// How an indicator combines over several regions (a focus area, a custom selection).
public enum Aggregation: Hashable, Codable, Sendable {
    case sum
    /// Mean weighted by another indicator of the catalogue (e.g. WOZ value weighted by dwellings).
    case weightedMean(weight: String)
    /// Medians, classes and composite scores cannot be combined honestly.
    case none

    private enum CodingKeys: String, CodingKey { case rule, weight }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .rule) {
        case "sum": self = .sum
        case "weighted_mean": self = .weightedMean(weight: try c.decode(String.self, forKey: .weight))
        case "none": self = .none
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .rule, in: c, debugDescription: "Onbekende aggregatieregel \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .sum: try c.encode("sum", forKey: .rule)
        case .weightedMean(let weight):
            try c.encode("weighted_mean", forKey: .rule)
            try c.encode(weight, forKey: .weight)
        case .none: try c.encode("none", forKey: .rule)
        }
    }
}

/// The naming schemes in which Dutch neighbourhood data arrive (see docs/GLOSSARY.md).
public enum SourceScheme: String, Codable, Sendable, CaseIterable {
    /// Short names of the CBS "Kerncijfers wijken en buurten" Excel/CSV downloads (`a_inw`).
    case kwb
    /// StatLine OData key stems, without the year-specific suffix (`AantalInwoners` for `AantalInwoners_5`).
    case statline
    /// Column names of the Leefbaarometer 3.0 score files (`lbm`, `fys`).
    case leefbaarometer
    /// English names of the tmap R package's KWB 2022 extract (`population`).
    case tmap
    /// Ten-character names of the CBS Wijk- en Buurtkaart shapefiles (`aant_inw`).
    case wbk
    /// Renamed columns of the kwb-2019 gemeente extract (`population`, `b_00_14`).
    case kwb2019
    /// Long names of the Wijk- en Buurtkaart GeoPackage and the PDOK services, in snake_case or camelCase
    /// (`aantal_inwoners`, `aantalInwoners`): matched without case and underscores.
    case pdok

    /// The form a name is compared in: lowercase; for `pdok` also without underscores, so both spellings meet.
    public func key(_ name: String) -> String {
        let lower = name.trimmingCharacters(in: .whitespaces).lowercased()
        return self == .pdok ? lower.replacingOccurrences(of: "_", with: "") : lower
    }
}

/// One entry of the indicator catalogue (`Sources/Core/Resources/indicators.json`).
public struct Indicator: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    /// Dutch label as a user reads it.
    public var label: String
    public var unit: String
    public var domain: String
    public var direction: Direction
    public var aggregation: Aggregation
    public var decimals: Int
    /// Origin-based (migration background) indicators: shown as context at most, never in a score or warning.
    public var stigmatising: Bool
    public var names: [SourceScheme: [String]]
    /// Values outside this range are impossible, not unusual (1e29 inhabitants, 250 %); imports refuse them.
    public var plausibleRange: ClosedRange<Double>?
    /// The years CBS published it in a layout Wijkradar verified (`scripts/layouts/`); empty for other sources.
    public var years: [Int] = []

    public init(
        id: String, label: String, unit: String, domain: String, direction: Direction,
        aggregation: Aggregation, decimals: Int, stigmatising: Bool, names: [SourceScheme: [String]]
    ) {
        self.id = id
        self.label = label
        self.unit = unit
        self.domain = domain
        self.direction = direction
        self.aggregation = aggregation
        self.decimals = decimals
        self.stigmatising = stigmatising
        self.names = names
    }

    private enum CodingKeys: String, CodingKey {
        case id, label, unit, domain, direction, aggregation, decimals, stigmatising, names, range, years
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        unit = try c.decode(String.self, forKey: .unit)
        domain = try c.decode(String.self, forKey: .domain)
        direction = try c.decode(Direction.self, forKey: .direction)
        aggregation = try c.decode(Aggregation.self, forKey: .aggregation)
        decimals = try c.decode(Int.self, forKey: .decimals)
        stigmatising = try c.decode(Bool.self, forKey: .stigmatising)
        let raw = try c.decode([String: [String]].self, forKey: .names)
        var names: [SourceScheme: [String]] = [:]
        for (key, value) in raw {
            guard let scheme = SourceScheme(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .names, in: c, debugDescription: "Onbekend naamschema \(key)")
            }
            names[scheme] = value
        }
        self.names = names
        if let bounds = try c.decodeIfPresent([Double].self, forKey: .range) {
            guard bounds.count == 2, bounds[0] <= bounds[1] else {
                throw DecodingError.dataCorruptedError(
                    forKey: .range, in: c, debugDescription: "Bereik moet [minimum, maximum] zijn")
            }
            plausibleRange = bounds[0]...bounds[1]
        }
        years = try c.decodeIfPresent([Int].self, forKey: .years) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encode(unit, forKey: .unit)
        try c.encode(domain, forKey: .domain)
        try c.encode(direction, forKey: .direction)
        try c.encode(aggregation, forKey: .aggregation)
        try c.encode(decimals, forKey: .decimals)
        try c.encode(stigmatising, forKey: .stigmatising)
        try c.encode(Dictionary(uniqueKeysWithValues: names.map { ($0.key.rawValue, $0.value) }), forKey: .names)
        try c.encodeIfPresent(plausibleRange.map { [$0.lowerBound, $0.upperBound] }, forKey: .range)
        try c.encode(years, forKey: .years)
    }
}
