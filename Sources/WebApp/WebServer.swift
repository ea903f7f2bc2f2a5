import Core
import Mail
import Storage
import Vapor

/// Runs the web application until it is stopped (Ctrl-C or SIGTERM).
public enum WebServer {
    public static func run(config: AppConfig, store: Store) async throws {
        var environment = Environment(name: "production", arguments: ["wijkradar"])
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try configure(app, config: config, store: store)
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Routes and middleware; separate from `run` so tests can drive the app without a socket.
    public static func configure(_ app: Application, config: AppConfig, store: Store) throws {
        app.http.server.configuration.hostname = config.hostname
        app.http.server.configuration.port = config.port
        // Slow clients: a connection silent for `IDLE_TIMEOUT` seconds (default two minutes) is closed. Vapor has no timeout for a client that sends its
        // headers a byte at a time; the reverse proxy's header and body timeouts cover that (see README).
        app.http.server.configuration.idleTimeout = .seconds(Int64(config.idleTimeout))
        // Forms; upload routes raise it for themselves (`acceptingBodies`), checked in SessionMiddleware.
        app.routes.defaultMaxBodySize = ByteCount(integerLiteral: BodyLimit.form)
        // Keys in a fixed order: Swift seeds dictionary order per process, and two instances must send the same
        // bytes for the same answer (one ETag for all; a cached answer that is equal to a fresh one).
        ContentConfiguration.global.use(
            encoder: JSONEncoder.custom(dates: .iso8601, format: [.sortedKeys]), for: .json)
        app.middleware = Middlewares()
        let pageCache =
            config.pageCacheMegabytes > 0 ? PageCache(limits: .init(bytes: config.pageCacheMegabytes << 20)) : nil
        app.middleware.use(PageCacheMiddleware(cache: pageCache, store: store))
        app.middleware.use(SecurityHeaders(strictTransport: config.secureCookies))
        app.middleware.use(ErrorMiddleware())
        app.middleware.use(MethodNotAllowed())
        app.middleware.use(SessionMiddleware(accounts: AccountStore(store: store), secureCookies: config.secureCookies))
        let cache = AnalysisCache(store: store)
        let smtp =
            config.smtpHost.isEmpty
            ? nil : SMTPClient(host: config.smtpHost, port: config.smtpPort, from: config.smtpFrom)
        let programme = ProgrammeApp(
            store: store, cache: cache, mailer: Mailer(client: smtp, audit: AuditLog(store: store)),
            passwords: try Passwords(cost: config.passwordCost), publicURL: config.publicURL,
            trustedProxies: config.trustedProxies)
        ServerMetrics.register(app, token: config.metricsToken, cache: pageCache, store: store)
        ApiController(store: store, cache: cache).register(app)
        let pages = PageController(store: store, cache: cache, programme: programme)
        pages.register(app)
        ExportController(store: store, cache: cache, pages: pages).register(app)
        let knowledge = KnowledgeApp(store: store, cache: cache)
        KnowledgeController(app: knowledge).register(app)
        InterventionEditController(app: knowledge).register(app)
        OpgaveController(app: knowledge).register(app)
        ResearchController(app: knowledge).register(app)
        KnowledgeApi(store: store).register(app)
        PublicationController(app: programme).register(app)
        ReportEditController(app: programme).register(app)
        BlogController(app: programme).register(app)
        SiteController(app: programme).register(app)
        ProgrammeController(app: programme).register(app)
        CityController(app: programme).register(app)
        ThemeController(app: programme).register(app)
        MeetingController(app: programme).register(app)
        RegistrationController(app: programme).register(app)
        MeetingOutcomeController(app: programme).register(app)
        AccountController(app: programme).register(app)
        ProfileController(app: programme).register(app)
        AdminController(app: programme).register(app)
        CrosswalkController(app: programme).register(app)
        FocusAreaController(app: programme, cache: cache).register(app)
        InvitationController(app: programme).register(app)
        RoundController(app: programme).register(app)
        PasswordResetController(app: programme).register(app)
    }
}
