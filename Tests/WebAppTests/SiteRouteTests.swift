import DataImport
import Foundation
import Pages
import Storage
import Testing
import Vapor
import VaporTesting
@testable import WebApp

/// Routes and links come from one list (`SiteRoute`/`SiteURL`): the app answers exactly those routes, and every link,
/// image and form on the pages a visitor and staff can reach is an address the app answers, with the right method.
@Suite(.serialized) struct SiteRouteTests {
    static func registered(_ app: Application) -> [String] {
        app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }
    }

    @Test func theAppAnswersExactlyTheRoutesOfTheList() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            let routes = Self.registered(app)
            let listed = SiteRoute.allCases.map { "\($0.method.rawValue) /" + $0.template.joined(separator: "/") }
            #expect(
                routes.count == Set(routes).count,
                "registered twice: \(routes.filter { r in routes.filter { $0 == r }.count > 1 })")
            #expect(
                Set(routes) == Set(listed),
                "not listed: \(Set(routes).subtracting(listed).sorted()); not registered: \(Set(listed).subtracting(routes).sorted())"
            )
        }
        await f.store.close()
    }

    @Test func aLinkFillsItsRouteAndEncodesItsValues() {
        #expect(SiteURL.region("WK011443").path == "/regio/WK011443")
        #expect(
            SiteURL.registrationCancel("ronde-2", 4, 17).path
                == "/programma/ronde-2/bijeenkomst/4/aanmeldingen/17/afmelden")
        #expect(SiteURL.blogPost("wat we leerden/..").path == "/blog/wat%20we%20leerden%2F..")
        #expect(
            SiteURL.knowledge.path(query: [("q", "wonen & zorg"), ("thema", "")]) == "/kennis?q=wonen%20%26%20zorg")
        for url: SiteURL in [
            .home, .region("x"), .knowledgeAttachment(1, 2), .reportVersionPDF("a", "b", 3),
            .participantInvite("p", 1, 2),
        ] {
            let (route, values) = url.route
            #expect(route.parameters.count == values.count, "\(url)")
        }
    }

    /// A crawl as the public and as staff from the home page and the programme: every `href`, `src` and form `action`
    /// on a site path must match a registered route for its method (links and images GET, forms their own method).
    @Test func everyLinkAndFormOnThePagesIsARoute() async throws {
        let f = try await ProgrammeWebFixture.make()
        let entry = try BundledData.entries().first { $0.url.lastPathComponent == "cbs-kwb-2022-wijk.csv.gz" }!
        _ = try await ImportService(store: f.store).importFile(entry.url, options: entry.options)
        try await f.withApp { app in
            let router = MethodNotAllowed.router(app.routes.all)
            func methods(of path: String) -> [HTTPMethod]? {
                var parameters = Parameters()
                let components =
                    ["pad"] + path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
                return router.route(path: components, parameters: &parameters)
            }
            var problems: [String] = []
            var seen = Set<String>()
            var visited = 0
            for who in ["publiek", "staf"] {
                var visitor = who == "staf" ? try await Visitor.signedIn(app, "staf@example.nl") : Visitor(app)
                var queue = [
                    "/", f.base, "/kennis", "/blog", "/publicaties", "/beheer", "/profiel", "/radar", "/opgaven",
                    "/onderzoek",
                ]
                var regionPages = 0
                while let path = queue.first, visited < 400 {
                    queue.removeFirst()
                    guard seen.insert(who + path).inserted else { continue }
                    if path.hasPrefix("/regio/") { regionPages += 1; if regionPages > 5 { continue } }
                    let page = try await visitor.get(path)
                    visited += 1
                    guard page.headers.contentType?.subType == "html" else { continue }
                    for match in page.text.matches(
                        of: /<(a|link|img|form|button)\b[^>]*?\b(href|src|action)="(\/[^"#?]*)[^"]*"([^>]*)>/)
                    {
                        let (tag, target) = (String(match.1), String(match.3))
                        let method: HTTPMethod = tag == "form" && match.0.contains(#"method="post""#) ? .POST : .GET
                        guard let allowed = methods(of: target) else {
                            problems.append("\(path): \(tag) \(target) is no route"); continue
                        }
                        if !allowed.contains(method) { problems.append("\(path): \(tag) \(target) is not \(method)") }
                        if method == .GET, tag == "a" { queue.append(target) }
                    }
                }
            }
            #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
            #expect(visited > 40, "only \(visited) pages visited")
        }
        await f.store.close()
    }
}
