import Core
import HTML
import Programme

/// The programme's front page: who takes part, which themes, which meetings — and, for staff, what needs doing.
public enum ProgrammePage {
    public struct CityLine: Sendable {
        public var city: ProgrammeCity
        public var areaLabel: String?

        public init(city: ProgrammeCity, areaLabel: String?) { (self.city, self.areaLabel) = (city, areaLabel) }
    }

    public struct MeetingLine: Sendable {
        public var meeting: Meeting
        public var theme: String?
        public var host: String?

        public init(meeting: Meeting, theme: String?, host: String?) {
            (self.meeting, self.theme, self.host) = (meeting, theme, host)
        }
    }

    public struct Model: Sendable {
        public var programme: ProgrammeInfo
        public var cities: [CityLine]
        public var chosenThemes: [String]
        public var meetings: [MeetingLine]
        public var warnings: [String]
        public var viewer: Viewer
        public var session: Layout.SessionBar?
        public var csrf: String
        public var problems: [String]
        public var notice: String?

        public init(
            programme: ProgrammeInfo, cities: [CityLine], chosenThemes: [String], meetings: [MeetingLine],
            warnings: [String], viewer: Viewer, session: Layout.SessionBar?, csrf: String, problems: [String] = [],
            notice: String? = nil
        ) {
            (self.programme, self.cities, self.chosenThemes, self.meetings) = (
                programme, cities, chosenThemes, meetings
            )
            (self.warnings, self.viewer, self.session, self.csrf, self.problems, self.notice) = (
                warnings, viewer, session, csrf, problems, notice
            )
        }
    }

    public static func path(_ programme: ProgrammeInfo) -> String { SiteURL.programme(programme.slug).path }

    public static func render(_ model: Model) -> Node {
        let p0 = model.programme
        let base = path(p0)
        return Layout.page(
            .init(
                title: p0.name, description: "Kennisprogramma \(p0.name): steden, wijken, thema's en bijeenkomsten.",
                path: base, session: model.session)
        ) {
            p(.class("meta")) { "Kennisprogramma · \(p0.organiser) · \(p0.startsOn.dutch) – \(p0.endsOn.dutch)" }
            h1 { p0.name }
            Forms.notice(model.notice)
            Forms.errors(model.problems)
            if !p0.summary.isEmpty { p(.class("lead")) { p0.summary } }
            p(.class("meta")) { "Bron: " + p0.source }
            if model.viewer.isStaff {
                nav(.class("tasks"), .aria("label", "Taken programmastaf")) {
                    ul {
                        li { a(.href(SiteURL.themes(p0.slug).path)) { "Themakeuze" } }
                        li { a(.href(SiteURL.meetingNew(p0.slug).path)) { "Nieuwe bijeenkomst" } }
                        li { a(.href(SiteURL.admin.path)) { "Accounts en logboek" } }
                    }
                }
                for warning in model.warnings { p(.class("note"), .role("status")) { "Let op: " + warning } }
            } else if model.viewer.isSignedIn {
                p { a(.href(SiteURL.themes(p0.slug).path)) { "Themakeuze: uw voorkeur en de telling" } }
            }
            h2(.id("wijken")) { "Steden en wijken" }
            table(.class("figures")) {
                caption {
                    p0.plannedCities.map { "\(model.cities.count) van de \($0) deelnemende wijken" }
                        ?? "\(model.cities.count) deelnemende wijken"
                }
                thead {
                    tr {
                        th(.scope("col")) { "Stad" }; th(.scope("col")) { "Wijk" }; th(.scope("col")) { "Bouwperiode" };
                        th(.scope("col")) { "CBS-gebied" }
                    }
                }
                tbody {
                    for line in model.cities {
                        tr {
                            td { line.city.cityName }
                            th(.scope("row")) {
                                a(.href(SiteURL.city(p0.slug, line.city.id).path)) { line.city.wijkName }
                            }
                            td { CityPage.buildPeriod(line.city) }
                            td { line.areaLabel ?? "nog niet gekoppeld" }
                        }
                    }
                }
            }
            if let planned = p0.plannedCities, model.cities.count < planned {
                p(.class("meta")) {
                    "Nog niet bekend: \(planned - model.cities.count) wijk\(planned - model.cities.count == 1 ? "" : "en"). Het programmabureau vult \(planned - model.cities.count == 1 ? "haar" : "ze") aan."
                }
            }
            if model.viewer.isStaff { addCityForm(model) }
            h2(.id("themas")) { "Thema's" }
            if model.chosenThemes.isEmpty {
                p { "De thema's zijn nog niet vastgesteld. Ze volgen uit de voorkeuren van de deelnemende steden." }
            } else {
                ol { for theme in model.chosenThemes { li { theme } } }
            }
            h2(.id("bijeenkomsten")) { "Themabijeenkomsten" }
            let visible = model.meetings.filter { model.viewer.maySee($0.meeting) }
            if visible.isEmpty {
                p { "Er zijn nog geen bijeenkomsten gepubliceerd." }
            } else {
                ul(.class("meetings")) {
                    for line in visible {
                        li {
                            a(.href(SiteURL.meeting(p0.slug, line.meeting.id).path)) { line.meeting.title }
                            " — \(line.meeting.date.dutch), \(line.meeting.startTime)–\(line.meeting.endTime)"
                            if let host = line.host { " · gastwijk \(host)" }
                            if let theme = line.theme { " · thema \(theme)" }
                            if !line.meeting.published { " "; span(.class("badge")) { "concept" } }
                        }
                    }
                }
            }
            p {
                a(.href(SiteURL.programmeCalendar(p0.slug).path)) {
                    "Alle bijeenkomsten in uw agenda (iCal-abonnement)"
                }
            }
            if model.viewer.isStaff { copyForm(model) }
        }
    }

