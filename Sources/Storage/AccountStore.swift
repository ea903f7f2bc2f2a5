import Core
import Crypto
import Foundation
import Programme
import SQLKit

/// Accounts, invitations, sessions and failed logins. Tokens are random and only their SHA-256 is stored, so the
/// database alone does not let anyone in. Password hashing (Bcrypt) happens in the web app; this stores the hash.
public struct AccountStore: Sendable {
    public struct Account: Sendable, Equatable {
        public var id: Int
        public var email: String
        public var name: String
        public var passwordHash: String
        public var role: Role
        public var cityID: Int?
        public var participantID: Int?
        /// Deactivated by staff: cannot sign in, keeps its history.
        public var deactivated = false
        /// Role and city per programme (loaded with the account).
        public var memberships: [Membership] = []

        public var viewer: Viewer {
            // City and participant record come from the memberships (the first, for pages that show one).
            var viewer = Viewer(
                userID: id, email: email, name: name, role: role, cityID: memberships.first?.cityID,
                participantID: memberships.first { $0.participantID != nil }?.participantID)
            viewer.memberships = memberships
            viewer.fromMemberships = true
            return viewer
        }
    }

    public struct Invitation: Sendable, Equatable {
        public var email: String
        public var name: String
        public var role: Role
        public var cityID: Int?
        public var participantID: Int?
        public var expiresAt: Int
    }

    public struct Session: Sendable, Equatable {
        public var userID: Int?
        public var csrf: String
    }

    public static let sessionLifetime = 8 * 3600
    public static let invitationDays = 14
    /// The longest name or address an account or invitation takes.
    public static let nameLimit = 200

    let store: Store
    /// The clock of whoever made this store: taken here, because work inside a transaction runs in another task
    /// and would not see a test's clock.
    let clock: Clock

    public init(store: Store, clock: Clock = .current) { (self.store, self.clock) = (store, clock) }

    var nowSeconds: Int { clock.seconds }
    var nowMillis: Int { Int(clock.now().timeIntervalSince1970 * 1000) }

    // MARK: Invitations

