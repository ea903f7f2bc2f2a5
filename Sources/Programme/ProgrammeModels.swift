/// A learning programme: a round of theme meetings for a group of cities. Several can exist side by side.
public struct ProgrammeInfo: Sendable, Equatable {
    public var id: Int
    public var slug: String
    public var name: String
    public var organiser: String
    public var startsOn: Day
    public var endsOn: Day
    public var summary: String
    /// Where the facts about the programme come from.
    public var source: String
    /// How many cities take part when the programme is complete (twelve in the 2016–2017 round), if fixed.
    public var plannedCities: Int?

    public init(
        id: Int = 0, slug: String, name: String, organiser: String, startsOn: Day, endsOn: Day, summary: String,
        source: String,
        plannedCities: Int? = nil
    ) {
        (self.id, self.slug, self.name, self.organiser) = (id, slug, name, organiser)
        (self.startsOn, self.endsOn, self.summary, self.source, self.plannedCities) = (
            startsOn, endsOn, summary, source, plannedCities
        )
    }

    public func contains(_ day: Day) -> Bool { startsOn <= day && day <= endsOn }
}

/// What the programme compares wijken on; each described in words with the source of the words.
public enum DescriptorField: String, CaseIterable, Sendable, Codable {
    case challenge, buildPeriod, size, location, population, earlierApproaches, note

    public var label: String {
        switch self {
        case .challenge: "Soort opgave"
        case .buildPeriod: "Bouwperiode"
        case .size: "Omvang"
        case .location: "Ligging in de gemeente"
        case .population: "Bevolkingssamenstelling"
        case .earlierApproaches: "Eerdere wijkaanpakken"
        case .note: "Opmerking"
        }
    }
}

public struct Descriptor: Sendable, Equatable, Codable {
    public var field: DescriptorField
    public var value: String
    public var source: String

    public init(field: DescriptorField, value: String, source: String) {
        (self.field, self.value, self.source) = (field, value, source)
    }
}

/// Where in the municipality a wijk lies: the structured part of "ligging", so wijken can be grouped.
public enum LocationKind: String, CaseIterable, Sendable, Codable {
    case unknown = "", centre = "centrum", prewar = "vooroorlogse-schil", postwar = "naoorlogse-uitbreiding", edge =
        "stadsrand", village = "kern"

    public var label: String {
        switch self {
        case .unknown: "onbekend"
        case .centre: "(binnen)stad"
        case .prewar: "vooroorlogse schil"
        case .postwar: "naoorlogse uitbreidingswijk"
        case .edge: "stadsrand"
        case .village: "dorps- of stadskern in de gemeente"
        }
    }
}

/// A participating city and its programme wijk.
public struct ProgrammeCity: Sendable, Equatable {
    public var id: Int
    public var programmeID: Int
    public var municipalityCode: String
    public var cityName: String
    public var wijkName: String
    /// The focus area of CBS regions that stands for the wijk, when one is linked.
    public var focusAreaSlug: String?
    public var buildFrom: Int?
    public var buildTo: Int?
    public var inhabitants: Int?
    public var locationKind: LocationKind
    public var descriptors: [Descriptor]
    /// Where the city and wijk name come from.
    public var source: String
    public var version: Int

    public init(
        id: Int = 0, programmeID: Int, municipalityCode: String, cityName: String, wijkName: String,
        focusAreaSlug: String? = nil, buildFrom: Int? = nil, buildTo: Int? = nil, inhabitants: Int? = nil,
        locationKind: LocationKind = .unknown, descriptors: [Descriptor] = [], source: String, version: Int = 1
    ) {
        (self.id, self.programmeID, self.municipalityCode, self.cityName, self.wijkName) = (
            id, programmeID, municipalityCode, cityName, wijkName
        )
        (self.focusAreaSlug, self.buildFrom, self.buildTo, self.inhabitants) = (
            focusAreaSlug, buildFrom, buildTo, inhabitants
        )
        (self.locationKind, self.descriptors, self.source, self.version) = (locationKind, descriptors, source, version)
    }

    public func descriptor(_ field: DescriptorField) -> Descriptor? { descriptors.first { $0.field == field } }
}

public struct Participant: Sendable, Equatable {
    public var id: Int
    public var programmeID: Int
    public var cityID: Int
    public var name: String
    public var email: String
    public var organisation: String
    public var discipline: String
    /// What the person does in the wijkaanpak, in their own words.
    public var role: String
    public var involvedInWijkaanpak: Bool
    public var version: Int

    public init(
        id: Int = 0, programmeID: Int, cityID: Int, name: String, email: String, organisation: String,
        discipline: String, role: String, involvedInWijkaanpak: Bool, version: Int = 1
    ) {
        (self.id, self.programmeID, self.cityID, self.name, self.email) = (id, programmeID, cityID, name, email)
        (self.organisation, self.discipline, self.role, self.involvedInWijkaanpak, self.version) = (
            organisation, discipline, role, involvedInWijkaanpak, version
        )
    }

    public var asRulePerson: RegistrationRules.Person {
        .init(
            name: name, organisation: organisation, discipline: discipline, involvedInWijkaanpak: involvedInWijkaanpak)
    }
}

public struct Theme: Sendable, Equatable {
    public var id: Int
    public var programmeID: Int
    public var title: String
    public var summary: String
    /// Order of proposal: the last tie-break of the tally.
    public var position: Int

    public init(id: Int = 0, programmeID: Int, title: String, summary: String, position: Int = 0) {
        (self.id, self.programmeID, self.title, self.summary, self.position) = (
            id, programmeID, title, summary, position
        )
    }
}

/// A city's ranking of the candidate themes, best first.
public struct Ballot: Sendable, Equatable {
    public var cityID: Int
    public var ranking: [Int]
    public var submittedBy: String

    public init(cityID: Int, ranking: [Int], submittedBy: String) {
        (self.cityID, self.ranking, self.submittedBy) = (cityID, ranking, submittedBy)
    }
}

/// The themes staff fixed: the tally's outcome confirmed, or another choice with the reason.
public struct ThemeDecision: Sendable, Equatable {
    public var themeIDs: [Int]
    public var followsTally: Bool
    public var reason: String
    public var decidedBy: String
    public var decidedAt: Int

    public init(themeIDs: [Int], followsTally: Bool, reason: String, decidedBy: String, decidedAt: Int) {
        (self.themeIDs, self.followsTally, self.reason, self.decidedBy, self.decidedAt) = (
            themeIDs, followsTally, reason, decidedBy, decidedAt
        )
    }
}
