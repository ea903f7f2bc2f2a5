import Core
import Foundation
import HTML
import Programme

/// A theme meeting: the public programme of the day, and — for who may — registration, the participant list and
/// attendance.
public enum MeetingPage {
    public struct Model: Sendable {
        public var programme: ProgrammeInfo
        public var meeting: Meeting
        public var theme: String?
        public var host: String?
        public var presentations: [(cityID: Int, wijk: String, title: String)]
        public var viewer: Viewer
        /// Registrations the viewer may see: staff all, a coordinator their city's, a participant their own.
        public var entries: [RegistrationEntry]
        /// People the viewer may register who are not registered yet.
        public var registerable: [Participant]
        public var shortfalls: [String]
        public var registrationOpen: Bool
        public var attendanceOpen: Bool
        public var mailConfigured: Bool
        public var session: Layout.SessionBar?
        public var csrf: String
        public var problems: [String]
        public var notice: String?
        /// Minutes and opgaven; presentations get a "capture as intervention" link for who may capture.
        public var outcomes = Outcomes(
            minutes: "", opgaven: [], cities: [], mayPropose: false, mayWriteMinutes: false, mayCapture: false)

        public init(
            programme: ProgrammeInfo, meeting: Meeting, theme: String?, host: String?,
            presentations: [(cityID: Int, wijk: String, title: String)],
            viewer: Viewer, entries: [RegistrationEntry], registerable: [Participant], shortfalls: [String],
            registrationOpen: Bool,
            attendanceOpen: Bool, mailConfigured: Bool, session: Layout.SessionBar?, csrf: String,
            problems: [String] = [], notice: String? = nil
        ) {
            (self.programme, self.meeting, self.theme, self.host, self.presentations) = (
                programme, meeting, theme, host, presentations
            )
            (self.viewer, self.entries, self.registerable, self.shortfalls) = (
                viewer, entries, registerable, shortfalls
            )
            (self.registrationOpen, self.attendanceOpen, self.mailConfigured) = (
                registrationOpen, attendanceOpen, mailConfigured
            )
            (self.session, self.csrf, self.problems, self.notice) = (session, csrf, problems, notice)
        }
    }

    public static func path(_ programme: ProgrammeInfo, _ meeting: Meeting) -> String {
        SiteURL.meeting(programme.slug, meeting.id).path
    }

    public static func render(_ model: Model) -> Node {
        let m = model.meeting
        let base = path(model.programme, m)
        return Layout.page(
            .init(
                title: m.title,
                description: "\(m.title): themabijeenkomst van \(model.programme.name) op \(m.date.dutch).",
                path: base, session: model.session)
        ) {
            p(.class("meta")) {
                a(.href(ProgrammePage.path(model.programme))) { model.programme.name }; " · bijeenkomst \(m.number)"
            }
            h1 { m.title }
            if !m.published {
                p(.class("note")) { "Concept: nog niet gepubliceerd, alleen zichtbaar voor de programmastaf." }
            }
            Forms.notice(model.notice)
            Forms.errors(model.problems)
            dl(.class("facts")) {
                dt { "Datum" }; dd { "\(m.date.dutch), \(m.startTime)–\(m.endTime)" }
                if let theme = model.theme { dt { "Thema" }; dd { theme } }
                if let host = model.host { dt { "Gastwijk" }; dd { host } }
                if !m.venue.isEmpty {
                    dt { "Locatie" };
                    dd {
                        m.venue; if !m.address.isEmpty { ", " + m.address }
                    }
                }
                if !m.expert.isEmpty {
                    dt { "Aftrap" };
                    dd {
                        m.expert; if !m.kickoffTitle.isEmpty { ": ‘\(m.kickoffTitle)’" }
                    }
                }
                if !m.projectVisit.isEmpty { dt { "Projectbezoek" }; dd { m.projectVisit } }
                if !m.workForms.isEmpty { dt { "Werkvormen" }; dd { m.workForms } }
            }
            p { a(.href(SiteURL.meetingCalendar(model.programme.slug, m.id).path)) { "Zet in uw agenda (.ics)" } }
            if !model.presentations.isEmpty {
                h2 { "Presenterende wijken" }
                ul {
                    for item in model.presentations {
                        li {
                            strong { item.wijk }; ": " + item.title
                            if model.outcomes.mayCapture {
                                " "
                                a(
                                    .href(
                                        SiteURL.knowledgeNew.path(query: [
                                            "bijeenkomst": String(model.meeting.id),
                                            "programmastad": String(item.cityID),
                                            "titel": item.title,
                                        ])),
                                    .class("meta")
                                ) { "vastleggen als interventie" }
                            }
                        }
                    }
                }
            }
            if !m.agenda.isEmpty {
                h2 { "Programma" }
                table(.class("figures agenda")) {
                    caption { "Programma van \(m.date.dutch)" }
                    tbody {
                        for item in m.agenda {
                            tr {
                                th(.scope("row")) { item.time.description }; td { item.item }
                            }
                        }
                    }
                }
            }
            if model.viewer.isStaff {
                p(.class("tasks")) {
                    a(.href(SiteURL.meetingEdit(model.programme.slug, m.id).path)) { "Bijeenkomst bewerken" }
                    " · "
                    a(.href(SiteURL.meetingParticipantsCSV(model.programme.slug, m.id).path)) {
                        "Deelnemerslijst (CSV)"
                    }
                }
            }
            if model.viewer.isSignedIn { registrationSection(model, base: base) }
            if model.meeting.published { outcomesSection(model, base: base) }
        }
    }

