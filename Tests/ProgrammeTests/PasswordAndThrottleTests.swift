import Programme
import Testing

@Suite struct PasswordPolicyTests {
    let email = "coord@emmen.nl"
    let name = "Carla Coördinator"

    func refused(_ password: String) -> Bool {
        !PasswordPolicy.problems(password, repeated: nil, email: email, name: name).isEmpty
    }

    /// Each of these was accepted once, or is what attackers try first.
    @Test(arguments: [
        String(repeating: "\u{0}", count: 12), "ab\u{0}cdefghijklmn", String(repeating: " ", count: 12),
        "coord@emmen.nl", "xx coord@emmen.nl xx", "coord2024!!!", "password1234", "Wachtwoord2025!", "welkomwelkom",
        "aaaaaaaaaaaa", "abcabcabcabc", "123456789012", "qwertyuiopas", "kort", "Carla Coordinator".lowercased(),
        "carla coördinator!", "tab\there in het midden",
    ])
    func refusesWeakOrInvisiblePasswords(_ password: String) {
        #expect(refused(password), "accepted: \(password.debugDescription)")
    }

    @Test(arguments: [
        "een lang wachtwoord 123", "paars olifantje fietst naar Emmen", "Tr0ub4dour&3 horse", "🚲 fiets langs de Hunze",
        String(repeating: "lange zin ", count: 20),
    ])
    func acceptsPassphrases(_ password: String) {
        #expect(
            !refused(password), "refused: \(PasswordPolicy.problems(password, repeated: nil, email: email, name: name))"
        )
    }

    @Test func messagesAreDutchAndNameTheField() {
        #expect(
            PasswordPolicy.problems("kort", repeated: "anders", email: email, name: name) == [
                "Wachtwoord: kies minstens 12 tekens (een zin van een paar woorden is goed te onthouden).",
                "Wachtwoord nogmaals: de twee wachtwoorden verschillen.",
            ])
        #expect(
            PasswordPolicy.problems(String(repeating: "a", count: 257), repeated: nil, email: email, name: name)
                == ["Wachtwoord: kies hoogstens 256 tekens."])
    }
}

@Suite struct LoginThrottleTests {
    let throttle = LoginThrottle()

    @Test func freeFailuresThenGrowingDelaysUpToTheCaps() {
        let none = LoginThrottle.Failures(count: 0, last: nil)
        let second = 1000
        #expect(throttle.wait(account: .init(count: 4, last: 1000 * second), client: none, now: 1000 * second) == 0)
        #expect(throttle.wait(account: .init(count: 5, last: 1000 * second), client: none, now: 1000 * second) == 1)
        // Half a second later there is still half a second to go: rounded up, never down to "now".
        #expect(
            throttle.wait(account: .init(count: 5, last: 1000 * second), client: none, now: 1000 * second + 500) == 1)
        #expect(throttle.wait(account: .init(count: 5, last: 1000 * second), client: none, now: 1001 * second) == 0)
        #expect(throttle.wait(account: .init(count: 8, last: 1000 * second), client: none, now: 1003 * second) == 5)
        // An account's wait never exceeds a minute: someone else's failures cannot lock the owner out for long.
        #expect(throttle.wait(account: .init(count: 500, last: 1000 * second), client: none, now: 1000 * second) == 60)
        // One client's wait grows to a quarter of an hour.
        #expect(throttle.wait(account: none, client: .init(count: 9, last: 1000 * second), now: 1000 * second) == 0)
        #expect(throttle.wait(account: none, client: .init(count: 12, last: 1000 * second), now: 1000 * second) == 4)
        #expect(
            throttle.wait(account: none, client: .init(count: 1000, last: 1000 * second), now: 1000 * second) == 900)
        #expect(
            throttle.wait(
                account: .init(count: 7, last: 1000 * second), client: .init(count: 11, last: 1000 * second),
                now: 1000 * second) == 4)
    }

    /// 166 guesses with random client addresses at one account: how many a throttled attacker gets in 27 seconds
    /// when every refused attempt is free and not counted.
    @Test func aDistributedGuesserGetsOnlyAFewTries() {
        var failures = 0, last: Int? = nil, checked = 0
        for tick in 0..<(27 * 6) {  // six attempts a second, each from a new address
            let now = tick * 1000 / 6
            let wait = throttle.wait(
                account: .init(count: failures, last: last), client: .init(count: 0, last: nil), now: now)
            guard wait == 0 else { continue }
            checked += 1
            failures += 1
            last = now
        }
        #expect(checked <= 10, "\(checked) passwords checked")
    }
}
