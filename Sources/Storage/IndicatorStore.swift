import Core
import Foundation
import SQLKit

/// The indicator table mirrors the catalogue file, so that SQL users and exports see the same definitions.
struct IndicatorStore: Sendable {
    let store: Store

    func sync(_ catalogue: IndicatorCatalogue) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let rows = try catalogue.indicators.enumerated().map { position, indicator in
            Row(
                id: indicator.id, position: position, label: indicator.label, unit: indicator.unit,
                domain: indicator.domain, direction: indicator.direction.rawValue,
                aggregation: String(decoding: try encoder.encode(indicator.aggregation), as: UTF8.self),
                decimals: indicator.decimals, stigmatising: indicator.stigmatising ? 1 : 0,
                names: String(decoding: try encoder.encode(indicator.names.mapKeys(\.rawValue)), as: UTF8.self))
        }
        // Unchanged (every start but the first after an upgrade): no write, so no cache anywhere is emptied.
        let stored = try await store.sql.select().column("*").from("indicators").orderBy("position").all(
            decoding: Row.self)
        guard stored != rows else { return }
        try await store.transaction { sql in
            try await sql.delete(from: "indicators").run()
            for batch in rows.chunked(50) {
                let insert = sql.insert(into: "indicators")
                    .columns(
                        "id", "position", "label", "unit", "domain", "direction", "aggregation", "decimals",
                        "stigmatising", "names")
                for row in batch {
                    insert.values(
                        SQLBind(row.id), SQLBind(row.position), SQLBind(row.label), SQLBind(row.unit),
                        SQLBind(row.domain), SQLBind(row.direction), SQLBind(row.aggregation), SQLBind(row.decimals),
                        SQLBind(row.stigmatising), SQLBind(row.names))
                }
                try await insert.run()
            }
        }
    }

    /// One row of `indicators`, as written and as read back.
    struct Row: Codable, Equatable, Sendable {
        var id: String
        var position: Int
        var label: String
        var unit: String
        var domain: String
        var direction: String
        var aggregation: String
        var decimals: Int
        var stigmatising: Int
        var names: String
    }
}

extension Dictionary {
    func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
        Dictionary<T, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
