/// Reads a worksheet's `<sheetData>` from its UTF-8 bytes: rows of cells addressed `A1`, typed by `t` (s, str,
/// inlineStr, b, n, e). Foundation's XMLParser refused the sheet of a national kwb workbook (90 MB of XML on one
/// line, as Excel and openpyxl write it) and built a `String` for every name and value it met; this scanner reads
/// only what a sheet holds — tags, attributes, text with the five XML entities and character references, CDATA —
/// and refuses anything else (a DOCTYPE, an unknown entity, a tag left open) as invalid XML.
///
/// Cell references are checked against Excel's own bounds (column XFD, row 1 048 576) before anything is allocated
/// for them: `ZZZZZZ2` would otherwise pad a row with 300 million empty cells.
struct SheetScanner {
    /// A piece of the sheet's bytes (a name, an attribute value), never copied.
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    struct Problem: Error {
        var row: Int
        var column: String?
        var message: String
        /// Invalid XML is placed by its line in the XML, not by a sheet row.
        var xmlLine: Int? = nil
    }

    static let maximumDepth = 32
    static let maximumAttributes = 32

    let bytes: UnsafeBufferPointer<UInt8>
    let strings: [String]
    var rows: [RawTable.Row] = []
    private var cells: [String] = []
    private var rowNumber = 0
    private var column = 0
    private var type = "n"
    private var text: [UInt8] = []
    private var inValue = false
    private var cellCount = 0
    /// Bytes of cell text so far: a long shared string repeated in many cells is counted each time.
    private var textBytes = 0
    var badIndex: (row: Int, column: Int)?
    private var open: [Bytes] = []
    private var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, strings: [String]) {
        self.bytes = bytes
        self.strings = strings
    }

    static func rows(_ data: [UInt8], strings: [String]) throws(Problem) -> (RawTable.Row?, [RawTable.Row], Bad?) {
        try data.withUnsafeBufferPointer { buffer throws(Problem) in
            var scanner = SheetScanner(bytes: buffer, strings: strings)
            try scanner.scan()
            let bad = scanner.badIndex.map { Bad(row: $0.row, column: $0.column) }
            return (scanner.rows.first, Array(scanner.rows.dropFirst()), bad)
        }
    }

    struct Bad { var row: Int; var column: Int }

    private func invalid() -> Problem {
        var line = 1
        for position in 0..<min(index, bytes.count) where bytes[position] == 0x0A { line += 1 }
        return Problem(row: 0, message: "het werkblad bevat ongeldige XML (afgebroken bestand?)", xmlLine: line)
    }

    mutating func scan() throws(Problem) {
        let end = bytes.count
        while index < end {
            guard bytes[index] == UInt8(ascii: "<") else {
                let start = index
                while index < end, bytes[index] != UInt8(ascii: "<") { index += 1 }
                if inValue { try appendText(start..<index) }
                continue
            }
            if starts(with: "<![CDATA[") {
                let start = index + 9
                guard let close = find("]]>", from: start) else { throw invalid() }
                if inValue { try appendRaw(start..<close) }
                index = close + 3
            } else if starts(with: "<!--") {
                guard let close = find("-->", from: index + 4) else { throw invalid() }
                index = close + 3
            } else if starts(with: "<?") {
                guard let close = find("?>", from: index + 2) else { throw invalid() }
                index = close + 2
            } else if index + 1 < end, bytes[index + 1] == UInt8(ascii: "/") {
                index += 2
                let name = try self.name()
                skipSpace()
                guard index < end, bytes[index] == UInt8(ascii: ">"), let last = open.popLast(),
                    last.elementsEqual(name)
                else { throw invalid() }
                index += 1
                try didEnd(localName(name))
            } else {
                // A DOCTYPE (and with it any entity of its own) has no place in a worksheet.
                index += 1
                let name = try self.name()
                var attributes: [(Bytes, Bytes)] = []
                while true {
                    skipSpace()
                    guard index < end else { throw invalid() }
                    if bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "/") { break }
                    let key = try self.name()
                    skipSpace()
                    guard index < end, bytes[index] == UInt8(ascii: "=") else { throw invalid() }
                    index += 1
                    skipSpace()
                    guard index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
                    else { throw invalid() }
                    let quote = bytes[index]
                    let start = index + 1
                    guard let close = (start..<end).first(where: { bytes[$0] == quote }) else { throw invalid() }
                    attributes.append((localName(key), bytes[start..<close]))
                    guard attributes.count <= Self.maximumAttributes else { throw invalid() }
                    index = close + 1
                }
                let selfClosing = bytes[index] == UInt8(ascii: "/")
                if selfClosing {
                    guard index + 1 < end, bytes[index + 1] == UInt8(ascii: ">") else { throw invalid() }
                    index += 2
                } else {
                    index += 1
                    // A sheet nests five deep (worksheet, sheetData, row, c, is/v, r, t); a thousand levels of
                    // nothing would only cost memory.
                    guard open.count < Self.maximumDepth else { throw invalid() }
                    open.append(name)
                }
                try didStart(localName(name), attributes)
                if selfClosing { try didEnd(localName(name)) }
            }
        }
        guard open.isEmpty else { throw invalid() }
    }

    // MARK: What the elements mean

    private mutating func didStart(_ name: Bytes, _ attributes: [(Bytes, Bytes)])
        throws(Problem)
    {
        func attribute(_ key: String) -> String? {
            attributes.first { $0.0.elementsEqual(key.utf8) }.map { String(decoding: $0.1, as: UTF8.self) }
        }
        if name.elementsEqual("row".utf8) {
            if let r = attribute("r") {
                guard let number = Int(r), (1...ImportLimits.maximumRows).contains(number) else {
                    throw Problem(
                        row: rowNumber, column: nil,
                        message:
                            "rijnummer '\(r.prefix(20))' ligt buiten een werkblad (1 tot en met \(ImportLimits.maximumRows))"
                    )
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            cells = []
        } else if name.elementsEqual("c".utf8) {
            type = attribute("t") ?? "n"
            text.removeAll(keepingCapacity: true)
            if let reference = attribute("r") {
                guard let index = Self.columnIndex(reference) else {
                    throw Problem(
                        row: rowNumber, column: String(reference.prefix(20)),
                        message: "celverwijzing ligt buiten een werkblad (kolommen A tot en met XFD)")
                }
                column = index
            } else {
                column = cells.count
            }
            guard column >= cells.count else {
                throw Problem(
                    row: rowNumber, column: RawTable.letters(column),
                    message: "cellen staan niet op volgorde (of een cel staat er twee keer)")
            }
        } else if name.elementsEqual("v".utf8) || name.elementsEqual("t".utf8) {
            inValue = true
        }
    }

    private mutating func didEnd(_ name: Bytes) throws(Problem) {
        if name.elementsEqual("v".utf8) || name.elementsEqual("t".utf8) {
            inValue = false
        } else if name.elementsEqual("c".utf8) {
            var value = String(decoding: text, as: UTF8.self)
            if type == "s" {
                if let i = Int(value), strings.indices.contains(i) {
                    value = strings[i]
                } else {
                    badIndex = badIndex ?? (rowNumber, column)
                }
            }
            cellCount += column - cells.count + 1
            guard cellCount <= ImportLimits.maximumCells else {
                throw Problem(
                    row: rowNumber, column: nil,
                    message: "het werkblad heeft meer dan \(ImportLimits.maximumCells) cellen")
            }
            textBytes += value.utf8.count
            guard textBytes <= ImportLimits.maximumInflatedBytes else {
                throw Problem(
                    row: rowNumber, column: nil,
                    message:
                        "de cellen bevatten samen meer dan \(ImportLimits.megabytes(ImportLimits.maximumInflatedBytes)) tekst"
                )
            }
            while cells.count < column { cells.append("") }
            cells.append(type == "s" ? value : value.trimmingSpaces())
        } else if name.elementsEqual("row".utf8) {
            if cells.contains(where: { !$0.isEmpty }) { rows.append(.init(line: rowNumber, cells: cells)) }
        }
    }

    // MARK: Bytes

    private mutating func appendText(_ range: Range<Int>) throws(Problem) {
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "&") else {
                text.append(byte)
                position += 1
                continue
            }
            guard
                let semicolon = (position..<min(range.upperBound, position + 12)).first(where: {
                    bytes[$0] == UInt8(ascii: ";")
                })
            else { throw invalid() }
            let entity = bytes[(position + 1)..<semicolon]
            switch String(decoding: entity, as: UTF8.self) {
            case "lt": text.append(UInt8(ascii: "<"))
            case "gt": text.append(UInt8(ascii: ">"))
            case "amp": text.append(UInt8(ascii: "&"))
            case "quot": text.append(UInt8(ascii: "\""))
            case "apos": text.append(UInt8(ascii: "'"))
            case let reference where reference.hasPrefix("#"):
                let digits = reference.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, let scalar = Unicode.Scalar(value), value != 0 else { throw invalid() }
                text.append(contentsOf: UTF8.encode(scalar)!)
            default:
                throw invalid()
            }
            position = semicolon + 1
            try checkLength()
        }
        try checkLength()
    }

    private mutating func appendRaw(_ range: Range<Int>) throws(Problem) {
        text.append(contentsOf: bytes[range])
        try checkLength()
    }

    private func checkLength() throws(Problem) {
        guard text.count > ImportLimits.maximumFieldBytes else { return }
        throw Problem(
            row: rowNumber, column: RawTable.letters(column),
            message: "de cel is langer dan \(ImportLimits.megabytes(ImportLimits.maximumFieldBytes))")
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[index + $0] == prefix.utf8Start[$0] }
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        var position = start
        while position + count <= bytes.count {
            if (0..<count).allSatisfy({ bytes[position + $0] == needle.utf8Start[$0] }) { return position }
            position += 1
        }
        return nil
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// An XML name (with its prefix, if any); empty or starting with a character no name has is invalid XML.
    private mutating func name() throws(Problem) -> Bytes {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                || [0x20, 0x09, 0x0A, 0x0D].contains(byte)
            {
                break
            }
            guard byte != UInt8(ascii: "<"), byte != UInt8(ascii: "!"), byte != UInt8(ascii: "\""),
                byte != UInt8(ascii: "'"), byte != UInt8(ascii: "&")
            else { throw invalid() }
            index += 1
        }
        guard index > start else { throw invalid() }
        return bytes[start..<index]
    }

    /// `x:row` → `row`: some writers put the spreadsheet namespace on a prefix.
    private func localName(_ name: Bytes) -> Bytes {
        guard let colon = name.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return name[(colon + 1)...]
    }

    /// `AB12` → 27 (0-based column of the letters); nil past XFD, Excel's last column, or without letters.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            index = index * 26 + Int(scalar.value - 64)
        }
        guard letters > 0, index <= ImportLimits.maximumColumns else { return nil }
        return index - 1
    }
}
