import Core
import HTML
import Programme

/// A city's participants, for its coordinator and staff: who they are, and a form to add or change one.
public enum ParticipantsPage {
    public struct Model: Sendable {
        public var programme: ProgrammeInfo
        public var city: ProgrammeCity
        public var participants: [Participant]
        /// Participants who already have an account.
        public var withAccount: Set<Int>
        public var editing: Participant?
        public var session: Layout.SessionBar?
        public var csrf: String
        public var problems: [String]
        public var notice: String?
        /// An invitation link just made, shown once to the person who invited when no mail server is set.
        public var link: AdminPage.OneTimeLink?

        public init(
            programme: ProgrammeInfo, city: ProgrammeCity, participants: [Participant], withAccount: Set<Int>,
            editing: Participant?,
            session: Layout.SessionBar?, csrf: String, problems: [String] = [], notice: String? = nil,
            link: AdminPage.OneTimeLink? = nil
        ) {
            (self.programme, self.city, self.participants, self.withAccount, self.editing) = (
                programme, city, participants, withAccount, editing
            )
            (self.session, self.csrf, self.problems, self.notice, self.link) = (session, csrf, problems, notice, link)
        }
    }

    public static func render(_ model: Model) -> Node {
        let base = SiteURL.participants(model.programme.slug, model.city.id)
        return Layout.page(
            .init(
                title: "Deelnemers \(model.city.cityName)", description: "Deelnemers uit \(model.city.cityName)",
                path: base.path, session: model.session)
        ) {
            p(.class("meta")) {
                a(.href(CityPage.path(model.programme, model.city))) { model.city.wijkName };
                " · \(model.city.cityName)"
            }
            h1 { "Deelnemers uit \(model.city.cityName)" }
            Forms.notice(model.notice)
            if let link = model.link { AdminPage.oneTimeLink(link) }
            Forms.errors(model.problems)
            p {
                "Per bijeenkomst komen twee of drie deelnemers uit de stad, uit verschillende organisaties en disciplines, elk zelf betrokken bij de wijkaanpak. Wie meedoet kan per thema verschillen."
            }
            table(.class("figures")) {
                caption { DutchFormat.count(model.participants.count, "deelnemer", "deelnemers") }
                thead {
                    tr {
                        for title in [
                            "Naam", "Organisatie", "Discipline", "Rol in de wijkaanpak", "Betrokken", "Account", "",
                        ] { th(.scope("col")) { title } }
                    }
                }
                tbody {
                    for person in model.participants {
                        tr {
                            th(.scope("row")) {
                                person.name; br(); span(.class("meta")) { person.email }
                            }
                            td { person.organisation }
                            td { person.discipline }
                            td { person.role }
                            td { person.involvedInWijkaanpak ? "ja" : "nee" }
                            td {
                                if model.withAccount.contains(person.id) {
                                    "ja"
                                } else {
                                    Forms.button(
                                        "Uitnodigen",
                                        action: SiteURL.participantInvite(
                                            model.programme.slug, model.city.id, person.id
                                        ).path, csrf: model.csrf, secondary: true)
                                }
                            }
                            td {
                                a(.href(base.path(query: ["bewerk": String(person.id)]))) {
                                    "Bewerken"; span(.class("visually-hidden")) { " " + person.name }
                                }
                            }
                        }
                    }
                }
            }
            form(.method("post"), .action(base.path), .class("stacked")) {
                fieldset {
                    let person = model.editing
                    legend { person == nil ? "Deelnemer toevoegen" : "\(person!.name) bewerken" }
                    Forms.csrf(model.csrf)
                    if let person {
                        input(.type("hidden"), .name("id"), .value("\(person.id)"))
                        input(.type("hidden"), .name("versie"), .value("\(person.version)"))
                    }
                    fields(person)
                    button(.type("submit")) { person == nil ? "Toevoegen" : "Opslaan" }
                }
            }
        }
    }

    /// The profile fields, shared with the participant's own profile page.
    static func fields(_ person: Participant?) -> Node {
        .fragment([
            Forms.text("Naam", name: "naam", value: person?.name ?? "", required: true),
            Forms.text("E-mail", name: "email", value: person?.email ?? "", type: "email", required: true),
            Forms.text("Organisatie", name: "organisatie", value: person?.organisation ?? "", required: true),
            Forms.text(
                "Discipline", name: "discipline", value: person?.discipline ?? "", required: true,
                hint: "bijvoorbeeld wonen, sociaal werk, veiligheid, economie"),
            Forms.text("Rol in de wijkaanpak", name: "rol", value: person?.role ?? "", required: true),
            Forms.checkbox(
                "Zelf vanuit de eigen expertise betrokken bij de wijkaanpak", name: "betrokken",
                checked: person?.involvedInWijkaanpak ?? true),
        ])
    }
}
