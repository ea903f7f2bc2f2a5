import Foundation

/// The OpenAPI 3.0 description of `/api/v1`, served at `/api/v1/openapi.json`: written by hand in
/// `Resources/openapi.json` (no build plugin). `ApiTests` checks that every route listed there answers and that every
/// API route is listed; schemathesis (`Tests/security`) that the answers match it.
enum OpenAPIDocument {
    static let json: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "{}" }
        return text
    }()
}
