/// Reads delimited text as Dutch data files come: comma, semicolon or tab, quoted fields, CRLF or LF,
/// header on the first line. Cell text is trimmed, because CBS pads values with spaces. Fields, columns and cells
/// are bounded by `ImportLimits`.
///
/// It works on the UTF-8 bytes and makes one `String` per cell straight from its bytes: a CRLF is two bytes here,
/// where as `Character`s it is one grapheme that costs a Unicode check at every line end.
enum CSVReader {
    struct Refusal: Error { let line: Int; let message: String }

    static func read(_ text: String, file: String) throws -> RawTable {
        try read(utf8: Array(text.utf8), file: file)
    }

    static func read(utf8 bytes: [UInt8], file: String) throws -> RawTable {
        do {
            return try bytes.withUnsafeBufferPointer { try parse($0, file: file) }
        } catch let refusal as Refusal {
            throw ImportError(file: file, line: refusal.line, refusal.message)
        }
    }

    private static let quote = UInt8(ascii: "\"")

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> RawTable {
        let delimiter = detectDelimiter(bytes)
        var rows: [RawTable.Row] = []
        var cells: [String] = []
        var line = 1
        var rowLine = 1
        var cellCount = 0
        var index = 0
        let end = bytes.count
        // A quoted field with doubled quotes is unescaped into this buffer; every other field is a slice.
        var unescaped: [UInt8] = []

        func append(_ cell: String) throws {
            cellCount += 1
            guard cells.count < ImportLimits.maximumColumns else {
                throw Refusal(line: rowLine, message: "de regel heeft meer dan \(ImportLimits.maximumColumns) kolommen")
            }
            guard cellCount <= ImportLimits.maximumCells else {
                throw Refusal(line: rowLine, message: "het bestand heeft meer dan \(ImportLimits.maximumCells) cellen")
            }
            cells.append(cell)
        }
        func tooLong() -> Refusal {
            Refusal(
                line: rowLine,
                message:
                    "een veld is langer dan \(ImportLimits.megabytes(ImportLimits.maximumFieldBytes)); staat er ergens een aanhalingsteken dat niet gesloten wordt?"
            )
        }

        while index <= end {
            // One field: leading spaces, then either a quoted field or bytes up to the delimiter or line end.
            var start = index
            while start < end, bytes[start] == 0x20 { start += 1 }
            if start < end, bytes[start] == quote {
                var cursor = start + 1
                var hasDoubled = false
                var fieldEnd = -1
                while cursor < end {
                    let byte = bytes[cursor]
                    if byte == quote {
                        if cursor + 1 < end, bytes[cursor + 1] == quote {
                            hasDoubled = true
                            cursor += 2
                            if cursor - start > ImportLimits.maximumFieldBytes { throw tooLong() }
                            continue
                        }
                        fieldEnd = cursor
                        break
                    }
                    if byte == 0x0A { line += 1 }
                    cursor += 1
                    if cursor - start > ImportLimits.maximumFieldBytes { throw tooLong() }
                }
                guard fieldEnd >= 0 else {
                    throw Refusal(line: rowLine, message: "een aanhalingsteken wordt geopend maar nergens gesloten")
                }
                let content = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<fieldEnd])
                var text: String
                if hasDoubled {
                    unescaped.removeAll(keepingCapacity: true)
                    var i = 0
                    while i < content.count {
                        unescaped.append(content[i])
                        i += content[i] == quote ? 2 : 1
                    }
                    text = String(decoding: unescaped, as: UTF8.self)
                } else {
                    text = String(decoding: content, as: UTF8.self)
                }
                // Text after the closing quote and before the delimiter belongs to the field, as it always did.
                index = fieldEnd + 1
                let tail = index
                while index < end, bytes[index] != delimiter, bytes[index] != 0x0A, bytes[index] != 0x0D {
                    index += 1
                    if index - start > ImportLimits.maximumFieldBytes { throw tooLong() }
                }
                if index > tail {
                    text += String(decoding: UnsafeBufferPointer(rebasing: bytes[tail..<index]), as: UTF8.self)
                }
                try append(text)
            } else {
                var cursor = index
                while cursor < end {
                    let byte = bytes[cursor]
                    if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                    cursor += 1
                }
                if cursor - index > ImportLimits.maximumFieldBytes { throw tooLong() }
                try append(trimmed(UnsafeBufferPointer(rebasing: bytes[index..<cursor])))
                index = cursor
            }
            // What ends the field: a delimiter (next field), a line end or the end of the file (end of row).
            if index < end, bytes[index] == delimiter {
                index += 1
                continue
            }
            if index < end, bytes[index] == 0x0D, index + 1 < end, bytes[index + 1] == 0x0A { index += 1 }
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append(.init(line: rowLine, cells: cells)) }
            cells.removeAll(keepingCapacity: true)
            line += 1
            rowLine = line
            index += 1
        }
        guard let header = rows.first else { throw ImportError(file: file, "het bestand is leeg") }
        return RawTable(file: file, header: header.cells, rows: Array(rows.dropFirst()), columnsAreLettered: false)
    }

    /// Cell text without surrounding white space; plain ASCII without padding (nearly every cell) skips the check.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let first = bytes.first, let last = bytes.last else { return "" }
        let text = String(decoding: bytes, as: UTF8.self)
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return text }
        return text.trimmingSpaces()
    }

    /// The delimiter is whichever of `;`, tab and `,` occurs most in the header line outside quotes.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0, UInt8(ascii: ","): 0]
        var inQuotes = false
        for byte in bytes {
            if byte == quote { inQuotes.toggle() }
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
