import Core
import Foundation
import Storage
import Testing
import VaporTesting
@testable import WebApp

/// `/metrics` answers only to its token, in Prometheus' text format, with requests per route, the page cache,
/// import runs from the table and database use.
@Suite(.serialized) struct MetricsTests {
    func withMetrics(token: String, _ test: (Application) async throws -> Void) async throws {
        let store = try await BundledStore.shared.get()
        var config = AppConfig(dataDirectory: URL(fileURLWithPath: "/tmp"), databaseURL: "sqlite::memory:")
        config.metricsToken = token
        try await withApp(configure: { try WebServer.configure($0, config: config, store: store) }, test)
    }

    @Test func onlyWithItsTokenAndInPrometheusFormat() async throws {
        try await withMetrics(token: "") { app in
            let absent = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(absent.status == .notFound)
        }
        try await withMetrics(token: "geheim-token") { app in
            let anonymous = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(anonymous.status == .unauthorized)
            let wrong = try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer fout"])
            #expect(wrong.status == .unauthorized)
            for _ in 0..<2 { _ = try await app.testing().sendRequest(.GET, "/regio/WK011443") }
            let answer = try await app.testing().sendRequest(
                .GET, "/metrics", headers: ["Authorization": "Bearer geheim-token"])
            #expect(answer.status == .ok)
            #expect(answer.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = answer.body.string
            for expected in [
                #"http_requests_total{method="GET",path="/regio/:code",status="200"}"#,
                "# TYPE http_request_duration_seconds histogram",
                #"wijkradar_page_cache_total{result="hit"}"#, #"wijkradar_page_cache_total{result="miss"}"#,
                "wijkradar_page_cache_bytes", #"wijkradar_import_runs{result="ok"} 9"#,
                "wijkradar_database_query_duration_seconds",
            ] {
                #expect(text.contains(expected), "\(expected) not in:\n\(text.prefix(3000))")
            }
        }
    }
}
