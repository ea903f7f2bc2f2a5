import Mail
import Programme
import Storage
import Vapor

/// Sends the programme's e-mails when a relay is configured. Mail goes out after the change is committed; a
/// failure is logged and written to the audit log, and never undoes the registration it reports on.
struct Mailer: Sendable {
    let client: SMTPClient?
    let audit: AuditLog

    var isConfigured: Bool { client != nil }

    func send(_ messages: [MailMessage], logger: Logger) async {
        guard let client else { return }
        for message in messages {
            do {
                try await client.send(message)
            } catch {
                logger.warning("e-mail aan \(message.to) niet verstuurd: \(error)")
                try? await audit.record(actor: "Wijkradar", action: "e-mail niet verstuurd", subject: message.to, detail: "\(message.subject): \(error)")
            }
        }
    }
}