    static func registrationSection(_ model: Model, base: String) -> Node {
        section(.aria("labelledby", "aanmelden")) {
            h2(.id("aanmelden")) { "Aanmeldingen" }
            p(.class("meta")) {
                "Per stad twee of drie deelnemers, uit verschillende organisaties en disciplines, elk zelf betrokken bij de wijkaanpak. Wie boven de drie komt, staat op de wachtlijst en schuift door bij een afmelding."
                if let capacity = model.meeting.capacity { " De zaal heeft \(capacity) plaatsen." }
                model.mailConfigured ? " Aangemelde deelnemers krijgen een bevestiging per e-mail." : ""
            }
            for shortfall in model.shortfalls { p(.class("note")) { shortfall } }
            if model.registrationOpen && !model.registerable.isEmpty {
                form(
                    .method("post"), .action(SiteURL.meetingRegister(model.programme.slug, model.meeting.id).path),
                    .class("stacked")
                ) {
                    fieldset {
                        legend { "Aanmelden" }
                        Forms.csrf(model.csrf)
                        Forms.choice(
                            "Deelnemer", name: "deelnemer",
                            options: model.registerable.map {
                                (String($0.id), "\($0.name) — \($0.organisation), \($0.discipline)")
                            },
                            selected: String(model.registerable[0].id))
                        button(.type("submit")) { "Aanmelden" }
                    }
                }
            } else if !model.registrationOpen {
                p {
                    model.meeting.published
                        ? "Aanmelden is gesloten: de bijeenkomst is geweest."
                        : "Aanmelden kan zodra de bijeenkomst is gepubliceerd."
                }
            }
            if model.entries.isEmpty {
                p { "Nog geen aanmeldingen." }
            } else {
                form(
                    .method("post"), .action(SiteURL.meetingAttendance(model.programme.slug, model.meeting.id).path),
                    .id("aanwezigheid")
                ) { Forms.csrf(model.csrf) }
                table(.class("figures registrations")) {
                    caption {
                        "\(model.entries.filter { $0.registration.status == .registered }.count) aangemeld, \(model.entries.filter { $0.registration.status == .waiting }.count) op de wachtlijst"
                    }
                    thead {
                        tr {
                            for title in [
                                "Stad", "Naam", "Organisatie", "Discipline", "Status",
                                model.attendanceOpen ? "Aanwezig" : "", "",
                            ] { th(.scope("col")) { title } }
                        }
                    }
                    tbody {
                        for entry in model.entries {
                            tr {
                                td { entry.city }
                                th(.scope("row")) { entry.participant.name }
                                td { entry.participant.organisation }
                                td { entry.participant.discipline }
                                td { entry.registration.status.rawValue }
                                td {
                                    if model.attendanceOpen && model.viewer.isStaff
                                        && entry.registration.status == .registered
                                    {
                                        element(
                                            "input",
                                            [
                                                .type("checkbox"), .name("aanwezig\(entry.registration.id)"),
                                                .value("ja"),
                                                Attribute("form", "aanwezigheid"),
                                                .aria("label", "\(entry.participant.name) aanwezig"),
                                            ]
                                                + (entry.registration.attended == true ? [.checked] : []))
                                        input(
                                            .type("hidden"), .name("geregistreerd\(entry.registration.id)"),
                                            .value("1"), Attribute("form", "aanwezigheid"))
                                    } else if let attended = entry.registration.attended {
                                        attended ? "ja" : "nee"
                                    }
                                }
                                td {
                                    if entry.registration.status != .cancelled && model.registrationOpen {
                                        Forms.button(
                                            "Afmelden",
                                            action: SiteURL.registrationCancel(
                                                model.programme.slug, model.meeting.id, entry.registration.id
                                            ).path, csrf: model.csrf, secondary: true,
                                            confirm: "\(entry.participant.name) afmelden voor deze bijeenkomst?")
                                    }
                                }
                            }
                        }
                    }
                }
                if model.attendanceOpen && model.viewer.isStaff {
                    element("button", [.type("submit"), Attribute("form", "aanwezigheid")]) { "Aanwezigheid opslaan" }
                }
            }
            if model.viewer.isStaff && model.mailConfigured && model.registrationOpen {
                Forms.button(
                    "Herinnering sturen aan alle aangemelden",
                    action: SiteURL.meetingReminder(model.programme.slug, model.meeting.id).path, csrf: model.csrf,
                    secondary: true)
            }
        }
    }
}
