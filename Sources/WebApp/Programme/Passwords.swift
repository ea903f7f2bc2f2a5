import Core
import Crypto
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Programme
import Vapor

/// Password hashing with Bcrypt on its own small thread pool, apart from the database driver's: a burst of logins
/// (deliberately slow work) then queues behind itself, never ahead of the queries every page needs. The queue is
/// bounded; past it a login is told to try again shortly instead of waiting for seconds.
///
/// Hashes are `wr2$` + Bcrypt of the base64 SHA-256 of the password. Bcrypt itself reads only the first 72 bytes and
/// stops at a NUL byte, so without the pre-hash "ab\0cdef…" would match "ab", and two long passphrases that share
/// their start would be the same password. Older plain Bcrypt hashes still verify and are upgraded at the next login.
struct Passwords: Sendable {
    let cost: Int
    /// A hash of a random password nobody knows, checked when an address has no account.
    let decoy: String
    static let prefix = "wr2$"

    init(cost: Int) throws {
        self.cost = cost
        decoy = Self.prefix + (try Bcrypt.hash(Self.prehash(UUID().uuidString), cost: cost))
    }

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await HashingPool.shared.run { Self.prefix + (try Bcrypt.hash(Self.prehash(password), cost: cost)) }
    }

    /// Whether the password matches; `needsUpgrade` when it matched an older plain Bcrypt hash.
    func verify(_ password: String, hash: String) async throws -> (matches: Bool, needsUpgrade: Bool) {
        try await HashingPool.shared.run { [decoy] in
            if hash.hasPrefix(Self.prefix) {
                return (
                    try Bcrypt.verify(Self.prehash(password), created: String(hash.dropFirst(Self.prefix.count))), false
                )
            }
            // NB: a plain Bcrypt hash cannot tell "ab" from "ab\0cd": it stops at NUL. No password with a control
            // character matches one, nor a password shorter than the old policy ever allowed.
            guard !InputText.hasControlCharacters(password), !password.utf8.contains(0),
                password.count >= PasswordPolicy.minimumLength
            else {
                // Just as slow as a real check, so timing does not tell that this account exists.
                _ = try? Bcrypt.verify(Self.prehash(password), created: String(decoy.dropFirst(Self.prefix.count)))
                return (false, false)
            }
            return (try Bcrypt.verify(password, created: hash), true)
        }
    }

    static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.precomposedStringWithCanonicalMapping.utf8))).base64EncodedString()
    }
}

/// Too many password checks are waiting already.
struct PasswordsBusy: AbortError {
    var status: HTTPResponseStatus { .serviceUnavailable }
    var reason: String { "Het is nu erg druk met inloggen. Probeer het over een halve minuut opnieuw." }
    var headers: HTTPHeaders { ["Retry-After": "30"] }
}

/// One thread for Bcrypt, and at most `capacity` checks waiting for it.
final class HashingPool: Sendable {
    static let shared = HashingPool(capacity: 16)
    private let pool: NIOThreadPool
    private let waiting = NIOLockedValueBox(0)
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = waiting.withLockedValue { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard admitted else { throw PasswordsBusy() }
        defer { waiting.withLockedValue { $0 -= 1 } }
        return try await pool.runIfActive(work)
    }
}
