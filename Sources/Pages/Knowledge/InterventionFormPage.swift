import Core
import HTML
import Knowledge

/// The form to capture or edit an intervention. Parties and money flows are rows; empty rows are ignored and two
/// empty rows are always offered, so any number can be entered by saving in between.
public enum InterventionFormPage {
    public struct Model: Sendable {
        public var id: Int?
        public var version: Int
        public var fields: [String: String]
        public var cities: [(id: Int, label: String)]
        /// The research register, to cite from.
        public var research: [(id: Int, citation: String)] = []
        public var session: Layout.SessionBar?
        public var csrf: String
        public var problems: [String]

        public init(
            id: Int?, version: Int, fields: [String: String], cities: [(id: Int, label: String)],
            session: Layout.SessionBar?,
            csrf: String, problems: [String] = []
        ) {
            (self.id, self.version, self.fields, self.cities, self.session, self.csrf, self.problems) = (
                id, version, fields, cities, session, csrf, problems
            )
        }
    }

    /// The form fields of a stored intervention.
    public static func fields(_ item: Intervention) -> [String: String] {
        var f: [String: String] = [
            "titel": item.title, "stad": item.city, "wijk": item.wijk, "cbs": item.regionCode ?? "",
            "themas": item.themes.joined(separator: ", "), "probleem": item.problem, "doel": item.aim,
            "doelgroep": item.targetGroup, "aanpak": item.approach, "waarom": item.whyItWorks,
            "resultaten": item.results,
            "bewijs": item.evidence.rawValue, "overdraagbaarheid": item.transferability,
        ]
        (f["emmie_effect"], f["emmie_mechanisme"], f["emmie_context"]) = (
            item.emmie.effect, item.emmie.mechanism, item.emmie.context
        )
        (f["emmie_implementatie"], f["emmie_economie"]) = (item.emmie.implementation, item.emmie.economics)
        (f["financieringsmodel"], f["regelgeving"], f["status"]) = (
            item.financingModel, item.regulation, item.status.rawValue
        )
        f["start"] = item.startYear.map(String.init) ?? ""
        f["eind"] = item.endYear.map(String.init) ?? ""
        f["links"] = item.links.joined(separator: "\n")
        f["programmastad"] = item.cityID.map(String.init) ?? ""
        f["bijeenkomst"] = item.meetingID.map(String.init) ?? ""
        for id in item.research ?? [] { f["onderzoek_\(id)"] = "ja" }
        for aspect in item.aspects { f["aspect_\(aspect.rawValue)"] = "ja" }
        for (i, party) in item.parties.enumerated() {
            (f["partij_naam_\(i)"], f["partij_soort_\(i)"], f["partij_rol_\(i)"]) = (
                party.name, party.kind, party.role.rawValue
            )
        }
        for (i, flow) in item.money.enumerated() {
            (f["geld_bron_\(i)"], f["geld_bedrag_\(i)"], f["geld_toelichting_\(i)"]) = (
                flow.source, flow.amount.map(String.init) ?? "", flow.note
            )
        }
        return f
    }

    static func rows(_ f: [String: String], prefix: String) -> Int {
        (0..<100).last { f["\(prefix)\($0)"].map { !$0.isEmpty } ?? false }.map { $0 + 3 } ?? 2
    }

