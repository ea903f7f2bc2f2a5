import Foundation

/// The indicator catalogue: every indicator Wijkradar knows, and how each source names it.
public struct IndicatorCatalogue: Sendable {
    public let indicators: [Indicator]
    /// The file layouts the catalogue covers, oldest first.
    public let layouts: [SourceLayout]
    private let byID: [String: Int]
    private let byName: [SourceScheme: [String: String]]
    private let meta: [SourceScheme: Set<String>]

    public init(
        indicators: [Indicator], meta: [SourceScheme: [String]] = [:], layouts: [SourceLayout] = []
    ) throws {
        var byID: [String: Int] = [:]
        var byName: [SourceScheme: [String: String]] = [:]
        for (index, indicator) in indicators.enumerated() {
            guard byID[indicator.id] == nil else { throw CatalogueError.duplicateID(indicator.id) }
            byID[indicator.id] = index
            for (scheme, names) in indicator.names {
                for name in names {
                    let key = scheme.key(name)
                    if let other = byName[scheme]?[key] {
                        throw CatalogueError.duplicateName(
                            scheme: scheme, name: name, first: other, second: indicator.id)
                    }
                    byName[scheme, default: [:]][key] = indicator.id
                }
            }
        }
        for indicator in indicators {
            if case .weightedMean(let weight) = indicator.aggregation, byID[weight] == nil {
                throw CatalogueError.unknownWeight(indicator: indicator.id, weight: weight)
            }
        }
        self.indicators = indicators
        self.byID = byID
        self.byName = byName
        self.meta = meta.reduce(into: [:]) { result, entry in result[entry.key] = Set(entry.value.map(entry.key.key)) }
        self.layouts = layouts.sorted { ($0.years.first ?? 0, $0.id) < ($1.years.first ?? 0, $1.id) }
    }

    /// The catalogue shipped with Wijkradar.
    public static let standard: IndicatorCatalogue = {
        do {
            guard let url = Bundle.module.url(forResource: "indicators", withExtension: "json") else {
                throw CatalogueError.missingFile
            }
            return try load(from: Data(contentsOf: url))
        } catch {
            // NB: the catalogue is part of the program; a broken one is a build defect, caught by CatalogueTests.
            fatalError("Indicatorcatalogus kan niet worden gelezen: \(error)")
        }
    }()

    public static func load(from data: Data) throws -> IndicatorCatalogue {
        struct File: Decodable {
            let indicators: [Indicator]
            let meta: [String: [String]]?
            let layouts: [SourceLayout]?
        }
        let file = try JSONDecoder().decode(File.self, from: data)
        var meta: [SourceScheme: [String]] = [:]
        for (key, names) in file.meta ?? [:] {
            guard let scheme = SourceScheme(rawValue: key) else { throw CatalogueError.unknownScheme(key) }
            meta[scheme] = names
        }
        return try IndicatorCatalogue(indicators: file.indicators, meta: meta, layouts: file.layouts ?? [])
    }

    public subscript(id: String) -> Indicator? { byID[id].map { indicators[$0] } }

    /// The indicator's place in the catalogue, which is the order tables show them in (unknown ids last).
    public func position(of id: String) -> Int { byID[id] ?? Int.max }

    /// The indicator a source column stands for, matched case-insensitively (and for `pdok` without underscores).
    public func indicator(named name: String, in scheme: SourceScheme) -> Indicator? {
        byName[scheme]?[scheme.key(name)].flatMap { self[$0] }
    }

    /// Whether a column names or describes the region (code, name, postcode) rather than measuring it.
    public func isRegionColumn(_ name: String, in scheme: SourceScheme) -> Bool {
        meta[scheme]?.contains(scheme.key(name)) ?? false
    }

    /// The layouts CBS published for a year, and the indicators they hold.
    public func layouts(in year: Int) -> [SourceLayout] { layouts.filter { $0.years.contains(year) } }
}

public enum CatalogueError: Error, CustomStringConvertible {
    case missingFile
    case duplicateID(String)
    case duplicateName(scheme: SourceScheme, name: String, first: String, second: String)
    case unknownWeight(indicator: String, weight: String)
    case unknownScheme(String)

    public var description: String {
        switch self {
        case .missingFile: "indicators.json ontbreekt in de programmabundel"
        case .duplicateID(let id): "indicator \(id) staat twee keer in de catalogus"
        case .duplicateName(let scheme, let name, let first, let second):
            "naam \(name) (\(scheme.rawValue)) hoort bij zowel \(first) als \(second)"
        case .unknownWeight(let indicator, let weight): "indicator \(indicator) weegt met onbekende indicator \(weight)"
        case .unknownScheme(let key): "naamschema \(key) is onbekend"
        }
    }
}
