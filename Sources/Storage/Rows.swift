import Core
import Foundation
import Programme
import SQLKit

/// Table rows as Codable types, decoded by column name (snake_case → camelCase) instead of column by column; the
/// stores turn them into domain values. A value the schema cannot hold (an unknown role, a date that is not one)
/// is a damaged row, never a crash.
enum Rows {
    static func decode<T: Decodable>(_ type: T.Type, _ row: any SQLRow) throws -> T {
        try row.decode(model: T.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    static func damaged(_ table: String, _ what: String) -> StorageError { .damagedRow(dataset: table, region: what) }

    static func json<T: Decodable>(_ text: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}

struct AccountRow: Decodable {
    var id: Int
    var email, name, passwordHash, role: String
    var cityId, participantId: Int?
    var deactivatedAt: Int?

    var account: AccountStore.Account {
        get throws {
            guard let role = Role(rawValue: role) else { throw Rows.damaged("users", email) }
            return .init(
                id: id, email: email, name: name, passwordHash: passwordHash, role: role, cityID: cityId,
                participantID: participantId, deactivated: deactivatedAt != nil)
        }
    }
}

struct InvitationRow: Decodable {
    var email, name, role: String
    var cityId, participantId: Int?
    var expiresAt: Int

    var invitation: AccountStore.Invitation {
        get throws {
            guard let role = Role(rawValue: role) else { throw Rows.damaged("invitations", email) }
            return .init(
                email: email, name: name, role: role, cityID: cityId, participantID: participantId, expiresAt: expiresAt
            )
        }
    }
}

struct SessionRow: Decodable {
    var userId: Int?
    var csrf: String
}

struct AuditRow: Decodable {
    var at: Int
    var actor, action, subject, detail: String
}

struct ProgrammeRow: Decodable {
    var id: Int
    var slug, name, organiser, startsOn, endsOn, summary, source: String
    var plannedCities: Int?

    var programme: ProgrammeInfo {
        get throws {
            guard let start = Day(iso: startsOn), let end = Day(iso: endsOn) else {
                throw Rows.damaged("programmes", slug)
            }
            return ProgrammeInfo(
                id: id, slug: slug, name: name, organiser: organiser, startsOn: start, endsOn: end, summary: summary,
                source: source, plannedCities: plannedCities)
        }
    }
}

struct CityRow: Decodable {
    var id, programmeId, version: Int
    var municipalityCode, cityName, wijkName, locationKind, descriptors, source: String
    var focusAreaSlug: String?
    var buildFrom, buildTo, inhabitants: Int?

    var city: ProgrammeCity {
        get throws {
            ProgrammeCity(
                id: id, programmeID: programmeId, municipalityCode: municipalityCode, cityName: cityName,
                wijkName: wijkName,
                focusAreaSlug: focusAreaSlug, buildFrom: buildFrom, buildTo: buildTo, inhabitants: inhabitants,
                locationKind: LocationKind(rawValue: locationKind) ?? .unknown,
                descriptors: try Rows.json(descriptors, as: [Descriptor].self), source: source, version: version)
        }
    }
}

struct MeetingRow: Decodable {
    var id, programmeId, number, version: Int
    var themeId, hostCityId, capacity: Int?
    var title, date, startTime, endTime, venue, address, expert, kickoffTitle, projectVisit, workForms, agenda,
        presentations: String
    var published: Bool

    var meeting: Meeting {
        get throws {
            guard let day = Day(iso: date), let start = ClockTime(startTime), let end = ClockTime(endTime) else {
                throw Rows.damaged("meetings", title)
            }
            return Meeting(
                id: id, programmeID: programmeId, number: number, themeID: themeId, title: title, date: day,
                startTime: start,
                endTime: end, hostCityID: hostCityId, venue: venue, address: address, expert: expert,
                kickoffTitle: kickoffTitle,
                projectVisit: projectVisit, workForms: workForms, capacity: capacity,
                agenda: try Rows.json(agenda, as: [Meeting.AgendaItem].self),
                presentations: try Rows.json(presentations, as: [Meeting.Presentation].self), published: published,
                version: version)
        }
    }
}

/// A participant with the name of their organisation (`ParticipantStore.select` joins it in as `organisation`).
struct ParticipantRow: Decodable {
    var id, programmeId, cityId, version: Int
    var name, email, organisation, discipline, role: String
    var involved: Bool

    var participant: Participant {
        Participant(
            id: id, programmeID: programmeId, cityID: cityId, name: name, email: email, organisation: organisation,
            discipline: discipline, role: role, involvedInWijkaanpak: involved, version: version)
    }
}

struct RegistrationRow: Decodable {
    var id, meetingId, participantId, createdAt: Int
    var status: String
    var attended: Bool?

    var registration: Registration {
        Registration(
            id: id, meetingID: meetingId, participantID: participantId,
            status: Registration.Status(rawValue: status) ?? .cancelled,
            attended: attended, createdAt: createdAt)
    }
}
