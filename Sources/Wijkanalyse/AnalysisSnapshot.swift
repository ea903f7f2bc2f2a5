import Analysis
import Charts
import Core
import Storage

/// Everything the wijkanalyse pages need, loaded once per data version: tables per level and period, the national
/// radar, the similarity model, outlines and names. Immutable, so requests share it without locks.
public struct AnalysisSnapshot: Sendable {
    public let version: String
    public let tables: [RegionLevel: [Int: RegionTable]]
    /// The wijk table the radar and similarity run on (newest year with every warning indicator), if any.
    public let radarTable: RegionTable?
    public let warning: EarlyWarning?
    public let ranking: [EarlyWarning.Result]
    public let similarity: SimilarityModel?
    /// Gemeenten among gemeenten: the early warning and similarity on the newest gemeente table with every warning
    /// indicator (a gemeente is compared with gemeenten, never with wijken).
    public let municipalWarning: EarlyWarning?
    public let municipalSimilarity: SimilarityModel?
    public let names: [RegionCode: String]
    /// The name search over `names`, built once per data version (folding 17 000 names per request was wasted work).
    public let nameIndex: RegionNameIndex
    public let provinces: [RegionCode: String]
    /// Wijk outlines, parsed once: (indeling year, rings as longitude/latitude).
    public let outlines: [RegionCode: (indeling: Int, rings: [[(Double, Double)]])]
    /// Every year on the newest indeling of each level, where the figures can be brought onto it.
    public let harmonised: [RegionLevel: HarmonisedSeries]
    /// Change signals per level, on the harmonised series (or the stored one when all years share an indeling).
    public let changes: [RegionLevel: ChangeSignals]
    /// Leefbaarometer deviation series per region, for clusters.
    public let liveability: [RegionCode: (series: [(period: Int, deviation: Double)], source: SourceRef)]

    public static func load(_ store: Store) async throws -> AnalysisSnapshot {
        let analysis = AnalysisStore(store: store)
        let version = try await analysis.dataVersion()
        var tables: [RegionLevel: [Int: RegionTable]] = [:]
        var names: [RegionCode: String] = [:]
        for level in RegionLevel.allCases {
            for period in try await analysis.periods(level: level) {
                let table = try await analysis.table(level: level, period: period)
                tables[level, default: [:]][period] = table
                for region in table.regions where names[region.code] == nil || region.name != region.code.rawValue {
                    names[region.code] = region.name
                }
            }
        }
        // A user's crosswalk first (addresses), then the bundled herindelingen, then those derived from outlines.
        let stored = try await CrosswalkStore(store: store).all()
        let crosswalks =
            stored.filter { !$0.derived }.map(\.crosswalk) + Crosswalk.municipalities
            + stored.filter(\.derived).map(\.crosswalk)
        var harmonised: [RegionLevel: HarmonisedSeries] = [:]
        for level in RegionLevel.allCases {
            harmonised[level] = HarmonisedSeries.build(
                level: level, tables: tables[level] ?? [:], crosswalks: crosswalks,
                names: try await analysis.namesPerIndeling(level: level))
        }
        let radarTable = (tables[.district] ?? [:]).sorted { $0.key > $1.key }.map(\.value)
            .first { EarlyWarning(table: $0).isComplete }
        let warning = radarTable.map { EarlyWarning(table: $0) }
        var liveability: [RegionCode: (series: [(period: Int, deviation: Double)], source: SourceRef)] = [:]
        for level in RegionLevel.allCases {
            for table in (tables[level] ?? [:]).values {
                guard let column = table.columns["lbm_deviation"] else { continue }
                for (index, region) in table.regions.enumerated() {
                    if let v = column.cells[index].number {
                        liveability[region.code, default: ([], column.source)].series.append((table.period, v))
                    }
                }
            }
        }
        let municipalTable = (tables[.municipality] ?? [:]).sorted { $0.key > $1.key }.map(\.value)
            .first { EarlyWarning(table: $0).isComplete }
        var changes: [RegionLevel: ChangeSignals] = [:]
        for level in RegionLevel.allCases {
            let series = harmonised[level]?.tables ?? tables[level] ?? [:]
            if series.count >= 2 { changes[level] = ChangeSignals(tables: series) }
        }
        return AnalysisSnapshot(
            version: version, tables: tables, radarTable: radarTable, warning: warning,
            ranking: warning?.ranking() ?? [], similarity: radarTable.map { SimilarityModel(table: $0) },
            municipalWarning: municipalTable.map { EarlyWarning(table: $0) },
            municipalSimilarity: municipalTable.map { SimilarityModel(table: $0) },
            names: names, nameIndex: RegionNameIndex(names: names), provinces: try await analysis.provinces(),
            outlines: try await analysis.geometries(level: .district).mapValues {
                ($0.indeling, Choropleth.rings($0.geojson))
            },
            harmonised: harmonised, changes: changes, liveability: liveability)
    }

