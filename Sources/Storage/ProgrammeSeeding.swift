import Core
import Foundation
import Programme

/// Loads the real programme (Nieuwe perspectieven, 2016–2017) into an empty database: the programme, its eleven
/// known cities and wijken with their sourced facts, and a focus area for each wijk that matches CBS wijken.
/// Nothing is invented: no themes, meetings or participants — those are the programme office's to enter.
public struct ProgrammeSeeding: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Seeds when no programme exists yet; returns whether it did.
    @discardableResult
    public func seedIfEmpty(_ seed: ProgrammeSeed? = nil) async throws -> Bool {
        guard try await ProgrammeStore(store: store).all().isEmpty else { return false }
        let seed = try seed ?? ProgrammeSeed.load()
        let actor = "Wijkradar (startgegevens)"
        let from = Day(iso: seed.programme.meetingsFromMonth + "-01")!
        let until = Day(iso: seed.programme.meetingsUntilMonth + "-01")!.endOfMonth
        let programme = try await ProgrammeStore(store: store).create(
            ProgrammeInfo(
                slug: "nieuwe-perspectieven-2016", name: seed.programme.name, organiser: seed.programme.organiser,
                startsOn: from, endsOn: until,
                summary:
                    "Twaalf steden, elk met één wijk, leren van elkaar in vier themabijeenkomsten (\(seed.programme.period)). "
                    + "De bronnen noemen maanden; de periode loopt daarom van de eerste tot de laatste dag van die maanden.",
                source: seed.programme.source, plannedCities: seed.wijken.count), actor: actor)
        for wijk in seed.wijken where !wijk.open {
            guard let cityName = wijk.city, let code = wijk.municipalityCode, let wijkName = wijk.wijk else { continue }
            var city = ProgrammeCity(
                programmeID: programme.id, municipalityCode: code, cityName: cityName, wijkName: wijkName,
                descriptors: Self.descriptors(wijk.facts ?? []), source: wijk.nameSource ?? seed.programme.source)
            if let period = wijk.facts?.first(where: { $0.field == "bouwperiode" })?.value {
                (city.buildFrom, city.buildTo) = Self.years(period)
            }
            if let text = wijk.facts?.first(where: { $0.field == "inwoners" })?.value, let count = Int(text) {
                city.inhabitants = count
            }
            if let area = wijk.cbsArea {
                city.focusAreaSlug = try await linkFocusArea(city: cityName, wijk: wijkName, area: area)
            }
            _ = try await ProgrammeStore(store: store).addCity(city, actor: actor)
        }
        return true
    }

    /// A focus area for the wijk, when its CBS regions are in the database (the bundled data has every 2022 wijk).
    private func linkFocusArea(city: String, wijk: String, area: ProgrammeSeed.CBSArea) async throws -> String? {
        let codes = area.codes.compactMap { RegionCode($0) }
        guard !codes.isEmpty else { return nil }
        let slug = Self.slug("programma \(city) \(wijk)")
        let note = (area.approximate ? "Benadering: " : "") + area.note + " (bron: \(area.source))"
        do {
            _ = try await FocusAreaStore(store: store).create(
                FocusArea(slug: slug, name: "\(wijk) (\(city))", note: note, members: codes))
            return slug
        } catch FocusAreaError.unknownRegions {
            return nil
        }
    }

    /// The seed's facts as descriptors; several facts of one kind become one descriptor with all their sources.
    static func descriptors(_ facts: [ProgrammeSeed.Fact]) -> [Descriptor] {
        let fields: [(String, DescriptorField)] = [
            ("bouwperiode", .buildPeriod), ("inwoners", .size), ("opmerking", .note), ("postcode", .note),
        ]
        var result: [Descriptor] = []
        for (name, field) in fields {
            for fact in facts where fact.field == name {
                var value = fact.value
                if name == "inwoners" { value = "inwoners: " + value + (fact.asOf.map { " (peildatum \($0))" } ?? "") }
                if name == "postcode" { value = "postcodegebied " + value }
                if let i = result.firstIndex(where: { $0.field == field }) {
                    result[i].value += "; " + value
                    if !result[i].source.contains(fact.source) { result[i].source += "; " + fact.source }
                } else {
                    result.append(Descriptor(field: field, value: value, source: fact.source))
                }
            }
        }
        return result
    }

    /// "1958-1968" → (1958, 1968); "vanaf 1965 (…)" → (1965, nil); anything else → nothing.
    static func years(_ text: String) -> (Int?, Int?) {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter {
            (1000...2100).contains($0)
        }
        if text.hasPrefix("vanaf"), let first = numbers.first { return (first, nil) }
        if numbers.count == 2, text.range(of: #"^\d{4}\s*[-–]\s*\d{4}$"#, options: .regularExpression) != nil {
            return (numbers[0], numbers[1])
        }
        return (nil, nil)
    }

    static func slug(_ text: String) -> String {
        let folded = text.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl_NL")
        ).lowercased()
        return folded.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
    }
}
