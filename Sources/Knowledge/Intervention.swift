import Core

/// The Dutch evidence ladder ("erkenningstraject" of the Databank Effectieve Sociale Interventies) with the strength
/// of indications for the effective level.
public enum EvidenceLevel: String, CaseIterable, Sendable, Codable {
    case unknown = "onbekend"
    case wellDescribed = "goed beschreven"
    case wellFounded = "goed onderbouwd"
    case effectiveFirst = "effectief: eerste aanwijzingen"
    case effectiveGood = "effectief: goede aanwijzingen"
    case effectiveStrong = "effectief: sterke aanwijzingen"

    /// Higher is stronger; used to rank suggestions.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }
}

/// The programme's four aspects an opgave or intervention is looked at from.
public enum Aspect: String, CaseIterable, Sendable, Codable {
    case linking = "koppelen", parties = "partijen", financing = "financiering", regulation = "regelgeving"

    public var label: String {
        switch self {
        case .linking: "Slim koppelen van (nieuwe) opgaven"
        case .parties: "Nieuwe partijen of gevestigde partijen in een andere rol"
        case .financing: "Andere inzet en nieuwe vormen van financiering"
        case .regulation: "Regelgeving inzetten (minder regels, andere regels)"
        }
    }
}

public struct Party: Sendable, Equatable, Codable {
    public enum Role: String, CaseIterable, Sendable, Codable {
        case active = "actief", toChallenge = "uit te dagen", new = "nieuwe partij", newRole =
            "gevestigde partij in een nieuwe rol"
    }

    public var name: String
    /// Gemeente, corporatie, welzijn, zorg, onderwijs, ondernemers, bewoners, fonds, rijk, …
    public var kind: String
    public var role: Role

    public init(name: String, kind: String, role: Role) { (self.name, self.kind, self.role) = (name, kind, role) }
}

public struct MoneyFlow: Sendable, Equatable, Codable {
    /// Gemeente, corporatie, NPLV, fonds, rijk, zorgverzekeraar, …
    public var source: String
    /// Euros when known; nil is "unknown", never zero.
    public var amount: Int?
    public var note: String

    public init(source: String, amount: Int?, note: String = "") {
        (self.source, self.amount, self.note) = (source, amount, note)
    }
}

/// EMMIE: what a reviewer of an intervention wants to know besides "does it work".
public struct EMMIE: Sendable, Equatable, Codable {
    public var effect = ""
    public var mechanism = ""
    public var context = ""
    public var implementation = ""
    public var economics = ""

    public init(
        effect: String = "", mechanism: String = "", context: String = "", implementation: String = "",
        economics: String = ""
    ) {
        (self.effect, self.mechanism, self.context, self.implementation, self.economics) = (
            effect, mechanism, context, implementation, economics
        )
    }
}

/// A project or intervention: what was done in a wijk, why it works (or not), who took part and who paid.
public struct Intervention: Sendable, Equatable, Codable {
    public enum Status: String, CaseIterable, Sendable, Codable {
        case planned = "gepland", running = "lopend", finished = "afgerond", stopped = "gestopt"
    }

    public var title: String
    /// The programme city it belongs to, when it comes from the programme.
    public var cityID: Int?
    /// The CBS wijk (or buurt) it took place in, for the data next to it.
    public var regionCode: String?
    public var city: String
    public var wijk: String
    public var themes: [String]
    public var problem: String
    public var aim: String
    public var targetGroup: String
    public var approach: String
    /// Working elements and the mechanism: why it works.
    public var whyItWorks: String
    /// Does it work — and why, or why not.
    public var results: String
    public var evidence: EvidenceLevel
    public var emmie: EMMIE
    public var transferability: String
    public var parties: [Party]
    public var money: [MoneyFlow]
    public var financingModel: String
    public var regulation: String
    public var aspects: [Aspect]
    public var startYear: Int?
    public var endYear: Int?
    public var status: Status
    public var links: [String]
    /// The meeting presentation it was captured from, if any.
    public var meetingID: Int?
    /// Studies from the research register it rests on (record ids); optional so older records still read.
    public var research: [Int]?

    public init(
        title: String, cityID: Int? = nil, regionCode: String? = nil, city: String, wijk: String, themes: [String] = [],
        problem: String = "", aim: String = "", targetGroup: String = "", approach: String = "",
        whyItWorks: String = "",
        results: String = "", evidence: EvidenceLevel = .unknown, emmie: EMMIE = EMMIE(), transferability: String = "",
        parties: [Party] = [], money: [MoneyFlow] = [], financingModel: String = "", regulation: String = "",
        aspects: [Aspect] = [], startYear: Int? = nil, endYear: Int? = nil, status: Status = .running,
        links: [String] = [],
        meetingID: Int? = nil
    ) {
        (self.title, self.cityID, self.regionCode, self.city, self.wijk, self.themes) = (
            title, cityID, regionCode, city, wijk, themes
        )
        (self.problem, self.aim, self.targetGroup, self.approach, self.whyItWorks, self.results) = (
            problem, aim, targetGroup, approach, whyItWorks, results
        )
        (self.evidence, self.emmie, self.transferability, self.parties, self.money) = (
            evidence, emmie, transferability, parties, money
        )
        (self.financingModel, self.regulation, self.aspects, self.startYear, self.endYear) = (
            financingModel, regulation, aspects, startYear, endYear
        )
        (self.status, self.links, self.meetingID) = (status, links, meetingID)
    }

    /// Problems that stop the record from being saved, each naming its field, in Dutch.
    public func problems(currentYear: Int) -> [String] {
        var result: [String] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { result.append("Titel: vul een titel in.") }
        if city.trimmingCharacters(in: .whitespaces).isEmpty { result.append("Stad: vul de stad in.") }
        if wijk.trimmingCharacters(in: .whitespaces).isEmpty { result.append("Wijk: vul de wijk in.") }
        if let code = regionCode, !code.isEmpty, !(code.hasPrefix("WK") || code.hasPrefix("BU") || code.hasPrefix("GM"))
        {
            result.append("CBS-gebied: '\(code)' is geen CBS-code (GM, WK of BU).")
        }
        for (label, year) in [("Startjaar", startYear), ("Eindjaar", endYear)] {
            if let year, !(1945...(currentYear + 10)).contains(year) {
                result.append("\(label): \(year) is geen geldig jaar.")
            }
        }
        if let start = startYear, let end = endYear, end < start {
            result.append("Eindjaar: \(end) ligt voor het startjaar \(start).")
        }
        if evidence.rank >= EvidenceLevel.effectiveFirst.rank && results.trimmingCharacters(in: .whitespaces).isEmpty {
            result.append(
                "Resultaten: bij het niveau ‘\(evidence.rawValue)’ hoort een beschrijving van de resultaten en waar ze op berusten."
            )
        }
        for (index, flow) in money.enumerated() {
            if flow.source.trimmingCharacters(in: .whitespaces).isEmpty {
                result.append("Geldstroom \(index + 1): vul de bron in.")
            }
            if let amount = flow.amount, amount < 0 {
                result.append("Geldstroom \(index + 1): een bedrag is niet negatief.")
            }
        }
        for (index, party) in parties.enumerated() where party.name.trimmingCharacters(in: .whitespaces).isEmpty {
            result.append("Partij \(index + 1): vul de naam in.")
        }
        for link in links where !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
            result.append("Links: '\(link)' is geen webadres (http:// of https://).")
        }
        return result
    }
}
