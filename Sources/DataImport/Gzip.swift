/// Reads gzip files (RFC 1952), as the bundled data and many downloads come, with zlib (`Inflater`), which checks the
/// header, the CRC-32 and the length of every member.
enum Gzip {
    /// The decompressed bytes, or nil when the file is not gzip, damaged or cut short.
    static func decompress(_ bytes: [UInt8]) -> [UInt8]? { try? inflate(bytes) }

    /// The decompressed bytes, stopping as soon as they pass `ImportLimits.inflationLimit` (a 1 MB bomb would
    /// otherwise become gigabytes in memory).
    static func inflate(_ bytes: [UInt8]) throws(Inflater.Problem) -> [UInt8] {
        guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else { throw .damaged }
        let limit = ImportLimits.inflationLimit(compressed: bytes.count)
        return try Inflater.inflate(bytes[...], format: .gzip, limit: limit)
    }
}
