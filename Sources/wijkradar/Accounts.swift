import ArgumentParser
import Core
import Programme
import Storage

/// Accounts from the command line: the first staff account of a new installation starts here.
struct Accounts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Accounts: uitnodigen (ook het eerste account van de programmastaf) en een lijst.",
        subcommands: [Invite.self, List.self],
        defaultSubcommand: List.self
    )

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Maakt een uitnodiging en drukt de link af (14 dagen geldig, één keer te gebruiken).")

        @Option(help: "E-mailadres.") var email: String
        @Option(help: "Naam.") var name: String
        @Option(help: "Rol: programmastaf of stadscoordinator.") var role: String = Role.staff.rawValue
        @Option(help: "Nummer van de stad (voor een stadscoördinator; zie 'wijkradar programma').") var city: Int?

        func run() async throws {
            guard let role = Role(rawValue: role), role != .participant else {
                throw CLIError(
                    "--role moet 'programmastaf' of 'stadscoordinator' zijn; deelnemers nodigt hun stad uit vanaf de deelnemerslijst."
                )
            }
            try await withStore(changesContent: true) { store, config in
                do {
                    let token = try await AccountStore(store: store).invite(
                        email: email, name: name, role: role, cityID: city, participantID: nil,
                        actor: "wijkradar account invite")
                    print("\(config.publicURL)/uitnodiging/\(token)")
                } catch let error as ProgrammeError {
                    throw CLIError(error.description)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Alle accounts met hun rol.")
        func run() async throws {
            try await withStore(changesContent: true) { store, _ in
                let all = try await AccountStore(store: store).accounts()
                guard !all.isEmpty else {
                    print("Nog geen accounts. Nodig de programmastaf uit met 'wijkradar account invite'."); return
                }
                printTable(
                    ["e-mail", "naam", "rol", "stad"],
                    all.map { [$0.email, $0.name, $0.role.label, $0.cityID.map(String.init) ?? ""] })
            }
        }
    }
}
