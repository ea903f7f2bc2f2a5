import Storage
import Vapor

/// Every error leaves the app as JSON with a Dutch message; internal details are logged, not shown.
struct JSONErrorMiddleware: AsyncMiddleware {
    struct Body: Content {
        var error: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError {
            return try await body(abort.reason, status: abort.status, on: request)
        } catch let error as StorageError {
            let status: HTTPResponseStatus = if case .datasetNotFound = error { .notFound } else { .internalServerError }
            return try await body(error.description, status: status, on: request)
        } catch {
            request.logger.report(error: error)
            return try await body("Er ging iets mis in Wijkradar; probeer het later opnieuw.", status: .internalServerError, on: request)
        }
    }

    private func body(_ message: String, status: HTTPResponseStatus, on request: Request) async throws -> Response {
        let response = try await Body(error: message).encodeResponse(status: status, for: request)
        return response
    }
}
