import CZlib
import Foundation

/// Writes a ZIP archive in memory: each member raw-deflated with zlib, CRC-32 from zlib, no ZIP64 (members and the
/// archive stay far under 4 GB: a workbook of every wijk is a few hundred KB). Enough for XLSX, which is a ZIP.
struct ZipWriter {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    enum Failure: Error { case tooLarge }

    mutating func add(_ name: String, _ data: [UInt8]) throws {
        let compressed = try Deflate.raw(data)
        guard data.count < Int(UInt32.max), output.count < Int(UInt32.max) - compressed.count else {
            throw Failure.tooLarge
        }
        let crc = data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        let nameBytes = Array(name.utf8)
        let offset = UInt32(output.count)
        // Local file header: version 2.0, UTF-8 names (bit 11), deflate, a fixed date (1 Jan 2000) so equal
        // content gives equal bytes.
        output += u32(0x0403_4b50) + u16(20) + u16(0x0800) + u16(8) + u16(0) + u16(0x2821)
        output += u32(crc) + u32(UInt32(compressed.count)) + u32(UInt32(data.count))
        output += u16(UInt16(nameBytes.count)) + u16(0) + nameBytes + compressed
        central += u32(0x0201_4b50) + u16(20) + u16(20) + u16(0x0800) + u16(8) + u16(0) + u16(0x2821)
        central += u32(crc) + u32(UInt32(compressed.count)) + u32(UInt32(data.count))
        central += u16(UInt16(nameBytes.count)) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset)
        central += nameBytes
        count += 1
    }

    /// The archive: members, central directory, end record.
    func finish() -> [UInt8] {
        output + central + u32(0x0605_4b50) + u16(0) + u16(0) + u16(UInt16(count)) + u16(UInt16(count))
            + u32(UInt32(central.count)) + u32(UInt32(output.count)) + u16(0)
    }

    private func u16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8)] }
    private func u32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xff) } }
}
