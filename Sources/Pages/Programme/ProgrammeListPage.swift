import Core
import HTML
import Programme

/// All programmes, newest first; staff start a new round here.
public enum ProgrammeListPage {
    public struct Model: Sendable {
        public var programmes: [ProgrammeInfo]
        public var viewer: Viewer
        public var session: Layout.SessionBar?
        public var csrf: String
        public var problems: [String]

        public init(
            programmes: [ProgrammeInfo], viewer: Viewer, session: Layout.SessionBar?, csrf: String,
            problems: [String] = []
        ) {
            (self.programmes, self.viewer, self.session, self.csrf, self.problems) = (
                programmes, viewer, session, csrf, problems
            )
        }
    }

    public static func render(_ model: Model) -> Node {
        Layout.page(
            .init(
                title: "Kennisprogramma",
                description: "Kennisprogramma's voor de wijkaanpak: steden, wijken, thema's en bijeenkomsten.",
                path: SiteURL.programmes.path, session: model.session)
        ) {
            h1 { "Kennisprogramma" }
            p(.class("lead")) {
                "Steden leren van elkaars wijkaanpak in themabijeenkomsten. Hier staan de programma's, hun wijken en bijeenkomsten."
            }
            Forms.errors(model.problems)
            if model.programmes.isEmpty { p { "Er is nog geen programma." } }
            ul(.class("results")) {
                for programme in model.programmes {
                    li {
                        a(.href(ProgrammePage.path(programme))) { programme.name }
                        " — \(programme.organiser), \(programme.startsOn.dutch) – \(programme.endsOn.dutch)"
                    }
                }
            }
            if model.viewer.isStaff {
                form(.method("post"), .action(SiteURL.programmes.path), .class("stacked")) {
                    fieldset {
                        legend { "Nieuw programma (volgende ronde)" }
                        Forms.csrf(model.csrf)
                        Forms.text("Naam", name: "naam", value: "", required: true)
                        Forms.text(
                            "Korte naam voor de adresregel", name: "slug", value: "", required: true,
                            hint: "kleine letters, cijfers en streepjes, bijvoorbeeld ronde-2027")
                        Forms.text("Organisator", name: "organisator", value: "", required: true)
                        Forms.text("Begindatum", name: "begin", value: "", type: "date", required: true)
                        Forms.text("Einddatum", name: "einde", value: "", type: "date", required: true)
                        Forms.text(
                            "Aantal deelnemende steden", name: "steden", value: "",
                            hint: "leeg laten als het nog niet vaststaat")
                        Forms.area("Korte beschrijving", name: "beschrijving", value: "")
                        Forms.text(
                            "Bron", name: "bron", value: "",
                            hint: "bijvoorbeeld de programmabeschrijving of het besluit")
                        button(.type("submit")) { "Programma aanmaken" }
                    }
                }
            }
        }
    }
}
