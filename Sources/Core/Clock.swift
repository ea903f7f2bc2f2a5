import Foundation

/// Where "now" comes from, passed in wherever time decides something, so tests can fix it.
public struct Clock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = Clock { Date() }
}
