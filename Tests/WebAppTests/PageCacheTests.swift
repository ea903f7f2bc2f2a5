import NIOCore
import Testing
import Vapor
@testable import WebApp

/// The page cache's own rules; what a browser sees over a socket (ETag, 304, gzip, sessions, an import on another
/// instance) is tested against the running server in Tests/security/test_page_cache.py.
@Suite struct PageCacheTests {
    func entry(_ text: String, version: Int64 = 1, at time: UInt64 = 0) -> PageCache.Entry {
        let body = ByteBuffer(string: text)
        return PageCache.Entry(
            version: version, storedAt: time, headers: [:], identity: body, gzip: nil,
            etag: "v\(version)-\(PageCache.digest(body))")
    }

    @Test func theCacheIsBoundedInEntriesAndBytesAndDropsTheOldestFirst() {
        let cache = PageCache(limits: .init(bytes: 1 << 20, entries: 3))
        for number in 1...5 { cache.store("/vergelijk?regio=\(number)", entry("pagina \(number)")) }
        #expect(cache.count == 3)
        #expect(cache.entry("/vergelijk?regio=1", version: 1, now: 0) == nil)
        #expect(cache.entry("/vergelijk?regio=2", version: 1, now: 0) == nil)
        #expect(cache.entry("/vergelijk?regio=5", version: 1, now: 0) != nil)

        let small = PageCache(limits: .init(bytes: 16 * 1024, entries: 100))
        for number in 1...20 { small.store("/p\(number)", entry(String(repeating: "x", count: 900))) }
        #expect(small.bytes <= 16 * 1024)
        #expect(small.entry("/p20", version: 1, now: 0) != nil)
        #expect(small.entry("/p1", version: 1, now: 0) == nil)
        // One response larger than an eighth of the cache is not kept at all.
        small.store("/groot", entry(String(repeating: "x", count: 2048)))
        #expect(small.entry("/groot", version: 1, now: 0) == nil)
    }

    @Test func anEntryOfAnotherVersionOrPastItsAgeIsNotServed() {
        let cache = PageCache(limits: .init(seconds: 300))
        cache.store("/", entry("home", version: 7, at: 1_000))
        #expect(cache.entry("/", version: 7, now: 2_000) != nil)
        #expect(cache.entry("/", version: 8, now: 2_000) == nil)
        #expect(cache.count == 0)
        cache.store("/", entry("home", version: 8, at: 0))
        #expect(cache.entry("/", version: 8, now: 301 * 1_000_000_000) == nil)
    }

    @Test func theETagIsStrongPerEncodingAndBothAreRecognised() {
        var stored = entry("<p>Angelslo</p>")
        stored.gzip = ByteBuffer(string: "ingepakt")
        #expect(stored.etag(gzip: false) == "\"\(stored.etag)\"")
        #expect(stored.etag(gzip: true) == "\"\(stored.etag)-gz\"")
        #expect(stored.etag == "v1-\(PageCache.digest(ByteBuffer(string: "<p>Angelslo</p>")))")
        #expect(PageCache.digest(ByteBuffer(string: "a")) != PageCache.digest(ByteBuffer(string: "b")))
        for header in ["\"\(stored.etag)\"", "W/\"\(stored.etag)-gz\"", "\"x\", \"\(stored.etag)\"", "*"] {
            #expect(PageCacheMiddleware.matches([header], stored), "\(header)")
        }
        for header in ["\"v2-\(stored.etag.dropFirst(3))\"", "\(stored.etag)", ""] {
            #expect(!PageCacheMiddleware.matches([header], stored), "\(header)")
        }
    }

    @Test func gzipIsSentOnlyWhenTheBrowserAcceptsIt() {
        func accepts(_ value: String?) -> Bool {
            PageCacheMiddleware.acceptsGzip(value.map { ["Accept-Encoding": $0] } ?? [:])
        }
        #expect(accepts("gzip, deflate, br"))
        #expect(accepts("br;q=1.0, gzip;q=0.8"))
        #expect(accepts("*"))
        #expect(!accepts(nil))
        #expect(!accepts("identity"))
        #expect(!accepts("br, gzip;q=0"))
    }

    @Test func onlyTextIsCompressedAndOnlyWhenItGetsSmaller() throws {
        #expect(PageCache.isCompressible("text/html; charset=utf-8"))
        #expect(PageCache.isCompressible("application/json; charset=utf-8"))
        #expect(PageCache.isCompressible("image/svg+xml"))
        #expect(!PageCache.isCompressible("application/pdf"))
        #expect(!PageCache.isCompressible("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        let page = ByteBuffer(string: String(repeating: "<tr><td>Angelslo</td><td>1.234</td></tr>", count: 200))
        let gzip = try #require(PageCache.gzip(page))
        #expect(gzip.readableBytes < page.readableBytes / 10)
        #expect(Array(gzip.readableBytesView.prefix(2)) == [0x1F, 0x8B])
    }
}
