import Analysis
import Charts
import Core
import Storage

/// Derives crosswalks from the outlines an installation holds: for every level with outlines of more than one
/// indeling, from each older indeling to the newest, stored with what was recognised. Run by `wijkradar
/// harmoniseer` and by staff on the web; the harmonised series pick them up with the next snapshot.
public enum CrosswalkDerivation {
    public struct Outcome: Sendable {
        public var level: RegionLevel
        public var fromYear: Int
        public var toYear: Int
        public var statement: String
    }

    public static func run(store: Store) async throws -> [Outcome] {
        let crosswalks = CrosswalkStore(store: store)
        var outcomes: [Outcome] = []
        for level in [RegionLevel.district, .neighbourhood, .municipality] {
            let indelingen = try await crosswalks.outlineIndelingen(level: level)
            guard let target = indelingen.last, indelingen.count > 1 else { continue }
            let new = try await rings(crosswalks.outlines(level: level, indeling: target))
            for year in indelingen.dropLast() {
                let old = try await rings(crosswalks.outlines(level: level, indeling: year))
                let result = OutlineOverlap.crosswalk(level: level, fromYear: year, toYear: target, from: old, to: new)
                guard !result.crosswalk.links.isEmpty else { continue }
                try await crosswalks.save(result.crosswalk, statement: result.statement, derived: true)
                outcomes.append(Outcome(level: level, fromYear: year, toYear: target, statement: result.statement))
            }
        }
        return outcomes
    }

    /// Stored WGS84 GeoJSON outlines as RD New rings.
    static func rings(_ outlines: [RegionCode: String]) -> [RegionCode: OutlineOverlap.Rings] {
        outlines.mapValues { geojson in
            Choropleth.rings(geojson).map { ring in ring.map { RDNew.fromWGS84(longitude: $0.0, latitude: $0.1) } }
        }
    }
}
