import Fluent
import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

public struct ServerSettings: Sendable {
    /// Set the Secure flag on cookies. Off only when serving plain HTTP on the loopback address.
    public var secureCookies: Bool
    public init(secureCookies: Bool) { self.secureCookies = secureCookies }
    public static func forHost(_ hostname: String) -> ServerSettings {
        let loopback = hostname == "127.0.0.1" || hostname == "localhost" || hostname == "::1"
        return ServerSettings(secureCookies: !loopback || ProcessInfo.processInfo.environment["YOUJIAO_SECURE_COOKIES"] == "1")
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
        try StoreSetup.register(target, on: app.databases)
        for migration in StoreSetup.migrations { app.migrations.add(migration) }
        app.migrations.add(SessionRecord.migration)
        try await StoreSetup.prepare(app.db)
        try await app.autoMigrate()

        app.sessions.use(.fluent)
        app.sessions.configuration = SessionsConfiguration(cookieName: "youjiao_session") { id in
            HTTPCookies.Value(string: id.string, expires: Date(timeIntervalSinceNow: 8 * 3600), maxAge: 8 * 3600,
                              path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        app.storage[SettingsKey.self] = settings

        // Order matters: errors outermost, then headers, static files, sessions, the viewer, CSRF.
        app.middleware = Middlewares()
        app.middleware.use(YoujiaoErrorMiddleware())
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(StaticAssetsMiddleware())
        app.middleware.use(app.sessions.middleware)
        app.middleware.use(ViewerMiddleware())
        app.middleware.use(CSRFMiddleware())
        app.routes.defaultMaxBodySize = "64kb"
        try routes(app)
    }

    struct SettingsKey: StorageKey { typealias Value = ServerSettings }
}
