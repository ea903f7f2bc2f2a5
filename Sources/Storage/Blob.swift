import Foundation
import SQLKit

/// File contents (attachments, images) in the database: a BLOB on SQLite, `bytea` on PostgreSQL.
///
/// NB: an earlier version bound `[UInt8]`, which SQLite's driver stores as JSON text ("[37,80,68,…]"): four times
/// the size and seconds per megabyte in a debug build. `Data` is stored as a real blob; rows written the old way are
/// still read.
enum Blob {
    static func bind(_ content: Data) -> SQLBind { SQLBind(content) }

    static func decode(_ row: any SQLRow, column: String) throws -> Data {
        if let data = try? row.decode(column: column, as: Data.self) { return data }
        return Data(try row.decode(column: column, as: [UInt8].self))
    }
}
