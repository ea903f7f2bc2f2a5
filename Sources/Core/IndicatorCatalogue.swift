import Foundation

/// The indicator catalogue: every indicator Wijkradar knows, and how each source names it.
public struct IndicatorCatalogue: Sendable {
    public let indicators: [Indicator]
    private let byID: [String: Int]
    private let byName: [SourceScheme: [String: String]]

    public init(indicators: [Indicator]) throws {
        var byID: [String: Int] = [:]
        var byName: [SourceScheme: [String: String]] = [:]
        for (index, indicator) in indicators.enumerated() {
            guard byID[indicator.id] == nil else { throw CatalogueError.duplicateID(indicator.id) }
            byID[indicator.id] = index
            for (scheme, names) in indicator.names {
                for name in names {
                    let key = name.lowercased()
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
        struct File: Decodable { let indicators: [Indicator] }
        return try IndicatorCatalogue(indicators: JSONDecoder().decode(File.self, from: data).indicators)
    }

    public subscript(id: String) -> Indicator? { byID[id].map { indicators[$0] } }

    /// The indicator's place in the catalogue, which is the order tables show them in (unknown ids last).
    public func position(of id: String) -> Int { byID[id] ?? Int.max }

    /// The indicator a source column stands for, matched case-insensitively.
    public func indicator(named name: String, in scheme: SourceScheme) -> Indicator? {
        byName[scheme]?[name.lowercased()].flatMap { self[$0] }
    }
}

public enum CatalogueError: Error, CustomStringConvertible {
    case missingFile
    case duplicateID(String)
    case duplicateName(scheme: SourceScheme, name: String, first: String, second: String)
    case unknownWeight(indicator: String, weight: String)

    public var description: String {
        switch self {
        case .missingFile: "indicators.json ontbreekt in de programmabundel"
        case .duplicateID(let id): "indicator \(id) staat twee keer in de catalogus"
        case .duplicateName(let scheme, let name, let first, let second):
            "naam \(name) (\(scheme.rawValue)) hoort bij zowel \(first) als \(second)"
        case .unknownWeight(let indicator, let weight): "indicator \(indicator) weegt met onbekende indicator \(weight)"
        }
    }
}
