import Core
import Foundation

extension HomePage {
    /// The programme's wijken by the name the programme uses, also where that is a buurt or an area CBS does not
    /// have (Selwerd, Jagershoef): they lead to the CBS wijk that stands in for them, which says so.
    public static func programmeWijken(matching query: String) -> [Result] {
        let needle = fold(query)
        guard needle.count >= 3 else { return [] }
        return ProgrammeWijken.cbsMatches.filter { fold($0.wijk).contains(needle) }.map { entry in
            Result(
                code: entry.code.rawValue, name: entry.wijk, level: "programmawijk", municipality: entry.city,
                note: entry.approximate ? "benaderd: \(entry.note)" : nil)
        }
    }

    /// Focus areas whose name holds the query: a programme wijk that staff made from its buurten is found by its
    /// own name and leads to its own figures.
    public static func focusAreas(_ areas: [FocusArea], matching query: String, municipality: (RegionCode) -> String)
        -> [Result]
    {
        let needle = fold(query)
        guard needle.count >= 3 else { return [] }
        return areas.filter { fold($0.name).contains(needle) }.map { area in
            let noun = area.level == .district ? ("wijk", "wijken") : ("buurt", "buurten")
            let municipalities = Set(area.members.map { municipality($0.municipality) }).sorted()
            return Result(
                code: area.slug, name: area.name,
                level: "focusgebied van " + DutchFormat.count(area.members.count, noun.0, noun.1),
                // A focus area may span gemeenten: the noun comes with the names.
                municipality: (municipalities.count == 1 ? "gemeente " : "gemeenten ")
                    + DutchFormat.list(municipalities),
                path: SiteURL.focusArea(area.slug).path)
        }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }
}
