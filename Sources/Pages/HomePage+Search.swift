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

    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }
}
