import Analysis
import Core
import Knowledge
import HTML
import Pages
import Reports
import Wijkanalyse
import Storage
import Vapor

/// The server-rendered pages: thin handlers that build a model and render its view.
struct PageController: Sendable {
    let store: Store
    let cache: AnalysisCache
    let programme: ProgrammeApp

    func register(_ app: Application) {
        app.on(.home) { request in try await home(request) }
        app.on(.region) { request in try await region(request, print: false) }
        app.on(.regionPrint) { request in try await region(request, print: true) }
        app.on(.focusArea) { request in try await focusArea(request) }
        app.on(.radar) { request in try await radar(request) }
        app.on(.methodology) { _ in html(MethodologyPage.render()) }
        app.on(.stylesheet) { _ in staticFile(Stylesheet.css, type: "text/css; charset=utf-8") }
        app.on(.menuScript) { _ in staticFile(Scripts.site, type: "text/javascript; charset=utf-8") }
    }

    func home(_ request: Request) async throws -> Response {
        let query = (try? request.query.get(String.self, at: "q")) ?? ""
        let snapshot = try await cache.snapshot()
        let areas = query.count >= 3 ? try await FocusAreaStore(store: store).all() : []
        let results =
            HomePage.focusAreas(areas, matching: query, municipality: snapshot.name)
            + HomePage.programmeWijken(matching: query)
            + snapshot.nameIndex.search(query).map {
                found in
                HomePage.Result(
                    code: found.code.rawValue, name: found.name, level: found.code.level.dutchName,
                    municipality: snapshot.name(found.code.municipality), note: snapshot.dissolution(of: found.code))
            }
        if results.count == 1, RegionCode(query) != nil {
            return request.redirect(to: SiteURL.region(results[0].code).path)
        }
        let datasets = try await DatasetStore(store: store).all().count
        var model = HomePage.Model(
            query: query, results: results, datasetCount: datasets, regionCount: snapshot.names.count)
        model.programme = try await SiteController.programmeBlock(programme)
        return html(HomePage.render(model))
    }

    func region(_ request: Request, print: Bool) async throws -> Response {
        let code = try regionCode(request)
        let snapshot = try await cache.snapshot()
        let indicator = try? request.query.get(String.self, at: "kaart")
        guard
            let model = try await WijkanalyseBuilder(snapshot: snapshot).load(
                code, mapIndicator: indicator,
                districtSort: RegionPage.districtSorts.map(\.key).first {
                    $0 == (try? request.query.get(String.self, at: "wijken"))
                } ?? "",
                knowledge: KnowledgeStore(store: store))
        else {
            throw Abort(
                .notFound,
                reason:
                    "Regio \(code) heeft geen cijfers in Wijkradar. Zoek op naam of lees de Kerncijfers wijken en buurten in."
            )
        }
        return html(print ? WijkanalyseDocument.render(model) : RegionPage.render(model))
    }

    func focusArea(_ request: Request) async throws -> Response {
        let slug = try request.text("slug")
        guard let area = try await FocusAreaStore(store: store).find(slug: slug) else {
            throw Abort(.notFound, reason: "Focusgebied '\(slug)' bestaat niet (meer).")
        }
        let snapshot = try await cache.snapshot()
        guard let table = snapshot.table(for: area) else {
            throw Abort(.notFound, reason: "Geen cijfers voor de regio's van \(area.name).")
        }
        let profile = FocusAreaProfile.build(area, table: table)
        return html(
            FocusAreaPage.render(
                .init(profile: profile, memberNames: area.members.map { ($0.rawValue, snapshot.name($0)) })))
    }

    func radarModel(_ request: Request) async throws -> RadarPage.Model {
        let filters = RadarPage.Filters(
            municipality: (try? request.query.get(String.self, at: "gemeente")) ?? "",
            province: (try? request.query.get(String.self, at: "provincie")) ?? "",
            // Absent: the stated default; "0" shows every wijk.
            minimumPopulation: (try? request.query.get(String.self, at: "min_inwoners")).map { Int($0) ?? 0 }
                ?? RadarPage.Model.defaultMinimumPopulation,
            onlySignals: ((try? request.query.get(String.self, at: "signaal")) ?? "") == "ja",
            cluster: (try? request.query.get(String.self, at: "cluster")) ?? "",
            development: (try? request.query.get(String.self, at: "ontwikkeling")) ?? "",
            onlyChangeSignals: ((try? request.query.get(String.self, at: "verandering")) ?? "") == "ja",
            sort: ["verandering", "inwoners", "naam"].first {
                $0 == (try? request.query.get(String.self, at: "sorteer"))
            }
                ?? "",
            page: (try? request.query.get(String.self, at: "pagina")).flatMap { Int($0) } ?? 1)
        guard let model = RadarBuilder(snapshot: try await cache.snapshot()).model(filters: filters) else {
            throw Abort(
                .notFound,
                reason:
                    "Nog geen landelijke radar: lees de Kerncijfers wijken en buurten met inkomens- en woningcijfers per wijk in."
            )
        }
        return model
    }

    func radar(_ request: Request) async throws -> Response {
        html(RadarPage.render(try await radarModel(request)))
    }
}

func regionCode(_ request: Request) throws -> RegionCode {
    let text = try request.text("code")
    guard let code = RegionCode(text) else {
        throw Abort(
            .badRequest,
            reason:
                "'\(text)' is geen CBS-regiocode (GM + 4 cijfers, WK + 6 tekens of BU + 8 tekens, bijvoorbeeld WK011443)"
        )
    }
    return code
}

func staticFile(_ text: String, type: String) -> Response {
    Response(
        status: .ok, headers: ["Content-Type": type, "Cache-Control": "max-age=3600"], body: .init(string: text))
}

func html(_ node: Node, status: HTTPResponseStatus = .ok) -> Response {
    Response(
        status: status, headers: ["Content-Type": "text/html; charset=utf-8"],
        body: .init(string: node.renderDocument()))
}
