import Core
import Foundation

/// The attribute table of a shapefile (dBase III `.dbf`): a header with the record count and the field
/// descriptors, then fixed-width records. Every length the header states is checked against the bytes there are.
struct DBFTable {
    struct Field {
        var name: String
        var type: UInt8
        var offset: Int
        var length: Int
    }

    let fields: [Field]
    let records: [[String]]

    init(_ bytes: [UInt8], file: String) throws {
        func fail(_ message: String) -> ImportError { ImportError(file: file, "het .dbf-bestand \(message)") }
        guard bytes.count >= 33, [0x02, 0x03, 0x30, 0x31, 0x83, 0x8B, 0xF5].contains(bytes[0]) else {
            throw fail("is geen dBase-tabel (de attributen van een shapefile)")
        }
        let count = Int(UInt32(bytes[4]) | UInt32(bytes[5]) << 8 | UInt32(bytes[6]) << 16 | UInt32(bytes[7]) << 24)
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let recordLength = Int(bytes[10]) | Int(bytes[11]) << 8
        guard headerLength >= 33, headerLength <= bytes.count, recordLength >= 1 else {
            throw fail("heeft een ongeldige kop")
        }
        var fields: [Field] = []
        var at = 32
        var offset = 1  // the deletion flag
        while at + 32 <= headerLength, bytes[at] != 0x0D {
            let nameBytes = bytes[at..<(at + 11)].prefix { $0 != 0 }
            let length = Int(bytes[at + 16])
            fields.append(
                Field(
                    name: String(decoding: nameBytes, as: UTF8.self).trimmingCharacters(in: .whitespaces),
                    type: bytes[at + 11], offset: offset, length: length))
            offset += length
            at += 32
        }
        guard !fields.isEmpty, offset <= recordLength, fields.allSatisfy({ $0.length > 0 }) else {
            throw fail("heeft geen of ongeldige velden")
        }
        let (cells, tooMany) = count.multipliedReportingOverflow(by: fields.count)
        guard !tooMany, cells <= ImportLimits.maximumCells, count <= ImportLimits.maximumRows else {
            throw fail(
                "heeft \(count) records van \(fields.count) velden, meer dan de \(DutchFormat.number(Double(ImportLimits.maximumCells))) cellen die Wijkradar inleest"
            )
        }
        // Records beyond the bytes there are mean a truncated file, not memory to reserve.
        let (needed, overflow) = count.multipliedReportingOverflow(by: recordLength)
        guard !overflow, headerLength + needed <= bytes.count else {
            throw fail("noemt \(count) records, meer dan er in het bestand staan: het is afgebroken of beschadigd")
        }
        var records: [[String]] = []
        records.reserveCapacity(count)
        for index in 0..<count {
            let start = headerLength + index * recordLength
            records.append(
                fields.map { field in
                    Self.text(bytes[(start + field.offset)..<(start + field.offset + field.length)])
                        .trimmingCharacters(in: .whitespaces)
                })
        }
        self.fields = fields
        self.records = records
    }

    /// UTF-8 as CBS writes its recent files; older ones are Windows-1252 (Latin-1 for the letters used in names).
    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        let trimmed = bytes.prefix { $0 != 0 }
        if let text = String(validating: trimmed, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(trimmed.map { Unicode.Scalar($0) }))
    }
}

/// The outlines of a shapefile (`.shp`, ESRI Shapefile Technical Description, 1998): polygon records whose rings
/// are outer boundaries (clockwise) or holes (counter-clockwise) of the outer ring before them.
enum ShapeFile {
    static func outlines(_ bytes: [UInt8], file: String) throws -> [Outline?] {
        func fail(_ message: String) -> ImportError { ImportError(file: file, "het .shp-bestand \(message)") }
        guard bytes.count >= 100, bigEndian(bytes, 0) == 9994 else { throw fail("is geen shapefile") }
        var outlines: [Outline?] = []
        var at = 100
        while at + 8 <= bytes.count {
            let length = Int(bigEndian(bytes, at + 4)) * 2
            let start = at + 8
            guard length >= 4, start + length <= bytes.count else {
                throw fail("is afgebroken bij record \(outlines.count + 1)")
            }
            outlines.append(try polygon(bytes[start..<(start + length)], record: outlines.count + 1, fail: fail))
            at = start + length
        }
        return outlines
    }

    private static func polygon(
        _ content: ArraySlice<UInt8>, record: Int, fail: (String) -> ImportError
    ) throws -> Outline? {
        let base = content.startIndex
        let type = littleEndian(content, base)
        if type == 0 { return nil }
        guard [5, 15, 25].contains(type) else { throw fail("record \(record) is geen vlak (shapetype \(type))") }
        guard content.count >= 44 else { throw fail("record \(record) is afgebroken") }
        let partCount = Int(littleEndian(content, base + 36)), pointCount = Int(littleEndian(content, base + 40))
        let pointsAt = base + 44 + partCount * 4
        guard partCount >= 1, partCount <= (content.count - 44) / 4,
            pointCount <= (content.endIndex - pointsAt) / 16
        else { throw fail("record \(record) noemt meer ringen of punten dan erin passen: het is beschadigd") }
        var starts = (0..<partCount).map { Int(littleEndian(content, base + 44 + $0 * 4)) }
        guard starts.first == 0, zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }), starts.last! < pointCount
        else { throw fail("record \(record) heeft ongeldige ringen") }
        starts.append(pointCount)
        var polygons: [[[GeoPoint]]] = []
        for part in 0..<partCount {
            let ring = (starts[part]..<starts[part + 1]).map { index in
                GeoPoint(double(content, pointsAt + index * 16), double(content, pointsAt + index * 16 + 8))
            }
            guard ring.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
                throw fail("record \(record) bevat een coördinaat die geen getal is")
            }
            // Shoelace: negative for a clockwise ring, which the shapefile specification makes an outer boundary.
            var area = 0.0
            for (a, b) in zip(ring, ring.dropFirst()) { area += a.x * b.y - b.x * a.y }
            if area < 0 || polygons.isEmpty {
                polygons.append([ring])
            } else {
                polygons[polygons.count - 1].append(ring)
            }
        }
        return Outline(polygons: polygons)
    }

    private static func bigEndian(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    private static func littleEndian(_ b: ArraySlice<UInt8>, _ i: Int) -> Int32 {
        Int32(bitPattern: UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24)
    }

    private static func double(_ b: ArraySlice<UInt8>, _ i: Int) -> Double {
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(b[i + offset]) << (8 * offset) }
        return Double(bitPattern: value)
    }
}
