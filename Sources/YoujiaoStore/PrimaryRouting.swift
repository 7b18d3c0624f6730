import FluentKit
import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import Synchronization

/// A DATABASE_URL with several hosts (a primary and its standbys under pg_auto_failover) as one
/// Fluent database. Each host gets FluentPostgresDriver's own pool, untouched; queries go to the
/// host chosen last. At start the hosts are asked in the URL's order and the first that
/// `target_session_attrs` accepts is chosen; then a watch asks the chosen host once a second and,
/// when it no longer qualifies (stopped, demoted, unreachable), asks them all again in order. So
/// after a failover new requests reach the promoted standby without a restart: the connections to
/// the old primary have failed, and its pool is no longer asked for new ones.
enum PrimaryRouting {
    static let checkInterval: TimeAmount = .seconds(1)
    /// A host that takes longer to connect or to answer is counted as unreachable for this round.
    static let probeTimeout: TimeAmount = .seconds(2)

    /// Chooses the first usable host now — a server cannot start, nor migrate, without it — and
    /// returns the configuration that keeps watching.
    static func configuration(_ url: PostgresURL, eventLoopGroup: any EventLoopGroup) async throws -> PrimaryRoutingConfiguration {
        // PostgresKit turns sslmode into its TLS setting (certificates checked); every host shares it.
        let tls = try SQLPostgresConfiguration(url: "postgres://youjiao@localhost?sslmode=\(url.tlsMode ?? "prefer")").coreConfiguration.tls
        let hosts = url.hosts.map {
            SQLPostgresConfiguration(hostname: $0.name, port: $0.port, username: url.username, password: url.password,
                                     database: url.database, tls: tls)
        }
        let watch = PrimaryWatch(url: url, hosts: hosts.map(\.coreConfiguration), eventLoop: eventLoopGroup.any(),
                                 logger: Logger(label: "youjiao.database"))
        let (found, answers) = try await watch.firstUsable().get()
        guard let found else { throw NoUsableHost(summary: watch.summary(answers), attributes: url.sessionAttributes) }
        watch.choose(found)
        return PrimaryRoutingConfiguration(hosts: hosts, watch: watch)
    }
}

/// No host of DATABASE_URL qualified when the store was opened.
public struct NoUsableHost: Error, CustomStringConvertible {
    let summary: String
    let attributes: PostgresURL.SessionAttributes
    public var description: String {
        "no host of DATABASE_URL \(attributes == .readWrite ? "takes writes" : "accepts a connection") (target_session_attrs=\(attributes.rawValue)): \(summary)"
    }
}

struct PrimaryRoutingConfiguration: DatabaseConfiguration {
    var middleware: [any AnyModelMiddleware] = []
    let hosts: [SQLPostgresConfiguration]
    let watch: PrimaryWatch

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        let drivers = hosts.map {
            DatabaseConfigurationFactory.postgres(configuration: $0, maxConnectionsPerEventLoop: StoreSetup.connectionsPerEventLoop,
                                                  connectionPoolTimeout: StoreSetup.connectionPoolTimeout).make().makeDriver(for: databases)
        }
        return PrimaryRoutingDriver(drivers: drivers, watch: watch)
    }
}

final class PrimaryRoutingDriver: DatabaseDriver {
    let drivers: [any DatabaseDriver]
    let watch: PrimaryWatch
    let task: RepeatedTask

    init(drivers: [any DatabaseDriver], watch: PrimaryWatch) {
        self.drivers = drivers
        self.watch = watch
        task = watch.eventLoop.scheduleRepeatedAsyncTask(initialDelay: PrimaryRouting.checkInterval, delay: PrimaryRouting.checkInterval) { _ in
            watch.check()
        }
    }

    func makeDatabase(with context: DatabaseContext) -> any Database {
        drivers[watch.current].makeDatabase(with: context)
    }

    func shutdown() {
        task.cancel()
        for driver in drivers { driver.shutdown() }
    }

    func shutdownAsync() async {
        let stopped = watch.eventLoop.makePromise(of: Void.self)
        task.cancel(promise: stopped)
        try? await stopped.futureResult.get()
        for driver in drivers { await driver.shutdownAsync() }
    }
}

