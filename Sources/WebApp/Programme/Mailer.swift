import Core
import Mail
import Pages
import Programme
import Storage
import Vapor

/// Sends the programme's e-mails when a relay is configured. Mail goes out after the change is committed; a
/// failure is logged and written to the audit log, and never undoes the registration it reports on.
public struct Mailer: Sendable {
    let client: SMTPClient?
    let audit: AuditLog

    public init(client: SMTPClient?, audit: AuditLog) { (self.client, self.audit) = (client, audit) }

    public var isConfigured: Bool { client != nil }

    /// Sends each message; returns how many the relay accepted.
    @discardableResult
    public func send(_ messages: [MailMessage], logger: Logger) async -> Int {
        guard let client else { return 0 }
        var sent = 0
        for message in messages {
            do {
                try await client.send(message)
                sent += 1
            } catch {
                logger.warning("e-mail aan \(message.to) niet verstuurd: \(error)")
                try? await audit.record(
                    actor: "Wijkradar", action: "e-mail niet verstuurd", subject: message.to,
                    detail: "\(message.subject): \(error)")
            }
        }
        return sent
    }

    /// Reminds everyone registered for a meeting and records that the reminder went out; returns how many were sent.
    public func remind(
        _ meeting: Meeting, of programme: ProgrammeInfo, store: Store, publicURL: String, actor: String, logger: Logger
    ) async throws -> Int {
        let registered = try await RegistrationStore(store: store).rows(meetingID: meeting.id).filter {
            $0.registration.status == .registered
        }
        let url = publicURL + MeetingPage.path(programme, meeting)
        let sent = await send(
            registered.map { MailText.reminder($0.participant, meeting: meeting, url: url) }, logger: logger)
        try await MeetingStore(store: store).markReminded(meeting, sent: sent, actor: actor)
        return sent
    }
}
