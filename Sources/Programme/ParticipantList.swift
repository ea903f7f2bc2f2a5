import Core

/// The participant list of a meeting as CSV in Dutch conventions (semicolon, UTF-8 with BOM), as staff open it in
/// Excel; quoting and formula defusing are `CSVWriter`'s.
public enum ParticipantList {
    public static func csv(_ rows: [RegistrationEntry]) -> String {
        var writer = CSVWriter(
            dialect: .dutch,
            header: [
                "stad", "naam", "e-mail", "organisatie", "discipline",
                "rol in de wijkaanpak", "status", "aanwezig",
            ])
        for row in rows {
            let p = row.participant
            let attended = row.registration.attended.map { $0 ? "ja" : "nee" } ?? ""
            writer.row(
                [
                    row.city, p.name, p.email, p.organisation, p.discipline, p.role, row.registration.status.rawValue,
                    attended,
                ].map(CSVWriter.Field.text))
        }
        return writer.text
    }
}
