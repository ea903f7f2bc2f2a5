import Foundation

/// Where "now" comes from. Code that decides by time reads `Clock.current` (or a clock it was given), never `Date()`
/// itself, so a test can fix the moment: `Clock.$current.withValue(.fixed(date)) { … }` — expiring invitations,
/// scheduled posts, registration deadlines.
public struct Clock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = Clock { Date() }

    public static func fixed(_ date: Date) -> Clock { Clock { date } }

    /// The clock of the running task: the system's unless a test set another.
    @TaskLocal public static var current = Clock.system

    /// Seconds since 1970, as the database stores moments.
    public var seconds: Int { Int(now().timeIntervalSince1970) }
}
