import Analysis
import Core
import Pages
import Vapor

// JSON shapes of the API. Every figure carries its status, so a secret value is never read as a number.

struct HealthDTO: Content {
    var status: String
    var database: String
    var datasets: Int
    var regions: Int
}

struct DatasetDTO: Content {
    var slug, source, table, title, licence, attribution, format, fileName, sha256: String
    var year, rows, cells, secret: Int
    var importedAt: Date
    var indicators: [String]

    init(_ d: Dataset) {
        slug = d.info.slug; source = d.info.source; table = d.info.tableID; title = d.info.title
        licence = d.info.licence; attribution = d.info.attribution; format = d.info.format
        fileName = d.fileName; sha256 = d.sha256; year = d.info.year; rows = d.rowCount; cells = d.cellCount
        secret = d.secretCount; importedAt = d.importedAt; indicators = d.indicators
    }
}

struct ObservationDTO: Content {
    var indicator: String
    var period: Int
    var status: String
    var value: Double?
    var dataset: String
}

struct RegionDTO: Content {
    var code, name, level, municipality: String
    var indelingYears: [Int]
    var observations: [ObservationDTO]
    var attribution: [String]
}

struct RegionSummaryDTO: Content {
    var code, name, level, municipality: String
}

struct CellDTO: Content {
    var status: String
    var value: Double?

    init?(_ cell: Cell?) {
        guard let cell else { return nil }
        status = cell.status.rawValue
        value = cell.number
    }
}

struct SourceDTO: Content {
    var dataset, table, attribution, licence: String
    var year: Int

    init(_ s: SourceRef) {
        dataset = s.dataset; table = s.table; attribution = s.attribution; licence = s.licence; year = s.year
    }
}

struct ProfileDTO: Content {
    struct Row: Content {
        var indicator, label, unit, domain: String
        var stigmatising: Bool
        var value: CellDTO
        var municipality: CellDTO?
        var national: CellDTO?
        var percentile: Double?
        var zScore: Double?
        var source: SourceDTO
    }

    var code, name: String
    var period: Int
    var rows: [Row]

    init(_ profile: RegionProfile) {
        code = profile.region.code.rawValue
        name = profile.region.name
        period = profile.period
        rows = profile.rows.map {
            Row(
                indicator: $0.indicator.id, label: $0.indicator.label, unit: $0.indicator.unit,
                domain: $0.indicator.domain,
                stigmatising: $0.indicator.stigmatising, value: CellDTO($0.value)!,
                municipality: CellDTO($0.municipality),
                national: CellDTO($0.national), percentile: $0.percentile, zScore: $0.zScore,
                source: SourceDTO($0.source))
        }
    }
}

struct NeighbourDTO: Content {
    var code, name: String
    var distance: Double
    var closestOn: [String]
}

struct SignalsDTO: Content {
    struct Flag: Content {
        var rule, label, indicator: String
        var value, mean, zScore: Double
        var fires: Bool
    }

    var code: String
    var signal: Bool
    var fired: Int
    var composite: Double?
    var flags: [Flag]
    var unavailable: [String]
    var cluster: String?
    var change: ChangeDTO?

    init(_ r: EarlyWarning.Result, cluster: Cluster?, change: ChangeDTO? = nil) {
        self.change = change
        code = r.region.rawValue
        signal = r.signal
        fired = r.fired
        composite = r.composite
        flags = r.flags.map {
            Flag(
                rule: $0.rule, label: $0.label, indicator: $0.indicator, value: $0.value, mean: $0.mean,
                zScore: $0.zScore, fires: $0.fires)
        }
        unavailable = r.unavailable
        self.cluster = cluster?.rawValue
    }
}

struct RadarDTO: Content {
    struct Row: Content {
        var rank: Int
        var code, name, municipality, province: String
        var population: Double?
        var composite: Double?
        var fired: Int
        var signal: Bool
        var cluster: String?
        var programme: Bool
    }

    var period: Int
    var total: Int
    var matching: Int
    var source: SourceDTO
    var rows: [Row]

    init(_ model: RadarPage.Model, limit: Int) {
        period = model.period
        total = model.total
        matching = model.rows.count
        source = SourceDTO(model.source)
        rows = model.rows.prefix(limit).map {
            Row(
                rank: $0.rank, code: $0.code, name: $0.name, municipality: $0.municipality, province: $0.province,
                population: $0.population, composite: $0.composite, fired: $0.fired, signal: $0.signal,
                cluster: $0.cluster,
                programme: $0.programme)
        }
    }
}
