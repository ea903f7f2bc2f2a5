/// Reads delimited text as Dutch data files come: comma, semicolon or tab, quoted fields, CRLF or LF,
/// header on the first line. Cell text is trimmed, because CBS pads values with spaces. Fields, columns and cells
/// are bounded by `ImportLimits`.
enum CSVReader {
    struct Refusal: Error { let line: Int; let message: String }

    static func read(_ text: String, file: String) throws -> RawTable {
        do {
            return try parse(text, file: file)
        } catch let refusal as Refusal {
            throw ImportError(file: file, line: refusal.line, refusal.message)
        }
    }

    private static func parse(_ text: String, file: String) throws -> RawTable {
        let bytes = Array(text.utf8)
        let delimiter = detectDelimiter(bytes)
        var rows: [RawTable.Row] = []
        var cells: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var quotedField = false
        var index = 0
        var cellCount = 0

        func endField() throws {
            cellCount += 1
            guard cells.count < ImportLimits.maximumColumns else {
                throw Refusal(line: rowLine, message: "de regel heeft meer dan \(ImportLimits.maximumColumns) kolommen")
            }
            guard cellCount <= ImportLimits.maximumCells else {
                throw Refusal(line: rowLine, message: "het bestand heeft meer dan \(ImportLimits.maximumCells) cellen")
            }
            let text = String(decoding: field, as: UTF8.self)
            cells.append(quotedField ? text : text.trimmingSpaces())
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        func endRow() throws {
            try endField()
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append(.init(line: rowLine, cells: cells)) }
            cells.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if field.count > ImportLimits.maximumFieldBytes {
                throw Refusal(
                    line: rowLine,
                    message:
                        "een veld is langer dan \(ImportLimits.megabytes(ImportLimits.maximumFieldBytes)); staat er ergens een aanhalingsteken dat niet gesloten wordt?"
                )
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else if byte == delimiter {
                try endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                try endRow()
                line += 1
                rowLine = line
            } else if byte == UInt8(ascii: "\"") && field.allSatisfy({ $0 == 0x20 }) {
                inQuotes = true
                quotedField = true
                field.removeAll()
            } else {
                field.append(byte)
            }
            index += 1
        }
        if inQuotes {
            throw ImportError(file: file, line: rowLine, "een aanhalingsteken wordt geopend maar nergens gesloten")
        }
        if !field.isEmpty || !cells.isEmpty { try endRow() }
        guard let header = rows.first else { throw ImportError(file: file, "het bestand is leeg") }
        return RawTable(file: file, header: header.cells, rows: Array(rows.dropFirst()), columnsAreLettered: false)
    }

    /// The delimiter is whichever of `;`, tab and `,` occurs most in the header line outside quotes.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0, UInt8(ascii: ","): 0]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes, byte == 0x0A || byte == 0x0D { break }
            if !inQuotes, counts[byte] != nil { counts[byte]! += 1 }
        }
        return counts.max {
            ($0.value, $0.key == UInt8(ascii: ",") ? 1 : 0) < ($1.value, $1.key == UInt8(ascii: ",") ? 1 : 0)
        }!.key
    }
}

extension String {
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
