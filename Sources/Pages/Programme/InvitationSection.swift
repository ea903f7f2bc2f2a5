import Core
import HTML

/// The invitations nobody has used yet, on the staff page: who, for what, until when, made again with a new link
/// (shown once to whoever asks, for when no mail server is set) or revoked.
public enum InvitationSection {
    public struct Line: Sendable {
        public var reference: String
        public var name: String
        public var email: String
        public var role: String
        public var city: String?
        public var madeBy: String
        public var validUntil: String

        public init(
            reference: String, name: String, email: String, role: String, city: String?, madeBy: String,
            validUntil: String
        ) {
            (self.reference, self.name, self.email, self.role, self.city) = (reference, name, email, role, city)
            (self.madeBy, self.validUntil) = (madeBy, validUntil)
        }
    }

    public static func render(_ lines: [Line], csrf: String) -> Node {
        section(.aria("labelledby", "uitnodigingen")) {
            h2(.id("uitnodigingen")) { "Openstaande uitnodigingen" }
            if lines.isEmpty {
                p { "Er staan geen uitnodigingen open." }
            } else {
                p(.class("meta")) {
                    "Een nieuwe link maakt de oude ongeldig; Wijkradar bewaart geen links, dus een verloren link is alleen zo te vervangen."
                }
                div(.class("table-scroll")) {
                    table(.class("figures")) {
                        caption { DutchFormat.count(lines.count, "uitnodiging", "uitnodigingen") }
                        thead {
                            tr {
                                for title in ["Naam", "E-mail", "Rol", "Stad", "Gemaakt door", "Geldig tot", "Acties"] {
                                    th(.scope("col")) { title }
                                }
                            }
                        }
                        tbody {
                            for line in lines {
                                tr {
                                    th(.scope("row")) { line.name }
                                    td { line.email }; td { line.role }; td { line.city ?? "–" }
                                    td { line.madeBy }; td { line.validUntil }
                                    td {
                                        Forms.button(
                                            "Nieuwe link", action: SiteURL.adminInvitationResend(line.reference).path,
                                            csrf: csrf, secondary: true)
                                        " "
                                        Forms.button(
                                            "Intrekken", action: SiteURL.adminInvitationRevoke(line.reference).path,
                                            csrf: csrf, secondary: true,
                                            confirm:
                                                "De uitnodiging van \(line.name) intrekken? De link werkt dan niet meer."
                                        )
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
