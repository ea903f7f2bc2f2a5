import Core
import HTML
import Programme

/// The rankings on the themes page: a participant's own, a city's (by its coordinator or staff, counted only until
/// participants rank themselves), what a coordinator's participants ranked, and staff's choice of weighting.
extension ThemesPage {
    /// `cities` nil: the participant's own ranking; otherwise a ranking on behalf of one of these cities.
    static func ballotForm(_ model: Model, _ cities: [ProgrammeCity]?) -> Node {
        let own = model.me.flatMap { me in model.participantBallots.first { $0.participantID == me.participantID } }
        return form(.method("post"), .action(SiteURL.themeVote(model.programme.slug).path), .class("stacked")) {
            fieldset {
                legend { cities == nil ? "Uw voorkeur" : "Voorkeur namens een stad" }
                Forms.csrf(model.csrf)
                if let cities {
                    p(.class("meta")) {
                        "Telt voor de stad zolang nog geen deelnemer uit die stad zelf heeft gerangschikt; daarna tellen haar deelnemers."
                    }
                    Forms.choice(
                        "Namens", name: "stad",
                        options: cities.map { (String($0.id), "\($0.cityName) – \($0.wijkName)") },
                        selected: model.typed["stad"] ?? cities.first.map { String($0.id) } ?? "")
                } else {
                    input(.type("hidden"), .name("als"), .value("deelnemer"))
                }
                for place in 1...model.themes.count {
                    // What was sent comes back after a refusal; otherwise the participant's stored ranking.
                    let stored =
                        cities == nil && place <= (own?.ranking.count ?? 0) ? String(own!.ranking[place - 1]) : ""
                    let sent =
                        model.typed["als"] == (cities == nil ? "deelnemer" : nil) ? model.typed["plaats\(place)"] : nil
                    Forms.choice(
                        "\(place)e keuze", name: "plaats\(place)",
                        options: [("", "— geen —")] + model.themes.map { (String($0.id), $0.title) },
                        selected: sent ?? stored)
                }
                button(.type("submit")) { "Voorkeur opslaan" }
            }
        }
    }

    /// A coordinator sees the rankings of their city's participants (staff see all).
    static func cityBallots(_ model: Model) -> Node {
        let visible = model.participantBallots.filter { model.viewer.mayManage(city: $0.cityID) }
        guard !visible.isEmpty else { return .empty }
        return section(.aria("labelledby", "voorkeuren-stad")) {
            h2(.id("voorkeuren-stad")) {
                model.viewer.isStaff ? "Voorkeuren van de deelnemers" : "Voorkeuren uit uw stad"
            }
            ul {
                for ballot in visible {
                    li {
                        strong { model.participantNames[ballot.participantID] ?? "deelnemer" }
                        let city = model.cities.first { $0.id == ballot.cityID }?.cityName ?? ""
                        " (\(city)): " + ballot.ranking.map { model.title($0) }.joined(separator: " › ")
                    }
                }
            }
        }
    }

    static func weightingForm(_ model: Model) -> Node {
        form(.method("post"), .action(SiteURL.themeWeighting(model.programme.slug).path), .class("stacked")) {
            fieldset {
                legend { "Weging van de voorkeuren" }
                Forms.csrf(model.csrf)
                Forms.choice(
                    "Hoe tellen de voorkeuren", name: "weging",
                    options: BallotWeighting.allCases.map { ($0.rawValue, $0.label) },
                    selected: model.weighting.rawValue)
                button(.type("submit")) { "Weging opslaan" }
            }
        }
    }

    /// Points as whole numbers when every ballot weighs 1, else with two decimals.
    static func points(_ value: Double) -> String {
        let shown = DutchFormat.rounded(value, decimals: 2)
        return DutchFormat.number(shown, decimals: shown == shown.rounded() ? 0 : 2)
    }
}
