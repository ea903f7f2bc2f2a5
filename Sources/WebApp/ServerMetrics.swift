import Foundation
import Metrics
import Prometheus
import Storage
import Vapor

/// Metrics in Prometheus' text format at `/metrics`: Vapor's own request counts and durations per route
/// (`http_requests_total`, `http_request_duration_seconds`, page cache hits included), page cache hits and misses,
/// import runs (from the `import_runs` table), database use.
/// Not public: it answers only to `Authorization: Bearer METRICS_TOKEN`, and is a 404 without that token.
public enum ServerMetrics {
    /// One registry for the process: swift-metrics takes its backend once, before the first metric is made.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    // Made once (after `bootstrap`, which `WebServer.configure` does before any request): a hit should not pay a
    // registry lookup.
    private static let hits = Counter(label: "wijkradar_page_cache_total", dimensions: [("result", "hit")])
    private static let misses = Counter(label: "wijkradar_page_cache_total", dimensions: [("result", "miss")])

    static func pageCache(hit: Bool) { (hit ? hits : misses).increment() }

    /// Chooses Prometheus as the metrics backend; the server calls it before it opens the database, so the
    /// database's own metrics are made with it.
    public static func bootstrap() { _ = registry }

    static func register(_ app: Application, token: String, cache: PageCache?, store: Store) {
        bootstrap()
        app.on(.metrics) { request -> Response in
            // Without a token the address does not exist, as far as anyone can tell.
            guard !token.isEmpty else { throw Abort(.notFound) }
            let sent = request.headers.bearerAuthorization?.token ?? ""
            guard SessionMiddleware.equal(sent, token) else {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Geen toegang.")
            }
            // Import runs come from the table: the command-line tool and other instances import too.
            for total in try await ImportRunStore(store: store).totals() {
                let result = [("result", total.succeeded ? "ok" : "refused")]
                Meter(label: "wijkradar_import_runs", dimensions: result).set(Double(total.runs))
                Meter(label: "wijkradar_import_seconds", dimensions: result).set(Double(total.seconds))
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
