internal import CZlib
import Foundation

/// Inflates gzip files and ZIP entries with zlib directly, within a size limit.
///
/// NB: ZIPFoundation 0.9.20's inflater (used before) tells zlib a whole buffer of input is there even when the last
/// chunk is shorter, so a damaged stream makes zlib read past the end of the buffer; the fuzzer found it as a crash in
/// libz on a 300-byte gzip file. Here zlib is only ever told the bytes that exist.
enum Inflater {
    enum Format { case gzip, rawDeflate }

    enum Problem: Error, Equatable { case damaged, tooLarge(limit: Int) }

    /// The inflated bytes; `.tooLarge` as soon as they would pass `limit`. A gzip file may hold several members
    /// (`cat a.gz b.gz`); each has its checksum and length checked by zlib.
    static func inflate(_ input: UnsafeRawBufferPointer, format: Format, limit: Int) throws(Problem) -> [UInt8] {
        guard let base = input.baseAddress, !input.isEmpty else { throw .damaged }
        var stream = z_stream()
        let bits: Int32 = format == .gzip ? 15 + 16 : -15
        guard inflateInit2_(&stream, bits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var offset = 0
        while true {
            // zlib's counters are 32-bit: feed at most 1 GiB at a time.
            let available = min(input.count - offset, 1 << 30)
            stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self) + offset)
            stream.avail_in = UInt32(available)
            var status: Int32 = Z_OK
            repeat {
                let produced: Int = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced == 0) else {
                    throw .damaged
                }
                guard output.count + produced <= limit else { throw .tooLarge(limit: limit) }
                output.append(contentsOf: buffer[0..<produced])
                if status == Z_BUF_ERROR { break }
            } while status != Z_STREAM_END && (stream.avail_in > 0 || stream.avail_out == 0)
            offset += available - Int(stream.avail_in)
            if status == Z_STREAM_END {
                // Another gzip member may follow; trailing zero padding (some tools write it) ends the file.
                guard format == .gzip, offset < input.count,
                    input[offset...].contains(where: { $0 != 0 })
                else { return output }
                guard inflateReset(&stream) == Z_OK else { throw .damaged }
                continue
            }
            // Input used up without the end of the stream: the file is cut short.
            if offset >= input.count { throw .damaged }
        }
    }

    /// The same, for a slice of an array (`withUnsafeBytes` rethrows untyped errors; the type comes back here).
    static func inflate(_ bytes: ArraySlice<UInt8>, format: Format, limit: Int) throws(Problem) -> [UInt8] {
        do {
            return try bytes.withUnsafeBytes { raw in try inflate(raw, format: format, limit: limit) }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .damaged
        }
    }

    /// CRC-32 as ZIP files record it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, UInt32($0.count))) }
    }
}
