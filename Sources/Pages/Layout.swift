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
                element("script", [.src(SiteURL.menuScript.path), Attribute("defer", nil)]) {}
                link(
                    .rel("alternate"), .type("application/atom+xml"), .title("Blog en nieuws"),
                    .href(SiteURL.blogFeed.path))
            }
            body {
                a(.href("#inhoud"), .class("skip")) { "Naar de inhoud" }
                header(.class("site")) {
                    div(.class("bar")) {
                        a(.href(SiteURL.home.path), .class("brand")) {
                            wordmark
                            span {
                                "Wijkradar"
                                span(.class("tagline")) { "wijken in beeld, kennis gedeeld" }
                            }
                        }
                        // Shown by menu.js on small screens only; without the script the menu simply wraps.
                        button(
                            .type("button"), .class("menu-toggle"), .aria("controls", "hoofdmenu"),
                            .aria("expanded", "false"), Attribute("hidden", nil)
                        ) { "Menu" }
                        nav(.id("hoofdmenu"), .aria("label", "Hoofdmenu")) {
                            ul {
                                for (path, label) in menu(staff: session?.isStaff == true) {
                                    li {
                                        isCurrent(path, info.path)
                                            ? a(.href(path), .aria("current", "page")) { label }
                                            : a(.href(path)) { label }
                                    }
                                }
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

    static func menu(staff: Bool) -> [(String, String)] {
        [
            (SiteURL.home.path, "Zoeken"), (SiteURL.radar.path, "Landelijke radar"),
            (SiteURL.compare.path, "Vergelijken"), (SiteURL.methodology.path, "Methode"),
            (SiteURL.programmes.path, "Kennisprogramma"), (SiteURL.knowledge.path, "Kennisbank"),
            (SiteURL.publications.path, "Publicaties"), (SiteURL.blog.path, "Blog en nieuws"),
        ] + (staff ? [(SiteURL.admin.path, "Beheer")] : [])
    }

    /// The menu item of the section the page belongs to ("Zoeken" only on the home page itself).
    static func isCurrent(_ item: String, _ page: String) -> Bool {
        item == "/" ? page == "/" : page == item || page.hasPrefix(item + "/")
    }

    /// The wordmark: a radar sweep over concentric rings with one signal dot. Decorative: the name follows it.
    static let wordmark: Node = svg(
        .svg("viewBox", "0 0 32 32"), .aria("hidden", "true"), Attribute("focusable", "false")
    ) {
        circle(.svg("cx", "16"), .svg("cy", "16"), .svg("r", "15"), .svg("fill", "#154273"))
        circle(.svg("cx", "16"), .svg("cy", "16"), .svg("r", "10"), .svg("fill", "none"), .svg("stroke", "#8fb3d9"))
        circle(.svg("cx", "16"), .svg("cy", "16"), .svg("r", "5"), .svg("fill", "none"), .svg("stroke", "#8fb3d9"))
        path(.svg("d", "M16 16 L16 1 A15 15 0 0 1 29 8.5 Z"), .svg("fill", "#ffffff"), .svg("fill-opacity", ".35"))
        circle(.svg("cx", "22"), .svg("cy", "8.5"), .svg("r", "2.6"), .svg("fill", "#ffb612"))
    }
}
