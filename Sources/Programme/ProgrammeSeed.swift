import Core
import Foundation

/// The real programme "Nieuwe perspectieven voor stedelijke vernieuwing" as Wijkradar seeds it: only verified facts,
/// each with its source (`Resources/programme-seed.json`, written by scripts/prepare-programme-seed.py).
public struct ProgrammeSeed: Decodable, Sendable {
    public struct Programme: Decodable, Sendable {
        public var name: String
        public var organiser: String
        public var period: String
        /// "2016-12": the sources give months, not days.
        public var meetingsFromMonth: String
        public var meetingsUntilMonth: String
        public var source: String
    }

    public struct Fact: Decodable, Sendable {
        public var field: String
        public var value: String
        public var asOf: String?
        public var source: String
    }

    public struct CBSArea: Decodable, Sendable {
        public var codes: [String]
        public var approximate: Bool
        public var note: String
        public var source: String
    }

    public struct Wijk: Decodable, Sendable {
        public var number: Int
        /// The twelfth wijk is unknown: the programme office adds it.
        public var open: Bool
        public var city: String?
        public var municipalityCode: String?
        public var wijk: String?
        public var nameSource: String?
        public var facts: [Fact]?
        public var cbsArea: CBSArea?
        public var note: String?
    }

    public var programme: Programme
    /// The four aspects every opgave is looked at from.
    public var aspects: [String]
    public var wijken: [Wijk]

    public static func load() throws -> ProgrammeSeed {
        guard let url = Bundle.module.url(forResource: "programme-seed", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(ProgrammeSeed.self, from: Data(contentsOf: url))
    }
}
