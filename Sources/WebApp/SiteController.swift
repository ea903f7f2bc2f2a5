import Foundation
import Pages
import Programme
import Reports
import Storage
import Vapor

/// The public site's index: the sitemap (only what the public may open), robots.txt, and the programme block of the
/// home page.
struct SiteController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.sitemap) { _ in
            Response(
                status: .ok, headers: ["Content-Type": "application/xml; charset=utf-8"],
                body: .init(string: Feeds.sitemap(try await publicPaths(), baseURL: app.publicURL)))
        }
        routes.on(.robots) { _ in
            Response(
                status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8"],
                body: .init(
                    string: "User-agent: *\n"
                        + [SiteURL.admin, .profile, .login].map { "Disallow: \($0.path)\n" }.joined()
                        // Downloads are made per request (a PDF costs seconds): not for crawlers.
                        + ["/regio/*/wijkanalyse.pdf", "/regio/*/cijfers.xlsx", "/regio/*/cijfers.csv", "/vergelijk"]
                        .map { "Disallow: \($0)\n" }.joined()
                        + "Sitemap: \(app.publicURL)\(SiteURL.sitemap.path)\n"))
        }
    }

    /// Every page the public can open, read through the same public views the pages use.
    func publicPaths() async throws -> [(path: String, modified: Int?)] {
        let fixed: [SiteURL] = [
            .home, .radar, .methodology, .programmes, .knowledge, .opgaven, .research, .publications, .blog,
        ]
        var paths: [(path: String, modified: Int?)] = fixed.map { ($0.path, nil) }
        let (cities, meetings) = (try await app.programmes.allCities(), try await app.meetings.meetings(ids: nil))
        let versions = try await ReportStore(store: app.store).allVersions()
        for programme in try await app.programmes.all() {
            paths.append((ProgrammePage.path(programme), nil))
            for city in cities where city.programmeID == programme.id {
                paths.append((CityPage.path(programme, city), nil))
            }
            for meeting in meetings where meeting.programmeID == programme.id && meeting.published {
                paths.append((MeetingPage.path(programme, meeting), nil))
            }
            for kind in ReportDocument.Kind.allCases {
                for version in versions where version.programmeID == programme.id && version.kind == kind.rawValue {
                    guard let number = version.number else { continue }
                    paths.append((SiteURL.reportVersion(programme.slug, kind.slug, number).path, version.publishedAt))
                }
            }
        }
        // Record pages: interventions, opgaven and research (transfers live on their intervention's page, minutes on
        // their meeting's).
        for kind in [KnowledgeStore.Kind.intervention, .opgave, .research] {
            for hit in try await KnowledgeStore(store: app.store, audience: .public).search(
                "", kind: kind, limit: 100_000
            ).sorted(by: { $0.id < $1.id }) {
                paths.append((SiteURL.knowledgeRecord(hit.id).path, nil))
            }
        }
        for post in try await PostStore(store: app.store).posts(publicAt: BlogController.now()) {
            paths.append((SiteURL.blogPost(post.slug).path, max(post.publishAt, post.updatedAt)))
        }
        let snapshot = try await app.cache.snapshot()
        for code in snapshot.names.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            paths.append((SiteURL.region(code.rawValue).path, nil))
        }
        return paths
    }

    /// For the home page: the programme running today (else the newest) with its wijken, and the published meetings
    /// (five coming, five past), newest posts and published reports of every programme.
    static func programmeBlock(_ app: ProgrammeApp) async throws -> HomePage.ProgrammeBlock? {
        let programmes = try await app.programmes.all()
        let today = Day.today()
        guard
            let current = programmes.first(where: { !(today < $0.startsOn) && !($0.endsOn < today) })
                ?? programmes.first
        else { return nil }
        let (everyMeeting, versions) = (
            try await app.meetings.meetings(ids: nil), try await ReportStore(store: app.store).allVersions()
        )
        var meetings: [(programme: ProgrammeInfo, meeting: Meeting)] = []
        var publications: [(title: String, path: String, label: String, at: Int)] = []
        for programme in programmes {
            meetings += everyMeeting.filter { $0.programmeID == programme.id && $0.published }.map { (programme, $0) }
            for kind in ReportDocument.Kind.allCases {
                // The newest published version (`allVersions` lists the highest number first).
                if let version = versions.first(where: {
                    $0.programmeID == programme.id && $0.kind == kind.rawValue && $0.isPublished
                }), let number = version.number {
                    publications.append(
                        (
                            kind.title, SiteURL.reportVersion(programme.slug, kind.slug, number).path,
                            "versie \(number), \(programme.name)", version.publishedAt ?? 0
                        ))
                }
            }
        }
        return .init(
            programme: current, cities: try await app.programmes.cities(programmeID: current.id),
            upcoming: Array(
                meetings.filter { !($0.meeting.date < today) }.sorted { $0.meeting.date < $1.meeting.date }.prefix(5)),
            past: Array(
                meetings.filter { $0.meeting.date < today }.sorted { $1.meeting.date < $0.meeting.date }.prefix(5)),
            posts: Array(try await PostStore(store: app.store).posts(publicAt: BlogController.now()).prefix(5)),
            publications: publications.sorted { $0.at > $1.at }.map { ($0.title, $0.path, $0.label) })
    }
}
