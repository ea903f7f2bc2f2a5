import Core
import Foundation
import NIOCore
import NIOPosix

/// Sends plain-text mail over SMTP (RFC 5321) to one relay, without TLS or login: Wijkradar hands its mail to a
/// relay on the same host or network (postfix, a provider's relay agent), which does encryption and delivery.
public struct SMTPClient: Sendable {
    public var host: String
    public var port: Int
    /// The sender address, e.g. "Programmabureau <wijken@platform31.nl>".
    public var from: String
    /// The name this host gives in EHLO.
    public var heloName: String

    public init(host: String, port: Int, from: String, heloName: String = "wijkradar.localhost") {
        (self.host, self.port, self.from, self.heloName) = (host, port, from, heloName)
    }

    public func send(_ message: MailMessage) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = ReplyReader(inbound.makeAsyncIterator())
            func command(_ line: String, expect codes: Set<Int>) async throws {
                if !line.isEmpty { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
                let reply = try await replies.next()
                guard codes.contains(reply.code) else {
                    throw SMTPError.rejected(command: line.isEmpty ? "begroeting" : line, reply: reply.text)
                }
            }
            try await command("", expect: [220])
            try await command("EHLO \(heloName)", expect: [250])
            try await command("MAIL FROM:<\(Self.address(from))>", expect: [250])
            try await command("RCPT TO:<\(Self.address(message.to))>", expect: [250, 251])
            try await command("DATA", expect: [354])
            try await outbound.write(ByteBuffer(string: MailFormat.render(message, from: from, date: Date()) + ".\r\n"))
            try await command("", expect: [250])
            try await command("QUIT", expect: [221])
        }
    }

    /// The bare address of "Name <a@b.nl>" or "a@b.nl".
    static func address(_ text: String) -> String {
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            return String(text[text.index(after: open)..<close])
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

public enum SMTPError: Error, CustomStringConvertible {
    case rejected(command: String, reply: String)
    case closed

    public var description: String {
        switch self {
        case .rejected(let command, let reply): "De mailserver weigerde '\(command)': \(reply)"
        case .closed: "De mailserver verbrak de verbinding."
        }
    }
}

/// Reads SMTP replies: lines "250-…" continue, "250 …" ends a reply.
struct ReplyReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) { self.iterator = iterator }

    mutating func next() async throws -> (code: Int, text: String) {
        var text: [String] = []
        while true {
            let line = try await nextLine()
            text.append(line)
            let chars = Array(line)
            if chars.count < 4 || chars[3] == " " {
                return (Int(String(chars.prefix(3))) ?? 0, text.joined(separator: " "))
            }
        }
    }

    private mutating func nextLine() async throws -> String {
        while true {
            if let range = pending.range(of: "\r\n") {
                let line = String(pending[..<range.lowerBound])
                pending.removeSubrange(..<range.upperBound)
                return line
            }
            guard var buffer = try await iterator.next() else { throw SMTPError.closed }
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
        }
    }
}
