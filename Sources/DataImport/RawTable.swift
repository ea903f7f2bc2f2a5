import Core

/// A table of text cells as read from a CSV file or a spreadsheet, before interpretation.
struct RawTable: Sendable {
    struct Row: Sendable {
        /// Where the row starts in the file: CSV line or sheet row number.
        var line: Int
        var cells: [String]
    }

    var file: String
    var header: [String]
    var rows: [Row]
    /// Spreadsheets name columns by letter, CSV files by position.
    var columnsAreLettered: Bool
    /// "regel", "rij" or "record", as the rows are called in messages.
    var lineNoun = "regel"

    /// How an error message names a column: its header, plus its letter in a spreadsheet.
    func columnName(_ index: Int) -> String {
        let name = index < header.count ? header[index] : "\(index + 1)"
        return columnsAreLettered ? "\(Self.letters(index)) (\(name))" : name
    }

    /// The header's position of each name, case-insensitively; the first wins when a name repeats.
    func index(of name: String) -> Int? {
        header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    func error(_ row: Row, column: Int?, _ message: String) -> ImportError {
        ImportError(file: file, line: row.line, column: column.map(columnName), lineNoun: lineNoun, message)
    }

    static func letters(_ index: Int) -> String { ColumnName.letters(index) }
}
