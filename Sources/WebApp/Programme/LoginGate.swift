import Core
import Programme
import Storage
import Vapor

/// Every password check goes through here (signing in, changing a password): the attempt is written first, the
/// throttle then looks at the failures before it, and only an attempt it lets through is checked.
struct LoginGate: Sendable {
    let app: ProgrammeApp

    enum Outcome { case wait(seconds: Int), check(attempt: Int) }

    func begin(email: String, request: Request) async throws -> Outcome {
        let client = request.clientAddress(trusting: app.trustedProxies)
        let attempt = try await app.accounts.beginAttempt(email: email, client: client)
        let before = try await app.accounts.failures(
            before: attempt, email: email, client: client, window: app.throttle.window)
        let wait = app.throttle.wait(
            account: before.account, client: before.client, now: Int(app.clock.now().timeIntervalSince1970 * 1000))
        guard wait == 0 else {
            try await app.accounts.forget(attempt: attempt)
            return .wait(seconds: wait)
        }
        return .check(attempt: attempt)
    }

    /// Checks a password for an attempt that `begin` let through. An attempt the hashing queue had no room for
    /// (`PasswordsBusy`, 503) was never checked: it is forgotten rather than counted as a failure.
    func verify(_ password: String, hash: String, attempt: Int) async throws -> (matches: Bool, needsUpgrade: Bool) {
        do {
            return try await app.passwords.verify(password, hash: hash)
        } catch let busy as PasswordsBusy {
            try await app.accounts.forget(attempt: attempt)
            throw busy
        }
    }

    /// The message and status for an attempt that must wait.
    static func refusal(_ seconds: Int) -> String {
        "Te veel mislukte pogingen. Probeer het over \(DutchFormat.duration(seconds: seconds)) opnieuw, of kies ‘Wachtwoord vergeten?’."
    }
}
