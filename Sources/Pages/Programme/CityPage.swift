import HTML
import Programme

/// A programme wijk: its description next to its wijkanalyse, and for its coordinator and staff the form to keep
/// the description up to date (each statement with its source).
public enum CityPage {
    /// The wijkanalyse in brief, from the focus area linked to the wijk.
    public struct Analysis: Sendable {
        public var areaName: String
        public var note: String?
        public var sentences: [String]
        /// Attribution lines of the tables the sentences rest on ("Bron: CBS, …").
        public var sources: [String]
        public var link: String

        public init(areaName: String, note: String?, sentences: [String], sources: [String], link: String) {
            (self.areaName, self.note, self.sentences, self.sources, self.link) = (
                areaName, note, sentences, sources, link
            )
        }
    }

    public struct Model: Sendable {
        public var programme: ProgrammeInfo
        public var city: ProgrammeCity
        public var analysis: Analysis?
        public var focusCodes: String
        public var mayEdit: Bool
        public var session: Layout.SessionBar?
        public var csrf: String
        public var problems: [String]
        public var notice: String?

        public init(
            programme: ProgrammeInfo, city: ProgrammeCity, analysis: Analysis?, focusCodes: String, mayEdit: Bool,
            session: Layout.SessionBar?, csrf: String, problems: [String] = [], notice: String? = nil
        ) {
            (self.programme, self.city, self.analysis, self.focusCodes, self.mayEdit) = (
                programme, city, analysis, focusCodes, mayEdit
            )
            (self.session, self.csrf, self.problems, self.notice) = (session, csrf, problems, notice)
        }
    }

    public static func path(_ programme: ProgrammeInfo, _ city: ProgrammeCity) -> String {
        SiteURL.city(programme.slug, city.id).path
    }

    static func buildPeriod(_ city: ProgrammeCity) -> String {
        switch (city.buildFrom, city.buildTo) {
        case let (from?, to?): "\(from)–\(to)"
        case let (from?, nil): "vanaf \(from)"
        case let (nil, to?): "tot \(to)"
        default: city.descriptor(.buildPeriod)?.value ?? "onbekend"
        }
    }

    public static func render(_ model: Model) -> Node {
        let city = model.city
        let base = path(model.programme, city)
        return Layout.page(
            .init(
                title: "\(city.wijkName) (\(city.cityName))",
                description:
                    "\(city.wijkName) in \(city.cityName) in het kennisprogramma \(model.programme.name): beschrijving en wijkanalyse.",
                path: base, session: model.session)
        ) {
            p(.class("meta")) {
                a(.href(ProgrammePage.path(model.programme))) { model.programme.name };
                " · \(city.cityName) (\(city.municipalityCode))"
            }
            h1 { city.wijkName }
            Forms.notice(model.notice)
            Forms.errors(model.problems)
            div(.class("two-columns")) {
                section(.aria("labelledby", "beschrijving")) {
                    h2(.id("beschrijving")) { "Beschrijving" }
                    dl(.class("facts")) {
                        // The build period as the source words it, else the structured years.
                        if city.descriptor(.buildPeriod) == nil && (city.buildFrom != nil || city.buildTo != nil) {
                            dt { "Bouwperiode" }; dd { buildPeriod(city) }
                        }
                        if city.locationKind != .unknown { dt { "Ligging" }; dd { city.locationKind.label } }
                        if let inhabitants = city.inhabitants, city.descriptor(.size) == nil {
                            dt { "Inwoners" }; dd { "\(inhabitants)" }
                        }
                        for descriptor in city.descriptors where !descriptor.value.isEmpty {
                            dt { descriptor.field.label }
                            dd {
                                descriptor.value; br(); span(.class("meta")) { "Bron: " + descriptor.source }
                            }
                        }
                    }
                    p(.class("meta")) { "Stad en wijk: " + city.source }
                    if model.mayEdit {
                        p {
                            a(.href(SiteURL.participants(model.programme.slug, city.id).path)) {
                                "Deelnemers van \(city.cityName)"
                            }
                        }
                    }
                }
                aside(.aria("labelledby", "analyse")) {
                    h2(.id("analyse")) { "Wijkanalyse" }
                    if let analysis = model.analysis {
                        p(.class("meta")) { "CBS-gebied: " + analysis.areaName }
                        if let note = analysis.note { p(.class("note")) { note } }
                        ul { for sentence in analysis.sentences { li { sentence } } }
                        p { a(.href(analysis.link)) { "Volledige wijkanalyse van \(analysis.areaName)" } }
                        for source in analysis.sources { p(.class("meta")) { source } }
                    } else {
                        p {
                            "Deze wijk is nog niet aan CBS-wijken of -buurten gekoppeld. \(model.mayEdit ? "Vul hieronder de CBS-codes in." : "")"
                        }
                    }
                }
            }
            if model.mayEdit { editForm(model, action: base) }
        }
    }

    static func editForm(_ model: Model, action: String) -> Node {
        let city = model.city
        return form(.method("post"), .action(action), .class("stacked")) {
            fieldset {
                legend { "Beschrijving bewerken" }
                Forms.csrf(model.csrf)
                input(.type("hidden"), .name("versie"), .value("\(city.version)"))
                Forms.text("Wijknaam", name: "wijk", value: city.wijkName, required: true)
                Forms.text(
                    "CBS-gebied", name: "cbs", value: model.focusCodes,
                    hint:
                        "CBS-codes van de wijken of buurten die samen de programmawijk vormen, gescheiden door spaties, bijvoorbeeld WK011443"
                )
                Forms.text("Bouwperiode vanaf (jaar)", name: "bouw_van", value: city.buildFrom.map(String.init) ?? "")
                Forms.text("Bouwperiode tot (jaar)", name: "bouw_tot", value: city.buildTo.map(String.init) ?? "")
                Forms.text("Inwoners", name: "inwoners", value: city.inhabitants.map(String.init) ?? "")
                Forms.choice(
                    "Ligging in de gemeente", name: "ligging",
                    options: LocationKind.allCases.map { ($0.rawValue, $0.label) },
                    selected: city.locationKind.rawValue)
                for field in DescriptorField.allCases {
                    Forms.area(field.label, name: "d_\(field.rawValue)", value: city.descriptor(field)?.value ?? "")
                    Forms.text(
                        "Bron bij ‘\(field.label)’", name: "b_\(field.rawValue)",
                        value: city.descriptor(field)?.source ?? "")
                }
                button(.type("submit")) { "Opslaan" }
            }
        }
    }
}
