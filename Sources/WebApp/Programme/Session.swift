import Core
import Crypto
import Foundation
import Pages
import Programme
import Storage
import Vapor

/// Who is asking, resolved once per request from the session cookie.
struct RequestContext: Sendable {
    var viewer: Viewer = .anonymous
    var token: String?
    var csrf: String?
}

private struct ContextKey: StorageKey { typealias Value = RequestContext }
private struct NewCookieKey: StorageKey { typealias Value = String }

/// Signing in is required: pages redirect to the login form, which brings the user back.
struct SignInRequired: Error {}

extension Request {
    var context: RequestContext {
        get { storage[ContextKey.self] ?? RequestContext() }
        set { storage[ContextKey.self] = newValue }
    }

    var viewer: Viewer { context.viewer }

    var sessionBar: Layout.SessionBar? {
        guard viewer.isSignedIn, let role = viewer.role, let csrf = context.csrf else { return nil }
        return Layout.SessionBar(name: viewer.name, role: role.label, csrf: csrf, isStaff: viewer.isStaff)
    }

    /// The session's CSRF token; empty for the public, who see no forms except login and invitation.
    var csrf: String { context.csrf ?? "" }

    /// The CSRF token for a form on this page; starts an anonymous session (and sets its cookie) when there is none.
    func formToken(accounts: AccountStore) async throws -> String {
        if let csrf = context.csrf { return csrf }
        let session = try await accounts.startSession(userID: nil)
        context.token = session.token
        context.csrf = session.csrf
        storage[NewCookieKey.self] = session.token
        return session.csrf
    }

    /// Replaces the session (at sign-in: a new token, so a token known before sign-in is worthless after it).
    func replaceSession(with token: String, csrf: String) {
        context.token = token
        context.csrf = csrf
        storage[NewCookieKey.self] = token
    }

    func requireSignedIn() throws {
        guard viewer.isSignedIn else { throw SignInRequired() }
    }

    /// Signed in and allowed, or 303 to the login form (anonymous) / 403 (signed in, not allowed).
    func require(_ allowed: Bool, _ what: String) throws {
        try requireSignedIn()
        guard allowed else { throw Abort(.forbidden, reason: "U heeft geen toegang tot \(what).") }
    }
}

/// Loads the session from the database (so any instance serves any user), checks the CSRF token on every POST and
/// sets the session cookie when a handler started or replaced a session.
struct SessionMiddleware: AsyncMiddleware {
    static let cookie = "wijkradar_sessie"
    let accounts: AccountStore
    let secureCookies: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try refuseControlCharacters(in: request.url)
        if let token = request.cookies[Self.cookie]?.string, let session = try await accounts.session(token: token) {
            var context = RequestContext(token: token, csrf: session.csrf)
            if let id = session.userID, let account = try await accounts.account(id: id), !account.deactivated {
                context.viewer = account.viewer
            }
            request.context = context
        }
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            // Without a session no token can match: the body is thrown away unread instead of collected.
            guard let expected = request.context.csrf else {
                try await request.discardBody()
                throw Self.csrfRefusal
            }
            try await request.collectBody()
            let isMultipart = request.headers.contentType?.type == "multipart"
            let sent =
                isMultipart
                ? request.multipartForm?.field("_csrf") ?? ""
                : (try? request.content.get(String.self, at: "_csrf")) ?? ""
            guard Self.equal(sent, expected) else { throw Self.csrfRefusal }
        }
        let response = try await Layout.$currentSession.withValue(request.sessionBar) {
            try await next.respond(to: request)
        }
        if let token = request.storage[NewCookieKey.self] {
            response.cookies[Self.cookie] = HTTPCookies.Value(
                string: token, maxAge: AccountStore.sessionLifetime, path: SiteURL.home.path,
                isSecure: secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    /// An address with a control character (NUL, a line break, …) is refused before anything reads it: no page has
    /// a use for one, and PostgreSQL refuses NUL in text. Checked on the bytes after percent-decoding, so `%00` next
    /// to an `%FF` (which makes the whole address invalid UTF-8) is still seen.
    func refuseControlCharacters(in url: URI) throws {
        guard Self.hasControlBytes(url.string) else { return }
        throw Abort(
            .badRequest,
            reason: "Het adres bevat een teken dat niet in een adres hoort (zoals een NUL-teken of een regeleinde).")
    }

    static func hasControlBytes(_ address: String) -> Bool {
        var bytes: [UInt8] = []
        var iterator = Array(address.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        // C0 and DEL as bytes; C1 (U+0080–U+009F) as UTF-8 (0xC2 0x80–0x9F).
        return zip(bytes, bytes.dropFirst() + [0]).contains { byte, next in
            byte < 0x20 || byte == 0x7F || (byte == 0xC2 && (0x80...0x9F).contains(next))
        }
    }

    static let csrfRefusal = Abort(
        .forbidden,
        reason: "Dit formulier is verlopen of komt niet van Wijkradar (CSRF-controle). "
            + "Laad de pagina opnieuw en probeer het nog eens.")

    /// Compares in time independent of where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A form body as field → value (urlencoded; a checkbox that is not ticked is absent), every value cleaned by
/// `InputText` before anything stores it.
func formFields(_ request: Request) throws -> [String: String] {
    ((try? request.content.decode([String: String].self)) ?? [:]).mapValues { InputText.clean($0) }
}
