import Core
import HTML
import Knowledge
import Programme

/// What a meeting produced: the minutes and the opgaven identified with the participants — proposed, supported,
/// and consolidated by staff (a merged opgave stays, linked to the one it joined).
extension MeetingPage {
    public struct OpgaveLine: Sendable {
        public var id: Int
        public var version: Int
        public var opgave: Opgave
        public var cities: [String]
        public var support: Int
        /// The viewer supports it: shown as "gesteund ✓", with a button to withdraw.
        public var supportedByViewer = false
        public var mergedIntoTitle: String?

        public init(id: Int, version: Int, opgave: Opgave, cities: [String], support: Int, mergedIntoTitle: String?) {
            (self.id, self.version, self.opgave, self.cities, self.support, self.mergedIntoTitle) = (
                id, version, opgave, cities, support, mergedIntoTitle
            )
        }
    }

    public struct Outcomes: Sendable {
        public var minutes: String
        /// Interventions captured from this meeting's presentations.
        public var interventions: [(id: Int, title: String)] = []
        public var opgaven: [OpgaveLine]
        public var cities: [(id: Int, label: String)]
        /// Registered participants, coordinators and staff identify opgaven together.
        public var mayPropose: Bool
        public var mayWriteMinutes: Bool
        public var mayCapture: Bool

        public init(
            minutes: String, opgaven: [OpgaveLine], cities: [(id: Int, label: String)], mayPropose: Bool,
            mayWriteMinutes: Bool, mayCapture: Bool
        ) {
            (self.minutes, self.opgaven, self.cities, self.mayPropose, self.mayWriteMinutes, self.mayCapture) = (
                minutes, opgaven, cities, mayPropose, mayWriteMinutes, mayCapture
            )
        }
    }

    static func outcomesSection(_ model: Model, base: String) -> Node {
        let outcomes = model.outcomes
        return section(.aria("labelledby", "uitkomsten")) {
            h2(.id("uitkomsten")) { "Uitkomsten" }
            if !outcomes.minutes.isEmpty {
                h3 { "Verslag" }
                for paragraph in outcomes.minutes.components(separatedBy: "\n\n") { p { paragraph } }
            }
            if outcomes.mayWriteMinutes {
                form(
                    .method("post"), .action(SiteURL.meetingMinutes(model.programme.slug, model.meeting.id).path),
                    .class("stacked")
                ) {
                    Forms.csrf(model.csrf)
                    input(.type("hidden"), .name("versie"), .value(String(model.meeting.version)))
                    Forms.area("Verslag", name: "verslag", value: outcomes.minutes)
                    button(.type("submit")) { "Verslag opslaan" }
                }
            }
            if !outcomes.interventions.isEmpty {
                h3 { "Gepresenteerde interventies" }
                ul {
                    for item in outcomes.interventions {
                        li { a(.href(SiteURL.knowledgeRecord(item.id).path)) { item.title } }
                    }
                }
            }
            h3(.id("opgaven")) { "Opgaven" }
            p(.class("meta")) {
                "Opgaven stellen de deelnemers samen vast: wie aangemeld is, stelt opgaven voor en steunt die van anderen. Elke opgave wordt bekeken vanuit de vier aspecten."
            }
            let open = outcomes.opgaven.filter { $0.opgave.mergedInto == nil }.sorted {
                ($0.support, $1.id) > ($1.support, $0.id)
            }
            if open.isEmpty { p { "Nog geen opgaven." } }
            ol(.class("opgaven")) {
                for line in open {
                    li {
                        a(.href(SiteURL.knowledgeRecord(line.id).path)) { line.opgave.title }
                        " — \(line.cities.joined(separator: ", ")) · "
                        DutchFormat.count(line.support, "steunbetuiging", "steunbetuigingen")
                        if outcomes.mayPropose {
                            " "; OpgavePages.supportButton(line.id, supported: line.supportedByViewer, csrf: model.csrf)
                        }
                        let merged = outcomes.opgaven.filter { $0.opgave.mergedInto == line.id }
                        if !merged.isEmpty {
                            ul {
                                for m in merged {
                                    li(.class("meta")) {
                                        "samengevoegd: ";
                                        a(.href(SiteURL.knowledgeRecord(m.id).path)) { m.opgave.title }
                                    }
                                }
                            }
                        }
                        if model.viewer.isStaff && open.count > 1 {
                            form(.method("post"), .action(SiteURL.knowledgeMerge(line.id).path), .class("inline")) {
                                Forms.csrf(model.csrf)
                                input(.type("hidden"), .name("versie"), .value(String(line.version)))
                                label(.for("merge-\(line.id)"), .class("visually-hidden")) { "Samenvoegen met" }
                                select(.name("met"), .id("merge-\(line.id)")) {
                                    for other in open where other.id != line.id {
                                        option(.value(String(other.id))) { other.opgave.title }
                                    }
                                }
                                button(.type("submit"), .class("secondary")) { "Samenvoegen" }
                            }
                        }
                    }
                }
            }
            if outcomes.mayPropose { proposeForm(model, base: base) }
        }
    }

    static func proposeForm(_ model: Model, base: String) -> Node {
        form(
            .method("post"), .action(SiteURL.meetingOpgave(model.programme.slug, model.meeting.id).path),
            .class("stacked")
        ) {
            fieldset {
                legend { "Opgave voorstellen" }
                Forms.csrf(model.csrf)
                Forms.text("Opgave (kort)", name: "titel", value: "", required: true)
                Forms.area("Beschrijving", name: "beschrijving", value: "", required: true)
                Forms.text(
                    "Soort opgave", name: "soort", value: "",
                    hint: "bijvoorbeeld gezondheid en armoede, woningvoorraad, veiligheid")
                fieldset {
                    legend { "Waar speelt de opgave?" }
                    for city in model.outcomes.cities {
                        Forms.checkbox(city.label, name: "stad\(city.id)", checked: false, value: String(city.id))
                    }
                }
                for aspect in Aspect.allCases { Forms.area(aspect.label, name: "aspect_\(aspect.rawValue)", value: "") }
                button(.type("submit")) { "Voorstellen" }
            }
        }
    }
}
