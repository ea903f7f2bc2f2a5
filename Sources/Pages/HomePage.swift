import Core
import HTML

/// Home: search any gemeente, wijk or buurt by name or code.
public enum HomePage {
    public struct Result: Sendable {
        public var code: String
        public var name: String
        public var level: String
        public var municipality: String

        public init(code: String, name: String, level: String, municipality: String) {
            self.code = code
            self.name = name
            self.level = level
            self.municipality = municipality
        }
    }

    public struct Model: Sendable {
        public var query: String
        public var results: [Result]
        public var datasetCount: Int
        public var regionCount: Int

        public init(query: String, results: [Result], datasetCount: Int, regionCount: Int) {
            self.query = query
            self.results = results
            self.datasetCount = datasetCount
            self.regionCount = regionCount
        }
    }

    public static func render(_ model: Model) -> Node {
        Layout.page(.init(title: model.query.isEmpty ? "Wijkanalyse voor elke wijk" : "Zoeken: \(model.query)",
                          description: "Beknopte, eerlijke wijkanalyse en vroegsignalering voor elke gemeente, wijk en buurt van Nederland, uit open data.",
                          path: "/")) {
            h1 { "Wijkanalyse voor elke wijk van Nederland" }
            p(.class("lead")) {
                "Zoek een gemeente, wijk of buurt op naam of CBS-code. Wijkradar zet de cijfers naast de gemeente, Nederland en gelijkende wijken, en laat zien welke signalen afgaan."
            }
            form(.action("/"), .method("get"), .role("search"), .class("search")) {
                label(.for("q")) { "Naam of code" }
                input(.type("search"), .id("q"), .name("q"), .value(model.query), .placeholder("bijvoorbeeld Angelslo of WK011443"))
                button(.type("submit")) { "Zoeken" }
            }
            if !model.query.isEmpty {
                section(.aria("labelledby", "resultaten")) {
                    h2(.id("resultaten")) { "Resultaten voor ‘\(model.query)’" }
                    if model.results.isEmpty {
                        p { "Niets gevonden. Probeer een deel van de naam (zonder ‘wijk’ of nummer) of een code als GM0114, WK011443 of BU03441014." }
                    } else {
                        ul(.class("results")) {
                            for result in model.results {
                                li {
                                    a(.href("/regio/\(result.code)")) { result.name }
                                    " "
                                    span(.class("meta")) { "\(result.level) · \(result.code) · gemeente \(result.municipality)" }
                                }
                            }
                        }
                    }
                }
            }
            p(.class("meta")) {
                "In deze installatie: \(DutchFormat.number(Double(model.datasetCount))) datasets over \(DutchFormat.number(Double(model.regionCount))) regio's. "
                a(.href("/radar")) { "Bekijk de landelijke radar" }
            }
        }
    }
}