    /// The newest table of a level that has the region.
    public func newestTable(for code: RegionCode) -> RegionTable? {
        (tables[code.level] ?? [:]).sorted { $0.key > $1.key }.map(\.value).first { $0.index(of: code) != nil }
    }

    /// The newest table of a level with regions in the gemeente.
    public func newestTable(level: RegionLevel, in municipality: RegionCode) -> RegionTable? {
        (tables[level] ?? [:]).sorted { $0.key > $1.key }.map(\.value)
            .first { $0.regions.contains { $0.code.lies(in: municipality) } }
    }

    /// The table to profile a region on: the radar year for wijken when the wijk is in it, else the newest one with
    /// the key indicators (income, WOZ, labour, tenure, education: those of the early warning), else the newest one
    /// with the most indicators. A gemeente had led with 2017, the file with the most columns, over 2022 and 2024.
    public func profileTable(for code: RegionCode) -> RegionTable? {
        if let radarTable, radarTable.index(of: code) != nil { return radarTable }
        let candidates = (tables[code.level] ?? [:]).values.filter { $0.index(of: code) != nil }
        if let keyed = candidates.filter({ EarlyWarning(table: $0).isComplete }).max(by: { $0.period < $1.period }) {
            return keyed
        }
        return candidates.max { ($0.columns.count, $0.period) < ($1.columns.count, $1.period) }
    }

    /// The similarity model a region is compared in: wijken among the radar's wijken, gemeenten among gemeenten.
    public func similarity(for level: RegionLevel) -> SimilarityModel? {
        level == .municipality ? municipalSimilarity : similarity
    }

    /// The early warning of a region among its peers, when its table is the one the warning runs on.
    public func warning(for code: RegionCode) -> EarlyWarning.Result? {
        if code.level == .municipality { return municipalWarning?.evaluate(code) }
        return radarTable?.index(of: code) != nil ? warning?.evaluate(code) : nil
    }

    public func name(_ code: RegionCode) -> String { names[code] ?? code.rawValue }

    /// The newest table of the area's level that covers most of its members (all, when one does).
    public func table(for area: FocusArea) -> RegionTable? {
        guard let level = area.level else { return nil }
        return (tables[level] ?? [:]).sorted { $0.key > $1.key }.map(\.value)
            .max { a, b in
                area.members.filter { a.index(of: $0) != nil }.count
                    < area.members.filter { b.index(of: $0) != nil }.count
            }
    }

    public func cluster(for code: RegionCode) -> Cluster? {
        liveability[code].flatMap { Cluster.classify($0.series) }
    }

    /// How a region changed between its earliest and latest comparable years.
    public func change(for code: RegionCode) -> ChangeSignals.Result? { changes[code.level]?.evaluate(code) }

    /// Wijkradar's development type, from the level signal (wijken of the radar year) and the changes.
    public func developmentType(for code: RegionCode) -> DevelopmentType? {
        guard let change = change(for: code) else { return nil }
        let level = radarTable?.index(of: code) != nil ? warning?.evaluate(code)?.signal : nil
        return DevelopmentType.classify(levelSignal: level, change: change)
    }

    /// For a gemeente that no longer exists: since when, and which gemeente(n) its territory went to, from the
    /// bundled herindelingen ("opgeheven; nu Midden-Groningen").
    public func dissolution(of code: RegionCode) -> String? {
        guard code.level == .municipality, let series = harmonised[.municipality],
            let newest = series.tables.values.max(by: { $0.regions.count < $1.regions.count }),
            newest.index(of: code) == nil
        else { return nil }
        let links = Crosswalk.municipalities.flatMap(\.links).filter { $0.from == code && $0.to != code }
        let successors = Set(links.map(\.to)).sorted().map(name)
        guard !successors.isEmpty else { return nil }
        return "opgeheven; nu " + DutchFormat.list(successors)
    }
}
