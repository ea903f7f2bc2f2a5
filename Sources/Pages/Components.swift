import Analysis
import Core
import Foundation
import HTML

/// Small pieces shared by the pages.
enum Components {
    /// A cell as text, its status always visible: secret is never shown as a number, computed values are marked.
    static func cell(_ cell: Cell?, decimals: Int, unit: String? = nil) -> Node {
        guard let cell else { return span(.class("none")) { "–" } }
        let suffix = unit.map { $0 == "%" ? "%" : "" } ?? ""
        switch cell {
        case .value(let v):
            return .text(DutchFormat.number(v, decimals: decimals) + suffix)
        case .computed(let v):
            return span(.class("computed"), .title("berekend door Wijkradar")) {
                DutchFormat.number(v, decimals: decimals) + suffix + "*"
            }
        case .secret:
            // CBS's "." means secret, unreliable or not (yet) available, and the file does not say which.
            return span(.class("secret"), .title("CBS: onbekend, onvoldoende betrouwbaar of geheim")) {
                "geheim of niet beschikbaar"
            }
        case .missing:
            return span(.class("none"), .title("geen waarde in de bron")) { "ontbreekt" }
        case .notApplicable:
            return span(.class("none")) { "n.v.t." }
        }
    }

    /// An option of a select, marked selected when it is the current choice.
    static func choice(_ value: String, _ label: String, selected: Bool) -> Node {
        selected ? option(.value(value), .selected) { label } : option(.value(value)) { label }
    }

    /// A value for a URL query parameter.
    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    static func sourceLine(_ source: SourceRef) -> String { source.line }

    static let domainTitles: [(id: String, title: String)] = [
        ("population", "Bevolking"), ("households", "Huishoudens"), ("housing", "Wonen"),
        ("income_work", "Inkomen en werk"),
        ("care_benefits", "Zorg en uitkeringen"), ("liveability", "Leefbaarheid"), ("amenities", "Voorzieningen"),
        ("area", "Oppervlakte en stedelijkheid"),
    ]

    static func levelNoun(_ level: RegionLevel) -> String {
        switch level {
        case .municipality: "gemeenten"
        case .district: "wijken"
        case .neighbourhood: "buurten"
        }
    }
}
