import Pages

/// Collects footnotes (each text once) and numbers tables and figures while a report is assembled.
struct ReportNotes {
    private(set) var notes: [String] = []
    private var tables = 0
    private var figures = 0

    mutating func note(_ text: String) -> Int {
        if let index = notes.firstIndex(of: text) { return index + 1 }
        notes.append(text)
        return notes.count
    }

    mutating func notes(_ texts: [String]) -> [Int] { Array(Set(texts)).sorted().map { note($0) } }

    mutating func table(_ caption: String, header: [String], rows: [[String]], numeric: [Int] = [], sources: [String])
        -> ReportDocument.Block
    {
        tables += 1
        return .table(
            .init(number: tables, caption: caption, header: header, rows: rows, numeric: numeric, notes: notes(sources))
        )
    }

    mutating func figure(_ caption: String, svg: String, description: String, sources: [String]) -> ReportDocument.Block
    {
        figures += 1
        return .figure(
            .init(number: figures, caption: caption, svg: svg, description: description, notes: notes(sources)))
    }
}
