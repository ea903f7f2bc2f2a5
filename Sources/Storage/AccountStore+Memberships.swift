import Core
import Foundation
import Programme
import SQLKit

/// Memberships: a person's role and city in each programme. An invitation for someone who already has an account
/// adds a membership to that account; staff change a membership's role and city, and deactivate or reactivate an
/// account. Every change is logged in the same transaction.
extension AccountStore {
    public func memberships(of userIDs: [Int]) async throws -> [Int: [Membership]] {
        guard !userIDs.isEmpty else { return [:] }
        var result: [Int: [Membership]] = [:]
        for row in try await store.sql.select().column("*").from("memberships").where("user_id", .in, userIDs)
            .orderBy("programme_id").all()
        {
            guard let role = Role(rawValue: try row.decode(column: "role")) else { continue }
            result[try row.decode(column: "user_id"), default: []].append(
                Membership(
                    programmeID: try row.decode(column: "programme_id"), role: role,
                    cityID: try row.decode(column: "city_id"), participantID: try row.decode(column: "participant_id")))
        }
        return result
    }

    /// How a city is named in the log: "Emmen – Angelslo".
    static func cityName(_ cityID: Int, _ sql: any SQLDatabase) async throws -> String {
        try await sql.select().column("city_name").column("wijk_name").from("programme_cities")
            .where("id", .equal, cityID).first().map {
                "\(try $0.decode(column: "city_name", as: String.self)) – \(try $0.decode(column: "wijk_name", as: String.self))"
            } ?? "een stad"
    }

    static func programmeName(_ programmeID: Int, _ sql: any SQLDatabase) async throws -> String {
        try await sql.select().column("name").from("programmes").where("id", .equal, programmeID).first()
            .map { try $0.decode(column: "name", as: String.self) } ?? "een programma"
    }

    /// The programme a city belongs to.
    static func programme(ofCity cityID: Int, _ sql: any SQLDatabase) async throws -> Int? {
        try await sql.select().column("programme_id").from("programme_cities").where("id", .equal, cityID).first()
            .map { try $0.decode(column: "programme_id", as: Int.self) }
    }

    /// Writes the membership of a person in a city's programme: a new one, or the role and city of the existing one.
    static func saveMembership(
        userID: Int, role: Role, cityID: Int, participantID: Int?, at time: Int, _ sql: any SQLDatabase
    ) async throws {
        guard let programmeID = try await programme(ofCity: cityID, sql) else {
            throw ProgrammeError.invalid(["Stad: deze stad bestaat niet (meer); kies een stad uit de lijst."])
        }
        let existing = try await sql.select().column("id").from("memberships").where("user_id", .equal, userID)
            .where("programme_id", .equal, programmeID).first()
        if existing != nil {
            try await sql.update("memberships").set("role", to: SQLBind(role.rawValue)).set(
                "city_id", to: SQLBind(cityID)
            )
            .set("participant_id", to: SQLBind(participantID)).where("user_id", .equal, userID)
            .where("programme_id", .equal, programmeID).run()
        } else {
            try await sql.insert(into: "memberships").columns(
                "user_id", "programme_id", "role", "city_id", "participant_id", "created_at"
            ).values(
                SQLBind(userID), SQLBind(programmeID), SQLBind(role.rawValue), SQLBind(cityID), SQLBind(participantID),
                SQLBind(time)
            ).run()
        }
    }

