import Core
import HTML

/// The conversation under an opgave: comments with their author and organisation, a form for those who may take
/// part, and for staff a way to hide a comment with a reason (it stays, marked, in the history).
public enum OpgaveConversation {
    public struct Line: Sendable {
        public var id: Int
        public var author: String
        public var organisation: String?
        public var body: String
        public var date: String
        /// (by whom, why) when staff hid it.
        public var hidden: (by: String, reason: String)?

        public init(
            id: Int, author: String, organisation: String?, body: String, date: String,
            hidden: (by: String, reason: String)?
        ) {
            (self.id, self.author, self.organisation, self.body, self.date, self.hidden) = (
                id, author, organisation, body, date, hidden
            )
        }
    }

    public static func render(
        opgave id: Int, _ lines: [Line], mayComment: Bool, mayModerate: Bool, csrf: String
    ) -> Node {
        section(.aria("labelledby", "gesprek")) {
            h2(.id("gesprek")) { "Gesprek" }
            if lines.isEmpty { p { "Nog geen reacties." } }
            ol(.class("comments")) {
                for line in lines {
                    li(.id("reactie-\(line.id)")) {
                        p(.class("meta")) {
                            strong { line.author }
                            (line.organisation.map { " (\($0))" } ?? "") + " · \(line.date)"
                        }
                        if let hidden = line.hidden {
                            p(.class("note")) { "Verborgen door de programmastaf: \(hidden.reason)" }
                            if mayModerate { p(.class("meta")) { "Tekst (alleen voor de staf): " + line.body } }
                        } else {
                            p { line.body }
                            if mayModerate {
                                form(
                                    .method("post"), .action(SiteURL.opgaveCommentHide(id, line.id).path),
                                    .class("inline")
                                ) {
                                    Forms.csrf(csrf)
                                    label(.for("reden-\(line.id)")) { "Reden " }
                                    input(.type("text"), .name("reden"), .id("reden-\(line.id)"))
                                    button(.type("submit"), .class("secondary")) { "Verbergen" }
                                }
                            }
                        }
                    }
                }
            }
            if mayComment {
                form(.method("post"), .action(SiteURL.opgaveComment(id).path), .class("stacked")) {
                    Forms.csrf(csrf)
                    Forms.area("Uw reactie", name: "reactie", value: "", required: true)
                    button(.type("submit")) { "Reageren" }
                }
            }
        }
    }
}
