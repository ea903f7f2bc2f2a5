import Core
import NIOConcurrencyHelpers
import Vapor

/// How large a body each kind of route accepts. Forms get 1 MiB (a long intervention is ~20 KB); uploads their
/// file limit plus room for the other fields and the multipart framing.
enum BodyLimit {
    static let form = 1 << 20
    static let image = 6 << 20
    static let attachment = 11 << 20
    /// A crosswalk table of every buurt in the country, uncompressed.
    static let crosswalk = 31 << 20
    /// A body over its limit is still read (and thrown away) up to this size, so the browser gets the Dutch 413
    /// page instead of a reset connection; past it the connection is closed.
    static let discardUpTo = 64 << 20
    static let key: AnySendableHashable = "wijkradar.bodyLimit"
}

/// A body larger than its route accepts.
struct BodyTooLarge: AbortError {
    let limit: Int
    /// The body was not read to its end: the connection must close after the answer.
    var close = false
    var status: HTTPResponseStatus { .payloadTooLarge }
    var headers: HTTPHeaders { close ? ["Connection": "close"] : [:] }
    var reason: String {
        guard limit > BodyLimit.form else {
            return
                "Wat u verstuurde is groter dan 1 MB, de grens voor dit formulier. Ga met de knop Terug van uw browser terug "
                + "naar het formulier: wat u typte staat er dan nog. Verdeel de tekst over meer velden of berichten."
        }
        // An upload route's limit has 1 MB of room for the other fields; the file itself may be that much smaller.
        let file = DutchFormat.number(Double(limit >> 20) - 1)
        return
            "Het bestand is te groot: hier kunt u bestanden tot \(file) MB toevoegen. Ga met de knop Terug van uw browser terug "
            + "naar het formulier, kies een kleiner bestand (of verklein de afbeelding of de PDF) en probeer het opnieuw."
    }
}

extension Route {
    /// Lets this route accept bodies up to `bytes` (default: `BodyLimit.form`).
    @discardableResult
    func acceptingBodies(upTo bytes: Int) -> Route {
        userInfo[BodyLimit.key] = bytes
        return self
    }
}

extension Request {
    var bodyLimit: Int { route?.userInfo[BodyLimit.key] as? Int ?? BodyLimit.form }

    /// Collects the whole body within the route's limit before anything reads it.
    ///
    /// NB: a body that does not arrive in the same read as the headers is still a stream when the middleware runs;
    /// reading a form field from it then finds nothing. Every POST therefore collects first.
    func collectBody() async throws {
        guard body.data == nil else { return }
        if let length = headers.first(name: .contentLength).flatMap(Int.init), length > bodyLimit {
            do {
                try await discardBody()
            } catch {
                // Past what is worth reading: answer and close the connection instead of reading on.
                throw BodyTooLarge(limit: bodyLimit, close: true)
            }
            throw BodyTooLarge(limit: bodyLimit)
        }
        do {
            _ = try await body.collect(max: bodyLimit).get()
        } catch let error as Abort where error.status == .payloadTooLarge {
            throw BodyTooLarge(limit: bodyLimit)
        }
    }

    /// Reads the body to its end without keeping it, up to `BodyLimit.discardUpTo`.
    func discardBody() async throws {
        guard body.data == nil else { return }
        let promise = eventLoop.makePromise(of: Void.self)
        let seen = NIOLockedValueBox(0)
        let loop = eventLoop
        body.drain { result in
            switch result {
            case .buffer(let buffer):
                let total = seen.withLockedValue {
                    $0 += buffer.readableBytes; return $0
                }
                if total > BodyLimit.discardUpTo {
                    promise.fail(Abort(.payloadTooLarge))
                    return loop.makeFailedFuture(Abort(.payloadTooLarge))
                }
            case .error(let error): promise.fail(error)
            case .end: promise.succeed(())
            }
            return loop.makeSucceededVoidFuture()
        }
        try await promise.futureResult.get()
    }
}

extension Request {
    /// A query parameter that must be one of the values the API document lists, or absent.
    func choice(_ name: String, from allowed: [String]) throws -> String? {
        guard let value = try? query.get(String.self, at: name) else { return nil }
        guard allowed.contains(value) else {
            throw Abort(
                .badRequest,
                reason: "\(name): '\(value)' is geen geldige waarde; kies uit \(allowed.joined(separator: ", ")).")
        }
        return value
    }
}
