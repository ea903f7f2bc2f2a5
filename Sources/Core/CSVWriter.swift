import Foundation

/// Every CSV file Wijkradar writes goes through this writer, so quoting and formula defusing happen in one place.
///
/// - Any field holding the delimiter, a quote, CR or LF is quoted (checked per byte: a lone CR would otherwise
///   split a row in some readers).
/// - Text that a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, a tab or CR, also at the
///   start of any line inside the field — gets a leading `'` (OWASP's advice for CSV injection). Numbers are
///   written as numbers: a negative value is not text and is not changed.
public struct CSVWriter: Sendable {
    public enum Dialect: Sendable {
        /// Comma, decimal point, no byte-order mark: for programs (pandas, R, databases).
        case machine
        /// Semicolon, decimal comma and a UTF-8 byte-order mark: what Dutch Excel opens correctly by double-click.
        case dutch

        public var delimiter: Character { self == .machine ? "," : ";" }
    }

    public enum Field: Sendable, ExpressibleByStringLiteral {
        case text(String)
        /// A number with a fixed number of decimals, or as many as it needs when nil.
        case number(Double, decimals: Int? = nil)
        case integer(Int)
        case empty

        public init(stringLiteral value: String) { self = .text(value) }

        /// An optional number, empty when absent.
        public static func number(_ value: Double?, decimals: Int? = nil) -> Field {
            value.map { .number($0, decimals: decimals) } ?? .empty
        }
    }

    public let dialect: Dialect
    private var lines: [String] = []

    public init(dialect: Dialect, header: [String]) {
        self.dialect = dialect
        row(header.map(Field.text))
    }

    public mutating func row(_ fields: [Field]) {
        lines.append(fields.map(encode).joined(separator: String(dialect.delimiter)))
    }

    /// The whole file, rows ended with CRLF as RFC 4180 says.
    public var text: String {
        (dialect == .dutch ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
    }

    func encode(_ field: Field) -> String {
        switch field {
        case .empty: return ""
        case .integer(let value): return String(value)
        case .number(let value, let decimals):
            guard value.isFinite else { return "" }
            let text =
                decimals.map { String(format: "%.\($0)f", DutchFormat.rounded(value, decimals: $0)) }
                ?? Self.shortest(value)
            return dialect == .dutch ? text.replacingOccurrences(of: ".", with: ",") : text
        case .text(let text):
            let defused = Self.defuse(text)
            let special = defused.utf8.contains { byte in
                byte == 0x0D || byte == 0x0A || byte == UInt8(ascii: "\"")
                    || byte == UInt8(ascii: dialect == .machine ? "," : ";")
            }
            return special ? "\"" + defused.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : defused
        }
    }

    /// A `'` before every line of the text that starts with a formula character.
    static func defuse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var atLineStart = true
        for scalar in text.unicodeScalars {
            if atLineStart, "=+-@\t\r".unicodeScalars.contains(scalar) { out.append("'") }
            out.append(scalar)
            atLineStart = scalar == "\n" || scalar == "\r"
        }
        return String(out)
    }

    static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.15g", value)
    }
}

/// A table to hand out: a name, a header and typed rows. Written as CSV by `CSVWriter` and as a sheet of an Excel
/// workbook (`Spreadsheet.Workbook`), so both downloads of a page always hold the same figures.
public struct ExportTable: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[CSVWriter.Field]]

    public init(name: String, header: [String], rows: [[CSVWriter.Field]] = []) {
        (self.name, self.header, self.rows) = (name, header, rows)
    }

    public func csv(_ dialect: CSVWriter.Dialect) -> String {
        var writer = CSVWriter(dialect: dialect, header: header)
        for row in rows { writer.row(row) }
        return writer.text
    }
}
