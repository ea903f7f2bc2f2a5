import Core
import Foundation
import Storage

/// Opens the configured database for one CLI command and closes it afterwards, also on failure.
/// - Parameter changesContent: the command may write without a transaction (transactions raise the content version
///   themselves): running instances must then drop their cached pages. Read-only commands leave the caches alone.
func withStore<T>(
    migrate: Bool = true, changesContent: Bool = false, _ work: (Store, AppConfig) async throws -> T
) async throws -> T {
    let config = try AppConfig.fromEnvironment()
    let store = try await Store.open(url: config.databaseURL)
    do {
        if migrate { try await store.migrate() }
        let result = try await work(store, config)
        if changesContent { try? await store.contentChanged() }
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}

/// Lines up columns for terminal output.
func printTable(_ header: [String], _ rows: [[String]]) {
    let widths = header.indices.map { column in
        ([header[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }
    print(line(header))
    print(line(widths.map { String(repeating: "-", count: $0) }))
    rows.forEach { print(line($0)) }
}

/// Is standard error a terminal? Progress is drawn only then.
var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// A failure while running a command: printed as "Error: …" without the usage text (that is for wrong arguments).
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
