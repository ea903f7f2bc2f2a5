import Charts
import Core
import Foundation
import Pages
import Programme
import Storage
import Vapor
import Wijkanalyse

/// Staff make focus areas on the web: a gemeente, a level, the wijken or buurten ticked in a list or on the map, a
/// name and an explanation. Stored as `wijkradar focus create` stores them, with the same checks.
struct FocusAreaController: Sendable {
    let app: ProgrammeApp
    let cache: AnalysisCache

    func register(_ routes: any RoutesBuilder) {
        routes.on(.focusAreas) { request in
            try request.require(request.viewer.isStaff, "het beheer")
            return try await page(
                request, entered: (try? request.query.get(String.self, at: "gemeente")) ?? "",
                level: (try? request.query.get(String.self, at: "niveau")) ?? "buurt")
        }
        routes.on(.focusAreaCreate) { try await create($0) }
    }

    func create(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "het beheer")
        let body = request.body.string ?? ""
        let field = { (key: String) in formValues(body, key).first.map { InputText.clean($0) } ?? "" }
        let name = InputText.clean(field("naam"), multiline: false).trimmingCharacters(in: .whitespaces)
        let note = field("toelichting").trimmingCharacters(in: .whitespacesAndNewlines)
        let members = formValues(body, "lid").prefix(500).compactMap(RegionCode.init)
        var problems: [String] = []
        if name.isEmpty { problems.append("Naam: geef het focusgebied een naam.") }
        if name.count > 120 { problems.append("Naam: hoogstens 120 tekens.") }
        if note.count > 4_000 { problems.append("Toelichting: hoogstens 4 000 tekens.") }
        if members.isEmpty { problems.append("Kies minstens één wijk of buurt.") }
        let slug = FocusArea.slug(from: name)
        if !name.isEmpty, slug == nil {
            problems.append("Naam: gebruik ook letters of cijfers; de naam wordt het adres van het focusgebied.")
        }
        if problems.isEmpty, let slug {
            let area = FocusArea(slug: slug, name: name, note: note, members: members)
            do {
                let saved = try await FocusAreaStore(store: app.store).create(area)
                try await AuditLog(store: app.store).record(
                    actor: app.actor(request), action: "focusgebied gemaakt", subject: saved.slug,
                    detail: saved.members.map(\.rawValue).joined(separator: ", "))
                return request.redirect(to: SiteURL.focusArea(saved.slug).path, redirectType: .normal)
            } catch let error as FocusAreaError {
                problems.append(
                    error == .exists(area.slug)
                        ? "Er is al een focusgebied met de naam ‘\(name)’ (adres \(area.slug)); kies een andere naam."
                        : "Niet opgeslagen: \(error.description).")
            }
        }
        return try await page(
            request, entered: field("gemeente"), level: field("niveau"), chosen: Set(members.map(\.rawValue)),
            name: name, note: note, problems: problems, status: .unprocessableEntity)
    }

    func page(
        _ request: Request, entered: String, level: String, chosen: Set<String> = [], name: String = "",
        note: String = "", problems: [String] = [], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let snapshot = try await cache.snapshot()
        let level: RegionLevel = level == "wijk" ? .district : .neighbourhood
        let typed = InputText.clean(entered, multiline: false).trimmingCharacters(in: .whitespaces)
        var problems = problems
        var municipality: RegionCode?
        if !typed.isEmpty {
            municipality =
                RegionCode(typed).map(\.municipality)
                ?? snapshot.nameIndex.search(typed, limit: 20).first {
                    $0.code.level == .municipality
                }?
                .code
            if municipality == nil {
                problems.append("Gemeente ‘\(typed)’ is niet gevonden: typ een naam of een code als GM0014.")
            }
        }
        var candidates: [(code: String, name: String)] = []
        var map: [Choropleth.Area] = []
        if let municipality, let table = snapshot.newestTable(level: level, in: municipality) {
            let population = table.columns["population"]
            for (index, region) in table.regions.enumerated() where region.code.lies(in: municipality) {
                candidates.append((region.code.rawValue, region.name))
                if let outline = snapshot.outlines[region.code] {
                    let cell = population?.cells[index]
                    map.append(
                        Choropleth.Area(
                            code: region.code.rawValue, name: region.name, rings: outline.rings, value: cell?.number,
                            label: cell.map { DutchFormat.cell($0, decimals: 0) } ?? "–",
                            link: SiteURL.region(region.code.rawValue).path))
                }
            }
        }
        let model = FocusAreaFormPage.Model(
            areas: try await FocusAreaStore(store: app.store).all(), municipalityEntered: typed,
            municipality: municipality.map { ($0.rawValue, snapshot.name($0)) }, level: level,
            candidates: candidates.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }, map: map,
            chosen: chosen, name: name, note: note, problems: problems, csrf: request.csrf)
        return html(FocusAreaFormPage.render(model), status: status)
    }
}

/// Every value of a repeated key in a URL-encoded text (a query or a form body: `lid=A&lid=B`), decoded, in
/// order; at most the first 1 000 pairs are read, so a body cannot ask for unbounded work.
func formValues(_ encoded: String, _ key: String) -> [String] {
    encoded.split(separator: "&").prefix(1_000).compactMap { pair -> String? in
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == key else { return nil }
        return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
