import Core
import HTML
import Programme

/// Signing in, accepting an invitation and the profile page.
public enum AccountPages {
    public static func login(csrf: String, email: String, back: String, problems: [String], notice: String? = nil)
        -> Node
    {
        Layout.page(.init(title: "Inloggen", description: "Inloggen bij Wijkradar", path: SiteURL.login.path)) {
            h1 { "Inloggen" }
            Forms.notice(notice)
            Forms.errors(problems)
            p {
                "Voor programmastaf, stadscoördinatoren en deelnemers. Een account krijgt u met een uitnodiging van het programmabureau."
            }
            form(.method("post"), .action(SiteURL.login.path), .class("stacked")) {
                Forms.csrf(csrf)
                input(.type("hidden"), .name("terug"), .value(back))
                Forms.text("E-mail", name: "email", value: email, type: "email", required: true)
                Forms.text("Wachtwoord", name: "wachtwoord", value: "", type: "password", required: true)
                button(.type("submit")) { "Inloggen" }
            }
            p { a(.href(SiteURL.forgotPassword.path)) { "Wachtwoord vergeten?" } }
        }
    }

    /// Asking for a reset link. Without a mail server nothing can be sent, and the page says who can help instead.
    public static func forgotPassword(csrf: String, email: String, mailConfigured: Bool, sent: Bool, problems: [String])
        -> Node
    {
        Layout.page(
            .init(
                title: "Wachtwoord vergeten", description: "Een nieuw wachtwoord kiezen",
                path: SiteURL.forgotPassword.path)
        ) {
            h1 { "Wachtwoord vergeten" }
            Forms.errors(problems)
            if sent {
                div(.class("notice"), .role("status")) {
                    p {
                        "Als er een account is voor \(email), is er nu een e-mail onderweg met een link om een nieuw wachtwoord te kiezen. De link is \(AccountPages.resetHours) uur geldig en werkt één keer."
                    }
                }
            } else if mailConfigured {
                p {
                    "Vul het e-mailadres van uw account in. U krijgt een e-mail met een link om een nieuw wachtwoord te kiezen."
                }
                form(.method("post"), .action(SiteURL.forgotPassword.path), .class("stacked")) {
                    Forms.csrf(csrf)
                    Forms.text("E-mail", name: "email", value: email, type: "email", required: true)
                    button(.type("submit")) { "Stuur mij een link" }
                }
            } else {
                p {
                    "Deze installatie van Wijkradar verstuurt geen e-mail. Vraag het programmabureau (de programmastaf) om een herstellink: die maken zij op de beheerpagina en geven zij u door."
                }
            }
        }
    }

    public static let resetHours = 24

    /// Choosing a new password with a reset link.
    public static func resetPassword(csrf: String, token: String, email: String, problems: [String]) -> Node {
        Layout.page(
            .init(
                title: "Nieuw wachtwoord", description: "Een nieuw wachtwoord kiezen", path: SiteURL.forgotPassword.path
            )
        ) {
            h1 { "Nieuw wachtwoord" }
            Forms.errors(problems)
            p {
                "Kies een nieuw wachtwoord voor \(email): minstens 12 tekens. Een zin van een paar woorden is goed te onthouden en moeilijk te raden. Daarna bent u overal uitgelogd en logt u in met het nieuwe wachtwoord."
            }
            form(.method("post"), .action(SiteURL.passwordReset(token).path), .class("stacked")) {
                Forms.csrf(csrf)
                Forms.text("Nieuw wachtwoord", name: "wachtwoord", value: "", type: "password", required: true)
                Forms.text("Nieuw wachtwoord nogmaals", name: "herhaling", value: "", type: "password", required: true)
                button(.type("submit")) { "Wachtwoord opslaan" }
            }
        }
    }

    /// `existing`: the address already has an account (nil: a new one is made); `true` when that account is the one
    /// signed in, which can then take the invitation up as a role in one more programme.
    public static func invitation(
        csrf: String, token: String, name: String, email: String, role: String, problems: [String],
        existing: Bool? = nil, programme: String = ""
    ) -> Node {
        Layout.page(.init(title: "Uitnodiging", description: "Account aanmaken", path: SiteURL.login.path)) {
            h1 { "Welkom, \(name)" }
            Forms.errors(problems)
            if let signedIn = existing {
                p {
                    "U bent uitgenodigd als \(role)\(programme.isEmpty ? "" : " in ‘\(programme)’"). U heeft al een account met het adres \(email); de uitnodiging komt daarbij, naast wat u al doet."
                }
                if signedIn {
                    form(.method("post"), .action(SiteURL.invitation(token).path), .class("stacked")) {
                        Forms.csrf(csrf)
                        input(.type("hidden"), .name("actie"), .value("aannemen"))
                        button(.type("submit")) { "Uitnodiging aannemen" }
                    }
                } else {
                    p {
                        a(.href(SiteURL.login.path(query: ["terug": SiteURL.invitation(token).path]))) {
                            "Log in met \(email)"
                        }
                        " en open daarna deze link opnieuw, of kom via het inloggen vanzelf hier terug."
                    }
                }
            } else {
                newAccountForm(csrf: csrf, token: token, role: role, email: email)
            }
        }
    }

