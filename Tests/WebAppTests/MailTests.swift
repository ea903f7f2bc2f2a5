import Foundation
import Programme
import Storage
import Testing
import VaporTesting
@testable import WebApp
#if canImport(Glibc)
    import Glibc
#endif

/// E-mail through a real SMTP server: aiosmtpd (PyPI) on loopback, writing what it receives to a Maildir.
/// In CI it must be there (.ci/run installs it); elsewhere the test runs when it is installed.
@Suite(.serialized, .enabled(if: SMTPSink.available || ProcessInfo.processInfo.environment["CI"] != nil))
struct MailTests {
    @Test func confirmationWaitingListMoveUpReminderAndInvitationAreSent() async throws {
        let sink = try SMTPSink.start()
        defer { sink.stop() }
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp(smtpPort: sink.port) { app in
            var coordinator = try await Visitor.signedIn(app, "coord@example.nl")
            let meeting = "\(f.base)/bijeenkomst/\(f.meeting.id)"
            #expect(
                try await coordinator.post(meeting + "/aanmeldingen", ["deelnemer": "\(f.peopleA[0].id)"]).status
                    == .seeOther)
            var mails = try sink.waitForMessages(1)
            #expect(mails[0].to == "anna.emmen@example.nl")
            #expect(mails[0].subject == "Aanmelding: Bijeenkomst gezondheid")
            #expect(mails[0].body.contains("U bent aangemeld voor Bijeenkomst gezondheid."))
            #expect(mails[0].body.contains("Wanneer: \(ProgrammeWebFixture.day(30).dutch), 13:00–17:00"))
            #expect(mails[0].body.contains("Programma en agenda-bestand: http://wijkradar.test\(meeting)"))
            #expect(mails[0].from.contains("bureau@example.nl"))
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            #expect(try await staff.post(meeting + "/herinnering", [:]).status == .seeOther)
            mails = try sink.waitForMessages(2)
            #expect(mails[1].subject == "Herinnering: Bijeenkomst gezondheid")
            #expect(mails[1].to == "anna.emmen@example.nl")
            // Sent once: the scheduled run (`wijkradar programma herinneringen`) no longer finds this meeting due.
            #expect(
                try await MeetingStore(store: f.store).dueForReminder(programmeID: f.programme.id, within: 60).isEmpty)
            #expect(
                try await coordinator.post("\(f.base)/stad/\(f.cityA.id)/deelnemers/\(f.peopleA[1].id)/uitnodigen", [:])
                    .status == .seeOther)
            mails = try sink.waitForMessages(3)
            #expect(mails[2].to == "bram.emmen@example.nl" && mails[2].subject == "Uitnodiging voor Wijkradar")
            let link = try #require(
                mails[2].body.firstMatch(of: /http:\/\/wijkradar.test(\/uitnodiging\/[A-Za-z0-9_-]+)/).map {
                    String($0.1)
                })
            var bram = Visitor(app)
            #expect(try await bram.get(link).status == .ok)
            // Full city: the fourth waits (and is told so); a cancellation moves them up (and they are told that).
            for person in f.peopleA.dropFirst() {
                #expect(
                    try await coordinator.post(meeting + "/aanmeldingen", ["deelnemer": "\(person.id)"]).status
                        == .seeOther)
            }
            let fourth = try await ParticipantStore(store: f.store).add(
                Participant(
                    programmeID: f.programme.id, cityID: f.cityA.id, name: "Gert Emmen", email: "gert@example.nl",
                    organisation: "Politie",
                    discipline: "veiligheid", role: "wijkagent", involvedInWijkaanpak: true), actor: "test")
            #expect(
                try await coordinator.post(meeting + "/aanmeldingen", ["deelnemer": "\(fourth.id)"]).status == .seeOther
            )
            mails = try sink.waitForMessages(6)
            #expect(mails[5].to == "gert@example.nl" && mails[5].subject == "Wachtlijst: Bijeenkomst gezondheid")
            let anna = try await RegistrationStore(store: f.store).rows(meetingID: f.meeting.id).first {
                $0.participant.id == f.peopleA[0].id
            }!
            #expect(
                try await coordinator.post(meeting + "/aanmeldingen/\(anna.registration.id)/afmelden", [:]).status
                    == .seeOther)
            mails = try sink.waitForMessages(7)
            #expect(
                mails[6].to == "gert@example.nl" && mails[6].subject == "Plaats vrijgekomen: Bijeenkomst gezondheid")
            #expect(mails[6].body.contains("U bent nu aangemeld voor Bijeenkomst gezondheid."))
        }
        await f.store.close()
    }
}

