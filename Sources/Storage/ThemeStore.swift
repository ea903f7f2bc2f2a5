import Programme
import SQLKit

/// Candidate themes, each city's ranking, the tally and staff's decision.
public struct ThemeStore: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public func add(_ theme: Theme, actor: String) async throws -> Theme {
        guard !theme.title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ProgrammeError.invalid(["Thema: vul een titel in."])
        }
        return try await store.transaction { sql in
            let existing = try await sql.select().column("title").column("position").from("themes")
                .where("programme_id", .equal, theme.programmeID).all()
            if try existing.contains(where: {
                try $0.decode(column: "title", as: String.self).lowercased() == theme.title.lowercased()
            }) {
                throw ProgrammeError.duplicate("Thema: '\(theme.title)' staat al op de lijst.")
            }
            let position =
                try existing.map { try $0.decode(column: "position", as: Int.self) }.max().map { $0 + 1 } ?? 1
            let id = try await sql.insert(into: "themes").columns("programme_id", "title", "summary", "position")
                .values(SQLBind(theme.programmeID), SQLBind(theme.title), SQLBind(theme.summary), SQLBind(position))
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            try await AuditLog.record(sql, actor: actor, action: "kandidaatthema toegevoegd", subject: theme.title)
            var created = theme
            (created.id, created.position) = (id, position)
            return created
        }
    }

    public func themes(programmeID: Int) async throws -> [Theme] {
        try await store.sql.select().column("*").from("themes").where("programme_id", .equal, programmeID).orderBy(
            "position"
        ).all().map {
            Theme(
                id: try $0.decode(column: "id"), programmeID: programmeID, title: try $0.decode(column: "title"),
                summary: try $0.decode(column: "summary"), position: try $0.decode(column: "position"))
        }
    }

    /// Stores (or replaces) a city's ranking. Every theme id must be a candidate of the programme, each once.
    public func submit(_ ballot: Ballot, programmeID: Int, actor: String) async throws {
        try await check(ballot.ranking, programmeID: programmeID)
        try await store.transaction { sql in
            try await sql.delete(from: "ballots").where("programme_id", .equal, programmeID).where(
                "city_id", .equal, ballot.cityID
            ).run()
            try await sql.insert(into: "ballots").columns(
                "programme_id", "city_id", "ranking", "submitted_by", "submitted_at"
            )
            .values(
                SQLBind(programmeID), SQLBind(ballot.cityID),
                SQLBind(ballot.ranking.map(String.init).joined(separator: ",")),
                SQLBind(ballot.submittedBy), SQLBind(now())
            )
            .run()
            try await AuditLog.record(
                sql, actor: actor, action: "themavoorkeur ingediend", subject: "stad \(ballot.cityID)",
                detail: ballot.ranking.map(String.init).joined(separator: ","))
        }
    }

    public func ballots(programmeID: Int) async throws -> [Ballot] {
        try await store.sql.select().column("*").from("ballots").where("programme_id", .equal, programmeID).orderBy(
            "city_id"
        ).all().map {
            Ballot(
                cityID: try $0.decode(column: "city_id"),
                ranking: (try $0.decode(column: "ranking", as: String.self)).split(separator: ",").compactMap {
                    Int($0)
                },
                submittedBy: try $0.decode(column: "submitted_by"))
        }
    }

    /// The Borda tally of the ballots so far (candidates by id, as text), or nil before any ballot.
    public func tally(programmeID: Int, seats: Int = 4) async throws -> ThemeTally? {
        let candidates = try await themes(programmeID: programmeID).map { String($0.id) }
        // Per city: its participants' rankings where they ranked, else the ranking the city submitted.
        let participants = try await participantBallots(programmeID: programmeID)
        let ranked = Set(participants.map(\.cityID))
        let used =
            participants.map { (ranking: $0.ranking, city: $0.cityID) }
            + (try await ballots(programmeID: programmeID)).filter { !ranked.contains($0.cityID) }.map {
                (ranking: $0.ranking, city: $0.cityID)
            }
        guard !used.isEmpty else { return nil }
        return try ThemeTally.count(
            candidates: candidates, ballots: used.map { $0.ranking.map(String.init) },
            weights: try await weighting(programmeID: programmeID).weights(cities: used.map(\.city)), seats: seats)
    }

    /// Fixes the programme's themes. Choosing other themes than the tally's requires a reason, which is recorded.
    public func decide(programmeID: Int, themeIDs: [Int], reason: String, actor: String) async throws -> ThemeDecision {
        let candidates = Set(try await themes(programmeID: programmeID).map(\.id))
        let tallied = try await tally(programmeID: programmeID, seats: themeIDs.count)?.chosen.compactMap { Int($0) }
        var problems: [String] = []
        if themeIDs.isEmpty || Set(themeIDs).count != themeIDs.count || !Set(themeIDs).isSubset(of: candidates) {
            problems.append("Thema's: kies verschillende thema's van de kandidatenlijst.")
        }
        let follows = tallied.map { Set($0) == Set(themeIDs) } ?? false
        if !follows, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(
                "Reden: de keuze wijkt af van de telling\(tallied == nil ? " (er zijn nog geen stemmen)" : ""); leg uit waarom."
            )
        }
        guard problems.isEmpty else { throw ProgrammeError.invalid(problems) }
        let decision = ThemeDecision(
            themeIDs: themeIDs, followsTally: follows, reason: reason, decidedBy: actor, decidedAt: now())
        try await store.transaction { sql in
            try await sql.delete(from: "theme_decisions").where("programme_id", .equal, programmeID).run()
            try await sql.insert(into: "theme_decisions").columns(
                "programme_id", "theme_ids", "follows_tally", "reason", "decided_by", "decided_at"
            )
            .values(
                SQLBind(programmeID), SQLBind(themeIDs.map(String.init).joined(separator: ",")), SQLBind(follows),
                SQLBind(reason), SQLBind(actor), SQLBind(decision.decidedAt)
            )
            .run()
            try await AuditLog.record(
                sql, actor: actor,
                action: follows ? "thema's vastgesteld volgens telling" : "thema's vastgesteld, afwijkend van telling",
                subject: "programma \(programmeID)", detail: reason)
        }
        return decision
    }

    public func decision(programmeID: Int) async throws -> ThemeDecision? {
        try await store.sql.select().column("*").from("theme_decisions").where("programme_id", .equal, programmeID)
            .first().map {
                ThemeDecision(
                    themeIDs: (try $0.decode(column: "theme_ids", as: String.self)).split(separator: ",").compactMap {
                        Int($0)
                    },
                    followsTally: try $0.decode(column: "follows_tally"), reason: try $0.decode(column: "reason"),
                    decidedBy: try $0.decode(column: "decided_by"), decidedAt: try $0.decode(column: "decided_at"))
            }
    }
}
