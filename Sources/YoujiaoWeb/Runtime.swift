import Fluent
import Foundation
import Logging
import Vapor
import YoujiaoCore
import YoujiaoStore

/// The configured application as the command line sees it: the database stores, the demo seeding,
/// and the HTTP server. Keeps Vapor's types out of the CLI module.
public final class YoujiaoRuntime: Sendable {
    let app: Application
    public let target: DatabaseTarget

    public static func open(_ target: DatabaseTarget, hostname: String = "127.0.0.1") async throws -> YoujiaoRuntime {
        YoujiaoRuntime(app: try await YoujiaoApp.make(target: target, settings: try .forHost(hostname)), target: target)
    }

    init(app: Application, target: DatabaseTarget) { self.app = app; self.target = target }

    public var registry: RegistryStore { RegistryStore(app.db) }
    public var accounts: AccountStore { AccountStore(app.db) }

    /// `youjiao keys rotate`: every protected value re-sealed under the current key.
    public func resealProtectedFields() async throws -> [FieldResealing.Count] {
        try await FieldResealing.rotate(on: app.db)
    }

    /// Serves HTTP until interrupted.
    public func serve(hostname: String, port: Int) async throws {
        app.http.server.configuration.hostname = hostname
        app.http.server.configuration.port = port
        app.keptFiguresWarmUp.set(running: true)   // not ready until they are computed
        try await app.server.start(address: .hostname(hostname, port: port))
        let refresher = Task { [app] in await Self.refreshFigures(app) }
        // Run until SIGINT (Ctrl-C) or SIGTERM (a service manager), then close connections cleanly.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            signal(SIGINT, SIG_IGN)
            signal(SIGTERM, SIG_IGN)
            let term = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
            let finish: @Sendable () -> Void = { continuation.resume() }
            source.setEventHandler { source.cancel(); term.cancel(); finish() }
            term.setEventHandler { source.cancel(); term.cancel(); finish() }
            source.resume(); term.resume()
        }
        await app.server.shutdown()
        // Both finished before the databases close (`shutdown`): they read through them.
        await app.requestsInFlight.drained()
        refresher.cancel()
        await refresher.value
    }

    /// Computes the monitoring pages' figures once (KeptFiguresWarmUp), then keeps the figures
    /// pages read (ComputedFigures) current after writes, every five seconds, until cancelled; a
    /// failure is logged and the next round tries again.
    private static func refreshFigures(_ app: Application) async {
        let started = ContinuousClock.now
        do {
            defer { app.keptFiguresWarmUp.set(running: false) }
            let count = try await KeptFiguresWarmUp.run(on: app.db)
            let took = (ContinuousClock.now - started).components
            app.logger.notice("Computed \(count) kept figures of the monitoring pages in \(took.seconds).\(took.attoseconds / 100_000_000_000_000_000) s")
        } catch is CancellationError {
            return
        } catch {
            app.logger.warning("Computing the kept figures at start failed: \(String(reflecting: error))")
        }
        while true {
            do { try await Task.sleep(for: .seconds(5)) } catch { return }  // cancelled: the server is stopping
            do {
                try await ComputedFigures.shared.refreshStale(on: app.db, readWithin: .seconds(600))
            } catch {
                app.logger.warning("Refreshing the kept figures failed: \(String(reflecting: error))")
            }
        }
    }

    public func shutdown() async {
        try? await app.asyncShutdown()
    }
}