    public static func render(_ model: Model) -> Node {
        let f = model.fields
        let action = model.id.map { SiteURL.knowledgeEdit($0).path } ?? SiteURL.knowledgeNew.path
        let title = model.id == nil ? "Interventie vastleggen" : "Interventie bewerken"
        return Layout.page(.init(title: title, description: title, path: action, session: model.session)) {
            p(.class("meta")) { a(.href(SiteURL.knowledge.path)) { "Kennisbank" } }
            h1 { title }
            Forms.errors(model.problems)
            form(.method("post"), .action(action), .class("stacked")) {
                Forms.csrf(model.csrf)
                input(.type("hidden"), .name("versie"), .value(String(model.version)))
                input(.type("hidden"), .name("bijeenkomst"), .value(f["bijeenkomst"] ?? ""))
                Forms.text("Titel", name: "titel", value: f["titel"] ?? "", required: true)
                Forms.choice(
                    "Programmastad", name: "programmastad",
                    options: [("", "— geen —")] + model.cities.map { (String($0.id), $0.label) },
                    selected: f["programmastad"] ?? "")
                Forms.text("Stad", name: "stad", value: f["stad"] ?? "", required: true)
                Forms.text("Wijk", name: "wijk", value: f["wijk"] ?? "", required: true)
                Forms.text(
                    "CBS-wijk of -buurt", name: "cbs", value: f["cbs"] ?? "",
                    hint: "bijvoorbeeld WK011443; koppelt de cijfers en de suggesties in gelijkende wijken")
                Forms.text("Thema's", name: "themas", value: f["themas"] ?? "", hint: "gescheiden door komma's")
                for (name, label) in [
                    ("probleem", "Probleem"), ("doel", "Doel"), ("doelgroep", "Doelgroep"),
                    ("aanpak", "Aanpak en methode"),
                    ("waarom", "Waarom het werkt (werkzame elementen, mechanisme)"),
                    ("resultaten", "Resultaten: werkt het, en waarom (niet)?"),
                ] {
                    Forms.area(label, name: name, value: f[name] ?? "")
                }
                Forms.choice(
                    "Bewijsniveau", name: "bewijs", options: EvidenceLevel.allCases.map { ($0.rawValue, $0.rawValue) },
                    selected: f["bewijs"] ?? "")
                fieldset {
                    legend { "EMMIE" }
                    for (name, label) in [
                        ("emmie_effect", "Effect"), ("emmie_mechanisme", "Mechanisme"), ("emmie_context", "Context"),
                        ("emmie_implementatie", "Implementatie"), ("emmie_economie", "Economie"),
                    ] {
                        Forms.area(label, name: name, value: f[name] ?? "")
                    }
                }
                Forms.area(
                    "Overdraagbaarheid (voorwaarden; waar wel en niet)", name: "overdraagbaarheid",
                    value: f["overdraagbaarheid"] ?? "")
                fieldset {
                    legend { "Partijen" }
                    for i in 0..<rows(f, prefix: "partij_naam_") {
                        Forms.text("Partij \(i + 1)", name: "partij_naam_\(i)", value: f["partij_naam_\(i)"] ?? "")
                        Forms.text(
                            "Soort (gemeente, corporatie, welzijn, zorg, …)", name: "partij_soort_\(i)",
                            value: f["partij_soort_\(i)"] ?? "")
                        Forms.choice(
                            "Rol", name: "partij_rol_\(i)",
                            options: Party.Role.allCases.map { ($0.rawValue, $0.rawValue) },
                            selected: f["partij_rol_\(i)"] ?? "")
                    }
                }
                fieldset {
                    legend { "Geldstromen" }
                    for i in 0..<rows(f, prefix: "geld_bron_") {
                        Forms.text(
                            "Bron \(i + 1) (gemeente, corporatie, NPLV, fonds, …)", name: "geld_bron_\(i)",
                            value: f["geld_bron_\(i)"] ?? "")
                        Forms.text(
                            "Bedrag in euro (leeg = onbekend)", name: "geld_bedrag_\(i)",
                            value: f["geld_bedrag_\(i)"] ?? "")
                        Forms.text(
                            "Toelichting", name: "geld_toelichting_\(i)", value: f["geld_toelichting_\(i)"] ?? "")
                    }
                }
                Forms.area(
                    "Financieringsmodel en kansen voor nieuwe modellen", name: "financieringsmodel",
                    value: f["financieringsmodel"] ?? "")
                Forms.area(
                    "Regelgeving (gebruikt of nodig; minder regels, andere regels)", name: "regelgeving",
                    value: f["regelgeving"] ?? "")
                fieldset {
                    legend { "Aspecten" }
                    for aspect in Aspect.allCases {
                        Forms.checkbox(
                            aspect.label, name: "aspect_\(aspect.rawValue)",
                            checked: f["aspect_\(aspect.rawValue)"] == "ja")
                    }
                }
                Forms.text("Startjaar", name: "start", value: f["start"] ?? "")
                Forms.text("Eindjaar", name: "eind", value: f["eind"] ?? "")
                Forms.choice(
                    "Status", name: "status", options: Intervention.Status.allCases.map { ($0.rawValue, $0.rawValue) },
                    selected: f["status"] ?? "lopend")
                Forms.area("Links (één per regel)", name: "links", value: f["links"] ?? "")
                if !model.research.isEmpty {
                    fieldset {
                        legend { "Onderzoek waarop het steunt" }
                        for study in model.research {
                            Forms.checkbox(
                                study.citation, name: "onderzoek_\(study.id)",
                                checked: f["onderzoek_\(study.id)"] == "ja")
                        }
                    }
                }
                Forms.choice(
                    "Publicatie", name: "publicatie",
                    options: [
                        ("openbaar", "Openbaar: op de site, in de zoekresultaten en de open data"),
                        ("concept", "Concept: alleen voor wie kennis vastlegt"),
                    ],
                    selected: f["publicatie"] ?? "openbaar")
                button(.type("submit")) { "Opslaan" }
            }
        }
    }
}
