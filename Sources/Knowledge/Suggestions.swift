/// "Wat werkte in wijken zoals deze": records from the wijken most like this one (the wijkanalyse's similarity),
/// closest wijk first and, within a wijk, stronger evidence first. Indicative: similar figures, not the same wijk.
public enum Suggestions {
    public struct Candidate: Sendable, Equatable {
        public var id: Int
        public var title: String
        public var regionCode: String
        public var evidence: EvidenceLevel

        public init(id: Int, title: String, regionCode: String, evidence: EvidenceLevel) {
            (self.id, self.title, self.regionCode, self.evidence) = (id, title, regionCode, evidence)
        }
    }

    public struct Suggestion: Sendable, Equatable {
        public var candidate: Candidate
        /// 1 = the most similar wijk.
        public var neighbourRank: Int
        public var distance: Double
        /// What the two wijken are closest on, for the explanation.
        public var closestOn: [String]
    }

    /// - Parameter neighbours: the wijk's most similar wijken, most similar first (the wijkanalyse's "Lijkt op").
    public static func rank(
        neighbours: [(code: String, distance: Double, closestOn: [String])], candidates: [Candidate],
        limit: Int = 5
    ) -> [Suggestion] {
        var result: [Suggestion] = []
        for (index, neighbour) in neighbours.enumerated() {
            let here = candidates.filter { $0.regionCode == neighbour.code }
                .sorted { ($0.evidence.rank, $1.id) > ($1.evidence.rank, $0.id) }
            result += here.map {
                Suggestion(
                    candidate: $0, neighbourRank: index + 1, distance: neighbour.distance,
                    closestOn: neighbour.closestOn)
            }
        }
        return Array(result.prefix(limit))
    }
}
