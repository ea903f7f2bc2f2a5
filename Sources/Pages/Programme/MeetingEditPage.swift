import HTML
import Programme

/// The form staff plan a meeting with. Presentations: a title per presenting wijk (3 or 4); agenda: one line per
/// item, "13:00 Ontvangst".
public enum MeetingEditPage {
    public struct Model: Sendable {
        public var programme: ProgrammeInfo
        public var meeting: Meeting?
        public var themes: [Theme]
        public var cities: [ProgrammeCity]
        public var hostWarnings: [String]
        /// The submitted values when the form is shown again with problems.
        public var form: [String: String]
        public var session: Layout.SessionBar?
        public var csrf: String
        public var problems: [String]

        public init(
            programme: ProgrammeInfo, meeting: Meeting?, themes: [Theme], cities: [ProgrammeCity],
            hostWarnings: [String],
            form: [String: String], session: Layout.SessionBar?, csrf: String, problems: [String] = []
        ) {
            (self.programme, self.meeting, self.themes, self.cities, self.hostWarnings) = (
                programme, meeting, themes, cities, hostWarnings
            )
            (self.form, self.session, self.csrf, self.problems) = (form, session, csrf, problems)
        }
    }

    /// The form's fields for an existing meeting, so that showing and re-showing use one source.
    public static func fields(_ m: Meeting) -> [String: String] {
        var fields: [String: String] = [
            "titel": m.title, "datum": m.date.iso, "begin": m.startTime.description, "einde": m.endTime.description,
        ]
        fields["thema"] = m.themeID.map(String.init) ?? ""
        fields["gastwijk"] = m.hostCityID.map(String.init) ?? ""
        fields["capaciteit"] = m.capacity.map(String.init) ?? ""
        (fields["locatie"], fields["adres"], fields["deskundige"], fields["aftrap"]) = (
            m.venue, m.address, m.expert, m.kickoffTitle
        )
        (fields["projectbezoek"], fields["werkvormen"]) = (m.projectVisit, m.workForms)
        let agenda: [String] = m.agenda.map { item in item.time.description + " " + item.item }
        fields["programma"] = agenda.joined(separator: "\n")
        fields["gepubliceerd"] = m.published ? "ja" : ""
        fields["versie"] = String(m.version)
        for presentation in m.presentations { fields["presentatie\(presentation.cityID)"] = presentation.title }
        return fields
    }

    public static func render(_ model: Model) -> Node {
        let action =
            model.meeting.map { SiteURL.meetingEdit(model.programme.slug, $0.id).path }
            ?? SiteURL.meetingNew(model.programme.slug).path
        let f = model.form
        let title = model.meeting == nil ? "Nieuwe bijeenkomst" : "Bijeenkomst bewerken"
        return Layout.page(.init(title: title, description: title, path: action, session: model.session)) {
            p(.class("meta")) { a(.href(ProgrammePage.path(model.programme))) { model.programme.name } }
            h1 { title }
            Forms.errors(model.problems)
            for warning in model.hostWarnings { p(.class("note")) { "Let op: " + warning } }
            form(.method("post"), .action(action), .class("stacked")) {
                Forms.csrf(model.csrf)
                if let version = f["versie"] { input(.type("hidden"), .name("versie"), .value(version)) }
                Forms.text(
                    "Titel", name: "titel", value: f["titel"] ?? "", required: true,
                    hint: "bijvoorbeeld ‘Themabijeenkomst 1: gezondheid’")
                Forms.text(
                    "Datum", name: "datum", value: f["datum"] ?? "", type: "date", required: true,
                    hint:
                        "binnen de programmaperiode, \(model.programme.startsOn.dutch) – \(model.programme.endsOn.dutch)"
                )
                Forms.text("Begintijd", name: "begin", value: f["begin"] ?? "13:00", type: "time", required: true)
                Forms.text("Eindtijd", name: "einde", value: f["einde"] ?? "17:00", type: "time", required: true)
                Forms.choice(
                    "Thema", name: "thema",
                    options: [("", "— nog niet gekozen —")] + model.themes.map { (String($0.id), $0.title) },
                    selected: f["thema"] ?? "")
                Forms.choice(
                    "Gastwijk", name: "gastwijk",
                    options: [("", "— nog niet gekozen —")]
                        + model.cities.map { (String($0.id), "\($0.wijkName) (\($0.cityName))") },
                    selected: f["gastwijk"] ?? "")
                Forms.text("Locatie", name: "locatie", value: f["locatie"] ?? "")
                Forms.text("Adres", name: "adres", value: f["adres"] ?? "")
                Forms.text(
                    "Capaciteit (plaatsen)", name: "capaciteit", value: f["capaciteit"] ?? "",
                    hint: "leeg: alleen de regel van drie per stad")
                Forms.text("Externe deskundige (aftrap)", name: "deskundige", value: f["deskundige"] ?? "")
                Forms.text("Titel van de aftrap", name: "aftrap", value: f["aftrap"] ?? "")
                Forms.area("Projectbezoek", name: "projectbezoek", value: f["projectbezoek"] ?? "")
                Forms.area("Werkvormen", name: "werkvormen", value: f["werkvormen"] ?? "")
                Forms.area(
                    "Programma", name: "programma", value: f["programma"] ?? "",
                    hint: "één onderdeel per regel: tijd en omschrijving, bijvoorbeeld ‘13:00 Ontvangst’")
                fieldset {
                    legend { "Presenterende wijken (3 of 4): vul de titel van hun presentatie in" }
                    for city in model.cities {
                        Forms.text(
                            "\(city.wijkName) (\(city.cityName))", name: "presentatie\(city.id)",
                            value: f["presentatie\(city.id)"] ?? "")
                    }
                }
                Forms.checkbox(
                    "Gepubliceerd (zichtbaar voor iedereen, aanmelden open)", name: "gepubliceerd",
                    checked: f["gepubliceerd"] == "ja")
                button(.type("submit")) { "Opslaan" }
            }
        }
    }
}