    /// A new round from this one: its cities, wijken, coordinators and themes, with a new name and dates.
    static func copyForm(_ model: Model) -> Node {
        form(.method("post"), .action(SiteURL.programmeCopy(model.programme.slug).path), .class("stacked")) {
            fieldset {
                legend { "Programma kopiëren voor een nieuwe ronde" }
                Forms.csrf(model.csrf)
                p(.class("meta")) {
                    "De nieuwe ronde krijgt de steden en wijken, de stadscoördinatoren (met hun bestaande account) en de thema's als kandidaten. Deelnemers, stemmen en bijeenkomsten blijven bij deze ronde."
                }
                Forms.text("Naam", name: "naam", value: "\(model.programme.name) (nieuwe ronde)", required: true)
                Forms.text(
                    "Korte naam (in het adres)", name: "korte_naam", value: "", required: true,
                    hint: "kleine letters, cijfers en streepjes, bijvoorbeeld nieuwe-perspectieven-2027")
                Forms.text("Begin", name: "begin", value: "", type: "date", required: true)
                Forms.text("Einde", name: "einde", value: "", type: "date", required: true)
                button(.type("submit")) { "Kopiëren" }
            }
        }
    }

    static func addCityForm(_ model: Model) -> Node {
        form(.method("post"), .action(SiteURL.cityAdd(model.programme.slug).path), .class("stacked")) {
            fieldset {
                legend { "Stad en wijk toevoegen" }
                Forms.csrf(model.csrf)
                Forms.text(
                    "Gemeentecode (CBS)", name: "gemeentecode", value: "", required: true,
                    hint: "GM + 4 cijfers, bijvoorbeeld GM0114")
                Forms.text("Stad", name: "stad", value: "", required: true)
                Forms.text("Wijk", name: "wijk", value: "", required: true)
                Forms.text("Bron van deze gegevens", name: "bron", value: "", required: true)
                button(.type("submit")) { "Toevoegen" }
            }
        }
    }
}
