/// The wijken of the knowledge programme "Nieuwe perspectieven voor stedelijke vernieuwing" (Platform31/G32,
/// 2016–2017) that match or approximate a CBS wijk of KWB 2022. Source: Platform31 programme page and AD, March
/// 2017, as summarised in docs of the programme; a programme wijk is not always a CBS wijk.
public enum ProgrammeWijken {
    public struct Entry: Sendable, Hashable {
        public var city: String
        public var wijk: String
        public var code: RegionCode
        /// True when the CBS wijk only stands in for the programme's area ("benadering").
        public var approximate: Bool
        public var note: String
    }

    public static let cbsMatches: [Entry] = [
        Entry(
            city: "Emmen", wijk: "Angelslo", code: RegionCode("WK011443")!, approximate: false,
            note: "CBS-wijk Angelslo"),
        Entry(
            city: "Haarlem", wijk: "Meerwijk", code: RegionCode("WK039221")!, approximate: false,
            note: "CBS-wijk Meerwijk"),
        Entry(
            city: "Delft", wijk: "Buitenhof", code: RegionCode("WK050325")!, approximate: false,
            note: "CBS-wijk Buitenhof"),
        Entry(
            city: "Zoetermeer", wijk: "Meerzicht", code: RegionCode("WK063701")!, approximate: false,
            note: "CBS-wijk Meerzicht"),
        Entry(
            city: "Kerkrade", wijk: "Kerkrade-West", code: RegionCode("WK092800")!, approximate: false,
            note: "CBS-wijk Kerkrade-West"),
        Entry(
            city: "Groningen", wijk: "Selwerd", code: RegionCode("WK001410")!, approximate: true,
            note: "Selwerd ligt in de CBS-wijk Noordwest; die wijk is groter dan Selwerd"),
        Entry(
            city: "Eindhoven", wijk: "Jagershoef", code: RegionCode("WK077251")!, approximate: true,
            note: "Jagershoef is een buurt in de CBS-wijk Ontginning"),
        Entry(
            city: "Schiedam", wijk: "Schiedam-Oost", code: RegionCode("WK060601")!, approximate: true,
            note: "Schiedam-Oost ligt dicht bij de CBS-wijk Oost; de afbakening verschilt"),
    ]

    public static func entry(for code: RegionCode) -> Entry? { cbsMatches.first { $0.code == code } }
}