    static func newAccountForm(csrf: String, token: String, role: String, email: String) -> Node {
        div {
            p {
                "U bent uitgenodigd als \(role) met het adres \(email). Kies een wachtwoord van minstens 12 tekens; een zin van een paar woorden is goed te onthouden en moeilijk te raden."
            }
            form(.method("post"), .action(SiteURL.invitation(token).path), .class("stacked")) {
                Forms.csrf(csrf)
                Forms.text("Wachtwoord", name: "wachtwoord", value: "", type: "password", required: true)
                Forms.text("Wachtwoord nogmaals", name: "herhaling", value: "", type: "password", required: true)
                button(.type("submit")) { "Account aanmaken" }
            }
        }
    }

    public static func profile(
        session: Layout.SessionBar, participant: Participant?,
        registrations: [(meeting: String, link: String, status: String)],
        problems: [String], notice: String?
    ) -> Node {
        Layout.page(
            .init(
                title: "Mijn profiel", description: "Profiel en aanmeldingen", path: SiteURL.profile.path,
                session: session)
        ) {
            h1 { "Mijn profiel" }
            Forms.notice(notice)
            Forms.errors(problems)
            if let participant {
                form(.method("post"), .action(SiteURL.profile.path), .class("stacked")) {
                    fieldset {
                        legend { "Gegevens als deelnemer" }
                        Forms.csrf(session.csrf)
                        input(.type("hidden"), .name("versie"), .value("\(participant.version)"))
                        ParticipantsPage.fields(participant)
                        button(.type("submit")) { "Opslaan" }
                    }
                }
                h2 { "Mijn aanmeldingen" }
                if registrations.isEmpty { p { "Nog geen aanmeldingen." } }
                ul {
                    for item in registrations {
                        li {
                            a(.href(item.link)) { item.meeting }; " — " + item.status
                        }
                    }
                }
            }
            form(.method("post"), .action(SiteURL.passwordChange.path), .class("stacked")) {
                fieldset {
                    legend { "Wachtwoord wijzigen" }
                    Forms.csrf(session.csrf)
                    Forms.text("Huidig wachtwoord", name: "huidig", value: "", type: "password", required: true)
                    Forms.text(
                        "Nieuw wachtwoord (minstens 12 tekens)", name: "nieuw", value: "", type: "password",
                        required: true)
                    button(.type("submit")) { "Wijzigen" }
                }
            }
        }
    }
}

/// Staff's page: accounts, invitations and the audit log.
public enum AdminPage {
    public struct AccountLine: Sendable {
        public var id: Int
        public var email: String
        public var name: String
        public var role: String
        public var city: String?

        public init(id: Int, email: String, name: String, role: String, city: String?) {
            (self.id, self.email, self.name, self.role, self.city) = (id, email, name, role, city)
        }
    }

    /// A one-time link just made (an invitation or a password reset), shown once to whoever made it so they can pass
    /// it on when no mail server is set. It is never stored or logged in full.
    public struct OneTimeLink: Sendable {
        public var explanation: String
        public var link: String
        public init(explanation: String, link: String) { (self.explanation, self.link) = (explanation, link) }
    }

    public struct LogLine: Sendable {
        public var at: String
        public var actor: String
        public var action: String
        public var subject: String
        public var detail: String

        public init(at: String, actor: String, action: String, subject: String, detail: String) {
            (self.at, self.actor, self.action, self.subject, self.detail) = (at, actor, action, subject, detail)
        }
    }

    public struct Model: Sendable {
        public var accounts: [AccountLine]
        public var cities: [(id: Int, label: String)]
        public var log: [LogLine]
        public var link: OneTimeLink?
        public var session: Layout.SessionBar
        public var problems: [String]
        public var crosswalks: [CrosswalkSection.Line]
        /// What an action just did, announced at the top.
        public var notice: String?
        public var invitations: [InvitationSection.Line] = []
        public var attention: StaffDashboard.Model?
        /// What was typed in the invitation form, back after a refusal ("naam", "email", "rol", "stad").
        public var typed: [String: String] = [:]

