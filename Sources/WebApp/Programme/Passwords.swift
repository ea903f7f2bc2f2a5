import NIOPosix
import Vapor

/// Bcrypt on the thread pool, so hashing (deliberately slow) never blocks the event loop.
struct Passwords: Sendable {
    let cost: Int
    /// A hash of a random password nobody knows, checked when an address has no account.
    let decoy: String
    static let minimumLength = 12

    init(cost: Int) throws {
        self.cost = cost
        decoy = try Bcrypt.hash(UUID().uuidString, cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { [cost] in try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { try Bcrypt.verify(password, created: hash) }
    }

    /// Problems with a new password, in Dutch.
    static func problems(_ password: String, repeated: String?) -> [String] {
        var result: [String] = []
        if password.count < minimumLength { result.append("Wachtwoord: kies minstens \(minimumLength) tekens.") }
        if let repeated, repeated != password { result.append("Wachtwoord nogmaals: de twee wachtwoorden verschillen.") }
        return result
    }
}
