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

    public static let anonymous = Viewer(userID: nil, email: "", name: "", role: nil, cityID: nil, participantID: nil)

    public init(userID: Int?, email: String, name: String, role: Role?, cityID: Int?, participantID: Int?) {
        (self.userID, self.email, self.name, self.role, self.cityID, self.participantID) = (
            userID, email, name, role, cityID, participantID
        )
    }

    public var isStaff: Bool { role == .staff }
    public var isSignedIn: Bool { userID != nil }

    /// Wijk description, the city's participants and their registrations.
    public func mayManage(city: Int) -> Bool {
        isStaff || (role == .coordinator && cityID == city)
    }
}
