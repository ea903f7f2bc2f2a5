import NIOConcurrencyHelpers
import Vapor

/// Answers 405 with `Allow` when a path exists but not for the method asked (a TRACE, a POST to a page that only
/// reads), instead of letting the CSRF check or the 404 page answer for it. Runs before the session is loaded.
struct MethodNotAllowed: AsyncMiddleware {
    private let index = NIOLockedValueBox<TrieRouter<[HTTPMethod]>?>(nil)

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.route == nil else { return try await next.respond(to: request) }
        let router = index.withLockedValue { cached in
            if let cached { return cached }
            let built = Self.router(request.application.routes.all)
            cached = built
            return built
        }
        var parameters = Parameters()
        let components =
            ["pad"] + request.url.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        guard let methods = router.route(path: components, parameters: &parameters), !methods.contains(request.method)
        else {
            return try await next.respond(to: request)
        }
        let allowed = (methods.contains(.GET) ? methods + [.HEAD] : methods).map(\.rawValue).joined(separator: ", ")
        throw Abort(
            .methodNotAllowed, headers: ["Allow": allowed],
            reason: "Dit adres kan alleen met \(allowed) worden gebruikt.")
    }

    /// Every path pattern with the methods registered for it.
    static func router(_ routes: [Route]) -> TrieRouter<[HTTPMethod]> {
        var methods: [[PathComponent]: [HTTPMethod]] = [:]
        for route in routes { methods[route.path, default: []].append(route.method) }
        let router = TrieRouter([HTTPMethod].self)
        // NB: TrieRouter refuses an empty path (the home page); every path gets the same first component.
        for (path, list) in methods { router.register(list, at: [.constant("pad")] + path) }
        return router
    }
}
