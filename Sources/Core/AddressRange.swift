/// An IP address or an IPv4 range (`10.0.0.0/8`), for the list of trusted reverse proxies.
public enum AddressRange {
    public static func isValid(_ text: String) -> Bool {
        if let (address, bits) = cidr(text) { return ipv4(address) != nil && (0...32).contains(bits) }
        return ipv4(text) != nil || isIPv6(text)
    }

    /// Whether an address is the entry or falls in its range (addresses as `ClientKey.normalise` writes them; an
    /// IPv6 entry is compared written out in full).
    public static func contains(_ entry: String, _ address: String) -> Bool {
        guard let (base, bits) = cidr(entry) else { return entry == address || expanded(entry) == address }
        guard let network = ipv4(base), let value = ipv4(address), (0...32).contains(bits) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return network & mask == value & mask
    }

    static func cidr(_ text: String) -> (String, Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bits = Int(parts[1]) else { return nil }
        return (String(parts[0]), bits)
    }

    static func ipv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let byte = UInt8(part) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    /// `::1` → `0:0:0:0:0:0:0:1`, as the client key writes IPv6 addresses.
    static func expanded(_ text: String) -> String? {
        guard isIPv6(text), !text.contains(".") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        let head = halves[0].split(separator: ":").map { String(Int($0, radix: 16) ?? 0, radix: 16) }
        let tail =
            halves.count == 2 ? halves[1].split(separator: ":").map { String(Int($0, radix: 16) ?? 0, radix: 16) } : []
        let missing = 8 - head.count - tail.count
        guard missing >= 0, halves.count == 2 || missing == 0 else { return nil }
        return (head + Array(repeating: "0", count: missing) + tail).joined(separator: ":")
    }

    static func isIPv6(_ text: String) -> Bool {
        text.contains(":") && text.count <= 45 && text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
}
