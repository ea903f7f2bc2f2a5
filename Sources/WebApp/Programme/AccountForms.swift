/// The account forms, field by field as the pages name them.
struct LoginForm: Decodable {
    var email: String
    var password: String
    var back: String

    enum CodingKeys: String, CodingKey { case email, password = "wachtwoord", back = "terug" }
}

/// A new password with its repetition (accepting an invitation, a reset link).
struct NewPasswordForm: Decodable {
    var password: String
    var repeated: String

    enum CodingKeys: String, CodingKey { case password = "wachtwoord", repeated = "herhaling" }
}

struct PasswordChangeForm: Decodable {
    var current: String
    var new: String

    enum CodingKeys: String, CodingKey { case current = "huidig", new = "nieuw" }
}

struct ProfileForm: Decodable {
    var name: String
    var email: String
    var organisation: String
    var discipline: String
    var role: String
    var involved: Bool
    var version: Int?

    enum CodingKeys: String, CodingKey {
        case name = "naam", email, organisation = "organisatie", discipline, role = "rol", involved = "betrokken",
            version = "versie"
    }
}

/// A participant as the city's coordinator adds or changes one (`id` and `version` when changing).
struct ParticipantForm: Decodable {
    var id: Int?
    var version: Int?
    var name: String
    var email: String
    var organisation: String
    var discipline: String
    var role: String
    var involved: Bool

    enum CodingKeys: String, CodingKey {
        case id, version = "versie", name = "naam", email, organisation = "organisatie", discipline, role = "rol",
            involved = "betrokken"
    }
}

struct InviteForm: Decodable {
    var name: String
    var email: String
    var role: String
    var city: Int?

    enum CodingKeys: String, CodingKey { case name = "naam", email, role = "rol", city = "stad" }
}

struct EmailForm: Decodable {
    var email: String
}

/// A new round of a programme.
struct ProgrammeForm: Decodable {
    var slug, name, organiser, start, end, summary, source, cities: String

    enum CodingKeys: String, CodingKey {
        case slug, name = "naam", organiser = "organisator", start = "begin", end = "einde", summary = "beschrijving",
            source = "bron"
        case cities = "steden"
    }
}

/// A city and its wijk joining a programme.
struct CityForm: Decodable {
    var municipalityCode, city, wijk, source: String

    enum CodingKeys: String, CodingKey { case municipalityCode = "gemeentecode", city = "stad", wijk, source = "bron" }
}

/// Registering a participant for a meeting.
struct RegistrationForm: Decodable {
    var participant: Int?

    enum CodingKeys: String, CodingKey { case participant = "deelnemer" }
}
