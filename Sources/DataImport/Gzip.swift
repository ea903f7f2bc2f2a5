import Foundation
internal import ZIPFoundation

/// Reads gzip files (RFC 1952), as the bundled data and many downloads come, with ZIPFoundation's inflater.
enum Gzip {
    enum Problem: Error { case damaged, tooLarge(limit: Int) }

    /// The decompressed bytes, or nil when the file is not gzip, damaged or cut short.
    static func decompress(_ bytes: [UInt8]) -> [UInt8]? { try? inflate(bytes) }

    /// The decompressed bytes, stopping as soon as they pass `ImportLimits.inflationLimit` (a 1 MB bomb would
    /// otherwise become gigabytes in memory).
    static func inflate(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        let limit = ImportLimits.inflationLimit(compressed: bytes.count)
        guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else { throw .damaged }
        let flags = bytes[3]
        var start = 10
        if flags & 0x04 != 0 {
            guard start + 2 <= bytes.count else { throw .damaged }
            start += 2 + Int(bytes[start]) + Int(bytes[start + 1]) << 8
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
            while start < bytes.count, bytes[start] != 0 { start += 1 }
            start += 1
        }
        if flags & 0x02 != 0 { start += 2 }
        let end = bytes.count - 8
        guard start < end else { throw .damaged }
        let deflated = Data(bytes[start..<end])
        var output = Data()
        do {
            let crc = try Data.decompress(size: Int64(deflated.count), bufferSize: 64 * 1024, skipCRC32: false,
                                          provider: { position, size in
                                              // NB: a cut-off stream asks for bytes past the end; answering with
                                              // empty data would make the inflater ask again forever.
                                              guard position < deflated.count else { throw CocoaError(.fileReadCorruptFile) }
                                              return deflated.subdata(in: Int(position)..<min(Int(position) + size, deflated.count))
                                          }, consumer: { chunk in
                                              guard output.count + chunk.count <= limit else { throw Problem.tooLarge(limit: limit) }
                                              output.append(chunk)
                                          })
            let expectedCRC = UInt32(bytes[end]) | UInt32(bytes[end + 1]) << 8 | UInt32(bytes[end + 2]) << 16 | UInt32(bytes[end + 3]) << 24
            let expectedSize = UInt32(bytes[end + 4]) | UInt32(bytes[end + 5]) << 8 | UInt32(bytes[end + 6]) << 16 | UInt32(bytes[end + 7]) << 24
            guard crc == expectedCRC, UInt32(truncatingIfNeeded: output.count) == expectedSize else { throw Problem.damaged }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .damaged
        }
        return Array(output)
    }
}
