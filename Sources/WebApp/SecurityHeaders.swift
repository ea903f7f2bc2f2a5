import Vapor

/// Sets the security headers on every response, errors included (outermost but for the page cache, which stores
/// the headers set here with each page).
///
/// The Content-Security-Policy allows scripts and styles only from this site: no inline script anywhere, and no
/// inline style except on print pages (`…/afdruk`), which carry their stylesheet inside so a saved page prints the
/// same. Images may also be `data:` (report figures embedded in print). Nothing may frame Wijkradar.
struct SecurityHeaders: AsyncMiddleware {
    /// `Strict-Transport-Security` only when the site is served over HTTPS (`COOKIE_SECURE=1`).
    let strictTransport: Bool

    static func policy(print: Bool) -> String {
        [
            "default-src 'self'", "script-src 'self'", "style-src 'self'" + (print ? " 'unsafe-inline'" : ""),
            "img-src 'self' data:",
            "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers: [(String, String)] = [
            ("Content-Security-Policy", Self.policy(print: request.url.path.hasSuffix("/afdruk"))),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
        ]
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        if strictTransport {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        return response
    }
}
