/// When a login attempt may be tried, given the failures before it: growing delays instead of a hard lock.
///
/// A hard lock per account ("five wrong passwords, then wait 15 minutes") lets anyone lock out anyone else. Here an
/// account's failures from all addresses only slow the next attempt — at most `accountCap` seconds, so the owner
/// waits a minute at worst — while failures from one client address slow that address down to `clientCap`. Attempts
/// refused by the throttle are not counted, so hammering does not lengthen anyone else's wait.
public struct LoginThrottle: Sendable, Equatable {
    /// Failures in the window before delays start, per account and per client address.
    public var freeAccountFailures = 5
    public var freeClientFailures = 10
    /// The longest wait, in seconds.
    public var accountCap = 60
    public var clientCap = 15 * 60
    /// Failures older than this (seconds) are forgotten.
    public var window = 15 * 60

    public init() {}

    public struct Failures: Sendable, Equatable {
        public var count: Int
        /// When the newest failure happened, in milliseconds since 1970.
        public var last: Int?
        public init(count: Int, last: Int?) { (self.count, self.last) = (count, last) }
    }

    /// Whole seconds to wait before the next attempt may be checked (rounded up); 0 when it may be checked now.
    /// - Parameter now: milliseconds since 1970, as `Failures.last`.
    public func wait(account: Failures, client: Failures, now: Int) -> Int {
        let milliseconds = max(
            remaining(account, free: freeAccountFailures, cap: accountCap, now: now),
            remaining(client, free: freeClientFailures, cap: clientCap, now: now))
        return (milliseconds + 999) / 1000
    }

    /// 1, 2, 4, 8 … seconds after the free failures, up to the cap, counted from the last failure; in milliseconds.
    func remaining(_ failures: Failures, free: Int, cap: Int, now: Int) -> Int {
        guard failures.count >= free, let last = failures.last else { return 0 }
        let exponent = min(failures.count - free, 30)
        let delay = min(1 << exponent, cap) * 1000
        return max(0, last + delay - now)
    }
}
