import NIOCore
import Pages
import Storage
import Vapor

/// Serves public pages from the `PageCache`, with a strong ETag, `304 Not Modified` and gzip; raises the content
/// version after a signed-in person's form succeeded, so all caches (here and on other instances) drop the old
/// pages (transactions raise it themselves).
///
/// It is the outermost middleware: a stored response already carries the security headers, and a hit costs a
/// dictionary lookup instead of the session check and rendering. (Vapor routes first and counts every request in
/// its own metrics, hits included.)
///
/// Never cached: anything sent with a session cookie (it may show the person's name, forms with a CSRF token), a
/// response that sets a cookie, anything but `200`, and routes not listed in `cacheControl`. Responses that are not
/// cached are not compressed either: a page with a CSRF token next to text from the address must not be (BREACH).
struct PageCacheMiddleware: Middleware {
    let cache: PageCache?
    let store: Store

    /// The routes whose answers depend only on the data, and how long a browser or proxy may keep each.
    static let cacheControl: [String: String] = {
        let page = "public, no-cache"  // a page revalidates every time: a 304 costs nothing, and it is never stale
        let download = "public, max-age=60"
        let fixed = "public, max-age=3600"
        let routes: [(SiteRoute, String)] = [
            (.home, page), (.region, page), (.regionPrint, page), (.radar, page), (.methodology, page),
            (.compare, page), (.regionBrief, page),
            (.radarCSV, download), (.radarXLSX, download), (.regionCSV, download), (.regionXLSX, download),
            (.compareCSV, download), (.compareXLSX, download), (.apiDatasets, download), (.apiRegions, download),
            (.apiRegion, download), (.apiRegionProfile, download), (.apiRegionSimilar, download),
            (.apiRegionSignals, download), (.apiRadar, download), (.openAPI, fixed), (.sitemap, fixed),
            (.robots, fixed), (.stylesheet, fixed), (.menuScript, fixed),
        ]
        return Dictionary(uniqueKeysWithValues: routes.map { ($0.0.template.joined(separator: "/"), $0.1) })
    }()

    /// Forms that change only a person's own session or password: signing in must not empty every cache.
    static let changesNothingPublic: Set<String> = Set(
        [SiteRoute.loginSubmit, .logout, .forgotPasswordSubmit, .passwordResetSubmit, .passwordChange].map {
            $0.template.joined(separator: "/")
        })

    /// The matched route's path template (`regio/:code`); nil when no route matched.
    static func template(_ request: Request) -> String? {
        request.route?.path.map(\.description).joined(separator: "/")
    }

    // Written with futures, not async/await: a hit is then answered on the event loop that read the request,
    // without a hop to Swift's concurrency pool and back (measured: the wijk page went from 9,864 to 17,294 req/s).
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        // Vapor routes before the middleware runs, so the route is known here.
        let template = Self.template(request)
        guard request.method == .GET, let cache, let template, let control = Self.cacheControl[template],
            request.cookies[SessionMiddleware.cookie] == nil
        else {
            let store = self.store
            return next.respond(to: request).flatMap { response in
                // Only a signed-in person's form can change what the public sees (transactions raise the version
                // themselves); an anonymous POST must not cost a write or empty every cache.
                guard ![.GET, .HEAD, .OPTIONS].contains(request.method), response.status.code < 400,
                    request.viewer.isSignedIn, !Self.changesNothingPublic.contains(template ?? "")
                else { return request.eventLoop.makeSucceededFuture(response) }
                return request.eventLoop.makeFutureWithTask {
                    try? await store.contentChanged()
                    return response
                }
            }
        }
        if let version = store.freshContentVersion() {
            return serve(request, next, cache: cache, control: control, version: version)
        }
        let store = self.store
        return request.eventLoop.makeFutureWithTask { try? await store.contentVersion() }.flatMap { version in
            guard let version else { return next.respond(to: request) }
            return serve(request, next, cache: cache, control: control, version: version)
        }
    }

    private func serve(
        _ request: Request, _ next: any Responder, cache: PageCache, control: String, version: Int64
    ) -> EventLoopFuture<Response> {
        let key = request.url.string
        if let entry = cache.entry(key, version: version) {
            ServerMetrics.pageCache(hit: true)
            return request.eventLoop.makeSucceededFuture(Self.response(entry, to: request))
        }
        return next.respond(to: request).map { response in
            guard let entry = Self.entry(response, version: version, cacheControl: control) else { return response }
            cache.store(key, entry)
            ServerMetrics.pageCache(hit: false)
            return Self.response(entry, to: request)
        }
    }

    /// The response as stored, or nil when it must not be.
    static func entry(_ response: Response, version: Int64, cacheControl control: String) -> PageCache.Entry? {
        guard response.status == .ok, !response.headers.contains(name: .setCookie), let body = response.body.buffer,
            !body.readableBytesView.containsSequence(Array(#"name="_csrf""#.utf8))
        else { return nil }
        var headers = response.headers
        for name in [HTTPHeaders.Name.contentLength, .date, .connection, .eTag, .contentEncoding] {
            headers.remove(name: name)
        }
        headers.replaceOrAdd(name: .cacheControl, value: control)
        headers.replaceOrAdd(name: .vary, value: "Accept-Encoding")
        let type = headers.first(name: .contentType) ?? ""
        let gzip = PageCache.isCompressible(type) && body.readableBytes >= 512 ? PageCache.gzip(body) : nil
        return PageCache.Entry(
            version: version, storedAt: DispatchTime.now().uptimeNanoseconds, headers: headers, identity: body,
            gzip: gzip, etag: "v\(version)-\(PageCache.digest(body))")
    }

    static func response(_ entry: PageCache.Entry, to request: Request) -> Response {
        let gzip = entry.gzip != nil && acceptsGzip(request.headers)
        var headers = entry.headers
        headers.replaceOrAdd(name: .eTag, value: entry.etag(gzip: gzip))
        if matches(request.headers[.ifNoneMatch], entry) {
            headers.remove(name: .contentType)
            return Response(status: .notModified, headers: headers)
        }
        if gzip { headers.replaceOrAdd(name: .contentEncoding, value: "gzip") }
        return Response(status: .ok, headers: headers, body: .init(buffer: gzip ? entry.gzip! : entry.identity))
    }

    /// `If-None-Match` names this entry in either encoding (or `*`); `W/` is ignored, as RFC 9110 asks for GET.
    static func matches(_ values: [String], _ entry: PageCache.Entry) -> Bool {
        let own: Set<Substring> = ["*", Substring("\"\(entry.etag)\""), Substring("\"\(entry.etag)-gz\"")]
        return values.contains { value in
            value.split(separator: ",").contains { tag in
                let trimmed = tag.trimmingCharacters(in: .whitespaces)
                return own.contains(Substring(trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed))
            }
        }
    }

    /// gzip is accepted unless it is absent or given `q=0`.
    static func acceptsGzip(_ headers: HTTPHeaders) -> Bool {
        headers[.acceptEncoding].contains { value in
            value.split(separator: ",").contains { part in
                let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard pieces.first == "gzip" || pieces.first == "*" else { return false }
                return !pieces.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "") == "q=0" }
            }
        }
    }
}

extension ByteBufferView {
    /// Whether the bytes contain `needle` anywhere (a plain scan: used once per stored page).
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].starts(with: needle) { return true }
            index = found + 1
        }
        return false
    }
}