/// Which host is used, and the questions that decide it.
final class PrimaryWatch: Sendable {
    enum Answer: Sendable, Equatable, CustomStringConvertible {
        case writable, readOnly, unreachable(String)
        var description: String {
            switch self {
            case .writable: "takes writes"
            case .readOnly: "read-only (a standby)"
            case .unreachable(let why): "unreachable (\(why))"
            }
        }
    }

    let hosts: [PostgresURL.Host]
    let probes: [PostgresConnection.Configuration]
    let attributes: PostgresURL.SessionAttributes
    let eventLoop: any EventLoop
    let logger: Logger
    private struct State { var current = 0; var reportedNone = false }
    private let state = Mutex(State())

    init(url: PostgresURL, hosts: [PostgresConnection.Configuration], eventLoop: any EventLoop, logger: Logger) {
        self.hosts = url.hosts
        self.probes = hosts.map { var probe = $0; probe.options.connectTimeout = PrimaryRouting.probeTimeout; return probe }
        self.attributes = url.sessionAttributes
        self.eventLoop = eventLoop
        self.logger = logger
    }

    var current: Int { state.withLock { $0.current } }
    func choose(_ index: Int) { state.withLock { $0.current = index } }

    func accepts(_ answer: Answer) -> Bool {
        switch answer {
        case .writable: true
        case .readOnly: attributes == .any
        case .unreachable: false
        }
    }

    /// Host `index` on a connection of its own: does it answer, and may its sessions write? (libpq asks the same.)
    func ask(_ index: Int) -> EventLoopFuture<Answer> {
        let logger = self.logger
        return PostgresConnection.connect(on: eventLoop, configuration: probes[index], id: index, logger: logger).flatMap { connection in
            let close: @Sendable () -> Void = { let _: EventLoopFuture<Void> = connection.close() }
            // A server that accepted the connection but hangs fails the question instead of holding the watch.
            let deadline = connection.eventLoop.scheduleTask(in: PrimaryRouting.probeTimeout) { close() }
            return connection.query("SHOW transaction_read_only", logger: logger)
                .flatMapThrowing { result -> Answer in try result.rows.first?.decode(String.self) == "off" ? .writable : .readOnly }
                .always { _ in deadline.cancel(); close() }
        }.recover { .unreachable(String(String(reflecting: $0).prefix(200))) }
    }

    /// The first host from `index` on, in the URL's order, that qualifies, and every answer up to it.
    func firstUsable(from index: Int = 0, answers: [Answer] = []) -> EventLoopFuture<(Int?, [Answer])> {
        guard index < hosts.count else { return eventLoop.makeSucceededFuture((nil, answers)) }
        return ask(index).flatMap { answer in
            guard self.accepts(answer) else { return self.firstUsable(from: index + 1, answers: answers + [answer]) }
            let found: (Int?, [Answer]) = (index, answers + [answer])
            return self.eventLoop.makeSucceededFuture(found)
        }
    }

    /// One round: the chosen host is kept while it qualifies; otherwise the first that does is chosen.
    /// Never fails (a failed future would end the repeated task).
    func check() -> EventLoopFuture<Void> {
        ask(current).flatMap { answer in
            guard !self.accepts(answer) else { return self.eventLoop.makeSucceededVoidFuture() }
            return self.firstUsable().map { result in self.settle(result.0, result.1) }
        }
    }

    private func settle(_ found: Int?, _ answers: [Answer]) {
        let (previous, hadNone) = state.withLock { state in
            let before: (Int, Bool) = (state.current, state.reportedNone)
            if let found { state.current = found }
            state.reportedNone = found == nil
            return before
        }
        if let found, found != previous {
            logger.warning("PostgreSQL: queries now go to \(hosts[found]), no longer to \(hosts[previous]) (\(summary(answers)))")
        } else if found != nil, hadNone {
            logger.warning("PostgreSQL: \(hosts[previous]) qualifies again (\(summary(answers)))")
        } else if found == nil, !hadNone {
            // Said once per outage, not every second.
            logger.error("PostgreSQL: no host of DATABASE_URL qualifies (target_session_attrs=\(attributes.rawValue)); still trying \(hosts[previous]) (\(summary(answers)))")
        }
    }

    func summary(_ answers: [Answer]) -> String {
        zip(hosts, answers).map { "\($0): \($1)" }.joined(separator: "; ")
    }
}
