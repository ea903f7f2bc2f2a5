/// A city adopting an intervention from another: what was understood, what was adapted, what was re-used, and how
/// it went.
public struct Transfer: Sendable, Equatable, Codable {
    public var interventionID: Int
    public var toCity: String
    public var toWijk: String
    public var year: Int?
    public var understood: String
    public var adapted: String
    public var reused: String
    public var result: String

    public init(
        interventionID: Int, toCity: String, toWijk: String, year: Int?, understood: String, adapted: String,
        reused: String, result: String
    ) {
        (self.interventionID, self.toCity, self.toWijk, self.year) = (interventionID, toCity, toWijk, year)
        (self.understood, self.adapted, self.reused, self.result) = (understood, adapted, reused, result)
    }

    public func problems() -> [String] {
        var result: [String] = []
        if toCity.trimmingCharacters(in: .whitespaces).isEmpty { result.append("Overgenomen door: vul de stad in.") }
        if [understood, adapted, reused].allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            result.append("Overdracht: beschrijf minstens wat begrepen, aangepast of hergebruikt is.")
        }
        return result
    }

    public func searchDocument(interventionTitle: String) -> SearchDocument {
        SearchDocument(
            title: "Overdracht: \(interventionTitle) naar \(toCity)",
            body: [toWijk, understood, adapted, reused, result].joined(separator: "\n"),
            facets: [.kind: ["overdracht"], .city: [toCity]])
    }
}
