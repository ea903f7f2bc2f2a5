import Core
import HTML
import Programme

/// Theme choice: candidates, each city's ranking, the Borda tally with its tie-breaks, and staff's decision.
public enum ThemesPage {
    public struct Model: Sendable {
        public var programme: ProgrammeInfo
        public var themes: [Theme]
        public var cities: [ProgrammeCity]
        public var ballots: [Ballot]
        public var tally: ThemeTally?
        public var decision: ThemeDecision?
        public var viewer: Viewer
        public var session: Layout.SessionBar?
        public var csrf: String
        public var problems: [String]
        public var notice: String?
        /// Participants' own rankings, how they weigh, and who they are (for their coordinator).
        public var participantBallots: [ParticipantBallot] = []
        public var weighting: BallotWeighting = .participant
        public var participantNames: [Int: String] = [:]
        /// The viewer as a participant of this programme (their record and city), if they are one.
        public var me: (participantID: Int, cityID: Int)?
        /// What was submitted, back after a refusal: "plaats1"…, "stad", "thema<id>", "reden".
        public var typed: [String: String] = [:]

        public init(
            programme: ProgrammeInfo, themes: [Theme], cities: [ProgrammeCity], ballots: [Ballot], tally: ThemeTally?,
            decision: ThemeDecision?, viewer: Viewer, session: Layout.SessionBar?, csrf: String,
            problems: [String] = [], notice: String? = nil
        ) {
            (self.programme, self.themes, self.cities, self.ballots, self.tally, self.decision) = (
                programme, themes, cities, ballots, tally, decision
            )
            (self.viewer, self.session, self.csrf, self.problems, self.notice) = (
                viewer, session, csrf, problems, notice
            )
        }

        func title(_ id: Int) -> String { themes.first { $0.id == id }?.title ?? "thema \(id)" }
        func title(_ key: String) -> String { Int(key).map(title) ?? key }
    }

    public static func render(_ model: Model) -> Node {
        let base = SiteURL.themes(model.programme.slug).path
        return Layout.page(
            .init(
                title: "Themakeuze", description: "Themakeuze van \(model.programme.name)", path: base,
                session: model.session)
        ) {
            p(.class("meta")) { a(.href(ProgrammePage.path(model.programme))) { model.programme.name } }
            h1 { "Themakeuze" }
            Forms.notice(model.notice)
            Forms.errors(model.problems)
            p {
                "Elke deelnemer zet de kandidaatthema's in volgorde van voorkeur; voor een stad waarvan nog geen deelnemer dat heeft gedaan, telt de voorkeur die de stad indient. Weging: \(model.weighting.label). Wijkradar telt met de Borda-methode: bij n thema's krijgt een eerste plaats n−1 punten, een tweede n−2, enzovoort; niet gerangschikte thema's krijgen niets. "
                "Bij gelijke punten beslissen achtereenvolgens: meer eerste plaatsen, het onderlinge duel (vaker hoger gerangschikt), en ten slotte de volgorde waarin de thema's zijn voorgesteld. De vier hoogste worden voorgesteld; de programmastaf bevestigt of wijkt af met een vastgelegde reden."
            }
            h2 { "Kandidaatthema's" }
            if model.themes.isEmpty { p { "Nog geen kandidaatthema's." } }
            ol {
                for theme in model.themes {
                    li {
                        strong { theme.title }; if !theme.summary.isEmpty { " — " + theme.summary }
                    }
                }
            }
            if model.viewer.isStaff {
                form(.method("post"), .action(base), .class("stacked")) {
                    fieldset {
                        legend { "Kandidaatthema toevoegen" }
                        Forms.csrf(model.csrf)
                        Forms.text("Titel", name: "titel", value: "", required: true)
                        Forms.area("Toelichting", name: "toelichting", value: "")
                        button(.type("submit")) { "Toevoegen" }
                    }
                }
            }
            // Both ranking forms use the same field names: only the one that was sent shows what was sent.
            let sentOwn = model.typed["als"] == "deelnemer"
            if model.me != nil && !model.themes.isEmpty {
                sentOwn ? ballotForm(model, nil) : Forms.unechoed { ballotForm(model, nil) }
            }
            let voting = model.cities.filter { model.viewer.mayManage(city: $0.id) }
            if !voting.isEmpty && !model.themes.isEmpty {
                sentOwn ? Forms.unechoed { ballotForm(model, voting) } : ballotForm(model, voting)
            }
            cityBallots(model)
            if model.viewer.isStaff { weightingForm(model) }
            h2 { "Telling" }
            if model.participantBallots.isEmpty {
                p {
                    "Nog geen deelnemer heeft gerangschikt. \(model.ballots.count) van de \(DutchFormat.count(model.cities.count, "stad", "steden")) "
                        + (model.ballots.count == 1 ? "heeft haar" : "hebben hun") + " voorkeur ingediend."
                }
            } else {
                let cities = Set(model.participantBallots.map(\.cityID)).count
                p {
                    "\(DutchFormat.count(model.participantBallots.count, "deelnemer", "deelnemers")) uit \(DutchFormat.count(cities, "stad", "steden")) "
                        + (model.participantBallots.count == 1 ? "heeft" : "hebben")
                        + " gerangschikt; \(model.weighting.label)."
                }
            }
            if let tally = model.tally { tallyTable(model, tally) }
            if let decision = model.decision {
                h2 { "Vastgestelde thema's" }
                ol { for id in decision.themeIDs { li { model.title(id) } } }
                p(.class("meta")) {
                    decision.followsTally
                        ? "Volgens de telling, " : "Afwijkend van de telling, reden: \(decision.reason). "
                    "vastgesteld door \(decision.decidedBy)."
                }
            }
            if model.viewer.isStaff && !model.themes.isEmpty {
                decisionForm(model, action: SiteURL.themeDecide(model.programme.slug).path)
            }
        }
    }

