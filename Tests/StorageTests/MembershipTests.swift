import Core
import Foundation
import Programme
@testable import Storage
import SQLKit
import Testing

/// Issue 16: one person, one account, a role per programme — on SQLite and PostgreSQL. A coordinator of one round
/// is invited into the next with the same address, a copied round keeps its coordinators, and staff deactivate.
@Suite struct MembershipTests {
    static let actor = "staf@example.nl"

    @Test(arguments: TestDatabase.all)
    func aCoordinatorOfOneRoundCoordinatesTheCopiedRoundWithTheSameAccount(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let f = try await ProgrammeStoreTests.fixture(store)
            let accounts = AccountStore(store: store)
            let emmen = f.cities[0]
            let token = try await accounts.invite(
                email: "coord@emmen.nl", name: "Coördinator Emmen", role: .coordinator, cityID: emmen.id,
                participantID: nil, actor: Self.actor)
            let account = try await accounts.accept(token: token, passwordHash: "wr2$test")
            var viewer = try #require(try await accounts.account(id: account.id)).viewer
            #expect(
                viewer.memberships == [
                    Membership(programmeID: f.programme.id, role: .coordinator, cityID: emmen.id, participantID: nil)
                ])
            #expect(viewer.mayManage(city: emmen.id) && !viewer.mayManage(city: f.cities[1].id))

            // A new round: cities, themes and the coordinator come along; participants do not.
            let next = try await ProgrammeStore(store: store).copy(
                from: f.programme.id,
                as: ProgrammeInfo(
                    slug: "ronde-2028", name: "Ronde 2028", organiser: "Platform31",
                    startsOn: Day(iso: "2028-01-01")!, endsOn: Day(iso: "2028-12-31")!, summary: "", source: "test"),
                actor: Self.actor)
            let cities = try await ProgrammeStore(store: store).allCities().filter { $0.programmeID == next.id }
            #expect(cities.map(\.municipalityCode).sorted() == ["GM0114", "GM0392"])
            #expect(try await ParticipantStore(store: store).participants(programmeID: next.id).isEmpty)
            let newEmmen = try #require(cities.first { $0.municipalityCode == "GM0114" })
            viewer = try #require(try await accounts.account(id: account.id)).viewer
            #expect(viewer.mayManage(city: newEmmen.id) && viewer.mayManage(city: emmen.id))
            #expect(viewer.memberships.count == 2)

            // Invited again into a round where they already have a role: refused; a third round: a membership.
            await #expect(throws: ProgrammeError.self) {
                try await accounts.invite(
                    email: "coord@emmen.nl", name: "Coördinator Emmen", role: .coordinator, cityID: newEmmen.id,
                    participantID: nil, actor: Self.actor)
            }
            let third = try await ProgrammeStore(store: store).create(
                ProgrammeInfo(
                    slug: "ronde-2029", name: "Ronde 2029", organiser: "Platform31",
                    startsOn: Day(iso: "2029-01-01")!, endsOn: Day(iso: "2029-12-31")!, summary: "", source: "test"),
                actor: Self.actor)
            let assen = try await ProgrammeStore(store: store).addCity(
                ProgrammeCity(
                    programmeID: third.id, municipalityCode: "GM0106", cityName: "Assen", wijkName: "Lariks",
                    source: "test"), actor: Self.actor)
            let again = try await accounts.invite(
                email: "coord@emmen.nl", name: "Coördinator Emmen", role: .coordinator, cityID: assen.id,
                participantID: nil, actor: Self.actor)
            await #expect(throws: ProgrammeError.self) {
                _ = try await accounts.accept(token: again, passwordHash: "wr2$other")
            }
            let joined = try await accounts.join(
                token: try await accounts.invite(
                    email: "coord@emmen.nl", name: "Coördinator Emmen", role: .coordinator, cityID: assen.id,
                    participantID: nil, actor: Self.actor), userID: account.id)
            #expect(joined.cityID == assen.id)
            #expect(try #require(try await accounts.account(id: account.id)).viewer.mayManage(city: assen.id))

            // Staff change the role's city, end it, and deactivate the account: its sessions end.
            try await accounts.setMembership(
                userID: account.id, role: .coordinator, cityID: cities.first { $0.municipalityCode == "GM0392" }!.id,
                actor: Self.actor)
            viewer = try #require(try await accounts.account(id: account.id)).viewer
            #expect(!viewer.mayManage(city: newEmmen.id))
            try await accounts.removeMembership(userID: account.id, programmeID: third.id, actor: Self.actor)
            #expect(!(try #require(try await accounts.account(id: account.id)).viewer.mayManage(city: assen.id)))
            // Ending the role in the first programme ends its rights there too (the account's own city column, from
            // before memberships, gives none).
            try await accounts.removeMembership(userID: account.id, programmeID: f.programme.id, actor: Self.actor)
            viewer = try #require(try await accounts.account(id: account.id)).viewer
            #expect(!viewer.mayManage(city: emmen.id))
            let session = try await accounts.startSession(userID: account.id)
            try await accounts.setDeactivated(userID: account.id, true, actor: Self.actor)
            #expect(try #require(try await accounts.account(id: account.id)).deactivated)
            #expect(try await accounts.session(token: session.token) == nil)
            try await accounts.setDeactivated(userID: account.id, false, actor: Self.actor)
            #expect(!(try #require(try await accounts.account(id: account.id)).deactivated))
        }
    }
}

extension MembershipTests {
    /// The statement migration M016 runs: an account made before memberships existed (a coordinator with a city on
    /// the account itself) becomes a membership of that city's programme, on both databases; running it again adds
    /// nothing.
    @Test(arguments: TestDatabase.all)
    func accountsFromBeforeMembershipsAreMigrated(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let f = try await ProgrammeStoreTests.fixture(store)
            try await store.sql.insert(into: "users").columns(
                "email", "name", "password_hash", "role", "city_id", "participant_id", "created_at"
            ).values(
                SQLBind("oud@example.nl"), SQLBind("Oude coördinator"), SQLBind("x"),
                SQLBind(Role.coordinator.rawValue), SQLBind(f.cities[1].id), SQLBind(Int?.none), SQLBind(1)
            ).run()
            try await store.sql.raw(M016CreateMemberships.existingAccounts).run()
            try await store.sql.raw(M016CreateMemberships.existingAccounts).run()
            let account = try #require(try await AccountStore(store: store).account(email: "oud@example.nl"))
            #expect(
                account.memberships == [
                    Membership(
                        programmeID: f.programme.id, role: .coordinator, cityID: f.cities[1].id, participantID: nil)
                ])
        }
    }
}
