import Foundation

/// Runs the `wijkradar` binary next to the test bundle with its own data directory.
struct CLI {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let dataDirectory: URL

    init() throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wijkradar-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    }

    static var binary: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("wijkradar")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/wijkradar")
    }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["WIJKRADAR_DATA_DIR"] = dataDirectory.path
        env["DATABASE_URL"] = nil
        return env
    }

    func run(_ arguments: String...) throws -> Output {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    struct Measured {
        var status: Int32
        var stderr: String
        /// Peak resident memory of the program, in bytes: its `VmHWM`, read while it runs.
        ///
        /// NB: `wait4`'s `ru_maxrss` cannot be used: `posix_spawn` starts the child in the parent's memory (vfork),
        /// and Linux folds that memory's high-water mark into the child's at `exec` — a test process of 3 GB made
        /// every import look like 3 GB.
        var peakBytes: Int
        var seconds: Double
        var timedOut: Bool
    }

    /// Runs the binary and measures it; killed after `timeout` seconds.
    func runMeasured(_ arguments: [String], timeout: Double) throws -> Measured {
        let errPath = dataDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([Self.binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        guard posix_spawn(&pid, Self.binary.path, &actions, nil, argv, envp) == 0 else {
            throw CocoaError(.executableLoad)
        }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var peak = 0
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kilobytes = Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "")
            {
                peak = max(peak, kilobytes * 1024)
            }
            if Date().timeIntervalSince(started) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(5_000)
        }
        let exited = status & 0x7f == 0
        return Measured(
            status: exited ? (status >> 8) & 0xff : -1,
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            peakBytes: peak, seconds: Date().timeIntervalSince(started), timedOut: timedOut)
    }

    /// Starts `wijkradar serve` in the background on a free port.
    func serve(port: Int) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", String(port)]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}
