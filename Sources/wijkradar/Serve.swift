import ArgumentParser
import Foundation
import Core
import Storage
import WebApp

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start de webapplicatie; migreert de database en leest bij een lege database de meegeleverde data in."
    )

    @Option(help: "Adres om op te luisteren (standaard HOST of 127.0.0.1).")
    var hostname: String?

    @Option(help: "Poort (standaard PORT of 8080).")
    var port: Int?

    func run() async throws {
        var config = try AppConfig.fromEnvironment()
        if let hostname { config.hostname = hostname }
        if let port { config.port = port }
        if (ProcessInfo.processInfo.environment["WIJKRADAR_URL"] ?? "").isEmpty {
            config.publicURL = "http://\(config.hostname):\(config.port)"
        }
        // Before the database opens: its metrics are made when it is first used.
        ServerMetrics.bootstrap()
        let store = try await Store.open(url: config.databaseURL)
        do {
            try await store.migrate()
            if try await ImportService(store: store).importBundledIfEmpty(progress: {
                printError("Eerste start, meegeleverde data inlezen: \($0)")
            }) {
                printError("Meegeleverde data ingelezen.")
            }
            if try await ProgrammeSeeding(store: store).seedIfEmpty() {
                printError("Kennisprogramma 'Nieuwe perspectieven' (2016–2017) met elf bekende wijken aangemaakt.")
            }
            try await WebServer.run(config: config, store: store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
