import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit
import Synchronization
import Testing
import Vapor
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// `/metrics` over real HTTP: requests counted and timed by route pattern, sign-ins and submissions
/// by outcome, waits for a database connection and for a campaign's lock, and nothing personal in
/// a label.
@Suite("Metrics")
struct MetricsWebTests {
    @Test func requestsSignInsAndSubmissionsAreCountedWithoutPersonalData() async throws {
        try await WebHarness.with { h in
            let school = h.client()
            #expect(try await school.login("school").status == .seeOther)
            #expect(try await school.send(.GET, "/schools/3101010001").status == .ok)
            let wrong = h.client()
            #expect(try await wrong.login("school", password: "not the password").status == .unauthorized)

            let metrics = try await h.client().send(.GET, "/metrics")
            #expect(metrics.status == .ok && metrics.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = metrics.body.string
            #expect(text.contains("http_requests_total{") && text.contains("path=\"/schools/:id\""), "requests by route pattern")
            #expect(text.contains("http_request_duration_seconds_bucket{"), "latency as a histogram")
            #expect(text.contains("youjiao_sign_ins_total{outcome=\"password-accepted\"}") && text.contains("youjiao_sign_ins_total{outcome=\"sign-in-failed\"}"))
            #expect(!text.contains("3101010001") && !text.contains(Fixture.childA.nationalID) && !text.contains("outcome=\"school\""),
                    "ids, ID numbers and user names never become labels")
        }
    }

    /// The value of one series (`name{labels}`) in the text format, nil when absent.
    static func figure(_ text: String, _ series: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
    }

    @Test func databaseWaitsAndACampaignsLockWaitAreTimed() async throws {
        let database = TestDatabase.backend == "sqlite" ? "sqlite" : "postgresql"
        let waits = "youjiao_db_pool_wait_seconds_count{database=\"\(database)\"}", locks = #"youjiao_lock_wait_seconds_count{lock="campaign"}"#
        try await CampaignWebTests.with { h, youngA, _ in
            let campaigns = CampaignWebTests()
            let before = try await h.client().send(.GET, "/metrics").body.string
            let parent = try await campaigns.signedIn(h, "parent-a")
            #expect(try await campaigns.post(parent, "/enrollment/open/apply/\(youngA.id)", campaigns.application(youngA)).status == .seeOther)
            let after = try await h.client().send(.GET, "/metrics").body.string
            #expect(Self.figure(after, waits) ?? 0 > Self.figure(before, waits) ?? 0, "requests wait for a connection of \(database)")
            #expect(Self.figure(after, "youjiao_db_pool_timeouts_total{database=\"\(database)\"}") != nil, "the timeouts counter shows before the first one")
            #expect(Self.figure(after, locks) ?? 0 > Self.figure(before, locks) ?? 0, "saving the application took the campaign's lock")
            #expect(after.contains(#"youjiao_lock_wait_seconds_bucket{lock="campaign",le="#) && after.contains(#"youjiao_db_pool_wait_seconds_sum{database=""#))
            #expect(!after.contains(youngA.id) && !after.contains(youngA.nationalId), "no record id or ID number in a label")
        }
    }

    /// SQLite's pool holds one connection per event loop: a second query while it is lent out
    /// waits, and gives up after the pool's timeout (here 100 ms).
    @Test func aWaitForAConnectionThatTimesOutIsCounted() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let threads = NIOThreadPool(numberOfThreads: 1)
        threads.start()
        let databases = Databases(threadPool: threads, on: group)
        databases.use(.sqlite(.memory, connectionPoolTimeout: .milliseconds(100)), as: .sqlite)
        PoolWaitMetrics.install(on: databases, database: "sqlite")
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical  // the pool logs each timeout as an error
        let db = try #require(databases.database(logger: quiet, on: group.any()))
        let timeouts = #"youjiao_db_pool_timeouts_total{database="sqlite"}"#, waits = #"youjiao_db_pool_wait_seconds_count{database="sqlite"}"#
        let before = MetricsExport.registry.emitToString()
        try await db.withConnection { _ in
            await #expect(throws: ConnectionPoolTimeoutError.self) { try await (db as! any SQLDatabase).raw("SELECT 1").run() }
        }
        try await (db as! any SQLDatabase).raw("SELECT 1").run()
        let after = MetricsExport.registry.emitToString()
        #expect(Self.figure(after, timeouts) ?? 0 >= (Self.figure(before, timeouts) ?? 0) + 1)
        #expect(Self.figure(after, waits) ?? 0 >= (Self.figure(before, waits) ?? 0) + 3, "the lent connection, the wait that timed out, the next query")
        await databases.shutdownAsync()
        try await threads.shutdownGracefully()
        try await group.shutdownGracefully()
    }
    /// The server's SQLite transactions take turns (`SQLiteWriteTurns`): twenty at once from two
    /// event loops run one after another, a failing one hands its turn on, and the waits are timed.
    @Test func sqliteTransactionsTakeTurns() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let threads = NIOThreadPool(numberOfThreads: 2)
        threads.start()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("turns-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let databases = Databases(threadPool: threads, on: group)
        databases.use(.sqlite(.file(path)), as: .sqlite)
        PoolWaitMetrics.install(on: databases, database: "sqlite")
        let db = try #require(databases.database(logger: Logger(label: "test"), on: group.any()))
        try await (db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").run()
        try await (db as! any SQLDatabase).raw("CREATE TABLE t (n INTEGER)").run()
        let turns = #"youjiao_lock_wait_seconds_count{lock="sqlite_write"}"#
        let before = Self.figure(MetricsExport.registry.emitToString(), turns) ?? 0
        final class Overlap: Sendable {
            private let counts = Mutex((now: 0, most: 0))
            func enter() { counts.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
            func leave() { counts.withLock { $0.now -= 1 } }
            var most: Int { counts.withLock { $0.most } }
        }
        let overlap = Overlap()
        struct Refused: Error {}
        let handles = (0..<21).map { _ in databases.database(logger: Logger(label: "test"), on: group.next())! }
        let outcomes = await withTaskGroup(of: Bool.self) { tasks in
            for (n, handle) in handles.enumerated() {
                tasks.addTask {
                    do {
                        try await handle.transaction { tx in
                            overlap.enter()
                            defer { overlap.leave() }
                            try await Task.sleep(for: .milliseconds(2))  // the first statement comes later, as in a request
                            try await (tx as! any SQLDatabase).raw("INSERT INTO t (n) VALUES (\(bind: n))").run()
                            if n == 7 { throw Refused() }
                        }
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await tasks.reduce(into: [Bool]()) { $0.append($1) }
        }
        struct Count: Decodable { let n: Int }
        let stored = try await (db as! any SQLDatabase).raw("SELECT count(*) AS n FROM t").first(decoding: Count.self)?.n
        #expect(overlap.most == 1, "one transaction at a time")
        #expect(outcomes.filter { $0 }.count == 20 && stored == 20, "the failed one rolled back and handed its turn on")
        #expect((Self.figure(MetricsExport.registry.emitToString(), turns) ?? 0) >= before + 21)
        await databases.shutdownAsync()
        try await threads.shutdownGracefully()
        try await group.shutdownGracefully()
    }
    /// A transaction still waiting for its turn after the turns' patience is refused (503), and
    /// the turns go on: the one holding the turn finishes, the next is served.
    @Test func aTransactionWaitingBeyondThePatienceIsRefused() async throws {
        let turns = SQLiteWriteTurns(patience: .milliseconds(100))
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        let release = loop.makePromise(of: Void.self)
        let first = turns.inTurn(on: loop) { release.futureResult.map { 1 } }
        let second = turns.inTurn(on: loop) { loop.makeSucceededFuture(2) }
        await #expect(throws: SQLiteWriteTurns.Busy.self) { try await second.get() }
        #expect(SQLiteWriteTurns.Busy().status == .serviceUnavailable && SQLiteWriteTurns.Busy().headers.first(name: .retryAfter) == "5")
        release.succeed()
        #expect(try await first.get() == 1)
        #expect(try await turns.inTurn(on: loop) { loop.makeSucceededFuture(3) }.get() == 3, "the turn was handed on")
    }
}
