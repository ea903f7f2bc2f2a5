/// The Snowball Dutch stemmer (the classic Porter-style algorithm, snowballstem.org "dutch_porter"), the same one
/// PostgreSQL's `dutch` text-search configuration uses — so SQLite's index (stemmed here) and PostgreSQL's
/// (stemmed by the server) find the same records for the same words. Input is one lower-case word.
public enum DutchStemmer {
    public static func stem(_ word: String) -> String {
        var w = Array(word.lowercased().unicodeScalars.map(Character.init))
        prelude(&w)
        let (p1, p2) = regions(w)
        var eFound = false

        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix)
            return w.count >= s.count && Array(w[(w.count - s.count)...]) == s
        }
        func isVowel(_ c: Character) -> Bool { "aeiouyè".contains(c) }
        func undouble() {
            if ends("kk") || ends("dd") || ends("tt") { w.removeLast() }
        }
        /// "en"/"ene" after a consonant that does not end "gem", inside R1.
        func enEnding(_ length: Int) -> Bool {
            let start = w.count - length
            guard start >= p1, start > 0, !isVowel(w[start - 1]),
                !(start >= 3 && String(w[(start - 3)..<start]) == "gem")
            else { return false }
            w.removeLast(length)
            undouble()
            return true
        }
        func eEnding() {
            eFound = false
            let start = w.count - 1
            guard ends("e"), start >= p1, start > 0, !isVowel(w[start - 1]) else { return }
            w.removeLast()
            eFound = true
            undouble()
        }

        // Step 1: the longest of heden, ene, en, se, s.
        if ends("heden") {
            if w.count - 5 >= p1 { w.removeLast(5); w += Array("heid") }
        } else if ends("ene") {
            _ = enEnding(3)
        } else if ends("en") {
            _ = enEnding(2)
        } else if ends("se") || ends("s") {
            let length = ends("se") ? 2 : 1
            let start = w.count - length
            if start >= p1, start > 0, !isVowel(w[start - 1]), w[start - 1] != "j" { w.removeLast(length) }
        }
        // Step 2: a final e after a consonant.
        eEnding()
        // Step 3a: heid (not after c), then en.
        if ends("heid"), w.count - 4 >= p2, !(w.count >= 5 && w[w.count - 5] == "c") {
            w.removeLast(4)
            if ends("en") { _ = enEnding(2) }
        }
        // Step 3b: derivational suffixes in R2.
        if ends("end") || ends("ing") {
            if w.count - 3 >= p2 {
                w.removeLast(3)
                if ends("ig"), w.count - 2 >= p2, !(w.count >= 3 && w[w.count - 3] == "e") {
                    w.removeLast(2)
                } else {
                    undouble()
                }
            }
        } else if ends("ig") {
            if w.count - 2 >= p2, !(w.count >= 3 && w[w.count - 3] == "e") { w.removeLast(2) }
        } else if ends("lijk") {
            if w.count - 4 >= p2 { w.removeLast(4); eEnding() }
        } else if ends("baar") {
            if w.count - 4 >= p2 { w.removeLast(4) }
        } else if ends("bar") {
            if w.count - 3 >= p2, eFound { w.removeLast(3) }
        }
        // Step 4: undouble a vowel before a final consonant: maan → man.
        if w.count >= 4 {
            let n = w.count
            let last = w[n - 1], a = w[n - 2], b = w[n - 3], before = w[n - 4]
            if !isVowel(last), last != "I", a == b, "aeou".contains(a), !isVowel(before) { w.remove(at: n - 2) }
        }
        return String(w.map { $0 == "I" ? "i" : $0 == "Y" ? "y" : $0 })
    }

    /// Accents off (ä á → a …); initial y and y after a vowel become Y, i between vowels becomes I: consonants.
    static func prelude(_ w: inout [Character]) {
        let plain: [Character: Character] = [
            "ä": "a", "á": "a", "ë": "e", "é": "e", "ï": "i", "í": "i", "ö": "o", "ó": "o", "ü": "u", "ú": "u",
        ]
        w = w.map { plain[$0] ?? $0 }
        func isVowel(_ c: Character) -> Bool { "aeiouyè".contains(c) }
        if w.first == "y" { w[0] = "Y" }
        var i = 0
        while i + 1 < w.count {
            if isVowel(w[i]) {
                if w[i + 1] == "i", i + 2 < w.count, isVowel(w[i + 2]) {
                    w[i + 1] = "I"
                } else if w[i + 1] == "y" {
                    w[i + 1] = "Y"
                }
            }
            i += 1
        }
    }

    /// R1 starts after the first consonant that follows a vowel (at least at 3); R2 likewise after R1's start.
    static func regions(_ w: [Character]) -> (Int, Int) {
        func isVowel(_ c: Character) -> Bool { "aeiouyè".contains(c) }
        func after(_ start: Int) -> Int? {
            var i = start
            while i < w.count, !isVowel(w[i]) { i += 1 }
            while i < w.count, isVowel(w[i]) { i += 1 }
            return i < w.count ? i + 1 : nil
        }
        guard let r1 = after(0) else { return (w.count, w.count) }
        let r2 = after(r1) ?? w.count
        return (max(r1, 3), r2)
    }
}
