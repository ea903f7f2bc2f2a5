import Foundation
import Analysis
import Core
import HTML

/// All wijken of the Netherlands ranked by the early-warning score, with filters and a CSV download.
public enum RadarPage {
    public struct Row: Sendable {
        public var rank: Int
        public var code: String
        public var name: String
        public var municipality: String
        public var province: String
        public var population: Double?
        public var composite: Double?
        public var fired: Int
        public var signal: Bool
        public var cluster: String?
        public var programme: Bool
        /// Change: score (higher = less favourable), fired change rules, the years compared, the development type.
        public var change: Change?

        public struct Change: Sendable {
            public var score: Double?
            public var fired: Int
            public var years: String
            public var type: String?
            public init(score: Double?, fired: Int, years: String, type: String?) {
                (self.score, self.fired, self.years, self.type) = (score, fired, years, type)
            }
        }

        public init(
            rank: Int, code: String, name: String, municipality: String, province: String, population: Double?,
            composite: Double?, fired: Int, signal: Bool, cluster: String?, programme: Bool, change: Change? = nil
        ) {
            self.change = change
            self.rank = rank
            self.code = code
            self.name = name
            self.municipality = municipality
            self.province = province
            self.population = population
            self.composite = composite
            self.fired = fired
            self.signal = signal
            self.cluster = cluster
            self.programme = programme
        }
    }

    public struct Filters: Sendable, Equatable {
        public var municipality: String
        public var province: String
        public var minimumPopulation: Int?
        public var onlySignals: Bool
        public var cluster: String
        /// Wijkradar's development type to show only.
        public var development: String
        public var onlyChangeSignals: Bool
        /// "verandering": least favourable change first instead of the score; "inwoners", "naam".
        public var sort: String
        /// 1-based page of `pageSize` rows.
        public var page: Int

        public init(
            municipality: String = "", province: String = "", minimumPopulation: Int? = nil, onlySignals: Bool = false,
            cluster: String = "", development: String = "", onlyChangeSignals: Bool = false, sort: String = "",
            page: Int = 1
        ) {
            self.page = max(1, page)
            self.development = development
            self.onlyChangeSignals = onlyChangeSignals
            self.sort = sort
            self.municipality = municipality
            self.province = province
            self.minimumPopulation = minimumPopulation
            self.onlySignals = onlySignals
            self.cluster = cluster
        }

        public var queryString: String {
            var parts: [String] = []
            if !municipality.isEmpty { parts.append("gemeente=" + escape(municipality)) }
            if !province.isEmpty { parts.append("provincie=" + escape(province)) }
            if let minimumPopulation { parts.append("min_inwoners=\(minimumPopulation)") }
            if onlySignals { parts.append("signaal=ja") }
            if !cluster.isEmpty { parts.append("cluster=" + escape(cluster)) }
            if !development.isEmpty { parts.append("ontwikkeling=" + escape(development)) }
            if onlyChangeSignals { parts.append("verandering=ja") }
            if !sort.isEmpty { parts.append("sorteer=" + escape(sort)) }
            return parts.joined(separator: "&")
        }

        /// The address of another page of the same selection.
        public func path(page: Int) -> String {
            let query = queryString + (page > 1 ? (queryString.isEmpty ? "" : "&") + "pagina=\(page)" : "")
            return SiteURL.radar.path + (query.isEmpty ? "" : "?" + query)
        }

        private func escape(_ s: String) -> String {
            s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        }
    }

    public struct Model: Sendable {
        /// Rows per page: the first view of the radar stays small (a whole country was 782 KB).
        public static let pageSize = 100
        /// Without a choice, wijken under this many inhabitants are left out: business parks, university grounds
        /// and rural remainders otherwise fill the top with percentages of a few dozen people.
        public static let defaultMinimumPopulation = 1_000
        public var period: Int
        public var total: Int
        public var rows: [Row]
        public var filters: Filters
        public var provinces: [String]
        public var source: SourceRef
        /// The year most changes start from, for "grootste achteruitgang sinds …".
        public var changeSince: Int?

        public init(
            period: Int, total: Int, rows: [Row], filters: Filters, provinces: [String], source: SourceRef,
            changeSince: Int? = nil
        ) {
            self.changeSince = changeSince
            self.period = period
            self.total = total
            self.rows = rows
            self.filters = filters
            self.provinces = provinces
            self.source = source
        }
    }

    static func checkbox(_ name: String, _ text: String, checked: Bool) -> Node {
        div {
            element(
                "input",
                [.type("checkbox"), .id(name), .name(name), .value("ja")] + (checked ? [Attribute("checked", nil)] : [])
            )
            label(.for(name)) { text }
        }
    }

