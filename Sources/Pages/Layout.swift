import HTML

/// The frame of every page: Dutch, a skip link, landmarks, the stylesheet and a footer with the data attribution.
public enum Layout {
    public struct Meta: Sendable {
        public var title: String
        public var description: String
        public var path: String
        /// The signed-in person, shown in the header with a sign-out button; nil for the public.
        public var session: SessionBar?

        public init(title: String, description: String, path: String, session: SessionBar? = nil) {
            self.title = title
            self.description = description
            self.path = path
            self.session = session
        }
    }

    public struct SessionBar: Sendable {
        public var name: String
        public var role: String
        public var csrf: String
        public var isStaff: Bool

        public init(name: String, role: String, csrf: String, isStaff: Bool) {
            (self.name, self.role, self.csrf, self.isStaff) = (name, role, csrf, isStaff)
        }
    }

    /// The signed-in person for pages whose model does not carry one (the wijkanalyse pages): set per request by the
    /// web app, so every page shows who is signed in and offers to sign out.
    @TaskLocal public static var currentSession: SessionBar?

    public static func page(_ info: Meta, @NodeBuilder content: () -> [Node]) -> Node {
        let session = info.session ?? currentSession
        return html(.lang("nl")) {
            head {
                meta(.charset("utf-8"))
                meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                title(info.title + " — Wijkradar")
                meta(.name("description"), .content(info.description))
                link(.rel("stylesheet"), .href(SiteURL.stylesheet.path))
                link(
                    .rel("alternate"), .type("application/atom+xml"), .title("Blog en nieuws"),
                    .href(SiteURL.blogFeed.path))
            }
            body {
                a(.href("#inhoud"), .class("skip")) { "Naar de inhoud" }
                header(.class("site")) {
                    a(.href(SiteURL.home.path), .class("brand")) { "Wijkradar" }
                    nav(.aria("label", "Hoofdmenu")) {
                        ul {
                            li { a(.href(SiteURL.home.path)) { "Zoeken" } }
                            li { a(.href(SiteURL.radar.path)) { "Landelijke radar" } }
                            li { a(.href(SiteURL.methodology.path)) { "Methode" } }
                            li { a(.href(SiteURL.programmes.path)) { "Kennisprogramma" } }
                            li { a(.href(SiteURL.knowledge.path)) { "Kennisbank" } }
                            li { a(.href(SiteURL.publications.path)) { "Publicaties" } }
                            li { a(.href(SiteURL.blog.path)) { "Blog en nieuws" } }
                            if session?.isStaff == true { li { a(.href(SiteURL.admin.path)) { "Beheer" } } }
                        }
                    }
                    if let session {
                        form(.method("post"), .action(SiteURL.logout.path), .class("session")) {
                            span { "\(session.name) (\(session.role)) " }
                            Forms.csrf(session.csrf)
                            button(.type("submit")) { "Uitloggen" }
                        }
                    } else {
                        a(.href(SiteURL.login.path), .class("session")) { "Inloggen" }
                    }
                }
                main(.id("inhoud"), Attribute("tabindex", "-1")) { content() }
                footer(.class("site")) {
                    p {
                        "Cijfers: open data van CBS (Bron: CBS, CC BY 4.0), Kadaster en de Leefbaarometer (Ministerie van BZK). "
                        "Elk getal vermeldt zijn tabel en jaar. "
                        a(.href(SiteURL.methodology.path)) { "Hoe Wijkradar rekent" }
                    }
                }
            }
        }
    }
}
