import Pages
import Vapor

extension RoutesBuilder {
    /// Registers a handler for one of the site's routes: its method and path come from `SiteRoute`, the one list
    /// that links are built from too.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ route: SiteRoute,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(
            HTTPMethod(rawValue: route.method.rawValue), route.template.map { PathComponent(stringLiteral: $0) },
            use: handler)
    }
}

extension Request {
    /// A whole-number path parameter (a record, meeting or city id); anything else is "not found", never 0.
    func id(_ name: String) throws -> Int {
        guard let text = parameters.get(name), let value = Int(text), value > 0 else {
            throw Abort(.notFound, reason: "Deze pagina bestaat niet: '\(parameters.get(name) ?? "")' is geen nummer.")
        }
        return value
    }

    /// A text path parameter (a slug, a token, a code), as the router matched it.
    func text(_ name: String) throws -> String {
        guard let value = parameters.get(name), !value.isEmpty else {
            throw Abort(.notFound, reason: "Deze pagina bestaat niet.")
        }
        return value
    }
}
