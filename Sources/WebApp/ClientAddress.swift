import Core
import Vapor

extension Request {
    /// The address of whoever sent the request: the peer, or — when the peer is a trusted proxy — the nearest address
    /// in `X-Forwarded-For` that is not itself a trusted proxy (read from the right: the left part is the client's
    /// own claim and can be anything).
    func clientAddress(trusting proxies: [String]) -> String {
        var address = remoteAddress?.ipAddress ?? "onbekend"
        let forwarded = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var hops = forwarded[...]
        while proxies.contains(where: { AddressRange.contains($0, address) }), let next = hops.popLast() {
            guard AddressRange.isValid(next) else { break }
            address = next
        }
        return address
    }
}
