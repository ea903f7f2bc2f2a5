import Foundation
@testable import Knowledge
import Testing

/// The stemmer against the reference Snowball implementation (scripts/generate-stemmer-fixture.py), word for word.
@Suite struct DutchStemmerTests {
    @Test func everyWordStemsAsTheReference() throws {
        let url = try #require(
            Bundle.module.url(forResource: "dutch-stems", withExtension: "tsv", subdirectory: "Fixtures"))
        let pairs = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: "\t").map(String.init)
        }
        #expect(pairs.count > 200)
        var wrong: [String] = []
        for pair in pairs where DutchStemmer.stem(pair[0]) != pair[1] {
            wrong.append("\(pair[0]): \(DutchStemmer.stem(pair[0])) ≠ \(pair[1])")
        }
        #expect(wrong.isEmpty, "\(wrong.count) of \(pairs.count): \(wrong.prefix(20))")
    }

    @Test func knownStemsAndAccents() {
        #expect(DutchStemmer.stem("woningen") == "woning")
        #expect(DutchStemmer.stem("gezondheid") == "gezond")
        #expect(DutchStemmer.stem("ideeën") == DutchStemmer.stem("ideeen"))
        #expect(DutchStemmer.stem("maan") == "man")
    }
}