    static func tallyTable(_ model: Model, _ tally: ThemeTally) -> Node {
        .fragment([
            table(.class("figures")) {
                caption {
                    "Borda-telling over \(DutchFormat.count(tally.ballotsCounted, "stembiljet", "stembiljetten"))"
                }
                thead {
                    tr {
                        th(.scope("col")) { "Plaats" }; th(.scope("col")) { "Thema" }; th(.scope("col")) { "Punten" };
                        th(.scope("col")) { "Eerste plaatsen" }
                    }
                }
                tbody {
                    for standing in tally.standings {
                        element("tr", tally.chosen.contains(standing.theme) ? [.class("programme")] : []) {
                            td(.class("num")) { "\(standing.rank)" }
                            th(.scope("row")) { model.title(standing.theme) }
                            td(.class("num")) { points(standing.points) }
                            td(.class("num")) { points(standing.firstPlaces) }
                        }
                    }
                }
            },
            tally.ties.isEmpty
                ? .empty
                : ul(.class("meta")) {
                    for tie in tally.ties {
                        li {
                            "Gelijke punten: \(model.title(tie.above)) boven \(model.title(tie.below)), beslist op \(tie.decidedBy)."
                        }
                    }
                },
        ])
    }

    static func decisionForm(_ model: Model, action: String) -> Node {
        // After a refusal the choice that was sent comes back, not the tally's.
        let sent = Set(model.themes.map(\.id).filter { model.typed["thema\($0)"] != nil })
        let proposed =
            !model.typed.isEmpty && model.typed["reden"] != nil
            ? sent : Set(model.decision?.themeIDs ?? model.tally?.chosen.compactMap { Int($0) } ?? [])
        return form(.method("post"), .action(action), .class("stacked")) {
            fieldset {
                legend { "Thema's vaststellen" }
                Forms.csrf(model.csrf)
                for theme in model.themes {
                    Forms.checkbox(
                        theme.title, name: "thema\(theme.id)", checked: proposed.contains(theme.id),
                        value: String(theme.id))
                }
                Forms.area(
                    "Reden (verplicht als u afwijkt van de telling)", name: "reden", value: model.typed["reden"] ?? "")
                button(.type("submit")) { "Vaststellen" }
            }
        }
    }
}
