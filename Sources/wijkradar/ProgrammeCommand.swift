import ArgumentParser
import Core
import Logging
import Mail
import Programme
import Storage
import WebApp

/// The kennisprogramma from the command line: what is in it, and the reminders a scheduler (cron) sends.
struct ProgrammeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programma",
        abstract: "Kennisprogramma's: steden (met nummer) en herinneringen voor komende bijeenkomsten.",
        subcommands: [List.self, Reminders.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Programma's en hun steden, met het nummer dat 'account invite --city' vraagt.")

        func run() async throws {
            try await withStore(changesContent: true) { store, _ in
                try await ProgrammeSeeding(store: store).seedIfEmpty()
                for programme in try await ProgrammeStore(store: store).all() {
                    print("\(programme.name) (\(programme.slug)), \(programme.startsOn.iso) – \(programme.endsOn.iso)")
                    printTable(
                        ["nummer", "stad", "wijk", "gemeentecode", "CBS-gebied"],
                        try await ProgrammeStore(store: store).cities(programmeID: programme.id).map {
                            [String($0.id), $0.cityName, $0.wijkName, $0.municipalityCode, $0.focusAreaSlug ?? ""]
                        })
                }
            }
        }
    }

    struct Reminders: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "herinneringen",
            abstract:
                "Stuurt de herinnering voor gepubliceerde bijeenkomsten binnen --dagen, elk één keer (bijvoorbeeld dagelijks uit cron)."
        )

        @Option(help: "Hoeveel dagen vooruit.") var dagen: Int = 3

        func run() async throws {
            try await withStore(changesContent: true) { store, config in
                guard !config.smtpHost.isEmpty else {
                    throw CLIError(
                        "Zet SMTP_HOST (en zo nodig SMTP_PORT en SMTP_FROM): zonder mailserver gaan er geen herinneringen uit."
                    )
                }
                let mailer = Mailer(
                    client: SMTPClient(host: config.smtpHost, port: config.smtpPort, from: config.smtpFrom),
                    audit: AuditLog(store: store))
                var any = false
                for programme in try await ProgrammeStore(store: store).all() {
                    for meeting in try await MeetingStore(store: store).dueForReminder(
                        programmeID: programme.id, within: dagen)
                    {
                        let sent = try await mailer.remind(
                            meeting, of: programme, store: store, publicURL: config.publicURL,
                            actor: "wijkradar programma herinneringen", logger: Logger(label: "wijkradar.mail"))
                        print(
                            "\(meeting.title) (\(meeting.date.dutch)): herinnering aan \(sent) deelnemer\(sent == 1 ? "" : "s") verstuurd"
                        )
                        any = true
                    }
                }
                if !any { print("Geen bijeenkomsten binnen \(dagen) dagen die nog een herinnering moeten krijgen.") }
            }
        }
    }
}
