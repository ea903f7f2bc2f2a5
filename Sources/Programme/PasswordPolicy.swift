import Foundation

/// What a new password must be, after NIST SP 800-63B §5.1.1.2 and the NCSC's advice: long enough, any characters a
/// person can type (spaces and emoji too) but no control characters, and not a password that attackers try first —
/// a common one, a common word padded with digits, a repetition or a keyboard run, or the person's own address or
/// name. No rules about character classes, which make passwords harder to remember and no harder to guess.
public enum PasswordPolicy {
    public static let minimumLength = 12
    /// Long passphrases are welcome; the bound only keeps hashing a request cheap.
    public static let maximumLength = 256

    /// Problems with a new password, in Dutch; empty when it may be used.
    public static func problems(_ password: String, repeated: String?, email: String, name: String) -> [String] {
        var result: [String] = []
        let length = password.precomposedStringWithCompatibilityMapping.unicodeScalars.count
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            result.append("Wachtwoord: gebruik geen onzichtbare tekens (zoals tab, regeleinde of NUL).")
        } else if password.allSatisfy(\.isWhitespace) {
            result.append("Wachtwoord: kies minstens \(minimumLength) tekens, niet alleen spaties.")
        } else if length < minimumLength {
            result.append(
                "Wachtwoord: kies minstens \(minimumLength) tekens (een zin van een paar woorden is goed te onthouden)."
            )
        } else if length > maximumLength {
            result.append("Wachtwoord: kies hoogstens \(maximumLength) tekens.")
        } else if let reason = weakness(password, email: email, name: name) {
            result.append(
                "Wachtwoord: \(reason); kies iets wat een ander niet raadt, bijvoorbeeld een zin van vier of vijf woorden."
            )
        }
        if let repeated, repeated != password {
            result.append("Wachtwoord nogmaals: de twee wachtwoorden verschillen.")
        }
        return result
    }

    /// Why a long enough password is still easy to guess, or nil.
    static func weakness(_ password: String, email: String, name: String) -> String? {
        let folded = fold(password)
        let address = email.lowercased().trimmingCharacters(in: .whitespaces)
        let local = String(address.prefix { $0 != "@" })
        if !address.isEmpty, folded.contains(address) { return "het bevat uw e-mailadres" }
        if local.count >= 4, strip(folded) == strip(local) { return "het is uw e-mailadres" }
        let ownName = fold(name).filter { !$0.isWhitespace }
        if ownName.count >= 4, strip(folded.filter { !$0.isWhitespace }) == strip(ownName) { return "het is uw naam" }
        if CommonPasswords.contains(folded) { return "het staat op de lijst van veelgebruikte wachtwoorden" }
        let core = strip(folded)
        if core.count < 4 { return "het bestaat vooral uit cijfers of leestekens" }
        if CommonPasswords.contains(core) || isRepetition(of: core, where: CommonPasswords.contains) {
            return "het is een veelgebruikt wachtwoord met wat cijfers of tekens erbij"
        }
        if isRepetition(of: folded, where: { $0.count <= 3 }) { return "het herhaalt steeds dezelfde tekens" }
        if isRun(folded) { return "het is een reeks die op het toetsenbord of in het alfabet op elkaar volgt" }
        return nil
    }

    /// Lowercase, compatibility-normalised and without accents, so "Coördinator" and "coordinator" are one word.
    static func fold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.folding(
            options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The text without leading and trailing digits, punctuation and spaces ("Welkom2024!" → "welkom").
    static func strip(_ text: String) -> String {
        let pad: (Character) -> Bool = { !$0.isLetter }
        guard let first = text.firstIndex(where: { !pad($0) }), let last = text.lastIndex(where: { !pad($0) }) else {
            return ""
        }
        return String(text[first...last])
    }

    /// Whether the text is one unit written two or more times ("abcabcabc", "welkomwelkom").
    static func isRepetition(of text: String, where unitIsWeak: (String) -> Bool) -> Bool {
        let characters = Array(text)
        guard characters.count >= 2 else { return false }
        for size in 1...(characters.count / 2) where characters.count % size == 0 {
            let unit = Array(characters[0..<size])
            if stride(from: 0, to: characters.count, by: size).allSatisfy({
                Array(characters[$0..<($0 + size)]) == unit
            }),
                unitIsWeak(String(unit))
            {
                return true
            }
        }
        return false
    }

    private static let runs = [
        "abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    ]

    /// Whether the whole text runs along the alphabet, the digits or a keyboard row, forwards or backwards.
    static func isRun(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count >= 3 else { return false }
        for run in runs {
            let forward = Array(run), backward = Array(run.reversed())
            for sequence in [forward, backward] {
                // Follows the sequence, wrapping around, from wherever the text starts in it.
                guard let start = sequence.firstIndex(of: characters[0]) else { continue }
                if characters.indices.allSatisfy({ characters[$0] == sequence[(start + $0) % sequence.count] }) {
                    return true
                }
            }
        }
        return false
    }
}

/// The list of common passwords (`Resources/common-passwords.txt`), lowercased.
enum CommonPasswords {
    static let words: Set<String> = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.map { $0.lowercased() })
    }()

    static func contains(_ word: String) -> Bool { words.contains(word) }
}
