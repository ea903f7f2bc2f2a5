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
        let (utf8, encoding) = try utf8Bytes(bytes, file: file, forced: forced)
        return (String(decoding: utf8, as: UTF8.self), encoding)
    }

    /// The file's text as UTF-8 bytes (a BOM dropped): the readers work on bytes, so a 100 MB file is never also
    /// held as a `String`. Plain ASCII and valid UTF-8 come back as they are; Windows-1252 is transcoded.
    static func utf8Bytes(_ bytes: [UInt8], file: String, forced: TextEncoding? = nil) throws -> (
        [UInt8], TextEncoding
    ) {
        var body = bytes[...]
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw ImportError(
                file: file, "het bestand is UTF-16 gecodeerd; sla het op als UTF-8 (of 'CSV UTF-8' in Excel)")
        }
        let hasBOM = body.starts(with: [0xEF, 0xBB, 0xBF])
        if hasBOM { body = body.dropFirst(3) }
        // Text that needs no change is handed back as the same array (no copy of a 100 MB file).
        func unchanged() -> [UInt8] { hasBOM ? Array(body) : bytes }
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: body)
            throw ImportError(
                file: file, line: line, column: "teken \(column)",
                "het bestand bevat een NUL-byte; het is geen tekstbestand of het is in een andere codering opgeslagen")
        }
        let firstHigh = body.firstIndex { $0 >= 0x80 }
        guard let firstHigh else { return (unchanged(), forced ?? .utf8) }
        if forced != .windows1252 {
            let bad = firstInvalidUTF8(body, from: firstHigh)
            if bad == nil { return (unchanged(), .utf8) }
            if forced == .utf8, let bad {
                let (line, column) = position(of: bad, in: body)
                throw ImportError(
                    file: file, line: line, column: "teken \(column)",
                    String(
                        format: "byte 0x%02X is geen geldige UTF-8; is het bestand in Windows-1252 opgeslagen?",
                        body[bad]))
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 8)
        out.append(contentsOf: body[..<firstHigh])
        for index in firstHigh..<body.endIndex {
            let byte = body[index]
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            guard let scalar = windows1252(byte) else {
                let (line, column) = position(of: index, in: body)
                throw ImportError(
                    file: file, line: line, column: "teken \(column)",
                    String(
                        format:
                            "byte 0x%02X is geen UTF-8 en geen Windows-1252; de codering van het bestand wordt niet herkend",
                        byte))
            }
            out.append(contentsOf: UTF8.encode(scalar)!)
        }
        return (out, .windows1252)
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

    /// The offset of the first byte that breaks UTF-8 from `start` on, or nil when the rest is valid.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.endIndex,
                bytes[(index + 1)..<(index + length)].allSatisfy({ $0 >> 6 == 0b10 })
            else { return index }
            // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either (as `String(validating:)`).
            let second = bytes[index + 1]
            if length == 2 && lead < 0xC2 || length == 3 && lead == 0xE0 && second < 0xA0
                || length == 3 && lead == 0xED && second >= 0xA0 || length == 4 && lead == 0xF0 && second < 0x90
                || length == 4 && (lead > 0xF4 || lead == 0xF4 && second >= 0x90)
            {
                return index
            }
            index += length
        }
        return nil
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
