import Core
import Storage
import Vapor

/// `/health` and the first JSON endpoints; the wijkanalyse API grows here.
struct ApiController: Sendable {
    let store: Store

    struct Health: Content {
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

    func register(_ app: Application) {
        app.get("health") { _ in
            Health(status: "ok", database: store.kind.rawValue, datasets: try await DatasetStore(store: store).all().count,
                   regions: try await RegionStore(store: store).count())
        }
        let api = app.grouped("api", "v1")
        api.get("datasets") { _ in try await DatasetStore(store: store).all().map(DatasetDTO.init) }
        api.get("regions", ":code") { request -> RegionDTO in
            let text = request.parameters.get("code") ?? ""
            guard let code = RegionCode(text) else {
                throw Abort(.badRequest, reason: "'\(text)' is geen CBS-regiocode (GM + 4 cijfers, WK + 6 of BU + 8)")
            }
            let regions = RegionStore(store: store)
            let known = try await regions.regions(code: code)
            guard let region = known.first else { throw Abort(.notFound, reason: "Regio \(code) staat niet in Wijkradar") }
            let observations = try await regions.observations(code: code)
            let datasets = try await DatasetStore(store: store).all().filter { d in observations.contains { $0.datasetID == d.id } }
            return RegionDTO(code: code.rawValue, name: region.name, level: code.level.rawValue,
                             municipality: code.municipality.rawValue, indelingYears: known.map(\.indelingYear),
                             observations: observations.map {
                                 ObservationDTO(indicator: $0.indicator, period: $0.period, status: $0.cell.status.rawValue,
                                                value: $0.cell.number, dataset: $0.datasetSlug)
                             },
                             attribution: Array(Set(datasets.map(\.info.attribution))).sorted())
        }
    }
}
