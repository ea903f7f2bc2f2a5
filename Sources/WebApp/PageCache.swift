import Foundation
import NIOConcurrencyHelpers
import Spreadsheet
import Vapor

/// Finished public responses, kept per content version: a page that depends only on the data is rendered once per
/// version and then served from memory, with a strong ETag and a gzip copy made once.
///
/// Bounded in bytes and entries (the compare page's addresses multiply without end) and in age, because a few
/// public pages also depend on the date (upcoming meetings on the home page). The oldest entry goes first.
final class PageCache: Sendable {
    struct Limits: Sendable {
        var bytes = 64 << 20
        var entries = 4096
        var seconds: UInt64 = 300
    }

    /// One stored response, in both encodings.
    struct Entry: Sendable {
        var version: Int64
        var storedAt: UInt64
        var headers: HTTPHeaders
        var identity: ByteBuffer
        var gzip: ByteBuffer?
        /// The strong validator of the identity body; the gzip body's adds `-gz` (they are other bytes).
        var etag: String

        var size: Int { identity.readableBytes + (gzip?.readableBytes ?? 0) + 512 }

        func etag(gzip: Bool) -> String { gzip && self.gzip != nil ? "\"\(etag)-gz\"" : "\"\(etag)\"" }
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Keys in the order they were stored; a key stored again appears twice and the older mark is skipped.
        var order: [(key: String, storedAt: UInt64)] = []
        var bytes = 0
    }

    let limits: Limits
    private let state = NIOLockedValueBox(State())

    init(limits: Limits = .init()) { self.limits = limits }

    func entry(_ key: String, version: Int64, now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Entry? {
        state.withLockedValue { state in
            guard let entry = state.entries[key] else { return nil }
            guard entry.version == version, now &- entry.storedAt < limits.seconds * 1_000_000_000 else {
                state.entries[key] = nil
                state.bytes -= entry.size
                return nil
            }
            return entry
        }
    }

    func store(_ key: String, _ entry: Entry) {
        guard entry.size <= limits.bytes / 8 else { return }
        state.withLockedValue { state in
            if let old = state.entries[key] { state.bytes -= old.size }
            state.entries[key] = entry
            state.bytes += entry.size
            state.order.append((key, entry.storedAt))
            var dropped = 0
            while state.bytes > limits.bytes || state.entries.count > limits.entries, dropped < state.order.count {
                let (oldest, storedAt) = state.order[dropped]
                dropped += 1
                guard let stored = state.entries[oldest], stored.storedAt == storedAt else { continue }
                state.entries[oldest] = nil
                state.bytes -= stored.size
            }
            // Marks of replaced or dropped entries are cleared in one go, not one by one from the front.
            if dropped > 0 || state.order.count > 2 * max(state.entries.count, 64) {
                state.order = state.order.dropFirst(dropped).filter { state.entries[$0.key]?.storedAt == $0.storedAt }
            }
        }
    }

    var count: Int { state.withLockedValue { $0.entries.count } }
    var bytes: Int { state.withLockedValue { $0.bytes } }

    /// A 64-bit FNV-1a hash of the body, as hex: the ETag of bytes that every instance renders alike.
    static func digest(_ buffer: ByteBuffer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        buffer.withUnsafeReadableBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return String(hash, radix: 16)
    }

    /// Types worth compressing; images, PDF and XLSX (a ZIP) are compressed already.
    static func isCompressible(_ type: String) -> Bool {
        ["text/", "application/json", "application/xml", "image/svg+xml", "application/javascript"].contains {
            type.hasPrefix($0)
        }
    }

    static func gzip(_ buffer: ByteBuffer) -> ByteBuffer? {
        guard let compressed = try? Deflate.gzip(Array(buffer.readableBytesView)),
            compressed.count < buffer.readableBytes
        else { return nil }
        return ByteBuffer(bytes: compressed)
    }
}
