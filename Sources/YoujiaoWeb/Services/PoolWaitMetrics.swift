import FluentKit
import Metrics
import SQLKit
import Synchronization
import Vapor
import YoujiaoStore

/// How long work waits for a database connection: the histogram `youjiao_db_pool_wait_seconds` and
/// the counter `youjiao_db_pool_timeouts_total`, labelled `database="sqlite"|"postgresql"` only.
///
/// Both drivers keep a connection pool per event loop (async-kit's `EventLoopConnectionPool`: one
/// SQLite connection, four PostgreSQL ones) and lend a connection to a closure; a query on the
/// pool-level database (`req.db`) borrows one for itself. The pool has no hook, so the registered
/// configuration is wrapped: every operation on the pool-level database goes through the driver's
/// own `withConnection` (what the driver does for a lone query anyway), timed from the call to the
/// moment the closure runs. That is the time in the pool's queue, plus opening a connection when
/// the pool has room but none idle. A transaction is timed to its first statement, so its `BEGIN`
/// is in the figure (one round trip on PostgreSQL, nothing measurable on SQLite); queries on a
/// connection already held (inside a transaction) wait for nothing and are not timed. A request
/// that gives up after the pool's timeout (30 s, DatabaseTarget.swift) is counted, its wait timed.
enum PoolWaitMetrics {
    static let waitLabel = "youjiao_db_pool_wait_seconds"
    static let timeoutLabel = "youjiao_db_pool_timeouts_total"

    /// Wraps every configured database of `databases` (call before the first query).
    static func install(on databases: Databases, database name: String) {
        _ = MetricsExport.registry  // bootstrapped before the metrics are made
        let instruments = Instruments(database: name)
        for id in databases.ids() {
            guard let base = databases.configuration(for: id), !(base is Configuration) else { continue }
            databases.use(Configuration(base: base, instruments: instruments, writeTurns: name == "sqlite" ? SQLiteWriteTurns() : nil), as: id)
        }
    }

    final class Instruments: Sendable {
        let waits: Metrics.Timer
        let timeouts: Counter
        init(database: String) {
            waits = Metrics.Timer(label: PoolWaitMetrics.waitLabel, dimensions: [("database", database)])
            // Made now, so that the counter shows 0 before the first timeout.
            timeouts = Counter(label: PoolWaitMetrics.timeoutLabel, dimensions: [("database", database)])
        }
    }

    struct Configuration: DatabaseConfiguration {
        var base: any DatabaseConfiguration
        let instruments: Instruments
        let writeTurns: SQLiteWriteTurns?
        var middleware: [any AnyModelMiddleware] {
            get { base.middleware }
            set { base.middleware = newValue }
        }
        func makeDriver(for databases: Databases) -> any DatabaseDriver {
            Driver(base: base.makeDriver(for: databases), instruments: instruments, writeTurns: writeTurns)
        }
    }

    struct Driver: DatabaseDriver {
        let base: any DatabaseDriver
        let instruments: Instruments
        let writeTurns: SQLiteWriteTurns?
        func makeDatabase(with context: DatabaseContext) -> any Database {
            TimedDatabase(base: base.makeDatabase(with: context), instruments: instruments, writeTurns: writeTurns, holdsConnection: false)
        }
        func shutdown() { base.shutdown() }
        func shutdownAsync() async { await base.shutdownAsync() }
    }

    /// One wait, from asking the pool to getting the connection.
    final class Wait: Sendable {
        private let instruments: Instruments
        private let start = ContinuousClock.now
        private let served = Atomic<Bool>(false)
        init(_ instruments: Instruments) { self.instruments = instruments }

        func connected() {
            served.store(true, ordering: .relaxed)
            instruments.waits.record(duration: ContinuousClock.now - start)
        }

        /// The pool's own timeout, not an error of the work the connection was lent to.
        func failed(_ error: any Error) {
            guard error is ConnectionPoolTimeoutError, !served.load(ordering: .relaxed) else { return }
            instruments.waits.record(duration: ContinuousClock.now - start)
            instruments.timeouts.increment()
        }
    }
}

/// The driver's database with its pool waits timed (`PoolWaitMetrics`) and, on SQLite, its
/// transactions taking turns (`SQLiteWriteTurns`). Otherwise a pass-through: the same dialect,
/// transactions and errors.
struct TimedDatabase: PassThroughDatabase, SQLDatabase {
    let base: any Database
    let instruments: PoolWaitMetrics.Instruments
    let writeTurns: SQLiteWriteTurns?
    /// `base` is a connection lent by the pool (inside `withConnection` or a transaction).
    let holdsConnection: Bool

    private var sqlBase: any SQLDatabase { base as! any SQLDatabase }  // both drivers are SQL databases

    private func held(_ database: any Database) -> TimedDatabase {
        TimedDatabase(base: database, instruments: instruments, writeTurns: writeTurns, holdsConnection: true)
    }

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        holdsConnection ? base.execute(query: query, onOutput: onOutput) : withConnection { $0.execute(query: query, onOutput: onOutput) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        holdsConnection ? base.execute(schema: schema) : withConnection { $0.execute(schema: schema) }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        holdsConnection ? base.execute(enum: `enum`) : withConnection { $0.execute(enum: `enum`) }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard !holdsConnection else { return base.transaction { closure(held($0)) } }
        let transaction = { @Sendable in timed({ base.transaction($0) }, closure) }
        return writeTurns?.inTurn(on: base.eventLoop, transaction) ?? transaction()
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard !holdsConnection else { return base.withConnection { closure(held($0)) } }
        return timed({ base.withConnection($0) }, closure)
    }

    /// `closure` on a connection `lend` borrows from the pool, the wait for it timed.
    private func timed<T>(_ lend: (@escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T>,
                          _ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let wait = PoolWaitMetrics.Wait(instruments)
        let result = lend { connection in
            wait.connected()
            return closure(held(connection))
        }
        result.whenFailure { wait.failed($0) }
        return result
    }

    var dialect: any SQLDialect { sqlBase.dialect }
    var version: (any SQLDatabaseReportedVersion)? { sqlBase.version }
    var queryLogLevel: Logger.Level? { sqlBase.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        holdsConnection ? sqlBase.execute(sql: query, onRow) : withConnection { ($0 as! any SQLDatabase).execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if holdsConnection { return try await sqlBase.execute(sql: query, onRow) }
        let future: EventLoopFuture<Void> = execute(sql: query, onRow)
        try await future.get()
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if holdsConnection { return try await sqlBase.withSession(closure) }
        let wait = PoolWaitMetrics.Wait(instruments)
        do {
            return try await sqlBase.withSession { session in
                wait.connected()
                return try await closure(session)
            }
        } catch {
            wait.failed(error)
            throw error
        }
    }
}
