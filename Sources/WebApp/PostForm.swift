/// A blog post or news item as staff write it.
struct PostForm: Decodable {
    var kind, title, author, body, themes, wijken, cities, state, moment, note: String
    var version: Int?

    enum CodingKeys: String, CodingKey {
        case kind = "soort", title = "titel", author = "auteur", body = "tekst", themes = "themas", wijken, cities =
            "steden"
        case state = "status", moment, note = "notitie", version = "versie"
    }

    /// A comma-separated field as a list of names, as typed.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
