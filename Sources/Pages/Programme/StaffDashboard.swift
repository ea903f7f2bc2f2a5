import Core
import HTML

/// What needs staff's attention, at the top of /beheer: meetings of the coming two weeks and who comes from where,
/// cities with fewer than two participants, opgaven that look like one, concepts waiting to be published, and open
/// invitations. Each line links to where it is dealt with.
public enum StaffDashboard {
    public struct MeetingLine: Sendable {
        public var title: String
        public var date: String
        public var link: String
        public var perCity: [(city: String, count: Int)]
        public var waiting: Int

        public init(title: String, date: String, link: String, perCity: [(city: String, count: Int)], waiting: Int) {
            (self.title, self.date, self.link, self.perCity, self.waiting) = (title, date, link, perCity, waiting)
        }
    }

    public struct Model: Sendable {
        public var meetings: [MeetingLine] = []
        /// (city – wijk (programme), its participants page, participants).
        public var thinCities: [(label: String, link: String, count: Int)] = []
        /// Kinds of opgave with more than one open opgave: candidates to merge.
        public var opgaveKinds: [(kind: String, count: Int)] = []
        /// (what, where).
        public var concepts: [(label: String, link: String)] = []
        public var invitations = 0

        public init() {}
    }

    public static func render(_ model: Model) -> Node {
        section(.aria("labelledby", "aandacht"), .class("attention")) {
            h2(.id("aandacht")) { "Wat vraagt aandacht" }
            ul(.class("tiles")) {
                li {
                    span(.class("tile-label")) { "Bijeenkomsten, komende twee weken" }
                    span(.class("tile-value")) { String(model.meetings.count) }
                }
                li(.class(model.thinCities.isEmpty ? "" : "signal")) {
                    span(.class("tile-label")) { "Steden met minder dan twee deelnemers" }
                    span(.class("tile-value")) { String(model.thinCities.count) }
                }
                li {
                    span(.class("tile-label")) { "Soorten opgaven om samen te voegen" }
                    span(.class("tile-value")) { String(model.opgaveKinds.count) }
                }
                li {
                    span(.class("tile-label")) { "Concepten" }
                    span(.class("tile-value")) { String(model.concepts.count) }
                }
                li {
                    span(.class("tile-label")) { "Openstaande uitnodigingen" }
                    span(.class("tile-value")) { a(.href("#uitnodigingen")) { String(model.invitations) } }
                }
            }
            if !model.meetings.isEmpty {
                h3 { "Bijeenkomsten" }
                ul {
                    for meeting in model.meetings {
                        li {
                            a(.href(meeting.link)) { meeting.title }
                            " (\(meeting.date)): "
                            meeting.perCity.isEmpty
                                ? "nog niemand aangemeld"
                                : meeting.perCity.map { "\($0.city) \($0.count)" }.joined(separator: ", ")
                            if meeting.waiting > 0 { "; \(meeting.waiting) op de wachtlijst" }
                        }
                    }
                }
            }
            if !model.thinCities.isEmpty {
                h3 { "Steden met minder dan twee deelnemers" }
                ul {
                    for city in model.thinCities {
                        li {
                            a(.href(city.link)) { city.label }
                            ": " + DutchFormat.count(city.count, "deelnemer", "deelnemers")
                        }
                    }
                }
            }
            if !model.opgaveKinds.isEmpty {
                h3 { "Opgaven die op elkaar lijken" }
                ul {
                    for kind in model.opgaveKinds {
                        li {
                            a(.href(SiteURL.opgaven.path)) { kind.kind }
                            ": " + DutchFormat.count(kind.count, "opgave", "opgaven")
                        }
                    }
                }
            }
            if !model.concepts.isEmpty {
                h3 { "Concepten" }
                ul { for concept in model.concepts { li { a(.href(concept.link)) { concept.label } } } }
            }
        }
    }
}
