import HTML
import Programme

/// Writing a post (staff): Markdown text, author, tags, concept or publication at a time (later = scheduled), the
/// editors' note, and images with their alt text.
public enum PostEditorPage {
    public struct Image: Sendable {
        public var id: Int
        public var fileName: String
        public var alt: String

        public init(id: Int, fileName: String, alt: String) { (self.id, self.fileName, self.alt) = (id, fileName, alt) }
    }

    public struct Model: Sendable {
        /// id 0 for a new post.
        public var post: Post
        public var images: [Image]
        public var session: Layout.SessionBar?
        public var csrf: String
        public var problems: [String]
        public var notice: String?

        public init(
            post: Post, images: [Image], session: Layout.SessionBar?, csrf: String, problems: [String] = [],
            notice: String? = nil
        ) {
            (self.post, self.images, self.session, self.csrf, self.problems, self.notice) = (
                post, images, session, csrf, problems, notice
            )
        }
    }

    public static func render(_ model: Model) -> Node {
        let post = model.post
        let isNew = post.id == 0
        let action = isNew ? SiteURL.blogNew.path : SiteURL.blogEdit(post.slug).path
        return Layout.page(
            .init(
                title: isNew ? "Nieuw bericht" : "Bewerken: \(post.title)",
                description: "Een blog of nieuwsbericht schrijven.",
                path: action, session: model.session)
        ) {
            p(.class("meta")) { a(.href(SiteURL.blog.path)) { "Blog en nieuws" } }
            h1 { isNew ? "Nieuw bericht" : "Bewerken: \(post.title)" }
            Forms.notice(model.notice)
            Forms.errors(model.problems)
            form(.method("post"), .action(action), .class("stacked")) {
                Forms.csrf(model.csrf)
                input(.type("hidden"), .name("versie"), .value(String(post.version)))
                Forms.choice(
                    "Soort", name: "soort", options: Post.Kind.allCases.map { ($0.rawValue, $0.label) },
                    selected: post.kind.rawValue)
                Forms.text("Titel", name: "titel", value: post.title, required: true)
                Forms.text("Auteur", name: "auteur", value: post.author, required: true)
                Forms.area(
                    "Tekst (Markdown)", name: "tekst", value: post.body,
                    hint:
                        "Kopjes met ##, lijsten met -, links als [tekst](https://…), afbeeldingen als ![wat erop staat](/blog/afbeelding/NUMMER)."
                )
                Forms.text(
                    "Thema's", name: "themas", value: post.tags.themes.joined(separator: ", "),
                    hint: "gescheiden door komma's")
                Forms.text(
                    "Wijken", name: "wijken", value: post.tags.wijken.joined(separator: ", "),
                    hint: "gescheiden door komma's")
                Forms.text(
                    "Steden", name: "steden", value: post.tags.cities.joined(separator: ", "),
                    hint: "gescheiden door komma's")
                Forms.choice(
                    "Status", name: "status",
                    options: [
                        (Post.State.draft.rawValue, "Concept (niet openbaar)"),
                        (Post.State.published.rawValue, "Publiceren op het tijdstip hieronder"),
                    ],
                    selected: post.state.rawValue)
                Forms.text(
                    "Publicatiemoment", name: "moment", value: PostTime.input(post.publishAt), type: "datetime-local",
                    hint: "Nederlandse tijd; een moment in de toekomst plant het bericht in")
                Forms.area("Notitie voor de redactie (nooit openbaar)", name: "notitie", value: post.staffNote)
                button(.type("submit")) { isNew ? "Bericht opslaan" : "Wijzigingen opslaan" }
            }
            if !isNew {
                section(.aria("labelledby", "afbeeldingen")) {
                    h2(.id("afbeeldingen")) { "Afbeeldingen" }
                    if model.images.isEmpty { p { "Nog geen afbeeldingen." } }
                    ul {
                        for image in model.images {
                            li {
                                code("![\(image.alt)](/blog/afbeelding/\(image.id))"); " — \(image.fileName)"
                            }
                        }
                    }
                    form(
                        .method("post"), .action(SiteURL.blogAddImage(post.slug).path),
                        Attribute("enctype", "multipart/form-data"), .class("stacked")
                    ) {
                        Forms.csrf(model.csrf)
                        div(.class("field")) {
                            label(.for("f-bestand")) { "Afbeelding (PNG of JPEG, ten hoogste 5 MB)" }
                            input(
                                .type("file"), .name("bestand"), .id("f-bestand"),
                                Attribute("accept", "image/png,image/jpeg"), .required)
                        }
                        Forms.text("Alt-tekst: wat staat erop?", name: "alt", value: "", required: true)
                        button(.type("submit")) { "Afbeelding toevoegen" }
                    }
                }
            }
        }
    }

    static func code(_ text: String) -> Node { element("code", []) { text } }
}
