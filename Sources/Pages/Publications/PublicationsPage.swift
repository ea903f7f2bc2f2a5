import HTML
import Pages
import Programme

/// The programmes' reports: for each, the newest published version and the earlier ones; staff also reach the
/// concept.
public enum PublicationsPage {
    public struct Entry: Sendable {
        public var programme: ProgrammeInfo
        public var kind: ReportDocument.Kind
        /// (number, date), newest first.
        public var versions: [(number: Int, date: String)]
        public var hasConcept: Bool

        public init(
            programme: ProgrammeInfo, kind: ReportDocument.Kind, versions: [(number: Int, date: String)],
            hasConcept: Bool
        ) {
            (self.programme, self.kind, self.versions, self.hasConcept) = (programme, kind, versions, hasConcept)
        }
    }

    public static func render(_ entries: [Entry], isStaff: Bool) -> Node {
        Layout.page(
            .init(
                title: "Publicaties",
                description:
                    "De rapporten van het kennisprogramma: de opgaven van de steden en het advies per thema en per wijk, met elke bron.",
                path: SiteURL.publications.path)
        ) {
            h1 { "Publicaties" }
            p(.class("lead")) {
                "De rapporten van het kennisprogramma, gemaakt uit de wijkanalyses en wat het programma leerde. Een gepubliceerde versie verandert niet meer; elk getal noemt zijn bron."
            }
            let visible = entries.filter { !$0.versions.isEmpty || isStaff }
            if visible.isEmpty { p { "Er is nog geen rapport gepubliceerd." } }
            for entry in visible {
                let base = ReportPage.path(entry.programme, entry.kind)
                section(.class("publication")) {
                    h2 { entry.kind.title }
                    p(.class("meta")) { entry.programme.name }
                    p { entry.kind.summary }
                    if let newest = entry.versions.first {
                        p {
                            a(.href("\(base)/versie/\(newest.number)")) {
                                "Lees versie \(newest.number) (\(newest.date))"
                            }
                            " · "
                            a(.href("\(base)/versie/\(newest.number)/pdf")) { "PDF" }
                        }
                        if entry.versions.count > 1 {
                            p(.class("meta")) {
                                "Eerdere versies: "
                                    + entry.versions.dropFirst().map { "\($0.number) (\($0.date))" }.joined(
                                        separator: ", ")
                            }
                        }
                    } else {
                        p(.class("meta")) { "Nog niet gepubliceerd." }
                    }
                    if isStaff {
                        p {
                            a(.href("\(base)/concept")) {
                                entry.hasConcept ? "Naar het concept" : "Concept bekijken en beginnen"
                            }
                        }
                    }
                }
            }
        }
    }
}
