import Analysis
import Foundation
import Charts
import Core
import Knowledge
import Pages
import Storage

/// Builds the wijkanalyse page model of one region from an analysis snapshot; used by the web app and the
/// `report` command alike, so screen and paper always say the same.
public struct WijkanalyseBuilder: Sendable {
    public let snapshot: AnalysisSnapshot
    public var catalogue: IndicatorCatalogue = .standard

    public init(snapshot: AnalysisSnapshot) { self.snapshot = snapshot }

    /// Indicators offered for the map, in catalogue order.
    static let mapIndicators = [
        "low_income_persons_pct", "woz_value", "owner_occupied_pct", "labour_participation_pct",
        "education_high_pct", "high_income_persons_pct", "age_65_plus_pct", "population", "density",
    ]

    public func model(
        for code: RegionCode, mapIndicator: String? = nil, knowledge: RegionKnowledge = .none, districtSort: String = ""
    ) -> RegionPage.Model? {
        guard let table = snapshot.profileTable(for: code), let index = table.index(of: code) else { return nil }
        let region = table.regions[index]
        let municipalities = snapshot.tables[.municipality]?[table.period]
        var profile = RegionProfile.build(for: code, table: table, municipalities: municipalities)
        // A row with no figure for the region and nothing to compare with (a Leefbaarometer file that covers other
        // gemeenten) says nothing; rows where only the region's figure is missing stay, marked "ontbreekt".
        profile?.rows.removeAll { $0.value == .missing && $0.municipality?.number == nil && $0.national?.number == nil }
        let warning = snapshot.warning(for: code)
        let summary =
            profile.map { Summary.sentences(profile: $0, warning: warning, levelNoun: levelNoun(code.level)) } ?? []
        let neighbours =
            snapshot.similarity(for: code.level)?.neighbours(of: code, k: 10)?.map { n in
                RegionPage.Neighbour(
                    code: n.region.rawValue, name: snapshot.name(n.region),
                    municipality: snapshot.name(n.region.municipality), distance: n.distance,
                    closestOn: n.closestOn.map { catalogue[$0]?.label ?? $0 })
            } ?? []
        let cluster = snapshot.liveability[code].map {
            RegionPage.ClusterInfo(
                cluster: Cluster.classify($0.series), series: $0.series.sorted { $0.period < $1.period },
                source: $0.source)
        }
        let approximation = ProgrammeWijken.entry(for: code).flatMap { entry in
            entry.approximate
                ? "Benadering: de programmawijk \(entry.wijk) wordt hier voorgesteld door deze CBS-wijk. \(entry.note)."
                : nil
        }
        var model = RegionPage.Model(
            region: region, municipalityName: snapshot.name(code.municipality), profile: profile,
            summary: summary, series: series(for: code), neighbours: neighbours,
            neighbourFeatures: snapshot.similarity(for: code.level)?.features.map { catalogue[$0]?.label ?? $0 } ?? [],
            warning: warning, cluster: cluster, map: map(for: code, indicator: mapIndicator),
            approximation: approximation,
            change: snapshot.change(for: code).map {
                RegionPage.ChangeInfo(result: $0, type: snapshot.developmentType(for: code))
            })
        model.research = knowledge.research
        if code.level == .municipality {
            model.districts = RadarBuilder(snapshot: snapshot).model(
                filters: .init(municipality: code.rawValue, minimumPopulation: 0, sort: districtSort))
            if model.districts?.rows.isEmpty == true { model.districts = nil }
            model.neighbourhoods = neighbourhoods(of: code, sort: districtSort)
        }
        let names = Dictionary(uniqueKeysWithValues: neighbours.map { ($0.code, "\($0.name) (\($0.municipality))") })
        model.whatWorked = Suggestions.rank(
            neighbours: neighbours.map { ($0.code, $0.distance, $0.closestOn) },
            candidates: knowledge.candidates
        ).map {
            RegionPage.WhatWorked(
                id: $0.candidate.id, title: $0.candidate.title,
                wijk: names[$0.candidate.regionCode] ?? $0.candidate.regionCode,
                neighbourRank: $0.neighbourRank, evidence: $0.candidate.evidence.rawValue)
        }
        return model
    }

    /// The whole wijkanalyse of a region as web, print, PDF and the command line show it: the model with what the
    /// knowledge base holds about the region and the wijken most like it (two queries).
    public func load(
        _ code: RegionCode, mapIndicator: String? = nil, districtSort: String = "", knowledge store: KnowledgeStore
    ) async throws -> RegionPage.Model? {
        guard snapshot.profileTable(for: code) != nil else { return nil }
        let neighbours = snapshot.similarity(for: code.level)?.neighbours(of: code, k: 10)?.map(\.region.rawValue) ?? []
        let research = try await store.about(code.rawValue, kind: .research, as: Research.self).map {
            ($0.id, $0.value.citation)
        }
        let knowledge = RegionKnowledge(research: research, candidates: try await store.anchored(in: neighbours))
        return model(for: code, mapIndicator: mapIndicator, knowledge: knowledge, districtSort: districtSort)
    }

    func levelNoun(_ level: RegionLevel) -> String {
        switch level {
        case .municipality: "gemeenten"
        case .district: "wijken"
        case .neighbourhood: "buurten"
        }
    }

}

/// What the knowledge base holds about a wijk: the studies about it, and the interventions in the wijken most like it
/// (ranked by the builder, closest wijk and strongest evidence first).
public struct RegionKnowledge: Sendable {
    public var research: [(id: Int, citation: String)]
    public var candidates: [Suggestions.Candidate]

    public init(research: [(id: Int, citation: String)], candidates: [Suggestions.Candidate]) {
        (self.research, self.candidates) = (research, candidates)
    }

    public static let none = RegionKnowledge(research: [], candidates: [])
}

extension WijkanalyseBuilder {
    /// An intervention's host wijk in every year Wijkradar has, next to the mean of its ten most similar wijken, for
    /// the key figures; empty for a region that is not a wijk.
    public func development(of code: RegionCode) -> [InterventionPage.Development] {
        guard code.level == .district else { return [] }
        let similar = snapshot.similarity?.neighbours(of: code, k: 10)?.map(\.region) ?? []
        var result: [InterventionPage.Development] = []
        for id in ["population", "low_income_persons_pct", "labour_participation_pct", "woz_value"] {
            guard let indicator = catalogue[id], !indicator.stigmatising else { continue }
            var rows: [(period: Int, wijk: Cell?, similar: Cell?)] = []
            var sources: [String] = []
            for (period, table) in (snapshot.tables[.district] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let column = table.columns[id], let index = table.index(of: code) else { continue }
                let values = similar.compactMap { table.index(of: $0) }.compactMap { column.cells[$0].number }
                rows.append(
                    (
                        period, column.cells[index],
                        values.isEmpty ? nil : .computed(values.reduce(0, +) / Double(values.count))
                    ))
                sources.append(
                    "\(column.source.attribution) (tabel \(column.source.table), \(column.source.year); \(column.source.licence))"
                )
            }
            if !rows.isEmpty {
                result.append(
                    .init(
                        label: "\(indicator.label) (\(indicator.unit))", decimals: indicator.decimals, rows: rows,
                        source: sources.joined(separator: "; ")))
            }
        }
        return result
    }
}
