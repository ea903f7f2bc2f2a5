/// A challenge (opgave) identified in a meeting, placed on each of the programme's four aspects.
public struct Opgave: Sendable, Equatable, Codable {
    public var title: String
    public var description: String
    public var meetingID: Int?
    /// The programme cities it applies to.
    public var cityIDs: [Int]
    /// How the opgave looks from each aspect (koppelen, partijen, financiering, regelgeving); empty when not discussed.
    public var positions: [Aspect: String]
    /// A broad kind ("gezondheid en armoede", "woningvoorraad", …) so the register can count how often it occurs.
    public var kind: String
    /// When staff merged it into another opgave: that one's id. The original stays, linked.
    public var mergedInto: Int?

    public init(
        title: String, description: String, meetingID: Int?, cityIDs: [Int], positions: [Aspect: String] = [:],
        kind: String = "",
        mergedInto: Int? = nil
    ) {
        (self.title, self.description, self.meetingID, self.cityIDs, self.positions, self.kind, self.mergedInto) =
            (title, description, meetingID, cityIDs, positions, kind, mergedInto)
    }

    public func problems() -> [String] {
        var result: [String] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { result.append("Opgave: vul een korte titel in.") }
        if description.trimmingCharacters(in: .whitespaces).isEmpty {
            result.append("Beschrijving: beschrijf de opgave.")
        }
        if cityIDs.isEmpty { result.append("Steden: kies de steden of wijken waar de opgave speelt.") }
        return result
    }
}