    /// An invitation taken up by the account it was meant for (signed in with the invited address): it becomes a
    /// membership of that account, and the link is used up.
    public func join(token: String, userID: Int) async throws -> Invitation {
        guard let invitation = try await invitation(token: token), let cityID = invitation.cityID else {
            throw ProgrammeError.refused("Deze uitnodigingslink is ongeldig, al gebruikt of verlopen.")
        }
        return try await store.transaction { sql in
            guard
                let email = try await sql.select().column("email").from("users").where("id", .equal, userID).first()
                    .map({ try $0.decode(column: "email", as: String.self) }), email == invitation.email
            else {
                throw ProgrammeError.refused(
                    "Deze uitnodiging is voor \(invitation.email); log in met dat adres om haar aan te nemen.")
            }
            let claimed = try await sql.update("invitations").set("used_at", to: SQLBind(nowSeconds))
                .where("token_hash", .equal, Self.hash(token)).where("used_at", .is, SQLLiteral.null)
                .where("expires_at", .greaterThan, nowSeconds).returning("email").all()
            guard !claimed.isEmpty else { throw ProgrammeError.refused("Deze uitnodigingslink is al gebruikt.") }
            if let programmeID = try await Self.programme(ofCity: cityID, sql),
                try await sql.select().column("id").from("memberships").where("user_id", .equal, userID)
                    .where("programme_id", .equal, programmeID).first() != nil
            {
                throw ProgrammeError.refused(
                    "U heeft al een rol in dit programma; vraag het programmabureau die te wijzigen.")
            }
            try await Self.saveMembership(
                userID: userID, role: invitation.role, cityID: cityID, participantID: invitation.participantID,
                at: nowSeconds, sql)
            try await AuditLog.record(
                sql, actor: email, action: "uitnodiging aangenomen", subject: email, detail: invitation.role.label)
            return invitation
        }
    }

    /// Staff set a person's role and city in the programme of that city.
    public func setMembership(userID: Int, role: Role, cityID: Int, actor: String) async throws {
        guard role != .staff else { throw ProgrammeError.invalid(["Rol: programmastaf is geen rol in één stad."]) }
        try await store.transaction { sql in
            guard let email = try await sql.select().column("email").from("users").where("id", .equal, userID).first()
            else { throw ProgrammeError.notFound("Dit account") }
            if let programmeID = try await Self.programme(ofCity: cityID, sql),
                try await sql.select().column("id").from("memberships").where("user_id", .equal, userID)
                    .where("programme_id", .equal, programmeID).where("role", .equal, Role.participant.rawValue).first()
                    != nil
            {
                throw ProgrammeError.refused(
                    "Deze persoon is deelnemer in dit programma; beëindig eerst die rol als u een coördinator van hem of haar wilt maken."
                )
            }
            try await Self.saveMembership(
                userID: userID, role: role, cityID: cityID, participantID: nil, at: nowSeconds, sql)
            try await AuditLog.record(
                sql, actor: actor, action: "rol gewijzigd", subject: try email.decode(column: "email", as: String.self),
                detail: "\(role.label), \(try await Self.cityName(cityID, sql))")
        }
    }

    public func removeMembership(userID: Int, programmeID: Int, actor: String) async throws {
        try await store.transaction { sql in
            let removed = try await sql.delete(from: "memberships").where("user_id", .equal, userID)
                .where("programme_id", .equal, programmeID).returning("id").all()
            guard !removed.isEmpty else { throw ProgrammeError.notFound("Deze rol") }
            let email =
                try await sql.select().column("email").from("users").where("id", .equal, userID).first()
                .map { try $0.decode(column: "email", as: String.self) } ?? "onbekend account"
            try await AuditLog.record(
                sql, actor: actor, action: "rol beëindigd", subject: email,
                detail: try await Self.programmeName(programmeID, sql))
        }
    }

    /// Deactivated accounts cannot sign in and lose their sessions at once; reactivating restores the account as it
    /// was. Staff cannot deactivate themselves.
    public func setDeactivated(userID: Int, _ deactivated: Bool, actor: String) async throws {
        try await store.transaction { sql in
            guard let row = try await sql.select().column("email").from("users").where("id", .equal, userID).first()
            else { throw ProgrammeError.notFound("Dit account") }
            let email = try row.decode(column: "email", as: String.self)
            guard email != actor else { throw ProgrammeError.refused("U kunt uw eigen account niet deactiveren.") }
            try await sql.update("users").set(
                "deactivated_at", to: deactivated ? SQLBind(nowSeconds) : SQLBind(Int?.none)
            )
            .where("id", .equal, userID).run()
            if deactivated { try await sql.delete(from: "sessions").where("user_id", .equal, userID).run() }
            try await AuditLog.record(
                sql, actor: actor, action: deactivated ? "account gedeactiveerd" : "account geactiveerd", subject: email
            )
        }
    }
}
