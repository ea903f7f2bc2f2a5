import Foundation

/// All configuration, read once from the environment with safe defaults and passed down.
public struct AppConfig: Sendable {
    /// Where the SQLite file and other local state live (`WIJKRADAR_DATA_DIR`, default `./data`).
    public var dataDirectory: URL
    /// `sqlite:///path/file.sqlite` or `postgres://user:pass@host:5432/db` (`DATABASE_URL`).
    public var databaseURL: String
    public var hostname: String
    public var port: Int

    public init(dataDirectory: URL, databaseURL: String, hostname: String = "127.0.0.1", port: Int = 8080) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.hostname = hostname
        self.port = port
    }

    /// Reads `WIJKRADAR_DATA_DIR`, `DATABASE_URL`, `HOST` and `PORT`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        let dir = URL(fileURLWithPath: env["WIJKRADAR_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "data",
                      isDirectory: true).standardizedFileURL
        let database = env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "sqlite://" + dir.appendingPathComponent("wijkradar.sqlite").path
        var port = 8080
        if let text = env["PORT"], !text.isEmpty {
            guard let value = Int(text), (1...65535).contains(value) else { throw ConfigError.badPort(text) }
            port = value
        }
        return AppConfig(dataDirectory: dir, databaseURL: database, hostname: env["HOST"] ?? "127.0.0.1", port: port)
    }
}

public enum ConfigError: Error, CustomStringConvertible {
    case badPort(String)

    public var description: String {
        switch self {
        case .badPort(let text): "PORT moet een getal tussen 1 en 65535 zijn, niet '\(text)'"
        }
    }
}
