import Core
import Foundation

/// An e-mail as RFC 5322 text: UTF-8 headers encoded per RFC 2047, the body in base64 so any relay passes it
/// unchanged, and no way for a value to add a header of its own.
enum MailFormat {
    static func render(_ message: MailMessage, from: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let domain = SMTPClient.address(from).split(separator: "@").last.map(String.init) ?? "wijkradar.localhost"
        let headers = [
            "From: " + mailbox(from), "To: " + mailbox(message.to), "Subject: " + encoded(message.subject),
            "Date: " + formatter.string(from: date), "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64",
        ]
        let body = Data(
            message.body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8
        )
        .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n"
    }

    /// A header value on one line: CR and LF removed (header injection), non-ASCII as an encoded word.
    static func encoded(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        return line.allSatisfy(\.isASCII) ? line : "=?utf-8?B?" + Data(line.utf8).base64EncodedString() + "?="
    }

    static func mailbox(_ text: String) -> String {
        let address = SMTPClient.address(text).replacingOccurrences(of: "\r", with: "").replacingOccurrences(
            of: "\n", with: "")
        guard let open = text.lastIndex(of: "<") else { return address }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? address : encoded(name) + " <" + address + ">"
    }
}
