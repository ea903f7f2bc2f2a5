import Charts
import Core
import HTML

/// Staff make a focus area: choose a gemeente and a level, tick its wijken or buurten in a list or on the map, and
/// name and explain the area. A programme wijk that is no CBS wijk (Selwerd, Jagershoef) becomes one this way.
public enum FocusAreaFormPage {
    public struct Model: Sendable {
        public var areas: [FocusArea]
        /// The gemeente as typed and as found.
        public var municipalityEntered: String
        public var municipality: (code: String, name: String)?
        public var level: RegionLevel
        /// The regions of that level in the gemeente, for the boxes; outlines where the level has them (wijken).
        public var candidates: [(code: String, name: String)]
        public var map: [Choropleth.Area]
        public var chosen: Set<String>
        public var name: String
        public var note: String
        public var problems: [String]
        public var csrf: String

        public init(
            areas: [FocusArea], municipalityEntered: String, municipality: (code: String, name: String)?,
            level: RegionLevel, candidates: [(code: String, name: String)], map: [Choropleth.Area],
            chosen: Set<String>, name: String, note: String, problems: [String], csrf: String
        ) {
            (self.areas, self.municipalityEntered, self.municipality, self.level) = (
                areas, municipalityEntered, municipality, level
            )
            (self.candidates, self.map, self.chosen, self.name, self.note) = (candidates, map, chosen, name, note)
            (self.problems, self.csrf) = (problems, csrf)
        }
    }

    public static func render(_ model: Model) -> Node {
        Layout.page(
            .init(
                title: "Focusgebieden", description: "Focusgebieden maken uit wijken of buurten.",
                path: SiteURL.focusAreas.path)
        ) {
            h1 { "Focusgebieden" }
            p(.class("lead")) {
                "Een focusgebied is een eigen gebied uit CBS-wijken of -buurten van één niveau, zoals een programmawijk die geen CBS-wijk is. Wijkradar telt de cijfers van de delen op volgens de regels van elke indicator."
            }
            if !model.areas.isEmpty {
                h2 { "Bestaande focusgebieden" }
                ul {
                    for area in model.areas {
                        li {
                            a(.href(SiteURL.focusArea(area.slug).path)) { area.name }
                            span(.class("meta")) {
                                " — " + DutchFormat.count(area.members.count, "regio", "regio's")
                            }
                        }
                    }
                }
            }
            h2 { "Nieuw focusgebied" }
            form(.method("get"), .action(SiteURL.focusAreas.path), .class("filters")) {
                div {
                    label(.for("gemeente")) { "Gemeente (naam of code)" }
                    input(.type("text"), .id("gemeente"), .name("gemeente"), .value(model.municipalityEntered))
                }
                div {
                    label(.for("niveau")) { "Bestaat uit" }
                    select(.id("niveau"), .name("niveau")) {
                        Components.choice("buurt", "buurten", selected: model.level == .neighbourhood)
                        Components.choice("wijk", "wijken", selected: model.level == .district)
                    }
                }
                button(.type("submit")) { "Toon de keuzes" }
            }
            Forms.errors(model.problems)
            if let municipality = model.municipality { chooser(model, municipality) }
        }
    }

    static func chooser(_ model: Model, _ municipality: (code: String, name: String)) -> Node {
        let noun = model.level == .district ? "wijken" : "buurten"
        return form(.method("post"), .action(SiteURL.focusAreas.path), .class("stacked")) {
            Forms.csrf(model.csrf)
            input(.type("hidden"), .name("gemeente"), .value(municipality.code))
            input(.type("hidden"), .name("niveau"), .value(model.level == .district ? "wijk" : "buurt"))
            Forms.text(
                "Naam", name: "naam", value: model.name, required: true,
                hint: "Zoals de wijk in de praktijk heet, bijvoorbeeld Selwerd.")
            Forms.area(
                "Toelichting", name: "toelichting", value: model.note,
                hint: "Waarom deze \(noun), en waar ze het gebied maar benaderen.")
            fieldset(.class("indicators")) {
                legend { "De \(noun) van \(municipality.name)" }
                if model.candidates.isEmpty {
                    p { "Van \(municipality.name) zijn geen \(noun) ingelezen." }
                }
                ul {
                    for candidate in model.candidates {
                        li(.class("field check")) {
                            element(
                                "input",
                                [
                                    .type("checkbox"), .id("lid-\(candidate.code)"), .name("lid"),
                                    .value(candidate.code),
                                ] + (model.chosen.contains(candidate.code) ? [.checked] : []))
                            label(.for("lid-\(candidate.code)")) { "\(candidate.name) (\(candidate.code))" }
                        }
                    }
                }
            }
            if !model.map.isEmpty {
                chooserMap(model, title: "Kies op de kaart: de \(noun) van \(municipality.name)")
                p(.class("meta")) { "Kleur: aantal inwoners. Grenzen: Bron: Kadaster / CBS, Wijk- en Buurtkaart." }
            } else if model.level == .neighbourhood {
                p(.class("meta")) { "Buurtgrenzen zijn niet meegeleverd: kies de buurten in de lijst." }
            }
            button(.type("submit")) { "Focusgebied opslaan" }
        }
    }

    static func chooserMap(_ model: Model, title: String) -> Node {
        var map = Choropleth(
            title: title,
            description: "Klik op een wijk om haar aan of uit te vinken; zonder script opent de klik de wijk.",
            areas: model.map)
        map.chooser = true
        map.chosen = model.chosen
        return map.render { DutchFormat.number($0, decimals: 0) }
    }
}
