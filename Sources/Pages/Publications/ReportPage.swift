import Foundation
import HTML
import Pages
import Programme

/// A programme report on the site: a published version as it was frozen, or — for staff — the concept with a form
/// in every editor slot, the editors' note and the button that publishes it.
public enum ReportPage {
    public struct Concept: Sendable {
        public var id: Int
        public var version: Int
        public var staffNote: String

        public init(id: Int, version: Int, staffNote: String) {
            (self.id, self.version, self.staffNote) = (id, version, staffNote)
        }
    }

    public struct Model: Sendable {
        public var document: ReportDocument
        public var programme: ProgrammeInfo
        /// Published versions: (number, publication date).
        public var versions: [(number: Int, date: String)]
        /// Which version this page shows; nil for the concept.
        public var number: Int?
        /// The concept's state, for staff on the concept page.
        public var concept: Concept?
        public var session: Layout.SessionBar?
        public var csrf: String
        public var problems: [String]
        public var notice: String?
        /// What an editor typed in a slot when it was refused: back in the form, next to the stored text.
        public var typed: (slot: String, title: String, markdown: String)?

        public init(
            document: ReportDocument, programme: ProgrammeInfo, versions: [(number: Int, date: String)], number: Int?,
            concept: Concept?,
            session: Layout.SessionBar?, csrf: String, problems: [String] = [], notice: String? = nil,
            typed: (slot: String, title: String, markdown: String)? = nil
        ) {
            (self.document, self.programme, self.versions, self.number, self.concept) = (
                document, programme, versions, number, concept
            )
            (self.session, self.csrf, self.problems, self.notice, self.typed) = (session, csrf, problems, notice, typed)
        }
    }

    public static func path(_ programme: ProgrammeInfo, _ kind: ReportDocument.Kind) -> String {
        SiteURL.report(programme.slug, kind.slug).path
    }

    public static func render(_ model: Model) -> Node {
        let base = path(model.programme, model.document.kind)
        let here = model.number.map { "\(base)/versie/\($0)" } ?? "\(base)/concept"
        var editor: ReportRenderer.SlotEditor?
        if let concept = model.concept {
            let (csrf, typed) = (model.csrf, model.typed)
            editor = { slot, title, markdown in
                slotForm(
                    base: base, concept: concept, csrf: csrf, slot: slot, title: title, markdown: markdown,
                    typed: typed?.slot == slot ? typed : nil)
            }
        }
        return Layout.page(
            .init(
                title: "\(model.document.title) (\(model.document.versionLabel))",
                description: "\(model.document.kind.summary) \(model.document.programme).", path: here,
                session: model.session)
        ) {
            p(.class("meta")) {
                a(.href(SiteURL.publications.path)) { "Publicaties" }; " › \(model.document.programme)"
            }
            Forms.notice(model.notice)
            Forms.errors(model.problems)
            versionsAside(model, base: base, here: here)
            if let concept = model.concept { conceptTools(base: base, concept: concept, csrf: model.csrf) }
            ReportRenderer.article(model.document, editor: editor)
        }
    }

    static func versionsAside(_ model: Model, base: String, here: String) -> Node {
        let isStaff = model.session?.isStaff == true
        return aside(.class("report-versions"), .aria("label", "Versies en downloads")) {
            p {
                a(.href("\(here)/pdf")) { "Download als PDF" }
                " · "
                a(.href("\(here)/afdruk")) { "Afdrukversie (HTML)" }
            }
            if !model.versions.isEmpty {
                p { "Gepubliceerde versies:" }
                ul {
                    for version in model.versions {
                        li {
                            if version.number == model.number {
                                strong { "Versie \(version.number) (\(version.date)) — deze versie" }
                            } else {
                                a(.href("\(base)/versie/\(version.number)")) {
                                    "Versie \(version.number) (\(version.date))"
                                }
                            }
                        }
                    }
                }
            }
            if isStaff {
                if model.concept == nil {
                    Forms.button("Nieuw concept maken", action: "\(base)/concept", csrf: model.csrf)
                    p(.class("meta")) {
                        "Een gepubliceerde versie verandert niet meer. Een nieuw concept begint met de tekst van de nieuwste versie en de cijfers van nu."
                    }
                }
            }
        }
    }

    static func conceptTools(base: String, concept: Concept, csrf: String) -> Node {
        section(.class("concept-tools"), .aria("labelledby", "concept-titel")) {
            h2(.id("concept-titel")) { "Concept bewerken" }
            p {
                "Dit concept is alleen zichtbaar voor programmastaf. De cijfers komen uit de gegevens van nu; bij publiceren worden ze vastgelegd en veranderen ze niet meer."
            }
            form(.method("post"), .action("\(base)/concept/notitie"), .class("stacked")) {
                Forms.csrf(csrf)
                input(.type("hidden"), .name("versie"), .value(String(concept.version)))
                Forms.area("Notitie voor de redactie (nooit openbaar)", name: "notitie", value: concept.staffNote)
                button(.type("submit")) { "Notitie opslaan" }
            }
            Forms.button(
                "Publiceren als nieuwe versie", action: "\(base)/concept/publiceren", csrf: csrf,
                fields: [("versie", String(concept.version))],
                confirm: "Dit concept publiceren? De versie wordt openbaar en haar cijfers liggen daarna vast.")
        }
    }

    static func slotForm(
        base: String, concept: Concept, csrf: String, slot: String, title: String, markdown: String,
        typed: (slot: String, title: String, markdown: String)?
    ) -> Node {
        let (formTitle, formText) = typed.map { ($0.title, $0.markdown) } ?? (title, markdown)
        return div(.class("editorial slot")) {
            if !title.isEmpty { h4 { title } }
            if !markdown.isEmpty { Markdown.render(markdown) }
            form(.method("post"), .action("\(base)/concept/tekst"), .class("stacked")) {
                Forms.csrf(csrf)
                input(.type("hidden"), .name("versie"), .value(String(concept.version)))
                input(.type("hidden"), .name("plek"), .value(slot))
                fieldset {
                    legend { markdown.isEmpty ? "Tekst van de redactie toevoegen" : "Tekst van de redactie bewerken" }
                    // Every slot has its own form on the page, so its fields get ids of their own.
                    div(.class("field")) {
                        label(.for("kop-\(slot)")) { "Kop (optioneel)" }
                        input(.type("text"), .name("kop"), .id("kop-\(slot)"), .value(formTitle))
                    }
                    div(.class("field")) {
                        label(.for("tekst-\(slot)")) { "Tekst (Markdown)" }
                        span(.class("hint meta"), .id("hint-\(slot)")) {
                            "Kopjes met ##, lijsten met -, links als [tekst](https://…). Leeg maken verwijdert de tekst."
                        }
                        element(
                            "textarea",
                            [
                                .name("tekst"), .id("tekst-\(slot)"), Attribute("rows", "4"),
                                .aria("describedby", "hint-\(slot)"),
                            ]
                        ) { formText }
                    }
                    button(.type("submit")) { "Tekst opslaan" }
                }
            }
        }
    }
}
