import CZlib

/// Deflate with the system zlib: raw for ZIP members, gzip for HTTP bodies (the web app's page cache).
public enum Deflate {
    struct Failure: Error {}

    static func raw(_ data: [UInt8]) throws -> [UInt8] { try compress(data, windowBits: -15) }

    /// A gzip member (RFC 1952), what `Content-Encoding: gzip` carries.
    public static func gzip(_ data: [UInt8]) throws -> [UInt8] { try compress(data, windowBits: 15 + 16) }

    private static func compress(_ data: [UInt8], windowBits: Int32) throws -> [UInt8] {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw Failure() }
        defer { deflateEnd(&stream) }
        var input = data
        var result = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(data.count))) + 32)
        let status = input.withUnsafeMutableBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure() }
        return Array(result.prefix(Int(stream.total_out)))
    }
}
