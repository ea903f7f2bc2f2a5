import Core
import HTML

/// One account for staff: its roles per programme (changed, added or ended here), and whether it may sign in.
public enum AccountAdminPage {
    public struct Model: Sendable {
        public var id: Int
        public var name: String
        public var email: String
        public var isStaff: Bool
        public var deactivated: Bool
        /// (programme, role, city label, programme id).
        public var memberships: [(programme: String, role: String, city: String, programmeID: Int)]
        /// Every city of every programme, for the role form.
        public var cities: [(id: Int, label: String)]
        public var problems: [String]
        public var notice: String?
        public var session: Layout.SessionBar

        public init(
            id: Int, name: String, email: String, isStaff: Bool, deactivated: Bool,
            memberships: [(programme: String, role: String, city: String, programmeID: Int)],
            cities: [(id: Int, label: String)], problems: [String], notice: String?, session: Layout.SessionBar
        ) {
            (self.id, self.name, self.email, self.isStaff, self.deactivated) = (id, name, email, isStaff, deactivated)
            (self.memberships, self.cities, self.problems, self.notice, self.session) = (
                memberships, cities, problems, notice, session
            )
        }
    }

    public static func render(_ model: Model) -> Node {
        Layout.page(
            .init(
                title: "Account van \(model.name)", description: "Rollen en toegang van een account",
                path: SiteURL.adminAccount(model.id).path, session: model.session)
        ) {
            p(.class("meta")) {
                a(.href(SiteURL.admin.path)) { "Beheer" }; " · account"
            }
            h1 { model.name }
            Forms.errors(model.problems)
            Forms.notice(model.notice)
            dl(.class("facts")) {
                dt { "E-mail" }; dd { model.email }
                dt { "Toegang" }
                dd { model.deactivated ? "gedeactiveerd: kan niet inloggen" : "actief" }
                if model.isStaff { dt { "Rol" }; dd { "programmastaf (in alle programma's)" } }
            }
            h2 { "Rollen per programma" }
            if model.memberships.isEmpty {
                p { "Nog geen rol in een programma." }
            } else {
                table(.class("figures")) {
                    caption { DutchFormat.count(model.memberships.count, "rol", "rollen") }
                    thead {
                        tr { for title in ["Programma", "Rol", "Stad", ""] { th(.scope("col")) { title } } }
                    }
                    tbody {
                        for m in model.memberships {
                            tr {
                                th(.scope("row")) { m.programme }; td { m.role }; td { m.city }
                                td {
                                    Forms.button(
                                        "Rol beëindigen", action: SiteURL.adminAccountRoleEnd(model.id).path,
                                        csrf: model.session.csrf, fields: [("programma", String(m.programmeID))],
                                        secondary: true,
                                        confirm: "De rol van \(model.name) in ‘\(m.programme)’ beëindigen?")
                                }
                            }
                        }
                    }
                }
            }
            if !model.isStaff {
                form(.method("post"), .action(SiteURL.adminAccountRole(model.id).path), .class("stacked")) {
                    fieldset {
                        legend { "Stadscoördinator maken of stad wijzigen" }
                        Forms.csrf(model.session.csrf)
                        p(.class("meta")) {
                            "Per programma heeft iemand één rol; een stad in een programma waar al een rol is, vervangt die."
                        }
                        Forms.choice(
                            "Stad", name: "stad", options: model.cities.map { (String($0.id), $0.label) }, selected: "")
                        button(.type("submit")) { "Opslaan" }
                    }
                }
            }
            h2 { "Toegang" }
            Forms.button(
                model.deactivated ? "Weer activeren" : "Deactiveren", action: SiteURL.adminAccountActive(model.id).path,
                csrf: model.session.csrf, fields: [("actie", model.deactivated ? "aan" : "uit")], secondary: true,
                confirm: model.deactivated
                    ? "\(model.name) weer laten inloggen?"
                    : "\(model.name) deactiveren? Inloggen kan dan niet meer; alles wat is vastgelegd blijft.")
        }
    }
}
