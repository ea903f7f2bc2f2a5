/// One plain-text e-mail: read in every mail program. The programme writes them (`Programme.MailText`); this module
/// formats and sends them.
public struct MailMessage: Sendable, Equatable {
    public var to: String
    public var subject: String
    public var body: String

    public init(to: String, subject: String, body: String) { (self.to, self.subject, self.body) = (to, subject, body) }
}
