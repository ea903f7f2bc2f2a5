import Analysis
import Core
import Pages
import Reports
import Wijkanalyse
import Storage
import Vapor

/// `/health` and the JSON API under `/api/v1` (described in `/api/v1/openapi.json`).
struct ApiController: Sendable {
    let store: Store
    let cache: AnalysisCache

    func register(_ app: Application) {
        app.on(.health) { _ in
            HealthDTO(
                status: "ok", database: store.kind.rawValue, datasets: try await DatasetStore(store: store).all().count,
                regions: try await RegionStore(store: store).count())
        }
        app.on(.openAPI) { _ in
            Response(
                status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: OpenAPIDocument.json))
        }
        app.on(.apiDatasets) { _ in try await DatasetStore(store: store).all().map(DatasetDTO.init) }
        app.on(.apiRegions) { request -> [RegionSummaryDTO] in
            guard let query = try? request.query.get(String.self, at: "q"),
                !query.trimmingCharacters(in: .whitespaces).isEmpty
            else {
                throw Abort(.badRequest, reason: "Geef een zoekterm met ?q=, bijvoorbeeld ?q=Angelslo")
            }
            let snapshot = try await cache.snapshot()
            return snapshot.nameIndex.search(query).map {
                RegionSummaryDTO(
                    code: $0.code.rawValue, name: $0.name, level: $0.code.level.rawValue,
                    municipality: $0.code.municipality.rawValue)
            }
        }
        app.on(.apiRegion) { request in try await observations(request) }
        app.on(.apiRegionProfile) { request -> ProfileDTO in
            let code = try regionCode(request)
            let snapshot = try await cache.snapshot()
            guard let table = snapshot.profileTable(for: code),
                let profile = RegionProfile.build(
                    for: code, table: table, municipalities: snapshot.tables[.municipality]?[table.period])
            else {
                throw Abort(.notFound, reason: "Regio \(code) heeft geen cijfers in Wijkradar")
            }
            return ProfileDTO(profile)
        }
        app.on(.apiRegionSimilar) { request -> [NeighbourDTO] in
            let code = try regionCode(request)
            let k = try limit(request, name: "k", default: 10, maximum: 50)
            let snapshot = try await cache.snapshot()
            guard let neighbours = snapshot.similarity?.neighbours(of: code, k: k) else {
                throw Abort(
                    .notFound,
                    reason: "Regio \(code) zit niet in de vergelijking van wijken (alleen wijken met kerncijfers)")
            }
            return neighbours.map {
                NeighbourDTO(
                    code: $0.region.rawValue, name: snapshot.name($0.region), distance: $0.distance,
                    closestOn: $0.closestOn)
            }
        }
        app.on(.apiRegionSignals) { request -> SignalsDTO in
            let code = try regionCode(request)
            let snapshot = try await cache.snapshot()
            guard let result = snapshot.warning?.evaluate(code) else {
                throw Abort(
                    .notFound, reason: "Regio \(code) zit niet in de landelijke vroegsignalering (alleen wijken)")
            }
            return SignalsDTO(
                result, cluster: snapshot.cluster(for: code),
                change: snapshot.change(for: code).map {
                    SignalsDTO.ChangeDTO($0, type: snapshot.developmentType(for: code))
                })
        }
        app.on(.apiRadar) { request -> RadarDTO in
            let filters = RadarPage.Filters(
                municipality: (try? request.query.get(String.self, at: "gemeente")) ?? "",
                province: (try? request.query.get(String.self, at: "provincie")) ?? "",
                minimumPopulation: try optionalInt(request, "min_inwoners"),
                onlySignals: try request.choice("signaal", from: ["ja"]) == "ja",
                cluster: try request.choice("cluster", from: Cluster.allCases.map(\.rawValue)) ?? "")
            let maximum = try limit(request, name: "limit", default: 4000, maximum: 4000)
            guard let model = RadarBuilder(snapshot: try await cache.snapshot()).model(filters: filters) else {
                throw Abort(.notFound, reason: "Nog geen landelijke radar: lees kerncijfers per wijk in")
            }
            return RadarDTO(model, limit: maximum)
        }
    }

    func observations(_ request: Request) async throws -> RegionDTO {
        let code = try regionCode(request)
        let regions = RegionStore(store: store)
        let known = try await regions.regions(code: code)
        guard let region = known.first else { throw Abort(.notFound, reason: "Regio \(code) staat niet in Wijkradar") }
        let observations = try await regions.observations(code: code)
        let datasets = try await DatasetStore(store: store).all().filter { d in
            observations.contains { $0.datasetID == d.id }
        }
        return RegionDTO(
            code: code.rawValue, name: region.name, level: code.level.rawValue,
            municipality: code.municipality.rawValue, indelingYears: known.map(\.indelingYear),
            observations: observations.map {
                ObservationDTO(
                    indicator: $0.indicator, period: $0.period, status: $0.cell.status.rawValue,
                    value: $0.cell.number, dataset: $0.datasetSlug)
            },
            attribution: Array(Set(datasets.map(\.info.attribution))).sorted())
    }

    func limit(_ request: Request, name: String, default value: Int, maximum: Int) throws -> Int {
        guard let given = try optionalInt(request, name) else { return value }
        guard (1...maximum).contains(given) else {
            throw Abort(.badRequest, reason: "\(name) moet tussen 1 en \(maximum) liggen")
        }
        return given
    }

    func optionalInt(_ request: Request, _ name: String) throws -> Int? {
        guard let text = try? request.query.get(String.self, at: name) else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw Abort(.badRequest, reason: "\(name) moet een geheel getal zijn, niet '\(text)'")
        }
        return value
    }
}
