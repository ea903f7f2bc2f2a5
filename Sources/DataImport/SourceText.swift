import Foundation

/// Text encodings Dutch data files arrive in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
}

/// Turns the bytes of a text file into a String, detecting UTF-8 (with or without BOM) and Windows-1252.
///
/// Excel on Windows still saves "CSV (gescheiden door lijstscheidingsteken)" as Windows-1252, so a file that is
/// not valid UTF-8 is read as Windows-1252 — unless it contains bytes that cannot be Windows-1252 text either.
enum SourceText {
    static func decode(_ bytes: [UInt8], file: String, forced: TextEncoding? = nil) throws -> (String, TextEncoding) {
        var body = bytes[...]
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw ImportError(
                file: file, "het bestand is UTF-16 gecodeerd; sla het op als UTF-8 (of 'CSV UTF-8' in Excel)")
        }
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: body)
            throw ImportError(
                file: file, line: line, column: "teken \(column)",
                "het bestand bevat een NUL-byte; het is geen tekstbestand of het is in een andere codering opgeslagen")
        }
        if forced != .windows1252 {
            if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
            if forced == .utf8 {
                let bad = firstInvalidUTF8(body)
                let (line, column) = position(of: bad, in: body)
                throw ImportError(
                    file: file, line: line, column: "teken \(column)",
                    String(
                        format: "byte 0x%02X is geen geldige UTF-8; is het bestand in Windows-1252 opgeslagen?",
                        body[bad]))
            }
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(body.count)
        for index in body.indices {
            let byte = body[index]
            guard let scalar = windows1252(byte) else {
                let (line, column) = position(of: index, in: body)
                throw ImportError(
                    file: file, line: line, column: "teken \(column)",
                    String(
                        format:
                            "byte 0x%02X is geen UTF-8 en geen Windows-1252; de codering van het bestand wordt niet herkend",
                        byte))
            }
            scalars.append(scalar)
        }
        return (String(scalars), .windows1252)
    }

    /// Windows-1252 differs from Latin-1 only in 0x80–0x9F; five of those bytes are undefined.
    private static let high: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil,
        0x017E, 0x0178,
    ]

    private static func windows1252(_ byte: UInt8) -> Unicode.Scalar? {
        if (0x80...0x9F).contains(byte) { return high[Int(byte - 0x80)].flatMap(Unicode.Scalar.init) }
        return Unicode.Scalar(byte)
    }

    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length =
                lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.endIndex,
                bytes[(index + 1)..<(index + length)].allSatisfy({ $0 >> 6 == 0b10 })
            else { return index }
            index += length
        }
        return bytes.startIndex
    }

    /// 1-based line and character column of a byte offset, for error messages.
    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.startIndex..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}
