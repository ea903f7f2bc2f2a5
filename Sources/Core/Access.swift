/// Who is asking, and what they may do. One table of rules for the whole programme, so every route asks the same
/// question the same way and the authorisation test can check it route by route.
public enum Role: String, Sendable, CaseIterable, Codable {
    case staff = "programmastaf", coordinator = "stadscoordinator", participant = "deelnemer"

    public var label: String {
        switch self {
        case .staff: "programmastaf"
        case .coordinator: "stadscoördinator"
        case .participant: "deelnemer"
        }
    }
}

public struct Viewer: Sendable, Equatable {
    public var userID: Int?
    public var email: String
    public var name: String
    public var role: Role?
    /// The city a coordinator or participant belongs to.
    public var cityID: Int?
    /// The participant record a participant account is.
    public var participantID: Int?
    /// What the person is in each programme: one account, a role and city per round (a coordinator of 2016 can be
    /// the coordinator of 2027 as well). `role`, `cityID` and `participantID` are the account's first.
    public var memberships: [Membership] = []
    /// True for a viewer built from a stored account: then only `memberships` give a city or a participant record,
    /// so ending a role ends its rights. A viewer made directly (`role`, `cityID`) keeps the one role it names.
    public var fromMemberships = false

    public static let anonymous = Viewer(userID: nil, email: "", name: "", role: nil, cityID: nil, participantID: nil)

    public init(userID: Int?, email: String, name: String, role: Role?, cityID: Int?, participantID: Int?) {
        (self.userID, self.email, self.name, self.role, self.cityID, self.participantID) = (
            userID, email, name, role, cityID, participantID
        )
    }

    public var isStaff: Bool { role == .staff }
    public var isSignedIn: Bool { userID != nil }

    /// The cities this person coordinates, in any programme.
    public var coordinatedCities: Set<Int> {
        let own = memberships.filter { $0.role == .coordinator }.compactMap(\.cityID)
        return Set(fromMemberships ? own : own + (role == .coordinator ? [cityID].compactMap { $0 } : []))
    }

    /// The participant records this person is, one per programme they take part in.
    public var participantIDs: Set<Int> {
        let own = memberships.compactMap(\.participantID)
        return Set(fromMemberships ? own : own + [participantID].compactMap { $0 })
    }

    /// Coordinates a city in this programme (or is staff).
    public func coordinates(programme: Int) -> Bool {
        isStaff || memberships.contains { $0.role == .coordinator && $0.programmeID == programme }
            || (!fromMemberships && role == .coordinator)
    }

    public var isCoordinator: Bool { !coordinatedCities.isEmpty }

    /// Wijk description, the city's participants and their registrations.
    public func mayManage(city: Int) -> Bool {
        isStaff || coordinatedCities.contains(city)
    }
}

/// A person's place in one programme: their role there, their city, and the participant record they are.
public struct Membership: Sendable, Equatable, Codable {
    public var programmeID: Int
    public var role: Role
    public var cityID: Int?
    public var participantID: Int?

    public init(programmeID: Int, role: Role, cityID: Int?, participantID: Int?) {
        (self.programmeID, self.role, self.cityID, self.participantID) = (programmeID, role, cityID, participantID)
    }
}
