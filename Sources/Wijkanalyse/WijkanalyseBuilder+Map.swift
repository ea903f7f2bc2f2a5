import Analysis
import Charts
import Core
import Foundation
import Pages

/// The map of a gemeente's wijken and the table of its buurten.
extension WijkanalyseBuilder {
    /// The gemeente's buurten in the newest buurt table that has them: inhabitants, low incomes, WOZ, tenure.
    func neighbourhoods(of code: RegionCode, sort: String) -> RegionPage.NeighbourhoodTable? {
        guard let table = snapshot.newestTable(level: .neighbourhood, in: code),
            let source = table.columns["population"]?.source ?? table.columns.values.first?.source
        else { return nil }
        let ids = ["population", "low_income_persons_pct", "woz_value", "owner_occupied_pct"].filter {
            table.columns[$0] != nil
        }
        let population = ids.firstIndex(of: "population")
        var rows = table.regions.enumerated().filter { $0.element.code.lies(in: code) }.map { index, region in
            (code: region.code.rawValue, name: region.name, cells: ids.map { table.columns[$0]?.cells[index] })
        }
        rows.sort { a, b in
            if sort == "inwoners", let population, a.cells[population]?.number != b.cells[population]?.number {
                return (a.cells[population]?.number ?? -1) > (b.cells[population]?.number ?? -1)
            }
            return a.name.localizedStandardCompare(b.name) == .orderedAscending
        }
        return RegionPage.NeighbourhoodTable(
            period: table.period, source: source, indicators: ids.compactMap { table.columns[$0]?.indicator },
            rows: rows)
    }

    func map(for code: RegionCode, indicator requested: String?) -> RegionPage.MapInfo? {
        // Per indicator the newest year with a figure for one of the gemeente's wijken: a year whose file has the
        // column but only "." for it (Utrecht's kwb-2023 incomes) would paint the whole map grey.
        let tables = (snapshot.tables[.district] ?? [:]).values.filter { t in
            t.regions.contains { $0.code.lies(in: code) }
        }
        .sorted { $0.period > $1.period }
        func newest(_ id: String) -> (RegionTable, RegionTable.Column)? {
            for table in tables {
                guard let column = table.columns[id] else { continue }
                if table.regions.indices.contains(where: {
                    table.regions[$0].code.lies(in: code) && column.cells[$0].number != nil
                }) {
                    return (table, column)
                }
            }
            return nil
        }
        let available = Self.mapIndicators.compactMap(newest)
        guard let (table, column) = available.first(where: { $0.1.indicator.id == requested }) ?? available.first
        else { return nil }
        let areas: [Choropleth.Area] = table.regions.enumerated().compactMap { index, region in
            guard region.code.lies(in: code), let outline = snapshot.outlines[region.code] else { return nil }
            let cell = column.cells[index]
            return Choropleth.Area(
                code: region.code.rawValue, name: region.name, rings: outline.rings, value: cell.number,
                // "%" only after a number: "ontbreekt%" had been written on the map.
                label: DutchFormat.cell(cell, decimals: column.indicator.decimals)
                    + (column.indicator.unit == "%" && cell.number != nil ? "%" : ""),
                link: SiteURL.region(region.code.rawValue).path)
        }
        guard !areas.isEmpty else { return nil }
        return RegionPage.MapInfo(
            indicators: available.map(\.1.indicator), selected: column.indicator, areas: areas, source: column.source)
    }
}
