import Foundation

/// All configuration, read once from the environment with safe defaults and passed down.
public struct AppConfig: Sendable {
    /// Where the SQLite file and other local state live (`WIJKRADAR_DATA_DIR`, default `./data`).
    public var dataDirectory: URL
    /// `sqlite:///path/file.sqlite` or `postgres://user:pass@host:5432/db` (`DATABASE_URL`).
    public var databaseURL: String
    public var hostname: String
    public var port: Int
    /// The address users reach Wijkradar at, for links in e-mails and calendars (`WIJKRADAR_URL`).
    public var publicURL: String
    /// Mail relay (`SMTP_HOST`, `SMTP_PORT`, `SMTP_FROM`); no e-mail is sent when the host is empty.
    public var smtpHost: String
    public var smtpPort: Int
    public var smtpFrom: String
    /// Session cookies only over HTTPS (`COOKIE_SECURE=1`; set it behind a TLS-terminating proxy).
    public var secureCookies: Bool
    /// Bcrypt cost; 12 in production, lower only in tests.
    public var passwordCost: Int
    /// Reverse proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`: addresses or IPv4 ranges such as
    /// `10.0.0.0/8`, comma-separated; default the machine itself, where nginx usually runs). Login throttling per
    /// client needs the client's own address, not the proxy's.
    public var trustedProxies: [String]
    /// Seconds a connection may stay silent before it is closed (`IDLE_TIMEOUT`, default 120). Behind a load balancer
    /// that keeps connections open, set it longer than the balancer's own idle timeout. NB: Vapor counts a request
    /// being worked on as silence too, so it must exceed the slowest answer (a first PDF takes seconds).
    public var idleTimeout: Int = 120
    /// Megabytes of finished public pages kept in memory (`WIJKRADAR_PAGE_CACHE`: a number, default 64; `off` or 0
    /// renders every request, for measuring first renders).
    public var pageCacheMegabytes: Int = 64
    /// The bearer token that opens `/metrics` (`METRICS_TOKEN`); without one, `/metrics` does not exist.
    public var metricsToken: String = ""

    public init(
        dataDirectory: URL, databaseURL: String, hostname: String = "127.0.0.1", port: Int = 8080,
        publicURL: String? = nil,
        smtpHost: String = "", smtpPort: Int = 25, smtpFrom: String = "Wijkradar <wijkradar@localhost>",
        secureCookies: Bool = false, passwordCost: Int = 12, trustedProxies: [String] = AppConfig.loopback
    ) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.hostname = hostname
        self.port = port
        self.publicURL = publicURL ?? "http://\(hostname):\(port)"
        (self.smtpHost, self.smtpPort, self.smtpFrom) = (smtpHost, smtpPort, smtpFrom)
        (self.secureCookies, self.passwordCost, self.trustedProxies) = (secureCookies, passwordCost, trustedProxies)
    }

    public static let loopback = ["127.0.0.1", "::1"]

    /// Reads `WIJKRADAR_DATA_DIR`, `DATABASE_URL`, `HOST`, `PORT`, `WIJKRADAR_URL`, `SMTP_HOST`, `SMTP_PORT`, `SMTP_FROM`
    /// `COOKIE_SECURE` and `TRUSTED_PROXIES`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfig
    {
        let dir = URL(
            fileURLWithPath: env["WIJKRADAR_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "data",
            isDirectory: true
        ).standardizedFileURL
        let database =
            env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "sqlite://" + dir.appendingPathComponent("wijkradar.sqlite").path
        var port = 8080
        if let text = env["PORT"], !text.isEmpty {
            guard let value = Int(text), (1...65535).contains(value) else { throw ConfigError.badPort(text) }
            port = value
        }
        var smtpPort = 25
        if let text = env["SMTP_PORT"], !text.isEmpty {
            guard let value = Int(text), (1...65535).contains(value) else { throw ConfigError.badPort(text) }
            smtpPort = value
        }
        let host = env["HOST"] ?? "127.0.0.1"
        var proxies = AppConfig.loopback
        if let text = env["TRUSTED_PROXIES"], !text.trimmingCharacters(in: .whitespaces).isEmpty {
            proxies = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for proxy in proxies where !AddressRange.isValid(proxy) { throw ConfigError.badProxy(proxy) }
        }
        var idle = 120
        if let text = env["IDLE_TIMEOUT"], !text.isEmpty {
            guard let value = Int(text), (1...3600).contains(value) else { throw ConfigError.badIdleTimeout(text) }
            idle = value
        }
        let url = env["WIJKRADAR_URL"].flatMap { $0.isEmpty ? nil : String($0.trimmingCharacters(in: ["/"])) }
        var config = AppConfig(
            dataDirectory: dir, databaseURL: database, hostname: host, port: port, publicURL: url,
            smtpHost: env["SMTP_HOST"] ?? "", smtpPort: smtpPort,
            smtpFrom: env["SMTP_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? "Wijkradar <wijkradar@localhost>",
            secureCookies: env["COOKIE_SECURE"] == "1", trustedProxies: proxies)
        config.idleTimeout = idle
        if let text = env["WIJKRADAR_PAGE_CACHE"]?.lowercased(), !text.isEmpty {
            guard let megabytes = text == "off" ? 0 : Int(text), (0...4096).contains(megabytes) else {
                throw ConfigError.badPageCache(text)
            }
            config.pageCacheMegabytes = megabytes
        }
        config.metricsToken = env["METRICS_TOKEN"]?.trimmingCharacters(in: .whitespaces) ?? ""
        return config
    }
}

public enum ConfigError: Error, CustomStringConvertible {
    case badPort(String)
    case badProxy(String)
    case badIdleTimeout(String)
    case badPageCache(String)

    public var description: String {
        switch self {
        case .badPort(let text): "PORT en SMTP_PORT moeten een getal tussen 1 en 65535 zijn, niet '\(text)'"
        case .badIdleTimeout(let text): "IDLE_TIMEOUT moet een aantal seconden tussen 1 en 3600 zijn, niet '\(text)'"
        case .badPageCache(let text):
            "WIJKRADAR_PAGE_CACHE moet een aantal megabytes tussen 0 en 4096 zijn of 'off', niet '\(text)'"
        case .badProxy(let text):
            "TRUSTED_PROXIES: '\(text)' is geen IP-adres of IPv4-bereik (zoals 10.0.0.5 of 10.0.0.0/8); scheid adressen met komma's"
        }
    }
}
