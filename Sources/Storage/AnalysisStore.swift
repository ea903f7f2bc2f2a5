import Analysis
import Core
import Foundation
import SQLKit

/// Loads stored figures as the column tables the analysis works on.
public struct AnalysisStore: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Periods for which figures exist at a level, newest first.
    public func periods(level: RegionLevel) async throws -> [Int] {
        let rows = try await store.sql.select().distinct().column("period").from("observation_rows")
            .where("region_code", .like, level.prefix + "%").orderBy("period", .descending).all()
        return try rows.map { try $0.decode(column: "period", as: Int.self) }
    }

    /// All regions of one level with their figures of one period. When several datasets hold the same indicator
    /// for that period, the dataset covering most regions wins, so one column never mixes sources.
    public func table(level: RegionLevel, period: Int, catalogue: IndicatorCatalogue = .standard) async throws
        -> RegionTable
    {
        let datasets = try await DatasetStore(store: store).all()
        let byID = Dictionary(uniqueKeysWithValues: datasets.map { ($0.id, $0) })
        let rows = try await store.sql.select()
            .column("dataset_id").column("region_code").column("indeling_year").column("cells")
            .from("observation_rows")
            .where("region_code", .like, level.prefix + "%").where("period", .equal, period)
            .all()
        var perDataset: [Int: [(code: RegionCode, indeling: Int, cells: [Cell])]] = [:]
        var indelingOf: [Int: Int] = [:]
        for row in rows {
            let id: Int = try row.decode(column: "dataset_id")
            let text: String = try row.decode(column: "region_code")
            guard let code = RegionCode(text), let dataset = byID[id],
                let cells = Cell.unpack(try row.decode(column: "cells")), cells.count == dataset.indicators.count
            else {
                throw StorageError.damagedRow(dataset: String(id), region: text)
            }
            let indeling: Int = try row.decode(column: "indeling_year")
            indelingOf[id] = indeling
            perDataset[id, default: []].append((code, indeling, cells))
        }
        // Regions: the union over the datasets, named from the regions table.
        let order = perDataset.keys.sorted { (perDataset[$0]!.count, $1) > (perDataset[$1]!.count, $0) }
        var codes: [RegionCode] = []
        var seen = Set<RegionCode>()
        for id in order {
            for item in perDataset[id]! where seen.insert(item.code).inserted { codes.append(item.code) }
        }
        codes.sort()
        let names = try await names(level: level)
        let regions = codes.map { Region(code: $0, name: names[$0] ?? $0.rawValue, indelingYear: period) }
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        var columns: [String: RegionTable.Column] = [:]
        for id in order {
            let dataset = byID[id]!
            let source = SourceRef(
                dataset: dataset.info.slug, table: dataset.info.tableID, year: dataset.info.year,
                attribution: dataset.info.attribution, licence: dataset.info.licence,
                indelingYear: indelingOf[id])
            for (position, indicatorID) in dataset.indicators.enumerated() where columns[indicatorID] == nil {
                guard let indicator = catalogue[indicatorID] else { continue }
                var cells = [Cell](repeating: .missing, count: codes.count)
                for item in perDataset[id]! { cells[index[item.code]!] = item.cells[position] }
                columns[indicatorID] = RegionTable.Column(indicator: indicator, cells: cells, source: source)
            }
        }
        return RegionTable(period: period, regions: regions, columns: Array(columns.values))
    }

    /// The newest non-empty name of every region of a level.
    func names(level: RegionLevel) async throws -> [RegionCode: String] {
        let rows = try await store.sql.select().column("code").column("name").from("regions")
            .where("level", .equal, level.rawValue).where("name", .notEqual, "")
            .orderBy("indeling_year").all()
        var names: [RegionCode: String] = [:]
        for row in rows {
            if let code = RegionCode(try row.decode(column: "code", as: String.self)) {
                names[code] = try row.decode(column: "name")
            }
        }
        return names
    }
}

extension AnalysisStore {
    /// Every name a region of a level had, per indeling year: whether a wijk kept its name across a new indeling.
    public func namesPerIndeling(level: RegionLevel) async throws -> [RegionCode: [Int: String]] {
        let rows = try await store.sql.select().column("code").column("indeling_year").column("name").from("regions")
            .where("level", .equal, level.rawValue).where("name", .notEqual, "").all()
        var names: [RegionCode: [Int: String]] = [:]
        for row in rows {
            if let code = RegionCode(try row.decode(column: "code", as: String.self)) {
                names[code, default: [:]][try row.decode(column: "indeling_year", as: Int.self)] =
                    try row.decode(column: "name", as: String.self)
            }
        }
        return names
    }

    /// Province per gemeente code, as the imported files give it.
    public func provinces() async throws -> [RegionCode: String] {
        let rows = try await store.sql.select().column("municipality_code").column("province").from("provinces").all()
        var result: [RegionCode: String] = [:]
        for row in rows {
            if let code = RegionCode(try row.decode(column: "municipality_code", as: String.self)) {
                result[code] = try row.decode(column: "province")
            }
        }
        return result
    }

    /// The newest outline of every region of a level (GeoJSON geometry), with the indeling year it belongs to.
    public func geometries(level: RegionLevel) async throws -> [RegionCode: (indeling: Int, geojson: String)] {
        let rows = try await store.sql.select().column("region_code").column("indeling_year").column("geojson")
            .from("geometries").where("region_code", .like, level.prefix + "%").orderBy("indeling_year").all()
        var result: [RegionCode: (Int, String)] = [:]
        for row in rows {
            if let code = RegionCode(try row.decode(column: "region_code", as: String.self)) {
                result[code] = (try row.decode(column: "indeling_year"), try row.decode(column: "geojson"))
            }
        }
        return result
    }

    /// The data version as read at most a second ago, together with the content version (see `Store.versions`):
    /// what a request checks.
    public func recentDataVersion() async throws -> String { try await store.versions().data }

    /// Changes whenever a dataset or a crosswalk is imported, replaced or removed: the key for caches of derived
    /// figures.
    public func dataVersion() async throws -> String {
        var parts: [String] = []
        for table in ["datasets", "crosswalks"] {
            let row = try await store.sql.select()
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .column(SQLFunction("MAX", args: SQLColumn("id")), as: "m")
                .from(table).first()
            let count = try row?.decode(column: "n", as: Int.self) ?? 0
            let max = try row?.decode(column: "m", as: Int?.self) ?? 0
            // Without crosswalks the version reads as before ("7-7"), as printed in reports made earlier.
            if table == "datasets" || count > 0 { parts.append("\(count)-\(max)") }
        }
        return parts.joined(separator: "-")
    }
}
