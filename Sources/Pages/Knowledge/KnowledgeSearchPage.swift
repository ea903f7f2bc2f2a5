import Core
import Foundation
import HTML
import Knowledge
import Programme

/// Search over everything the programme learned, with facets to narrow down.
public enum KnowledgeSearchPage {
    public struct Hit: Sendable {
        public var id: Int
        public var kind: String
        public var title: String
        /// A concept, seen only by those who capture knowledge; labelled so.
        public var concept: Bool
        /// The start of the record's main text, and its evidence level, cities and themes.
        public var summary = ""
        public var evidence: String?
        public var places: [String] = []
        public var themes: [String] = []

        public init(id: Int, kind: String, title: String, concept: Bool = false) {
            (self.id, self.kind, self.title, self.concept) = (id, kind, title, concept)
        }
    }

    public struct Model: Sendable {
        public var query: String
        public var filters: [Facet: String]
        public var hits: [Hit]
        public var facets: [Facet: [(value: String, count: Int)]]

        public init(
            query: String, filters: [Facet: String], hits: [Hit], facets: [Facet: [(value: String, count: Int)]]
        ) {
            (self.query, self.filters, self.hits, self.facets) = (query, filters, hits, facets)
        }

        /// The search URL with one facet set (or cleared, with nil).
        func link(_ facet: Facet, _ value: String?) -> String {
            var parts = [("q", query)] + filters.filter { $0.key != facet }.map { ($0.key.rawValue, $0.value) }
            if let value { parts.append((facet.rawValue, value)) }
            return SiteURL.knowledge.path(query: parts.sorted { $0.0 < $1.0 })
        }
    }

    public static func render(_ model: Model) -> Node {
        Layout.page(
            .init(
                title: "Kennisbank", description: "Zoeken in interventies en opgaven van het kennisprogramma.",
                path: SiteURL.knowledge.path)
        ) {
            h1 { "Kennisbank" }
            p {
                "Interventies en opgaven uit het kennisprogramma. "
                a(.href(SiteURL.opgaven.path)) { "Register van opgaven" }
                if Layout.currentSession.map({ $0.isStaff || $0.role == Role.coordinator.label }) == true {
                    " · "; a(.href(SiteURL.knowledgeNew.path)) { "Interventie vastleggen" }
                }
            }
            form(.method("get"), .action(SiteURL.knowledge.path), .class("search"), .role("search")) {
                label(.for("q")) { "Zoek in interventies en opgaven" }
                input(.type("search"), .name("q"), .id("q"), .value(model.query))
                for (facet, value) in model.filters.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    input(.type("hidden"), .name(facet.rawValue), .value(value))
                }
                button(.type("submit")) { "Zoeken" }
            }
            if !model.filters.isEmpty {
                p {
                    "Gefilterd op: "
                    for (facet, value) in model.filters.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                        "\(facet.label.lowercased()) ‘\(value)’ "
                        a(.href(model.link(facet, nil))) { "(weg)" }
                        " "
                    }
                }
            }
            div(.class("two-columns")) {
                section(.aria("labelledby", "resultaten")) {
                    h2(.id("resultaten")) {
                        model.hits.isEmpty
                            ? "Geen resultaten" : DutchFormat.count(model.hits.count, "resultaat", "resultaten")
                    }
                    ol(.class("results")) {
                        for hit in model.hits {
                            li(.class("hit")) {
                                a(.href(SiteURL.knowledgeRecord(hit.id).path)) { hit.title }
                                if let evidence = hit.evidence { " "; span(.class("badge evidence")) { evidence } }
                                br()
                                span(.class("meta")) {
                                    ([hit.kind] + hit.places + hit.themes.map { "thema " + $0 }).joined(
                                        separator: " · ")
                                        + (hit.concept ? " · concept, niet openbaar" : "")
                                }
                                if !hit.summary.isEmpty { p(.class("summary")) { hit.summary } }
                            }
                        }
                    }
                }
                aside(.aria("labelledby", "filters")) {
                    h2(.id("filters")) { "Filters" }
                    for facet in Facet.allCases {
                        if let values = model.facets[facet], !values.isEmpty {
                            h3 { facet.label }
                            ul(.class("facets")) {
                                for entry in values {
                                    li {
                                        a(.href(model.link(facet, entry.value))) { entry.value }; " (\(entry.count))"
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
