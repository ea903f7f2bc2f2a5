/// A theme meeting: hosted by one wijk, a kick-off by an external expert, 3–4 wijken presenting, a project visit.
public struct Meeting: Sendable, Equatable {
    public struct AgendaItem: Sendable, Equatable, Codable {
        public var time: ClockTime
        public var item: String

        public init(time: ClockTime, item: String) { (self.time, self.item) = (time, item) }
    }

    public struct Presentation: Sendable, Equatable, Codable {
        public var cityID: Int
        public var title: String

        public init(cityID: Int, title: String) { (self.cityID, self.title) = (cityID, title) }
    }

    public var id: Int
    public var programmeID: Int
    public var number: Int
    public var themeID: Int?
    public var title: String
    public var date: Day
    public var startTime: ClockTime
    public var endTime: ClockTime
    public var hostCityID: Int?
    public var venue: String
    public var address: String
    public var expert: String
    public var kickoffTitle: String
    public var projectVisit: String
    public var workForms: String
    /// Places in the venue; nil when the only limit is the programme's per-city rule.
    public var capacity: Int?
    public var agenda: [AgendaItem]
    public var presentations: [Presentation]
    public var published: Bool
    public var version: Int

    public init(
        id: Int = 0, programmeID: Int, number: Int, themeID: Int? = nil, title: String, date: Day,
        startTime: ClockTime, endTime: ClockTime, hostCityID: Int? = nil, venue: String = "", address: String = "",
        expert: String = "", kickoffTitle: String = "", projectVisit: String = "", workForms: String = "",
        capacity: Int? = nil, agenda: [AgendaItem] = [], presentations: [Presentation] = [],
        published: Bool = false, version: Int = 1
    ) {
        (self.id, self.programmeID, self.number, self.themeID, self.title, self.date) = (
            id, programmeID, number, themeID, title, date
        )
        (self.startTime, self.endTime, self.hostCityID, self.venue, self.address) = (
            startTime, endTime, hostCityID, venue, address
        )
        (self.expert, self.kickoffTitle, self.projectVisit, self.workForms, self.capacity) = (
            expert, kickoffTitle, projectVisit, workForms, capacity
        )
        (self.agenda, self.presentations, self.published, self.version) = (agenda, presentations, published, version)
    }

    /// Venue and address as one line, for e-mails and calendars.
    public var location: String { [venue, address].filter { !$0.isEmpty }.joined(separator: ", ") }

    /// Problems that stop a meeting from being saved, in Dutch, each naming its field.
    public func problems(in programme: ProgrammeInfo) -> [String] {
        var result: [String] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { result.append("Titel: vul een titel in.") }
        if !programme.contains(date) {
            result.append(
                "Datum: \(date.dutch) ligt buiten de programmaperiode (\(programme.startsOn.dutch) – \(programme.endsOn.dutch))."
            )
        }
        if endTime <= startTime { result.append("Eindtijd: \(endTime) ligt niet na de begintijd \(startTime).") }
        if !presentations.isEmpty, !(3...4).contains(presentations.count) {
            result.append(
                "Presentaties: een bijeenkomst heeft 3 of 4 presenterende wijken, niet \(presentations.count).")
        }
        if Set(presentations.map(\.cityID)).count != presentations.count {
            result.append("Presentaties: een wijk presenteert één keer per bijeenkomst.")
        }
        if let capacity, capacity < 1 {
            result.append("Capaciteit: geef een positief aantal plaatsen of laat het veld leeg.")
        }
        // Agenda times are checked against the day only when the day itself is valid.
        for item in agenda where endTime > startTime && (item.time < startTime || item.time > endTime) {
            result.append("Programma: \(item.time) (\(item.item)) valt buiten \(startTime)–\(endTime).")
        }
        return result
    }
}

/// A registration with the person and their city's name: one row of a meeting's list.
public struct RegistrationEntry: Sendable, Equatable {
    public var registration: Registration
    public var participant: Participant
    public var city: String

    public init(registration: Registration, participant: Participant, city: String) {
        (self.registration, self.participant, self.city) = (registration, participant, city)
    }
}

public struct Registration: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case registered = "aangemeld", waiting = "wachtlijst", cancelled = "afgemeld"
    }

    public var id: Int
    public var meetingID: Int
    public var participantID: Int
    public var status: Status
    /// nil until staff record attendance after the meeting.
    public var attended: Bool?
    public var createdAt: Int

    public init(id: Int, meetingID: Int, participantID: Int, status: Status, attended: Bool?, createdAt: Int) {
        (self.id, self.meetingID, self.participantID, self.status, self.attended, self.createdAt) = (
            id, meetingID, participantID, status, attended, createdAt
        )
    }
}
