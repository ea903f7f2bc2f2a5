import Core
import HTML
import Programme

/// Home: search any gemeente, wijk or buurt by name or code; what the kennisprogramma is, its wijken, meetings,
/// latest posts and publications.
public enum HomePage {
    public struct Result: Sendable {
        public var code: String
        public var name: String
        public var level: String
        public var municipality: String
        /// What a user should know before following the link: "opgeheven in 2019; nu Midden-Groningen".
        public var note: String?
        /// Where the result leads when it is no CBS region (a focus area); nil: the region's wijkanalyse.
        public var path: String?

        public init(
            code: String, name: String, level: String, municipality: String, note: String? = nil, path: String? = nil
        ) {
            self.path = path
            self.code = code
            self.name = name
            self.level = level
            self.municipality = municipality
            self.note = note
        }
    }

    /// What the public sees of the programmes: the current one and its wijken; published meetings, public posts and
    /// published reports of all of them.
    public struct ProgrammeBlock: Sendable {
        public var programme: ProgrammeInfo
        public var cities: [ProgrammeCity]
        public var upcoming: [(programme: ProgrammeInfo, meeting: Meeting)]
        public var past: [(programme: ProgrammeInfo, meeting: Meeting)]
        public var posts: [Post]
        /// (title, path, version label).
        public var publications: [(title: String, path: String, label: String)]

        public init(
            programme: ProgrammeInfo, cities: [ProgrammeCity], upcoming: [(programme: ProgrammeInfo, meeting: Meeting)],
            past: [(programme: ProgrammeInfo, meeting: Meeting)], posts: [Post],
            publications: [(title: String, path: String, label: String)]
        ) {
            (self.programme, self.cities, self.upcoming, self.past, self.posts, self.publications) = (
                programme, cities, upcoming, past, posts, publications
            )
        }
    }

    public struct Model: Sendable {
        public var programme: ProgrammeBlock?
        public var query: String
        public var results: [Result]
        public var datasetCount: Int
        public var regionCount: Int

        public init(query: String, results: [Result], datasetCount: Int, regionCount: Int) {
            self.query = query
            self.results = results
            self.datasetCount = datasetCount
            self.regionCount = regionCount
        }
    }

    public static func render(_ model: Model) -> Node {
        Layout.page(
            .init(
                title: model.query.isEmpty
                    ? "Wijkanalyse en kennisprogramma voor de wijkaanpak" : "Zoeken: \(model.query)",
                description:
                    "Beknopte, eerlijke wijkanalyse en vroegsignalering voor elke gemeente, wijk en buurt van Nederland, uit open data.",
                path: SiteURL.home.path)
        ) {
            h1 { "Wijkanalyse voor elke wijk van Nederland" }
            p(.class("lead")) {
                "Zoek een gemeente, wijk of buurt op naam of CBS-code. Wijkradar zet de cijfers naast de gemeente, Nederland en gelijkende wijken, en laat zien welke signalen afgaan."
            }
            form(.action(SiteURL.home.path), .method("get"), .role("search"), .class("search")) {
                label(.for("q")) { "Naam of code" }
                input(
                    .type("search"), .id("q"), .name("q"), .value(model.query),
                    .placeholder("bijvoorbeeld Angelslo of WK011443"))
                button(.type("submit")) { "Zoeken" }
            }
            if !model.query.isEmpty {
                section(.aria("labelledby", "resultaten")) {
                    h2(.id("resultaten")) { "Resultaten voor ‘\(model.query)’" }
                    if model.results.isEmpty {
                        p {
                            "Niets gevonden. Probeer een deel van de naam (zonder ‘wijk’ of nummer) of een code als GM0114, WK011443 of BU03441014."
                        }
                    } else {
                        ul(.class("results")) {
                            for result in model.results {
                                li {
                                    a(.href(result.path ?? SiteURL.region(result.code).path)) { result.name }
                                    " "
                                    span(.class("meta")) {
                                        "\(result.level) · "
                                            + (result.path == nil
                                                ? "\(result.code) · gemeente \(result.municipality)"
                                                : result.municipality)
                                            + (result.note.map { " · \($0)" } ?? "")
                                    }
                                }
                            }
                        }
                    }
                }
            }
            p(.class("meta")) {
                "In deze installatie: \(DutchFormat.number(Double(model.datasetCount))) datasets over \(DutchFormat.number(Double(model.regionCount))) regio's. "
                a(.href(SiteURL.radar.path)) { "Bekijk de landelijke radar" }
            }
            if let block = model.programme, model.query.isEmpty { programme(block) }
        }
    }

    static func meetingLine(_ entry: (programme: ProgrammeInfo, meeting: Meeting)) -> Node {
        li {
            a(.href(MeetingPage.path(entry.programme, entry.meeting))) { entry.meeting.title };
            " — \(entry.meeting.date.dutch), \(entry.programme.name)"
        }
    }

    static func programme(_ block: ProgrammeBlock) -> Node {
        let programme = block.programme
        return .fragment([
            section(.aria("labelledby", "programma")) {
                h2(.id("programma")) { "Kennisprogramma: \(programme.name)" }
                p { programme.summary }
                p(.class("meta")) {
                    "\(programme.organiser) · \(programme.startsOn.dutch) – \(programme.endsOn.dutch) · ";
                    a(.href(ProgrammePage.path(programme))) { "Over het programma" }
                }
            },
            section(.aria("labelledby", "wijken")) {
                h2(.id("wijken")) { "De wijken" }
                ul(.class("columns")) {
                    for city in block.cities {
                        li { a(.href(CityPage.path(programme, city))) { "\(city.wijkName) (\(city.cityName))" } }
                    }
                }
            },
            section(.aria("labelledby", "bijeenkomsten")) {
                h2(.id("bijeenkomsten")) { "Bijeenkomsten" }
                if block.upcoming.isEmpty && block.past.isEmpty { p { "Er zijn nog geen bijeenkomsten aangekondigd." } }
                if !block.upcoming.isEmpty {
                    h3 { "Komend" }
                    ul { for entry in block.upcoming { meetingLine(entry) } }
                }
                if !block.past.isEmpty {
                    h3 { "Geweest" }
                    ul { for entry in block.past { meetingLine(entry) } }
                }
            },
            section(.aria("labelledby", "berichten")) {
                h2(.id("berichten")) { "Laatste berichten" }
                if block.posts.isEmpty { p { "Nog geen berichten." } }
                ul {
                    for post in block.posts {
                        li {
                            a(.href(SiteURL.blogPost(post.slug).path)) { post.title };
                            " — \(post.kind.label), \(PostTime.dutch(post.publishAt))"
                        }
                    }
                }
                p { a(.href(SiteURL.blog.path)) { "Alle blogs en nieuws" } }
            },
            section(.aria("labelledby", "publicaties")) {
                h2(.id("publicaties")) { "Publicaties" }
                if block.publications.isEmpty { p { "Nog geen rapporten gepubliceerd." } }
                ul {
                    for publication in block.publications {
                        li {
                            a(.href(publication.path)) { publication.title }; " — \(publication.label)"
                        }
                    }
                }
                p { a(.href(SiteURL.publications.path)) { "Alle publicaties" } }
            },
        ])
    }
}
