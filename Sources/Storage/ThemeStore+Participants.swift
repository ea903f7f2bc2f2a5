import Foundation
import Programme
import SQLKit

/// Participants' own rankings of the themes, and how they are weighed. Once any participant has ranked, the tally
/// counts participants; before that it counts the cities' rankings (how the 2016 round chose).
extension ThemeStore {
    /// Stores (or replaces) one participant's ranking; the same checks as a city's.
    public func submit(_ ballot: ParticipantBallot, programmeID: Int, actor: String) async throws {
        try await check(ballot.ranking, programmeID: programmeID)
        try await store.transaction { sql in
            try await sql.delete(from: "participant_ballots").where("programme_id", .equal, programmeID)
                .where("participant_id", .equal, ballot.participantID).run()
            try await sql.insert(into: "participant_ballots").columns(
                "programme_id", "participant_id", "city_id", "ranking", "submitted_at"
            ).values(
                SQLBind(programmeID), SQLBind(ballot.participantID), SQLBind(ballot.cityID),
                SQLBind(ballot.ranking.map(String.init).joined(separator: ",")), SQLBind(now())
            ).run()
            // Who ranked what is the participant's own: the log says that a ranking came in, not which.
            try await AuditLog.record(
                sql, actor: actor, action: "themavoorkeur van deelnemer",
                subject: try await AccountStore.cityName(ballot.cityID, sql))
        }
    }

    public func participantBallots(programmeID: Int) async throws -> [ParticipantBallot] {
        try await store.sql.select().column("*").from("participant_ballots").where("programme_id", .equal, programmeID)
            .orderBy("city_id").orderBy("participant_id").all().map {
                ParticipantBallot(
                    participantID: try $0.decode(column: "participant_id"), cityID: try $0.decode(column: "city_id"),
                    ranking: (try $0.decode(column: "ranking", as: String.self)).split(separator: ",").compactMap {
                        Int($0)
                    })
            }
    }

    public func weighting(programmeID: Int) async throws -> BallotWeighting {
        let text = try await store.sql.select().column("ballot_weighting").from("programmes")
            .where("id", .equal, programmeID).first().flatMap {
                try $0.decode(column: "ballot_weighting", as: String?.self)
            }
        return text.flatMap(BallotWeighting.init(rawValue:)) ?? .participant
    }

    public func setWeighting(_ weighting: BallotWeighting, programmeID: Int, actor: String) async throws {
        try await store.transaction { sql in
            try await sql.update("programmes").set("ballot_weighting", to: SQLBind(weighting.rawValue))
                .where("id", .equal, programmeID).run()
            try await AuditLog.record(sql, actor: actor, action: "weging themakeuze", subject: weighting.label)
        }
    }

    func check(_ ranking: [Int], programmeID: Int) async throws {
        let candidates = Set(try await themes(programmeID: programmeID).map(\.id))
        var problems: [String] = []
        if ranking.isEmpty { problems.append("Rangorde: zet minstens één thema op een plaats.") }
        if Set(ranking).count != ranking.count { problems.append("Rangorde: elk thema mag één plaats krijgen.") }
        if !Set(ranking).isSubset(of: candidates) {
            problems.append("Rangorde: een gekozen thema staat niet op de kandidatenlijst.")
        }
        guard problems.isEmpty else { throw ProgrammeError.invalid(problems) }
    }
}
