/// Chooses the programme's themes from ranked ballots with the Borda count, with every tie broken by stated rules.
///
/// Each ballot ranks some or all candidate themes. With n candidates, a theme in place p (1 = first) gets n − p
/// points; themes a ballot leaves out get nothing from it. Themes are ordered by:
/// 1. more points;
/// 2. more first places;
/// 3. the head-to-head result: the theme ranked above the other on more ballots (a theme that is ranked beats one
///    that is left out);
/// 4. the theme that was proposed first (lower position in the candidate list), so the outcome never depends on
///    chance or on the order ballots arrived.
/// The first `seats` themes are chosen. `ties` lists every pair whose order was decided by a tie-break, so staff can
/// see where a confirmation or override with a reason is wise.
public struct ThemeTally: Sendable, Equatable {
    public struct Standing: Sendable, Equatable {
        public var theme: String
        /// Borda points, each ballot times its weight (whole numbers when every ballot weighs 1).
        public var points: Double
        public var firstPlaces: Double
        public var rank: Int
    }

    public struct Tie: Sendable, Equatable {
        public var above: String
        public var below: String
        /// Which rule decided: "eerste plaatsen", "onderling", "volgorde van voorstellen".
        public var decidedBy: String

        public init(above: String, below: String, decidedBy: String) {
            self.above = above
            self.below = below
            self.decidedBy = decidedBy
        }
    }

    public var standings: [Standing]
    public var chosen: [String]
    public var ties: [Tie]
    public var ballotsCounted: Int

    public enum BallotError: Error, Equatable, CustomStringConvertible {
        case unknownTheme(ballot: Int, theme: String)
        case duplicate(ballot: Int, theme: String)
        case empty(ballot: Int)

        public var description: String {
            switch self {
            case .unknownTheme(let ballot, let theme):
                "stembiljet \(ballot): thema '\(theme)' staat niet op de lijst van kandidaatthema's"
            case .duplicate(let ballot, let theme): "stembiljet \(ballot): thema '\(theme)' staat er twee keer op"
            case .empty(let ballot): "stembiljet \(ballot) rangschikt geen enkel thema"
            }
        }
    }

    /// `weights`: one per ballot (nil: every ballot 1). With "every city weighs the same" a participant's ballot
    /// weighs 1 ÷ the number of ballots from their city, so each city brings the same points however many vote.
    public static func count(candidates: [String], ballots: [[String]], weights: [Double]? = nil, seats: Int = 4)
        throws -> ThemeTally
    {
        let n = candidates.count
        let position = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
        var points = [Double](repeating: 0, count: n)
        var firsts = [Double](repeating: 0, count: n)
        // prefer[a][b]: the weight of the ballots that rank a above b.
        var prefer = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for (number, ballot) in ballots.enumerated() {
            let weight = weights.map { number < $0.count ? $0[number] : 1 } ?? 1
            guard !ballot.isEmpty else { throw BallotError.empty(ballot: number + 1) }
            var seen = Set<Int>()
            var ranked: [Int] = []
            for theme in ballot {
                guard let index = position[theme] else {
                    throw BallotError.unknownTheme(ballot: number + 1, theme: theme)
                }
                guard seen.insert(index).inserted else { throw BallotError.duplicate(ballot: number + 1, theme: theme) }
                ranked.append(index)
            }
            for (place, index) in ranked.enumerated() {
                points[index] += weight * Double(n - 1 - place)
                for lower in ranked[(place + 1)...] { prefer[index][lower] += weight }
                for other in 0..<n where !seen.contains(other) { prefer[index][other] += weight }
            }
            firsts[ranked[0]] += weight
        }
        var ties: [Tie] = []
        // Weighted sums are compared with a tolerance, so 1/3 + 1/3 + 1/3 equals 1.
        func same(_ x: Double, _ y: Double) -> Bool { abs(x - y) < 1e-9 }
        func before(_ a: Int, _ b: Int) -> Bool {
            if !same(points[a], points[b]) { return points[a] > points[b] }
            if !same(firsts[a], firsts[b]) { return firsts[a] > firsts[b] }
            if !same(prefer[a][b], prefer[b][a]) { return prefer[a][b] > prefer[b][a] }
            return a < b
        }
        let order = (0..<n).sorted(by: before)
        for (i, a) in order.enumerated() where i + 1 < order.count {
            let b = order[i + 1]
            guard same(points[a], points[b]) else { continue }
            let rule =
                !same(firsts[a], firsts[b])
                ? "eerste plaatsen" : !same(prefer[a][b], prefer[b][a]) ? "onderling" : "volgorde van voorstellen"
            ties.append(Tie(above: candidates[a], below: candidates[b], decidedBy: rule))
        }
        let standings = order.enumerated().map { rank, index in
            Standing(theme: candidates[index], points: points[index], firstPlaces: firsts[index], rank: rank + 1)
        }
        return ThemeTally(
            standings: standings, chosen: standings.prefix(seats).map(\.theme), ties: ties,
            ballotsCounted: ballots.count)
    }
}

/// How participants' rankings add up: every participant the same, or every city the same (a city with six voters
/// brings as many points as one with two). Staff choose per programme; the themes page says which.
public enum BallotWeighting: String, Sendable, CaseIterable {
    case participant = "deelnemer", city = "stad"

    public var label: String {
        switch self {
        case .participant: "elke deelnemer telt even zwaar"
        case .city:
            "elke stad telt even zwaar (de stem van een deelnemer weegt 1 gedeeld door het aantal stemmers uit de stad)"
        }
    }

    /// The weight of each ballot, given the city each came from.
    public func weights(cities: [Int]) -> [Double] {
        switch self {
        case .participant: return cities.map { _ in 1 }
        case .city:
            let counts = Dictionary(grouping: cities, by: { $0 }).mapValues(\.count)
            return cities.map { 1 / Double(counts[$0] ?? 1) }
        }
    }
}

/// One participant's ranking of the candidate themes.
public struct ParticipantBallot: Sendable, Equatable {
    public var participantID: Int
    public var cityID: Int
    public var ranking: [Int]

    public init(participantID: Int, cityID: Int, ranking: [Int]) {
        (self.participantID, self.cityID, self.ranking) = (participantID, cityID, ranking)
    }
}
