import Foundation
import Vapor
#if canImport(Glibc)
    import Glibc
#endif

/// A `multipart/form-data` body (uploads), parsed once per request by searching for the boundary with `memmem`.
///
/// NB: MultipartKit walks the body byte by byte through `ByteBufferView`; in a debug build (what `swift run` and CI
/// use) that took 1.5 s per megabyte, and the CSRF check and the handler each parsed the body again: a 5 MB PDF took
/// 11 s. This parser reads each part's headers and hands out the contents as slices of the collected body.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var fileName: String?
        var contentType: String?
        var data: ByteBuffer
    }

    static let maximumParts = 200
    var parts: [Part]

    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }.map { String(buffer: $0.data) }
    }

    func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.fileName != nil } }

    /// The parts of a body, or nil when it is not well-formed multipart with this boundary.
    static func parse(_ body: ByteBuffer, boundary: String) -> MultipartForm? {
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        let delimiter = Array(("\r\n--" + boundary).utf8)
        return body.withUnsafeReadableBytes { raw -> MultipartForm? in
            // The first delimiter may start the body without the leading CRLF.
            guard raw.starts(with: delimiter.dropFirst(2)) else { return nil }
            var parts: [Part] = []
            var position = delimiter.count - 2
            while parts.count <= maximumParts {
                // After a delimiter: "--" ends the body, CRLF starts a part.
                guard position + 2 <= raw.count else { return nil }
                if raw[position] == UInt8(ascii: "-"), raw[position + 1] == UInt8(ascii: "-") {
                    return MultipartForm(parts: parts)
                }
                guard raw[position] == 0x0D, raw[position + 1] == 0x0A else { return nil }
                position += 2
                guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: raw, from: position) else { return nil }
                let headers = String(
                    decoding: UnsafeRawBufferPointer(rebasing: raw[position..<headerEnd]), as: UTF8.self)
                guard let next = find(delimiter, in: raw, from: headerEnd + 4) else { return nil }
                guard var part = Self.part(headers) else { return nil }
                part.data =
                    body.getSlice(at: body.readerIndex + headerEnd + 4, length: next - headerEnd - 4) ?? ByteBuffer()
                parts.append(part)
                position = next + delimiter.count
            }
            return nil
        }
    }

    /// Name, file name and type from a part's headers.
    static func part(_ headers: String) -> Part? {
        var name: String?, fileName: String?, contentType: String?
        for line in headers.split(separator: "\r\n") {
            let pieces = line.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2 else { continue }
            let value = pieces[1].trimmingCharacters(in: .whitespaces)
            switch pieces[0].lowercased() {
            case "content-disposition":
                name = parameter("name", in: value)
                fileName = parameter("filename", in: value)
            case "content-type":
                contentType = value
            default: break
            }
        }
        guard let name else { return nil }
        return Part(name: name, fileName: fileName, contentType: contentType, data: ByteBuffer())
    }

    /// `name="x"` from `form-data; name="x"; filename="y"`, read as a quoted string: a `;` or `=` inside the quotes
    /// belongs to the value (`filename="verslag; def.pdf"`); browsers write a quote inside as `%22`.
    static func parameter(_ key: String, in value: String) -> String? {
        var scalars = value.unicodeScalars[...]
        while !scalars.isEmpty {
            // A name up to '=' or ';'.
            let name = String(String.UnicodeScalarView(scalars.prefix { $0 != "=" && $0 != ";" })).trimmingCharacters(
                in: .whitespaces)
            scalars = scalars.drop { $0 != "=" && $0 != ";" }
            var text = ""
            if scalars.first == "=" {
                scalars = scalars.dropFirst().drop { $0 == " " }
                if scalars.first == "\"" {
                    scalars = scalars.dropFirst()
                    var escaped = false
                    while let next = scalars.first {
                        scalars = scalars.dropFirst()
                        if escaped { text.unicodeScalars.append(next); escaped = false; continue }
                        if next == "\\" { escaped = true; continue }
                        if next == "\"" { break }
                        text.unicodeScalars.append(next)
                    }
                    scalars = scalars.drop { $0 != ";" }
                } else {
                    text = String(String.UnicodeScalarView(scalars.prefix { $0 != ";" })).trimmingCharacters(
                        in: .whitespaces)
                    scalars = scalars.drop { $0 != ";" }
                }
            }
            scalars = scalars.drop { $0 == ";" }
            if name.lowercased() == key { return text.replacingOccurrences(of: "%22", with: "\"") }
        }
        return nil
    }

    /// The offset of `needle` in `haystack` at or after `start`: `memchr` to the next candidate first byte, then `memcmp`.
    private static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first else { return nil }
        var offset = start
        return needle.withUnsafeBytes { pattern -> Int? in
            while offset + needle.count <= haystack.count {
                guard let hit = memchr(base + offset, Int32(first), haystack.count - offset - needle.count + 1) else {
                    return nil
                }
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, pattern.baseAddress!, needle.count) == 0 { return at }
                offset = at + 1
            }
            return nil
        }
    }
}

private struct MultipartKey: StorageKey { typealias Value = MultipartForm }

extension Request {
    /// The collected body as multipart form, parsed once; nil when it is not one.
    var multipartForm: MultipartForm? {
        if let parsed = storage[MultipartKey.self] { return parsed }
        guard let type = headers.contentType, type.type == "multipart", type.subType == "form-data",
            let boundary = type.parameters["boundary"], let body = body.data,
            let parsed = MultipartForm.parse(body, boundary: boundary)
        else { return nil }
        storage[MultipartKey.self] = parsed
        return parsed
    }
}
