import Core
import HTML

/// The crosswalks on the staff page: which exist, where each came from, and the two ways to add one: read a table
/// (CBS's, the grenswijzigen tables, a gemeente's own) or derive them from the outlines in the database.
public enum CrosswalkSection {
    public struct Line: Sendable {
        public var level: RegionLevel
        public var fromYear: Int
        public var toYear: Int
        public var origin: String
        public var statement: String
        public var derived: Bool
        public var date: String

        public init(
            level: RegionLevel, fromYear: Int, toYear: Int, origin: String, statement: String, derived: Bool,
            date: String
        ) {
            (self.level, self.fromYear, self.toYear, self.origin) = (level, fromYear, toYear, origin)
            (self.statement, self.derived, self.date) = (statement, derived, date)
        }
    }

    public static func render(_ lines: [Line], csrf: String) -> Node {
        section(.id("omrekentabellen"), .aria("labelledby", "kop-omrekentabellen")) {
            h2(.id("kop-omrekentabellen")) { "Reeksen over grenswijzigingen heen" }
            p {
                "Met omrekentabellen zet Wijkradar de cijfers van elk jaar om naar de nieuwste indeling, zodat een wijk "
                    + "één lijn door de jaren heeft. De gemeentelijke herindelingen sinds 2013 kent Wijkradar zelf. "
                a(.href(SiteURL.methodology.path + "#omrekenen")) { "Hoe er wordt omgerekend" }
                "."
            }
            if lines.isEmpty {
                p { "Er zijn nog geen omrekentabellen voor wijken of buurten ingelezen of afgeleid." }
            } else {
                table(.class("figures")) {
                    caption { DutchFormat.count(lines.count, "omrekentabel", "omrekentabellen") }
                    thead {
                        tr {
                            for title in ["Niveau", "Van → naar", "Herkomst", "Inhoud", "Datum"] {
                                th(.scope("col")) { title }
                            }
                        }
                    }
                    tbody {
                        for line in lines {
                            tr {
                                td { line.level.rawValue }
                                th(.scope("row")) { "\(line.fromYear) → \(line.toYear)" }
                                td { line.origin }
                                td { line.statement }
                                td { line.date }
                            }
                        }
                    }
                }
            }
            form(.method("post"), .action(SiteURL.adminCrosswalksDerive.path), .class("stacked")) {
                Forms.csrf(csrf)
                p(.class("meta")) {
                    "Staan er grenzen van meer dan één jaar in de database, dan leidt Wijkradar de omrekening af uit de "
                        + "overlap van de grenzen (naar oppervlakte). Dat duurt bij alle wijken van Nederland enkele seconden."
                }
                button(.type("submit")) { "Afleiden uit de grenzen" }
            }
            form(
                .method("post"), .action(SiteURL.adminCrosswalks.path), Attribute("enctype", "multipart/form-data"),
                .class("stacked")
            ) {
                fieldset {
                    legend { "Omrekentabel inlezen" }
                    Forms.csrf(csrf)
                    div(.class("field")) {
                        label(.for("f-tabel")) { "Bestand (CSV of XLSX, hoogstens 30 MB)" }
                        span(.class("hint meta"), .id("h-tabel")) {
                            "Kolommen from_year, to_year, from_code, to_code en weight (of van_jaar, naar_jaar, van_code, "
                                + "naar_code en gewicht); een kolom basis, of kies de basis hieronder."
                        }
                        input(.type("file"), .name("tabel"), .id("f-tabel"), .required, .aria("describedby", "h-tabel"))
                    }
                    Forms.choice(
                        "Basis van de gewichten", name: "basis",
                        options: [("", "uit de kolom basis")]
                            + [Crosswalk.Basis.addresses, .inhabitants, .dwellings, .area].map {
                                ($0.rawValue, $0.rawValue)
                            },
                        selected: "")
                    Forms.text(
                        "Herkomst", name: "bron", value: "",
                        hint:
                            "Zoals die bij de omgerekende cijfers komt te staan, bijvoorbeeld ‘CBS, adressen 2016–2022’."
                    )
                    button(.type("submit")) { "Inlezen" }
                }
            }
        }
    }
}
