import Foundation

/// One of the programme's reports as data: what the generator assembled (figures formatted, charts drawn) plus the
/// editors' Markdown. A published version stores this value, so it reads the same whatever data arrives later.
public struct ReportDocument: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case challenges = "programme-1", advice = "programme-2"

        public var title: String { self == .challenges ? "Opgaven van nu en straks" : "Advies per thema en per wijk" }
        /// The report's address on the site.
        public var slug: String { self == .challenges ? "opgaven-van-nu-en-straks" : "advies-per-thema-en-per-wijk" }
        public var summary: String {
            self == .challenges
                ? "De huidige en toekomstige opgaven van de deelnemende steden, op basis van de wijkanalyses."
                : "Advies per thema en per wijk: hoe de aanpak vorm te geven en welke vormen van samenwerking en financiering te gebruiken."
        }

        public init?(slug: String) {
            guard let kind = Self.allCases.first(where: { $0.slug == slug || $0.rawValue == slug }) else { return nil }
            self = kind
        }
    }

    /// A chapter (level 1) or paragraph (level 2), numbered in the table of contents.
    public struct Section: Codable, Sendable, Equatable {
        public var id: String
        public var level: Int
        public var title: String
        public var blocks: [Block]

        public init(id: String, level: Int, title: String, blocks: [Block]) {
            (self.id, self.level, self.title, self.blocks) = (id, level, title, blocks)
        }
    }

    public enum Block: Codable, Sendable, Equatable {
        /// Generated text; `notes` are footnote numbers.
        case text(String, notes: [Int])
        case bullets([String])
        /// The editors' text in a slot; empty in a concept until someone writes it.
        case editorial(slot: String, title: String, markdown: String)
        case table(Table)
        case figure(Figure)
    }

    public struct Table: Codable, Sendable, Equatable {
        public var number: Int
        public var caption: String
        public var header: [String]
        public var rows: [[String]]
        /// Columns to align right (figures).
        public var numeric: [Int]
        public var notes: [Int]

        public init(number: Int, caption: String, header: [String], rows: [[String]], numeric: [Int], notes: [Int]) {
            (self.number, self.caption, self.header, self.rows, self.numeric, self.notes) = (
                number, caption, header, rows, numeric, notes
            )
        }
    }

    public struct Figure: Codable, Sendable, Equatable {
        public var number: Int
        public var caption: String
        /// Drawn by Wijkradar's own chart code.
        public var svg: String
        /// What the figure shows, for screen readers and as its text alternative.
        public var description: String
        public var notes: [Int]

        public init(number: Int, caption: String, svg: String, description: String, notes: [Int]) {
            (self.number, self.caption, self.svg, self.description, self.notes) = (
                number, caption, svg, description, notes
            )
        }
    }

    public var kind: Kind
    public var title: String
    public var programme: String
    public var organiser: String
    /// "Concept" or "Versie 2".
    public var versionLabel: String
    public var date: String
    /// The data the figures come from (the data version of the analysis).
    public var dataVersion: String
    public var sections: [Section]
    /// Footnote texts; number n is `notes[n - 1]`.
    public var notes: [String]
    public var colophon: [String]

    public init(
        kind: Kind, title: String, programme: String, organiser: String, versionLabel: String, date: String,
        dataVersion: String, sections: [Section], notes: [String], colophon: [String]
    ) {
        (self.kind, self.title, self.programme, self.organiser, self.versionLabel) = (
            kind, title, programme, organiser, versionLabel
        )
        (self.date, self.dataVersion, self.sections, self.notes, self.colophon) = (
            date, dataVersion, sections, notes, colophon
        )
    }
}
