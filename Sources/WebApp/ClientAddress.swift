import Core
import Vapor
#if canImport(Glibc)
    import Glibc
#endif

extension Request {
    /// Whom a request comes from, as the key login throttling counts by: the peer, or — when the peer is a trusted
    /// proxy — the nearest address in `X-Forwarded-For` that is not itself a trusted proxy (read from the right: the
    /// left part is the client's own claim and can be anything). See `ClientKey` for the form of the key.
    func clientAddress(trusting proxies: [String]) -> String {
        var address = ClientKey.normalise(remoteAddress?.ipAddress ?? "") ?? "onbekend"
        let forwarded = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var hops = forwarded[...]
        while proxies.contains(where: { AddressRange.contains($0, address) }), let next = hops.popLast() {
            guard let hop = ClientKey.normalise(next) else { break }
            address = hop
        }
        return ClientKey.key(address)
    }
}

/// Client addresses as they arrive (`203.0.113.5:4711`, `[2001:db8::1]`, `::ffff:10.0.0.5` on a dual-stack
/// socket) made comparable: IPv4 as a.b.c.d, IPv6 in full. Throttling keys IPv6 by its /64, the block one
/// customer gets: anyone with a /64 has 2^64 addresses to hop between.
enum ClientKey {
    static func normalise(_ text: String) -> String? {
        var value = text.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            value = String(value[value.index(after: value.startIndex)..<close])
        } else if value.filter({ $0 == ":" }).count == 1 {
            value = String(value.prefix { $0 != ":" })  // a.b.c.d:port
        }
        var v4 = in_addr()
        if inet_pton(AF_INET, value, &v4) == 1 { return value }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, value, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")
        }
        return stride(from: 0, to: 16, by: 2).map { String(format: "%x", Int(bytes[$0]) << 8 | Int(bytes[$0 + 1])) }
            .joined(separator: ":")
    }

    /// IPv4 as it is; IPv6 as its /64.
    static func key(_ address: String) -> String {
        guard address.contains(":") else { return address }
        return address.split(separator: ":").prefix(4).joined(separator: ":") + "::/64"
    }
}