extension MailTests {
    /// A forgotten password by e-mail: the same answer for an address with and without an account; one mail, whose
    /// link sets a new password once.
    @Test func aForgottenPasswordIsResetThroughTheMailedLink() async throws {
        let sink = try SMTPSink.start()
        defer { sink.stop() }
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp(smtpPort: sink.port) { app in
            var visitor = Visitor(app)
            _ = try await visitor.get("/wachtwoord-vergeten")
            let unknown = try await visitor.post("/wachtwoord-vergeten", ["email": "niemand@example.nl"])
            let known = try await visitor.post("/wachtwoord-vergeten", ["email": "Coord@Example.nl"])
            // Asking again right away makes no second link (the first one, in the mailbox, keeps working).
            _ = try await visitor.post("/wachtwoord-vergeten", ["email": "coord@example.nl"])
            #expect(unknown.status == .ok && known.status == .ok)
            #expect(unknown.text.contains("Als er een account is voor niemand@example.nl"))
            #expect(known.text.contains("Als er een account is voor coord@example.nl"))
            let mails = try sink.waitForMessages(1)
            try await Task.sleep(for: .milliseconds(500))
            #expect(try sink.waitForMessages(1).count == 1)
            #expect(
                mails.count == 1 && mails[0].to == "coord@example.nl"
                    && mails[0].subject == "Nieuw wachtwoord voor Wijkradar")
            let link = try #require(
                mails[0].body.firstMatch(of: /http:\/\/wijkradar.test(\/wachtwoord\/[A-Za-z0-9_-]+)/).map {
                    String($0.1)
                })
            var owner = Visitor(app)
            _ = try await owner.get(link)
            #expect(
                try await owner.post(
                    link, ["wachtwoord": "fietsen langs de Hunze", "herhaling": "fietsen langs de Hunze"]
                ).status == .seeOther)
            #expect(try await owner.get(link).status == .notFound)
            // A fifth request in a quarter is the last one a client gets.
            for _ in 0..<2 { _ = try await visitor.post("/wachtwoord-vergeten", ["email": "niemand@example.nl"]) }
            let refused = try await visitor.post("/wachtwoord-vergeten", ["email": "niemand@example.nl"])
            #expect(
                refused.status == .tooManyRequests && refused.text.contains("probeer het over een kwartier"),
                "\(refused.status) \(refused.text.prefix(3000))")
        }
        await f.store.close()
    }
}

/// aiosmtpd in a child process, with a Maildir to read the messages from.
struct SMTPSink {
    struct Message {
        var from: String
        var to: String
        var subject: String
        var body: String
    }

    let process: Process
    let port: Int
    let maildir: URL

    static var available: Bool {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import aiosmtpd"]
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }

    static func start() throws -> SMTPSink {
        let maildir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wijkradar-mail-\(UUID().uuidString)")
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox",
            maildir.path,
        ]
        try process.run()
        for _ in 0..<100 {
            if canConnect(port) { return SMTPSink(process: process, port: port, maildir: maildir) }
            guard process.isRunning else { break }
            usleep(100_000)
        }
        process.terminate()
        throw CocoaError(
            .fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "aiosmtpd did not start on port \(port)"])
    }

    func stop() {
        process.terminate()
        // Polling, not waitUntilExit: that runs a run loop, which does not return on a Swift concurrency thread here.
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: maildir)
    }

    /// The messages received so far, oldest first, once there are at least `count` (waits up to 10 s).
    func waitForMessages(_ count: Int) throws -> [Message] {
        for _ in 0..<100 {
            let files =
                (try? FileManager.default.contentsOfDirectory(
                    at: maildir.appendingPathComponent("new"), includingPropertiesForKeys: nil)) ?? []
            if files.count >= count {
                // Maildir names end in "Q<n>": the server's delivery counter, so the order of arrival.
                func sequence(_ url: URL) -> Int {
                    Int(url.lastPathComponent.firstMatch(of: /Q([0-9]+)/)?.1 ?? "") ?? 0
                }
                return try files.sorted { sequence($0) < sequence($1) }.map {
                    Self.parse(try String(contentsOf: $0, encoding: .utf8))
                }
            }
            usleep(100_000)
        }
        throw CocoaError(
            .fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "fewer than \(count) messages arrived"])
    }

    static func parse(_ text: String) -> Message {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalised.components(separatedBy: "\n\n")
        var headers: [String: String] = [:]
        for line in parts[0].split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let encoded = parts.dropFirst().joined(separator: "\n").replacingOccurrences(of: "\n", with: "")
        let body = Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? encoded
        return Message(
            from: headers["from"] ?? "", to: headers["to"] ?? "", subject: headers["subject"] ?? "",
            body: body.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(fd, raw, length) == 0, getsockname(fd, raw, &length) == 0 else {
                    throw CocoaError(.fileWriteUnknown)
                }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
