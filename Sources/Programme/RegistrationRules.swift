/// The programme's rules for who may attend a theme meeting, applied when someone registers.
///
/// From the programme description: "Vanuit elke stad of regio kunnen twee of drie deelnemers de themabijeenkomsten
/// bijwonen (vanuit verschillende organisaties en disciplines) … voorwaarde is dat deelnemers zelf betrokken zijn
/// vanuit zijn of haar expertise bij de wijkaanpak."
public enum RegistrationRules {
    public static let maximumPerCity = 3
    public static let expectedPerCity = 2

    public struct Person: Sendable, Equatable {
        public var name: String
        public var organisation: String
        public var discipline: String
        public var involvedInWijkaanpak: Bool

        public init(name: String, organisation: String, discipline: String, involvedInWijkaanpak: Bool) {
            self.name = name
            self.organisation = organisation
            self.discipline = discipline
            self.involvedInWijkaanpak = involvedInWijkaanpak
        }
    }

    public enum Decision: Sendable, Equatable {
        case accepted
        /// The city's places are taken; the person waits for a cancellation.
        case waitingList(reason: String)
        case refused(reason: String)
    }

    /// - Parameter registered: people of the same city already registered (not on the waiting list) for the meeting.
    public static func decide(_ person: Person, registered: [Person]) -> Decision {
        guard person.involvedInWijkaanpak else {
            return .refused(
                reason:
                    "\(person.name) kan niet deelnemen: deelnemers moeten zelf vanuit hun expertise bij de wijkaanpak betrokken zijn."
            )
        }
        if let same = registered.first(where: { normalised($0.organisation) == normalised(person.organisation) }) {
            return .refused(
                reason:
                    "\(person.name) kan niet deelnemen: \(same.name) is al aangemeld namens \(same.organisation). Per stad komen deelnemers uit verschillende organisaties."
            )
        }
        if let same = registered.first(where: { normalised($0.discipline) == normalised(person.discipline) }) {
            return .refused(
                reason:
                    "\(person.name) kan niet deelnemen: \(same.name) is al aangemeld met de discipline \(same.discipline). Per stad komen deelnemers uit verschillende disciplines."
            )
        }
        if registered.count >= maximumPerCity {
            return .waitingList(
                reason:
                    "Er zijn al \(maximumPerCity) deelnemers uit deze stad aangemeld (het maximum). \(person.name) staat op de wachtlijst en schuift door als iemand afzegt."
            )
        }
        return .accepted
    }

    /// A note for staff when a city sends fewer people than the programme expects.
    public static func shortfall(registered: Int, city: String) -> String? {
        registered < expectedPerCity
            ? "\(city) heeft \(registered) deelnemer\(registered == 1 ? "" : "s") aangemeld; het programma verwacht er minstens \(expectedPerCity)."
            : nil
    }

    private static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Theme meetings rotate over the participating wijken; a wijk hosting twice while others have not is flagged.
public enum HostRotation {
    /// Warnings in Dutch, one per wijk that hosts more than once while another participating wijk has not hosted.
    public static func warnings(hosts: [String], participants: [String]) -> [String] {
        var count: [String: Int] = [:]
        for host in hosts { count[host, default: 0] += 1 }
        let notYet = participants.filter { count[$0] == nil }
        guard !notYet.isEmpty else { return [] }
        return count.filter { $0.value > 1 }.keys.sorted().map {
            "\($0) is \(count[$0]!) keer gastwijk, terwijl \(notYet.joined(separator: ", ")) nog geen bijeenkomst ontving."
        }
    }
}
