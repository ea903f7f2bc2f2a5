import Foundation
import Metrics
import Prometheus
import Vapor

/// Metrics in Prometheus' text format at `/metrics`: Vapor's own request counts and durations per route
/// (`http_requests_total`, `http_request_duration_seconds`), page cache hits and misses, imports, database use.
/// Not public: it answers only to `Authorization: Bearer METRICS_TOKEN`, and is a 404 without that token.
enum ServerMetrics {
    /// One registry for the process: swift-metrics takes its backend once, before the first metric is made.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func pageCache(hit: Bool) {
        Counter(label: "wijkradar_page_cache_total", dimensions: [("result", hit ? "hit" : "miss")]).increment()
    }

    /// A request answered from the page cache never reaches Vapor's router, which counts the others: it is counted
    /// here under the same names and route.
    static func request(route: String, status: HTTPResponseStatus, since started: UInt64) {
        let dimensions = [("method", "GET"), ("path", route), ("status", "\(status.code)")]
        Counter(label: "http_requests_total", dimensions: dimensions).increment()
        Timer(label: "http_request_duration_seconds", dimensions: dimensions, preferredDisplayUnit: .seconds)
            .recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - started))
    }

    static func register(_ app: Application, token: String, cache: PageCache?) {
        _ = registry
        app.on(.metrics) { request -> Response in
            // Without a token the address does not exist, as far as anyone can tell.
            guard !token.isEmpty else { throw Abort(.notFound) }
            let sent = request.headers.bearerAuthorization?.token ?? ""
            guard SessionMiddleware.equal(sent, token) else {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Geen toegang.")
            }
            if let cache {
                Meter(label: "wijkradar_page_cache_bytes").set(Double(cache.bytes))
                Meter(label: "wijkradar_page_cache_entries").set(Double(cache.count))
            }
            return Response(
                status: .ok,
                headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
                body: .init(buffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
