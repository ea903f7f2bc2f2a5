/// The participant list of a meeting as CSV (semicolon, as Dutch spreadsheet programs open it by default).
public enum ParticipantList {
    public static func csv(_ rows: [RegistrationEntry]) -> String {
        var lines = ["stad;naam;e-mail;organisatie;discipline;rol in de wijkaanpak;status;aanwezig"]
        for row in rows {
            let p = row.participant
            let attended = row.registration.attended.map { $0 ? "ja" : "nee" } ?? ""
            lines.append([row.city, p.name, p.email, p.organisation, p.discipline, p.role, row.registration.status.rawValue, attended]
                .map(field).joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ";\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
