import Fluent
import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

public struct ServerSettings: Sendable {
    /// Set the Secure flag on cookies. Off only when serving plain HTTP on the loopback address.
    public var secureCookies: Bool
    /// Send Strict-Transport-Security: the site is served over HTTPS (YOUJIAO_SECURE_COOKIES=1).
    public var strictTransportSecurity: Bool
    /// The reverse proxies whose X-Forwarded-For names the client (YOUJIAO_TRUSTED_PROXIES).
    public var trustedProxies: TrustedProxies
    public init(secureCookies: Bool, strictTransportSecurity: Bool = false, trustedProxies: TrustedProxies = TrustedProxies()) {
        self.secureCookies = secureCookies; self.strictTransportSecurity = strictTransportSecurity; self.trustedProxies = trustedProxies
    }
    public static func forHost(_ hostname: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerSettings {
        let loopback = hostname == "127.0.0.1" || hostname == "localhost" || hostname == "::1"
        let https = environment["YOUJIAO_SECURE_COOKIES"] == "1"
        return ServerSettings(secureCookies: !loopback || https, strictTransportSecurity: https,
                              trustedProxies: try TrustedProxies.parse(environment[TrustedProxies.variable]))
    }
}

/// Builds the one Vapor application used by `serve`, the CLI's database commands and the tests.
public enum YoujiaoApp {
    public static func make(target: DatabaseTarget, settings: ServerSettings = .init(secureCookies: false),
                            environment: Environment = .production) async throws -> Application {
        let app = try await Application.make(environment)
        do {
            try await configure(app, target: target, settings: settings)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    public static func configure(_ app: Application, target: DatabaseTarget, settings: ServerSettings) async throws {
        try FieldProtection.installIfAbsent {
            let (ring, source) = try FieldProtection.resolve(for: target)
            if case .keyFile(let path, let created) = source {
                let advice = "in production set \(FieldKeyRing.dataKeysVariable) and \(FieldKeyRing.indexKeyVariable) instead"
                if created { app.logger.notice("New field keys written to \(path); \(advice)") }
                else { app.logger.info("Field keys read from \(path); \(advice)") }
            }
            return ring
        }
        try await StoreSetup.register(target, on: app.databases)
        PoolWaitMetrics.install(on: app.databases, database: target.isSQLite ? "sqlite" : "postgresql")
        for migration in StoreSetup.migrations { app.migrations.add(migration) }
        try await StoreSetup.prepare(app.db)
        try await app.autoMigrate()
        app.storage[SettingsKey.self] = settings
        app.storage[TargetKey.self] = target
        app.http.client.configuration.timeout = .init(connect: .seconds(5), read: .seconds(10))
        app.relyingParty = try OIDCController.make(app, environment: ProcessInfo.processInfo.environment)

        // Order matters: the count of requests in flight outermost (`serve` waits for them before it
        // closes the databases), then headers (error pages get them too), errors, static files, the
        // viewer (session or token), CSRF.
        app.middleware = Middlewares()
        app.middleware.use(RequestsInFlight.Counting(requests: app.requestsInFlight))
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(YoujiaoErrorMiddleware())
        app.middleware.use(StaticAssetsMiddleware())
        app.middleware.use(ViewerMiddleware())
        app.middleware.use(CSRFMiddleware())
        app.routes.defaultMaxBodySize = "64kb"
        try routes(app)
    }

    struct SettingsKey: StorageKey { typealias Value = ServerSettings }
    struct RequestsInFlightKey: StorageKey { typealias Value = RequestsInFlight }
    struct TargetKey: StorageKey { typealias Value = DatabaseTarget }
}

extension Application {
    /// The database this instance serves (its readiness checks the disk under an SQLite file).
    var databaseTarget: DatabaseTarget { storage[YoujiaoApp.TargetKey.self] ?? .sqlite(path: "") }
    var youjiaoSettings: ServerSettings { storage[YoujiaoApp.SettingsKey.self] ?? ServerSettings(secureCookies: false) }
    /// Made once, while the application is configured.
    var requestsInFlight: RequestsInFlight {
        if let counter = storage[YoujiaoApp.RequestsInFlightKey.self] { return counter }
        let counter = RequestsInFlight()
        storage[YoujiaoApp.RequestsInFlightKey.self] = counter
        return counter
    }
}

extension Request {
    /// The client's address, through the trusted proxies (`TrustedProxies`).
    var clientAddress: String? {
        application.youjiaoSettings.trustedProxies.clientAddress(connection: remoteAddress?.ipAddress,
                                                                 forwardedFor: headers[.xForwardedFor])
    }
}