    /// Creates an invitation and returns its one-time token (to put in the link; it is not stored).
    public func invite(email: String, name: String, role: Role, cityID: Int?, participantID: Int?, actor: String)
        async throws -> String
    {
        var problems: [String] = []
        if !isEmailAddress(email) { problems.append("E-mail: '\(email)' is geen e-mailadres.") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Naam: vul de naam in.") }
        // A name is shown on every page the person acts on: a 20 KB "name" was accepted before.
        if name.count > Self.nameLimit {
            problems.append("Naam: hoogstens \(Self.nameLimit) tekens (nu \(name.count)).")
        }
        if email.count > Self.nameLimit { problems.append("E-mail: hoogstens \(Self.nameLimit) tekens.") }
        if role != .staff, cityID == nil { problems.append("Stad: een \(role.label) hoort bij een stad.") }
        if role == .participant, participantID == nil {
            problems.append("Deelnemer: kies de deelnemer die dit account krijgt.")
        }
        guard problems.isEmpty else { throw ProgrammeError.invalid(problems) }
        // One person, one account: an existing account is invited into another programme (a membership), never
        // given a second account; a second role in the same programme is refused.
        if let existing = try await account(email: email) {
            if role == .staff || existing.role == .staff {
                throw ProgrammeError.duplicate("E-mail: er bestaat al een account voor \(email).")
            }
            if let cityID, let programmeID = try await Self.programme(ofCity: cityID, store.sql),
                existing.memberships.contains(where: { $0.programmeID == programmeID })
            {
                throw ProgrammeError.duplicate(
                    "E-mail: \(email) heeft al een rol in dit programma; wijzig die bij de accounts.")
            }
        }
        if let cityID,
            try await store.sql.select().column("id").from("programme_cities").where("id", .equal, cityID).first()
                == nil
        {
            throw ProgrammeError.invalid(["Stad: deze stad bestaat niet (meer); kies een stad uit de lijst."])
        }
        let token = Self.randomToken()
        try await store.transaction { sql in
            try await sql.insert(into: "invitations")
                .columns(
                    "token_hash", "email", "name", "role", "city_id", "participant_id", "created_by", "created_at",
                    "expires_at"
                )
                .values(
                    SQLBind(Self.hash(token)), SQLBind(email.lowercased()), SQLBind(name), SQLBind(role.rawValue),
                    SQLBind(cityID),
                    SQLBind(participantID), SQLBind(actor), SQLBind(nowSeconds),
                    SQLBind(nowSeconds + Self.invitationDays * 86400)
                )
                .run()
            // The log names the link only by the start of its hash: whoever reads the log cannot use it.
            try await AuditLog.record(
                sql, actor: actor, action: "uitnodiging gemaakt", subject: email.lowercased(),
                detail: "\(role.label); link \(Self.reference(token))")
        }
        return token
    }

    /// The invitation a token opens, if it is unused and not expired.
    public func invitation(token: String) async throws -> Invitation? {
        guard
            let row = try await store.sql.select().column("*").from("invitations").where(
                "token_hash", .equal, Self.hash(token)
            )
            .where("used_at", .is, SQLLiteral.null).where("expires_at", .greaterThan, nowSeconds).first()
        else { return nil }
        return try Rows.decode(InvitationRow.self, row).invitation
    }

    /// Uses the invitation once and creates the account. A second use of the same link is refused.
    public func accept(token: String, passwordHash: String) async throws -> Account {
        guard let invitation = try await invitation(token: token) else {
            throw ProgrammeError.refused(
                "Deze uitnodigingslink is ongeldig, al gebruikt of verlopen. Vraag het programmabureau om een nieuwe.")
        }
        return try await store.transaction { sql in
            let claimed = try await sql.update("invitations").set("used_at", to: SQLBind(nowSeconds))
                .where("token_hash", .equal, Self.hash(token)).where("used_at", .is, SQLLiteral.null)
                .where("expires_at", .greaterThan, nowSeconds).returning("email").all()
            guard !claimed.isEmpty else { throw ProgrammeError.refused("Deze uitnodigingslink is al gebruikt.") }
            if try await sql.select().column("id").from("users").where("email", .equal, invitation.email).first() != nil
            {
                throw ProgrammeError.duplicate(
                    "Er bestaat al een account voor \(invitation.email). Log in of vraag een nieuw wachtwoord aan.")
            }
            let id = try await sql.insert(into: "users").columns(
                "email", "name", "password_hash", "role", "city_id", "participant_id", "created_at"
            )
            .values(
                SQLBind(invitation.email), SQLBind(invitation.name), SQLBind(passwordHash),
                SQLBind(invitation.role.rawValue),
                SQLBind(invitation.cityID), SQLBind(invitation.participantID), SQLBind(nowSeconds)
            )
            .returning("id").first(decodingColumn: "id", as: Int.self)!
            if let cityID = invitation.cityID {
                try await Self.saveMembership(
                    userID: id, role: invitation.role, cityID: cityID, participantID: invitation.participantID,
                    at: nowSeconds, sql)
            }
            try await AuditLog.record(
                sql, actor: invitation.email, action: "account aangemaakt", subject: invitation.email,
                detail: invitation.role.label)
            var account = Account(
                id: id, email: invitation.email, name: invitation.name, passwordHash: passwordHash,
                role: invitation.role,
                cityID: invitation.cityID, participantID: invitation.participantID)
            if let cityID = invitation.cityID, let programmeID = try await Self.programme(ofCity: cityID, sql) {
                account.memberships = [
                    Membership(
                        programmeID: programmeID, role: invitation.role, cityID: cityID,
                        participantID: invitation.participantID)
                ]
            }
            return account
        }
    }

    // MARK: Accounts

    public func account(email: String) async throws -> Account? {
        guard
            var account = try await store.sql.select().column("*").from("users")
                .where("email", .equal, email.lowercased()).first().map(Self.account)
        else { return nil }
        account.memberships = try await memberships(of: [account.id])[account.id] ?? []
        return account
    }

    public func account(id: Int) async throws -> Account? {
        guard
            var account = try await store.sql.select().column("*").from("users").where("id", .equal, id).first()
                .map(Self.account)
        else { return nil }
        account.memberships = try await memberships(of: [id])[id] ?? []
        return account
    }

    public func accounts() async throws -> [Account] {
        var all = try await store.sql.select().column("*").from("users").orderBy("role").orderBy("email").all()
            .map(Self.account)
        let memberships = try await memberships(of: all.map(\.id))
        for index in all.indices { all[index].memberships = memberships[all[index].id] ?? [] }
        return all
    }

    public func setPassword(userID: Int, hash: String, actor: String) async throws {
        try await store.transaction { sql in
            try await sql.update("users").set("password_hash", to: SQLBind(hash)).where("id", .equal, userID).run()
            // Other sessions of this account end: a changed password must lock out whoever knew the old one.
            try await sql.delete(from: "sessions").where("user_id", .equal, userID).run()
            try await AuditLog.record(sql, actor: actor, action: "wachtwoord gewijzigd", subject: actor)
        }
    }

    static func account(_ row: any SQLRow) throws -> Account {
        try Rows.decode(AccountRow.self, row).account
    }

    // MARK: Sessions (in the database, so every instance behind a load balancer knows them)

    /// Starts a session, anonymous or for a user, and returns its token (for the cookie; only the hash is stored).
    public func startSession(userID: Int?) async throws -> (token: String, csrf: String) {
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        try await store.sql.insert(into: "sessions").columns(
            "token_hash", "user_id", "csrf", "created_at", "expires_at"
        )
        .values(
            SQLBind(Self.hash(token)), SQLBind(userID), SQLBind(csrf), SQLBind(nowSeconds),
            SQLBind(nowSeconds + Self.sessionLifetime)
        )
        .run()
        return (token, csrf)
    }

    public func session(token: String) async throws -> Session? {
        guard
            let row = try await store.sql.select().column("*").from("sessions").where(
                "token_hash", .equal, Self.hash(token)
            )
            .where("expires_at", .greaterThan, nowSeconds).first()
        else { return nil }
        let session = try Rows.decode(SessionRow.self, row)
        return Session(userID: session.userId, csrf: session.csrf)
    }

    public func endSession(token: String) async throws {
        try await store.sql.delete(from: "sessions").where("token_hash", .equal, Self.hash(token)).run()
        try await store.sql.delete(from: "sessions").where("expires_at", .lessThanOrEqual, nowSeconds).run()
    }

    // MARK: Login throttling

    /// Starts an attempt: a row counted as a failure until the attempt succeeds (`clearFailures`) or the throttle
    /// refuses it (`forget`). Written before the password is checked, so attempts that run at the same time see each
    /// other and cannot all pass through the same gap in the throttle.
    public func beginAttempt(kind: String = "inloggen", email: String, client: String) async throws -> Int {
        // Only the last day matters for throttling; older rows are dropped so the table stays small.
        try await store.sql.delete(from: "login_failures").where("at", .lessThan, nowMillis - 86_400_000).run()
        return try await store.sql.insert(into: "login_failures").columns("kind", "email", "client", "at")
            .values(SQLBind(kind), SQLBind(email.lowercased()), SQLBind(client), SQLBind(nowMillis))
            .returning("id").first(decodingColumn: "id", as: Int.self)!
    }

    /// Failures in the last `window` seconds before attempt `id`: for the account's address (from any client) and
    /// from the client (for any address). `last` is in milliseconds.
    public func failures(
        before id: Int, kind: String = "inloggen", email: String, client: String,
        window: Int
    ) async throws -> (account: LoginThrottle.Failures, client: LoginThrottle.Failures) {
        func failures(_ column: String, _ value: String) async throws -> LoginThrottle.Failures {
            let row = try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .column(SQLFunction("MAX", args: SQLIdentifier("at")), as: "last")
                .from("login_failures").where(SQLIdentifier(column), .equal, SQLBind(value)).where("kind", .equal, kind)
                .where("id", .lessThan, id).where("at", .greaterThan, nowMillis - window * 1000)
                .first()
            return .init(
                count: try row?.decode(column: "n", as: Int.self) ?? 0,
                last: try row?.decode(column: "last", as: Int?.self))
        }
        return (try await failures("email", email.lowercased()), try await failures("client", client))
    }

    /// An attempt the throttle refused is not counted: hammering must not lengthen anyone's wait.
    public func forget(attempt id: Int) async throws {
        try await store.sql.delete(from: "login_failures").where("id", .equal, id).run()
    }

    /// After a successful login the account's own count starts again; the client's count stays.
    public func clearFailures(email: String) async throws {
        try await store.sql.delete(from: "login_failures").where("email", .equal, email.lowercased())
            .where("kind", .equal, "inloggen").run()
    }

    // MARK: Tokens

    static func randomToken() -> String {
        // SystemRandomNumberGenerator: cryptographically secure.
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_"
        )
        .replacingOccurrences(of: "=", with: "")
    }

    /// How the audit log refers to a link: the first 12 hex digits of its token's hash.
    static func reference(_ token: String) -> String { "#" + hash(token).prefix(12) }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
