import Pages
import Storage
import Vapor

/// Maps every error to one response: JSON with a Dutch message under /api, a Dutch error page elsewhere.
/// Internal details are logged, never shown.
struct ErrorMiddleware: AsyncMiddleware {
    struct Body: Content {
        var error: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch is SignInRequired {
            let back = request.method == .GET ? request.url.string : "/"
            var components = URLComponents()
            components.path = SiteURL.login.path
            components.queryItems = [URLQueryItem(name: "terug", value: back)]
            return request.redirect(to: components.string ?? SiteURL.login.path, redirectType: .normal)
        } catch let abort as any AbortError {
            let answer = try await response(abort.reason, status: abort.status, on: request)
            for (name, value) in abort.headers { answer.headers.replaceOrAdd(name: name, value: value) }
            return answer
        } catch let error as StorageError {
            let status: HTTPResponseStatus =
                if case .datasetNotFound = error { .notFound } else { .internalServerError }
            return try await response(error.description, status: status, on: request)
        } catch {
            request.logger.report(error: error)
            return try await response(
                "Er ging iets mis in Wijkradar; probeer het later opnieuw.", status: .internalServerError, on: request)
        }
    }

    private func response(_ message: String, status: HTTPResponseStatus, on request: Request) async throws -> Response {
        let text = status == .notFound && message == "Not Found" ? "Deze pagina bestaat niet." : message
        if request.url.path.hasPrefix("/api/") || request.url.path == "/health" {
            return try await Body(error: text).encodeResponse(status: status, for: request)
        }
        return html(ErrorPage.render(status: Int(status.code), message: text), status: status)
    }
}
