import Core
import HTML
import Knowledge

/// One opgave, and the register of all opgaven: how often each kind occurs, where, and which data signals the
/// wijken involved show.
public enum OpgavePages {
    /// Support as a state: "Steunen", or "Gesteund ✓" with a button to withdraw it.
    public static func supportButton(_ id: Int, supported: Bool, csrf: String) -> Node {
        supported
            ? span(.class("supported")) {
                strong { "Gesteund ✓ " }
                Forms.button(
                    "Steun intrekken", action: SiteURL.knowledgeSupport(id).path, csrf: csrf,
                    fields: [("actie", "intrekken")], secondary: true)
            }
            : Forms.button("Steunen", action: SiteURL.knowledgeSupport(id).path, csrf: csrf, secondary: true)
    }

    public static func opgave(
        id: Int, _ opgave: Opgave, cities: [String], meeting: (title: String, link: String)?, support: Int,
        mergedInto: (id: Int, title: String)?, byOrganisation: [(organisation: String, count: Int)] = [],
        supportAction: (supported: Bool, csrf: String)? = nil, conversation: Node = .empty
    ) -> Node {
        Layout.page(
            .init(title: opgave.title, description: "Opgave: \(opgave.title)", path: SiteURL.knowledgeRecord(id).path)
        ) {
            p(.class("meta")) {
                a(.href(SiteURL.opgaven.path)) { "Register van opgaven" }; " · opgave"
            }
            h1 { opgave.title }
            if let mergedInto {
                p(.class("note")) {
                    "Samengevoegd met "; a(.href(SiteURL.knowledgeRecord(mergedInto.id).path)) { mergedInto.title }; "."
                }
            }
            p { opgave.description }
            dl(.class("facts")) {
                if !opgave.kind.isEmpty { dt { "Soort" }; dd { opgave.kind } }
                dt { "Speelt in" }; dd { cities.joined(separator: ", ") }
                if let meeting { dt { "Vastgesteld in" }; dd { a(.href(meeting.link)) { meeting.title } } }
                dt { "Steun" }
                dd {
                    DutchFormat.count(support, "steunbetuiging", "steunbetuigingen")
                    if !byOrganisation.isEmpty {
                        ": " + byOrganisation.map { "\($0.organisation) (\($0.count))" }.joined(separator: ", ")
                    }
                    if let supportAction {
                        " "; supportButton(id, supported: supportAction.supported, csrf: supportAction.csrf)
                    }
                }
            }
            h2 { "De vier aspecten" }
            dl(.class("facts")) {
                for aspect in Aspect.allCases {
                    dt { aspect.label }
                    dd {
                        (opgave.positions[aspect] ?? "").isEmpty
                            ? span(.class("none")) { "niet besproken" } : .text(opgave.positions[aspect]!)
                    }
                }
            }
            conversation
        }
    }

    public struct KindGroup: Sendable {
        public var kind: String
        public var opgaven: [(id: Int, title: String, cities: [String], support: Int)]
        /// City → the early-warning rules that fire for its programme wijk.
        public var signals: [(city: String, rules: [String])]

        public init(
            kind: String, opgaven: [(id: Int, title: String, cities: [String], support: Int)],
            signals: [(city: String, rules: [String])]
        ) {
            (self.kind, self.opgaven, self.signals) = (kind, opgaven, signals)
        }
    }

    /// The register's groups: live (not merged) opgaven by kind, most frequent kind first, each with its support plus
    /// that of the duplicates merged into it, and the signals of the cities it names.
    /// - Parameter cities: city id → its wijk's name and the early-warning rules that fire there.
    public static func groups(
        _ all: [(id: Int, version: Int, opgave: Opgave, support: Int)],
        cities: [Int: (name: String, rules: [String])]
    ) -> [KindGroup] {
        var byKind: [String: [(id: Int, version: Int, opgave: Opgave, support: Int)]] = [:]
        for entry in all where entry.opgave.mergedInto == nil {
            byKind[entry.opgave.kind.isEmpty ? "overig" : entry.opgave.kind, default: []].append(entry)
        }
        return byKind.map { kind, entries in
            let cityIDs = Array(Set(entries.flatMap(\.opgave.cityIDs))).sorted()
            return KindGroup(
                kind: kind,
                opgaven: entries.map { entry in
                    let supportOfMerged = all.filter { $0.opgave.mergedInto == entry.id }.map(\.support).reduce(0, +)
                    return (
                        entry.id, entry.opgave.title, entry.opgave.cityIDs.compactMap { cities[$0]?.name },
                        entry.support + supportOfMerged
                    )
                },
                signals: cityIDs.compactMap { id in cities[id].map { ($0.name, $0.rules) } })
        }.sorted { ($0.opgaven.count, $1.kind) > ($1.opgaven.count, $0.kind) }
    }

    public static func register(_ groups: [KindGroup]) -> Node {
        Layout.page(
            .init(
                title: "Register van opgaven", description: "Alle opgaven uit de themabijeenkomsten, per soort.",
                path: SiteURL.opgaven.path)
        ) {
            h1 { "Register van opgaven" }
            p(.class("lead")) {
                "Alle opgaven uit de themabijeenkomsten, per soort: hoe vaak ze voorkomen, waar, en welke signalen uit de wijkanalyse de wijken erbij laten zien."
            }
            p(.class("meta")) {
                "Signalen: de regels van de vroegsignalering die voor de programmawijk afgaan (Bron: CBS, Kerncijfers wijken en buurten; zie de methode). Ze horen bij de wijk, niet bij de opgave: samen geven ze een aanwijzing, geen verklaring."
            }
            if groups.isEmpty { p { "Nog geen opgaven vastgesteld." } }
            table(.class("figures")) {
                caption { "\(groups.count) soorten opgaven" }
                thead {
                    tr {
                        th(.scope("col")) { "Soort" }; th(.scope("col")) { "Aantal" }; th(.scope("col")) { "Opgaven" };
                        th(.scope("col")) { "Signalen in de wijken" }
                    }
                }
                tbody {
                    for group in groups {
                        tr {
                            th(.scope("row")) { group.kind }
                            td(.class("num")) { "\(group.opgaven.count)" }
                            td {
                                ul {
                                    for item in group.opgaven {
                                        li {
                                            a(.href(SiteURL.knowledgeRecord(item.id).path)) { item.title };
                                            " (\(item.cities.joined(separator: ", ")); \(DutchFormat.count(item.support, "steunbetuiging", "steunbetuigingen")))"
                                        }
                                    }
                                }
                            }
                            td {
                                ul {
                                    for signal in group.signals {
                                        li {
                                            signal.city + ": "
                                                + (signal.rules.isEmpty
                                                    ? "geen signaal" : signal.rules.joined(separator: ", "))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