        public init(
            accounts: [AccountLine], cities: [(id: Int, label: String)], log: [LogLine], link: OneTimeLink?,
            session: Layout.SessionBar, problems: [String] = [], crosswalks: [CrosswalkSection.Line] = [],
            notice: String? = nil
        ) {
            (self.accounts, self.cities, self.log, self.link, self.session, self.problems) = (
                accounts, cities, log, link, session, problems
            )
            (self.crosswalks, self.notice) = (crosswalks, notice)
        }
    }

    public static func render(_ model: Model) -> Node {
        Layout.page(
            .init(title: "Beheer", description: "Accounts en logboek", path: SiteURL.admin.path, session: model.session)
        ) {
            h1 { "Beheer" }
            Forms.errors(model.problems)
            Forms.notice(model.notice)
            if let link = model.link { oneTimeLink(link) }
            if let attention = model.attention { StaffDashboard.render(attention) }
            nav(.class("on-page"), .aria("label", "Beheertaken")) {
                ul {
                    li { a(.href("#accounts")) { "Accounts" } }
                    li { a(.href("#uitnodigingen")) { "Uitnodigingen" } }
                    li { a(.href(SiteURL.focusAreas.path)) { "Focusgebieden maken" } }
                    li { a(.href("#omrekentabellen")) { "Omrekentabellen" } }
                }
            }
            h2(.id("accounts")) { "Accounts" }
            table(.class("figures")) {
                caption { DutchFormat.count(model.accounts.count, "account", "accounts") }
                thead {
                    tr { for title in ["Naam", "E-mail", "Rol", "Stad", "Wachtwoord"] { th(.scope("col")) { title } } }
                }
                tbody {
                    for a0 in model.accounts {
                        tr {
                            th(.scope("row")) { a(.href(SiteURL.adminAccount(a0.id).path)) { a0.name } };
                            td { a0.email }; td { a0.role }; td { a0.city ?? "" }
                            td {
                                form(.method("post"), .action(SiteURL.adminResetLink(a0.id).path)) {
                                    Forms.csrf(model.session.csrf)
                                    button(
                                        .type("submit"), .class("secondary"),
                                        .aria("label", "Herstellink maken voor \(a0.name)")
                                    ) { "Herstellink maken" }
                                }
                            }
                        }
                    }
                }
            }
            form(.method("post"), .action(SiteURL.adminInvite.path), .class("stacked")) {
                fieldset {
                    legend { "Iemand uitnodigen" }
                    Forms.csrf(model.session.csrf)
                    Forms.text("Naam", name: "naam", value: model.typed["naam"] ?? "", required: true)
                    Forms.text(
                        "E-mail", name: "email", value: model.typed["email"] ?? "", type: "email", required: true)
                    Forms.choice(
                        "Rol", name: "rol",
                        options: [
                            (Role.coordinator.rawValue, Role.coordinator.label),
                            (Role.staff.rawValue, Role.staff.label),
                        ],
                        selected: model.typed["rol"] ?? Role.coordinator.rawValue)
                    Forms.choice(
                        "Stad (voor een stadscoördinator)", name: "stad",
                        options: [("", "—")] + model.cities.map { (String($0.id), $0.label) },
                        selected: model.typed["stad"] ?? "")
                    p(.class("meta")) { "Deelnemers nodigt u uit vanaf de deelnemerslijst van hun stad." }
                    button(.type("submit")) { "Uitnodiging maken" }
                }
            }
            InvitationSection.render(model.invitations, csrf: model.session.csrf)
            CrosswalkSection.render(model.crosswalks, csrf: model.session.csrf)
            h2 { "Logboek" }
            table(.class("figures")) {
                caption { "Laatste \(model.log.count) wijzigingen" }
                thead {
                    tr {
                        for title in ["Tijd", "Door", "Actie", "Waarop", "Toelichting"] { th(.scope("col")) { title } }
                    }
                }
                tbody {
                    for line in model.log {
                        tr {
                            td { line.at }; td { line.actor }; td { line.action }; td { line.subject };
                            td { line.detail }
                        }
                    }
                }
            }
        }
    }

    /// The link in a box with its explanation, to copy once.
    public static func oneTimeLink(_ link: OneTimeLink) -> Node {
        div(.class("notice"), .role("status")) {
            p { link.explanation }
            p { element("code", [.id("eenmalige-link")]) { link.link } }
            p(.class("meta")) { "Kopieer de link nu: Wijkradar bewaart hem niet en toont hem niet nog een keer." }
        }
    }
}
