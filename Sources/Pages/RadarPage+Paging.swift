import Core
import HTML

/// The radar a page at a time: the selection's size, downloads of all of it, and links to the other pages.
extension RadarPage.Model {
    public var pageCount: Int { max(1, (rows.count + Self.pageSize - 1) / Self.pageSize) }
    public var page: Int { min(filters.page, pageCount) }
    /// The rows of the current page.
    public var pageRows: ArraySlice<RadarPage.Row> {
        let start = (page - 1) * Self.pageSize
        return rows[min(start, rows.count)..<min(start + Self.pageSize, rows.count)]
    }
}

extension RadarPage {
    static func summary(_ model: Model) -> Node {
        let query = model.filters.queryString
        let csv = SiteURL.radarCSV.path + (query.isEmpty ? "" : "?" + query)
        let first = (model.page - 1) * Model.pageSize + 1
        return p {
            if model.rows.isEmpty {
                "Geen wijken in deze selectie. "
            } else {
                DutchFormat.count(model.rows.count, "wijk", "wijken") + " in deze selectie"
                    + (model.pageCount > 1
                        ? "; hier \(DutchFormat.number(Double(first)))–\(DutchFormat.number(Double(first + model.pageRows.count - 1))). "
                        : ". ")
            }
            "Download de hele selectie: "
            a(.href(csv + (query.isEmpty ? "?" : "&") + "formaat=excel")) { "CSV voor Excel (puntkomma)" }
            " of "
            a(.href(csv)) { "CSV voor programma's (komma)" }
            "."
        }
    }

    static func pager(_ model: Model) -> Node {
        guard model.pageCount > 1 else { return .empty }
        let current = model.page
        // The first, the last and the two around the current page; the rest is an ellipsis.
        let shown = Set([1, model.pageCount] + Array(max(1, current - 2)...min(model.pageCount, current + 2)))
        return nav(.class("pager print-hide"), .aria("label", "Pagina's van de radar")) {
            ul {
                if current > 1 {
                    li { a(.href(model.filters.path(page: current - 1)), .rel("prev")) { "Vorige" } }
                }
                for number in shown.sorted() {
                    if number > 1, !shown.contains(number - 1) { li(.class("gap")) { "…" } }
                    li {
                        if number == current {
                            span(.aria("current", "page")) { String(number) }
                        } else {
                            a(.href(model.filters.path(page: number))) { String(number) }
                        }
                    }
                }
                if current < model.pageCount {
                    li { a(.href(model.filters.path(page: current + 1)), .rel("next")) { "Volgende" } }
                }
            }
        }
    }
}
