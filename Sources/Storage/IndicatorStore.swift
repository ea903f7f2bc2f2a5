import Core
import Foundation
import SQLKit

/// The indicator table mirrors the catalogue file, so that SQL users and exports see the same definitions.
struct IndicatorStore: Sendable {
    let store: Store

    func sync(_ catalogue: IndicatorCatalogue) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await store.transaction { sql in
            try await sql.delete(from: "indicators").run()
            for batch in Array(catalogue.indicators.enumerated()).chunked(50) {
                let insert = sql.insert(into: "indicators")
                    .columns(
                        "id", "position", "label", "unit", "domain", "direction", "aggregation", "decimals",
                        "stigmatising", "names")
                for (position, indicator) in batch {
                    let aggregation = String(decoding: try encoder.encode(indicator.aggregation), as: UTF8.self)
                    let names = String(decoding: try encoder.encode(indicator.names.mapKeys(\.rawValue)), as: UTF8.self)
                    insert.values(
                        SQLBind(indicator.id), SQLBind(position), SQLBind(indicator.label), SQLBind(indicator.unit),
                        SQLBind(indicator.domain), SQLBind(indicator.direction.rawValue), SQLBind(aggregation),
                        SQLBind(indicator.decimals), SQLBind(indicator.stigmatising ? 1 : 0), SQLBind(names))
                }
                try await insert.run()
            }
        }
    }
}

extension Dictionary {
    func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
        Dictionary<T, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