    public static func render(_ model: Model) -> Node {
        Layout.page(
            .init(
                title: "Landelijke radar",
                description: "Alle wijken van Nederland gerangschikt naar de vroegsignaleringsscore van Wijkradar.",
                path: SiteURL.radar.path)
        ) {
            h1 { "Landelijke radar \(model.period)" }
            p(.class("lead")) {
                "Alle \(DutchFormat.number(Double(model.total))) wijken van Nederland, gerangschikt naar de samengestelde vroegsignaleringsscore (hoger = kwetsbaarder). "
                "De wijken van het programma Nieuwe perspectieven zijn gemarkeerd. "
                a(.href(SiteURL.methodology.path(fragment: "vroegsignalering"))) { "Zo wordt de score berekend." }
            }
            form(.action(SiteURL.radar.path), .method("get"), .class("filters print-hide")) {
                div {
                    label(.for("gemeente")) { "Gemeente (naam of code)" };
                    input(.type("text"), .id("gemeente"), .name("gemeente"), .value(model.filters.municipality))
                }
                div {
                    label(.for("provincie")) { "Provincie" }
                    select(.id("provincie"), .name("provincie")) {
                        option(.value("")) { "alle" }
                        for province in model.provinces {
                            Components.choice(province, province, selected: province == model.filters.province)
                        }
                    }
                }
                div {
                    label(.for("min_inwoners")) {
                        "Minimaal aantal inwoners (standaard \(DutchFormat.number(Double(Model.defaultMinimumPopulation))); 0 = alle wijken)"
                    };
                    input(
                        .type("number"), .id("min_inwoners"), .name("min_inwoners"), Attribute("min", "0"),
                        .value(model.filters.minimumPopulation.map(String.init) ?? ""))
                }
                div {
                    label(.for("cluster")) { "Cluster" }
                    select(.id("cluster"), .name("cluster")) {
                        option(.value("")) { "alle" }
                        for cluster in Cluster.allCases.map(\.rawValue) {
                            Components.choice(cluster, cluster, selected: cluster == model.filters.cluster)
                        }
                    }
                }
                div {
                    label(.for("ontwikkeling")) { "Ontwikkelingstype (Wijkradar)" }
                    select(.id("ontwikkeling"), .name("ontwikkeling")) {
                        option(.value("")) { "alle" }
                        for type in DevelopmentType.allCases.map(\.rawValue) {
                            Components.choice(type, type, selected: type == model.filters.development)
                        }
                    }
                }
                div {
                    label(.for("sorteer")) { "Volgorde" }
                    select(.id("sorteer"), .name("sorteer")) {
                        Components.choice("", "kwetsbaarste eerst (score)", selected: model.filters.sort.isEmpty)
                        Components.choice(
                            "verandering",
                            "grootste achteruitgang" + (model.changeSince.map { " sinds \($0)" } ?? ""),
                            selected: model.filters.sort == "verandering")
                        Components.choice(
                            "inwoners", "meeste inwoners eerst", selected: model.filters.sort == "inwoners")
                        Components.choice("naam", "op naam", selected: model.filters.sort == "naam")
                    }
                }
                checkbox(
                    "verandering", "Alleen wijken met een veranderingssignaal", checked: model.filters.onlyChangeSignals
                )
                checkbox("signaal", "Alleen wijken met een signaal", checked: model.filters.onlySignals)
                button(.type("submit")) { "Filter" }
            }
            summary(model)
            table(.class("figures radar")) {
                caption {
                    "Wijken naar vroegsignaleringsscore, \(model.period). \(model.source.attribution) (\(model.source.table))."
                }
                thead {
                    tr {
                        for heading in [
                            "Rang", "Wijk", "Gemeente", "Provincie", "Inwoners", "Score", "Signalen", "Verandering",
                            "Ontwikkeling", "Cluster",
                        ] {
                            th(.scope("col")) { heading }
                        }
                    }
                }
                tbody {
                    for row in model.pageRows {
                        tr(.class(row.programme ? "programme" : "")) {
                            td(.class("num")) { String(row.rank) }
                            th(.scope("row")) {
                                a(.href(SiteURL.region(row.code).path)) { row.name }
                                if row.programme { " "; span(.class("badge")) { "programmawijk" } }
                            }
                            td { row.municipality }
                            td { row.province }
                            td(.class("num")) { row.population.map { DutchFormat.number($0) } ?? "–" }
                            td(.class("num")) { row.composite.map { DutchFormat.number($0, decimals: 2) } ?? "–" }
                            td(.class("num")) { "\(row.fired)" + (row.signal ? " (signaal)" : "") }
                            td(.class("num")) {
                                if let change = row.change {
                                    change.score.map { DutchFormat.number($0, decimals: 2) } ?? "–"
                                    span(.class("meta")) {
                                        " \(change.years)"
                                            + (change.fired > 0
                                                ? ", \(change.fired) \(change.fired == 1 ? "regel" : "regels")" : "")
                                    }
                                } else {
                                    "–"
                                }
                            }
                            td { row.change?.type ?? "–" }
                            td { row.cluster ?? "–" }
                        }
                    }
                }
            }
            pager(model)
        }
    }
}
