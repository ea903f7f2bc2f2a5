import HTML

/// A Dutch error page that says what went wrong and what to do next.
public enum ErrorPage {
    public static func render(status: Int, message: String) -> Node {
        Layout.page(.init(title: status == 404 ? "Niet gevonden" : "Fout", description: message, path: "")) {
            h1 { status == 404 ? "Niet gevonden" : "Er ging iets mis" }
            p { message }
            p { a(.href(SiteURL.home.path)) { "Zoek een gemeente, wijk of buurt" } }
        }
    }
}
