import Core
import Mail

/// The e-mails the programme sends, in Dutch.
public enum MailText {
    static func when(_ meeting: Meeting) -> String {
        "\(meeting.date.dutch), \(meeting.startTime)–\(meeting.endTime)"
    }

    static func place(_ meeting: Meeting) -> String {
        meeting.location.isEmpty ? "wordt nog bekendgemaakt" : meeting.location
    }

    public static func registered(_ p: Participant, meeting: Meeting, url: String, status: Registration.Status)
        -> MailMessage
    {
        let head =
            status == .waiting
            ? "U staat op de wachtlijst voor \(meeting.title). U schuift door zodra er een plaats vrijkomt; u krijgt dan bericht."
            : "U bent aangemeld voor \(meeting.title)."
        return MailMessage(
            to: p.email, subject: (status == .waiting ? "Wachtlijst: " : "Aanmelding: ") + meeting.title,
            body: """
                Beste \(p.name),

                \(head)

                Wanneer: \(when(meeting))
                Waar: \(place(meeting))
                Programma en agenda-bestand: \(url)

                Afmelden kan via dezelfde pagina.

                Met vriendelijke groet,
                het programmabureau
                """)
    }

    public static func promoted(_ p: Participant, meeting: Meeting, url: String) -> MailMessage {
        MailMessage(
            to: p.email, subject: "Plaats vrijgekomen: " + meeting.title,
            body: """
                Beste \(p.name),

                Er is een plaats vrijgekomen. U bent nu aangemeld voor \(meeting.title).

                Wanneer: \(when(meeting))
                Waar: \(place(meeting))
                Meer informatie: \(url)

                Met vriendelijke groet,
                het programmabureau
                """)
    }

    public static func reminder(_ p: Participant, meeting: Meeting, url: String) -> MailMessage {
        MailMessage(
            to: p.email, subject: "Herinnering: " + meeting.title,
            body: """
                Beste \(p.name),

                Herinnering: u bent aangemeld voor \(meeting.title).

                Wanneer: \(when(meeting))
                Waar: \(place(meeting))
                Programma: \(url)

                Kunt u niet komen? Meld u dan af via de pagina, zodat iemand van de wachtlijst kan komen.

                Met vriendelijke groet,
                het programmabureau
                """)
    }

    public static func invitation(to email: String, name: String, role: Role, link: String, validDays: Int)
        -> MailMessage
    {
        MailMessage(
            to: email, subject: "Uitnodiging voor Wijkradar",
            body: """
                Beste \(name),

                U bent uitgenodigd voor Wijkradar als \(role.label). Kies uw wachtwoord via deze link (\(validDays) dagen geldig,
                één keer te gebruiken):

                \(link)

                Met vriendelijke groet,
                het programmabureau
                """)
    }

    public static func passwordReset(to email: String, name: String, link: String, validHours: Int) -> MailMessage {
        MailMessage(
            to: email, subject: "Nieuw wachtwoord voor Wijkradar",
            body: """
                Beste \(name),

                Iemand (hopelijk u) heeft een nieuw wachtwoord gevraagd voor uw account bij Wijkradar. Kies het via deze link
                (\(validHours) uur geldig, één keer te gebruiken):

                \(link)

                Heeft u dit niet gevraagd? Dan hoeft u niets te doen: uw huidige wachtwoord blijft gelden.

                Met vriendelijke groet,
                het programmabureau
                """)
    }
}
