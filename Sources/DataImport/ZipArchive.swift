/// Reads the members of a ZIP archive (an XLSX workbook, a CBS download) from memory, as PKWARE's APPNOTE describes:
/// the end-of-central-directory record, the central directory, and each member's local header and data. Stored and
/// deflated members; no encryption, no ZIP64 (XLSX and CBS files use neither). Every offset and size the archive
/// states is checked against the bytes there are before it is used.
struct ZipArchive {
    struct Member {
        var name: String
        var method: UInt16
        var compressedSize: Int
        var size: Int
        var crc32: UInt32
        var headerOffset: Int
    }

    enum Problem: Error, Equatable { case notAZip, damaged(String), unsupported(String), tooLarge(String, limit: Int) }

    let bytes: [UInt8]
    let members: [Member]

    init(_ bytes: [UInt8]) throws(Problem) {
        self.bytes = bytes
        // The end record is in the last 22 + 65 535 bytes (a comment may follow it).
        guard bytes.count >= 22, bytes.starts(with: [0x50, 0x4B]) else { throw .notAZip }
        var end = -1
        var position = bytes.count - 22
        while position >= max(0, bytes.count - 22 - 65_535) {
            if Self.u32(bytes, position) == 0x0605_4B50 { end = position; break }
            position -= 1
        }
        guard end >= 0 else { throw .notAZip }
        let count = Int(Self.u16(bytes, end + 10))
        let directorySize = Int(Self.u32(bytes, end + 12)), directoryOffset = Int(Self.u32(bytes, end + 16))
        guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF else { throw .unsupported("ZIP64") }
        guard directoryOffset + directorySize <= end else { throw .damaged("de inhoudsopgave van het archief") }
        var members: [Member] = []
        var at = directoryOffset
        for _ in 0..<count {
            guard at + 46 <= end, Self.u32(bytes, at) == 0x0201_4B50 else {
                throw .damaged("de inhoudsopgave van het archief")
            }
            let nameLength = Int(Self.u16(bytes, at + 28)), extra = Int(Self.u16(bytes, at + 30)),
                comment = Int(Self.u16(bytes, at + 32))
            guard at + 46 + nameLength <= end else { throw .damaged("de inhoudsopgave van het archief") }
            let flags = Self.u16(bytes, at + 8)
            guard flags & 0x1 == 0 else { throw .unsupported("versleutelde bestanden") }
            members.append(
                Member(
                    name: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                    method: Self.u16(bytes, at + 10), compressedSize: Int(Self.u32(bytes, at + 20)),
                    size: Int(Self.u32(bytes, at + 24)), crc32: Self.u32(bytes, at + 16),
                    headerOffset: Int(Self.u32(bytes, at + 42))))
            at += 46 + nameLength + extra + comment
        }
        self.members = members
    }

    func member(_ name: String) -> Member? { members.first { $0.name == name } }

    /// A member's contents, inflated within `ImportLimits.inflationLimit` of its compressed size (or `ceiling`
    /// for a member that may be larger, a GeoPackage); CRC checked.
    func contents(of member: Member, ceiling: Int = ImportLimits.maximumInflatedBytes) throws(Problem) -> [UInt8] {
        let at = member.headerOffset
        guard at + 30 <= bytes.count, Self.u32(bytes, at) == 0x0403_4B50 else { throw .damaged(member.name) }
        let start = at + 30 + Int(Self.u16(bytes, at + 26)) + Int(Self.u16(bytes, at + 28))
        let (stop, overflow) = start.addingReportingOverflow(member.compressedSize)
        guard !overflow, stop <= bytes.count else { throw .damaged(member.name) }
        let limit = ImportLimits.inflationLimit(compressed: member.compressedSize, ceiling: ceiling)
        let output: [UInt8]
        switch member.method {
        case 0:
            guard member.compressedSize <= limit else { throw .tooLarge(member.name, limit: limit) }
            output = Array(bytes[start..<stop])
        case 8:
            do {
                output = try Inflater.inflate(bytes[start..<stop], format: .rawDeflate, limit: limit)
            } catch .tooLarge(let limit) {
                throw .tooLarge(member.name, limit: limit)
            } catch {
                throw .damaged(member.name)
            }
        default:
            throw .unsupported("compressiemethode \(member.method)")
        }
        guard Inflater.crc32(output) == member.crc32 else { throw .damaged(member.name) }
        return output
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
