import Analysis
import Core
import Foundation
import Knowledge
import Pages
import Spreadsheet
import Storage
import Vapor
import Wijkanalyse

/// Comparison and downloads: a region's figures as Excel and CSV, the PDF brief, the radar as Excel, and the
/// comparison page with its downloads.
struct ExportController: Sendable {
    let store: Store
    let cache: AnalysisCache
    let pages: PageController

    func register(_ app: Application) {
        app.on(.regionXLSX) { request in
            let model = try await regionModel(request)
            return try workbook(
                RegionExport.tables(model),
                file: "wijkradar-\(model.region.code.rawValue)-\(model.profile?.period ?? 0)")
        }
        app.on(.regionCSV) { request in
            let model = try await regionModel(request)
            let table = RegionExport.keyFigures(model, sources: RegionPage.sources(model))
            return csv(table, request, file: "wijkradar-\(model.region.code.rawValue)-\(model.profile?.period ?? 0)")
        }
        app.on(.regionBrief) { request in
            let model = try await regionModel(request)
            let html = WijkanalyseBrief.render(model).renderDocument()
            // A brief takes WeasyPrint seconds of a core: a few at a time, the rest told to come back, and none kept
            // on disk (17 000 regions would fill it).
            guard await Self.briefs.enter() else {
                throw Abort(
                    .serviceUnavailable, headers: ["Retry-After": "30"],
                    reason: "Er worden nu veel PDF's tegelijk gemaakt. Probeer het over een halve minuut opnieuw.")
            }
            let pdf: Data
            do {
                pdf = try await PublicationController.pdf(html, cached: false, on: request.application.threadPool)
                await Self.briefs.leave()
            } catch {
                await Self.briefs.leave()
                throw error
            }
            return Response(
                status: .ok,
                headers: [
                    "Content-Type": "application/pdf",
                    "Content-Disposition": "inline; filename=\"wijkanalyse-\(model.region.code.rawValue).pdf\"",
                ],
                body: .init(data: pdf))
        }
        app.on(.radarCSV) { request in
            let model = try await pages.radarModel(request)
            return csv(
                RadarBuilder(snapshot: try await cache.snapshot()).table(model), request,
                file: "wijkradar-radar-\(model.period)")
        }
        app.on(.radarXLSX) { request in
            let model = try await pages.radarModel(request)
            return try workbook(
                [
                    RadarBuilder(snapshot: try await cache.snapshot()).table(model),
                    RegionExport.sourceSheet([model.source]),
                ], file: "wijkradar-radar-\(model.period)")
        }
        app.on(.compare) { request in html(ComparePage.render(try await compareModel(request))) }
        app.on(.compareXLSX) { request in
            let model = try await compareModel(request)
            let builder = CompareBuilder(snapshot: try await cache.snapshot())
            return try workbook(
                [builder.table(model), RegionExport.sourceSheet(ComparePage.sources(model))],
                file: "wijkradar-vergelijking")
        }
        app.on(.compareCSV) { request in
            let model = try await compareModel(request)
            return csv(
                CompareBuilder(snapshot: try await cache.snapshot()).table(model), request,
                file: "wijkradar-vergelijking")
        }
    }

    /// At most two briefs rendered at once and six waiting; beyond that a request is refused at once.
    actor Gate {
        let running: Int, waiting: Int
        var busy = 0
        var queue: [CheckedContinuation<Void, Never>] = []
        init(running: Int, waiting: Int) { (self.running, self.waiting) = (running, waiting) }

        func enter() async -> Bool {
            if busy < running {
                busy += 1
                return true
            }
            guard queue.count < waiting else { return false }
            await withCheckedContinuation { queue.append($0) }
            return true
        }

        func leave() {
            if queue.isEmpty { busy -= 1 } else { queue.removeFirst().resume() }
        }
    }
    static let briefs = Gate(running: 2, waiting: 6)

    func regionModel(_ request: Request) async throws -> RegionPage.Model {
        let code = try regionCode(request)
        guard
            let model = try await WijkanalyseBuilder(snapshot: try await cache.snapshot()).load(
                code, knowledge: KnowledgeStore(store: store))
        else { throw Abort(.notFound, reason: "Regio \(code) heeft geen cijfers in Wijkradar.") }
        return model
    }

    func compareModel(_ request: Request) async throws -> ComparePage.Model {
        CompareBuilder(snapshot: try await cache.snapshot()).model(
            entered: queryValues(request, "regio"), indicators: queryValues(request, "indicator"))
    }

    func workbook(_ sheets: [ExportTable], file: String) throws -> Response {
        Response(
            status: .ok,
            headers: [
                "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "Content-Disposition": "attachment; filename=\"\(file).xlsx\"",
            ],
            body: .init(data: Data(try Workbook(sheets: sheets).data())))
    }

    /// `?formaat=excel`: semicolon, decimal comma and BOM for Dutch Excel; otherwise comma and point for programs.
    func csv(_ table: ExportTable, _ request: Request, file: String) -> Response {
        let excel = (try? request.query.get(String.self, at: "formaat")) == "excel"
        return Response(
            status: .ok,
            headers: [
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"\(file)\(excel ? "-excel" : "").csv\"",
            ],
            body: .init(string: table.csv(excel ? .dutch : .machine)))
    }
}

/// Every value of a repeated query key (`regio=A&regio=B`), at most 20 of at most 200 characters.
func queryValues(_ request: Request, _ key: String) -> [String] {
    formValues(request.url.query ?? "", key).prefix(20).map { String($0.prefix(200)) }
}
