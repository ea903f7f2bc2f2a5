/// Reads delimited text as Dutch data files come: comma, semicolon or tab, quoted fields, CRLF or LF,
/// header on the first line. Cell text is trimmed, because CBS pads values with spaces.
enum CSVReader {
    static func read(_ text: String, file: String) throws -> RawTable {
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

        func endField() {
            let text = String(decoding: field, as: UTF8.self)
            cells.append(quotedField ? text : text.trimmingSpaces())
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        func endRow() {
            endField()
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append(.init(line: rowLine, cells: cells)) }
            cells.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
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
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                endRow()
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
        if !field.isEmpty || !cells.isEmpty { endRow() }
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
        return counts.max { ($0.value, $0.key == UInt8(ascii: ",") ? 1 : 0) < ($1.value, $1.key == UInt8(ascii: ",") ? 1 : 0) }!.key
    }
}

extension String {
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
