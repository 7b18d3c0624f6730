import FluentKit
import Foundation
import Logging
import NIOPosix
import SQLKit
import Testing
@testable import YoujiaoStore
import YoujiaoTestSupport

/// DATABASE_URL: the multi-host form `pg_autoctl show uri` prints, read strictly (a bad URL is
/// refused by name, never a crash), never printed with its password; and the store choosing the
/// first host that takes writes.
@Suite("DatabaseTarget")
struct DatabaseTargetTests {
    @Test func readsTheFormPgAutoctlPrints() throws {
        let url = try PostgresURL("postgres://autoctl_node@127.0.0.1:5501,127.0.0.1:5502/youjiao?target_session_attrs=read-write&sslmode=prefer")
        #expect(url.username == "autoctl_node")
        #expect(url.password == nil)
        #expect(url.hosts == [.init(name: "127.0.0.1", port: 5501), .init(name: "127.0.0.1", port: 5502)])
        #expect(url.database == "youjiao")
        #expect(url.sessionAttributes == .readWrite)
        #expect(url.tlsMode == "prefer")
    }

    @Test func readsOneHostPortsPasswordsAndIPv6() throws {
        let plain = try PostgresURL("postgresql://app:p%40ss%3Aw0rd@db.internal/city")
        #expect(plain.password == "p@ss:w0rd")
        #expect(plain.hosts == [.init(name: "db.internal", port: 5432)])
        #expect(plain.sessionAttributes == .any && plain.tlsMode == nil)

        let mixed = try PostgresURL("postgres://app@[::1]:6432,db-2,10.0.0.7:5433?target_session_attrs=primary&sslmode=disable")
        #expect(mixed.hosts.map(\.description) == ["[::1]:6432", "db-2:5432", "10.0.0.7:5433"])
        #expect(mixed.database == nil && mixed.sessionAttributes == .readWrite && mixed.tlsMode == "disable")
        #expect(try PostgresURL("postgres://app@h/").database == nil)
    }

    @Test(arguments: [
        ("postgres://app:secret@h1:99999/db", "the host (h1): the port “99999”"),
        ("postgres://app:secret@h1:5432,h2:0/db", "host 2 of 2"),
        ("postgres://app:secret@h1:5432,h2:99999999999999999999999999/db", "is not a number from 1 to 65535"),
        ("postgres://app:secret@h1:port/db", "the port “port”"),
        ("postgres://app:secret@h1,,h3/db", "host 2 of 3 is empty"),
        ("postgres://app:secret@/db", "the host is empty"),
        ("postgres://secret@h1:5432:5433/db", "more than one “:”"),
        ("postgres://app:secret@[::1/db", "without “]”"),
        ("postgres://app:secret@h$1/db", "is not a host name or address"),
        ("postgres://h1:5432/db", "names no user"),
        ("postgres://:secret@h1/db", "user name is empty"),
        ("mysql://app:secret@h1/db", "“mysql” is not postgres://"),
        ("app:secret@h1/db", "does not start with postgres://"),
        ("postgres://app:secret@h1/db?connect_timeout=5", "“connect_timeout” is not supported"),
        ("postgres://app:secret@h1/db?target_session_attrs=standby", "target_session_attrs=“standby”"),
        ("postgres://app:secret@h1/db?sslmode=maybe", "sslmode=“maybe” is not one of"),
        ("postgres://app:secret@h1/db?sslmode", "has no value"),
        ("postgres://app:secret@h1/db/extra", "not /DATABASE"),
        ("postgres://app:sec#ret@h1/db", "%23"),
    ])
    func refusesAMalformedURLByName(url: String, expected: String) {
        #expect {
            try PostgresURL(url)
        } throws: { error in
            let message = String(describing: error)
            return message.contains(expected) && !message.contains("secret") && !message.contains("sec#ret")
        }
    }

    @Test func registeringAMalformedURLThrowsInsteadOfTrapping() async {
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        await #expect(throws: PostgresURLError.self) { try await StoreSetup.register(.postgres(url: "postgres://app:secret@db:70000/city"), on: databases) }
        await #expect(throws: PostgresURLError.self) { try await StoreSetup.register(.postgres(url: "postgres://app@db1:5432,db2:x/city"), on: databases) }
    }

    @Test func theDescriptionNeverShowsThePassword() {
        let multi = DatabaseTarget.postgres(url: "postgres://app:s3cret%21@10.0.0.1:5432,10.0.0.2:5432/city?target_session_attrs=read-write")
        #expect(multi.description == "PostgreSQL postgres://app:***@10.0.0.1:5432,10.0.0.2:5432/city?target_session_attrs=read-write")
        let single = DatabaseTarget.postgres(url: "postgres://app:s3cret@db/city")
        #expect(single.description == "PostgreSQL postgres://app:***@db/city")
        #expect(DatabaseTarget.postgres(url: "postgres://app@db/city").description == "PostgreSQL postgres://app@db/city")
    }

    @Test func noReachableHostIsRefusedWithEachHostsAnswer() async {
        // Nothing listens on ports 1 and 2 of the loopback address: both connections are refused at once.
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        await #expect {
            try await StoreSetup.register(.postgres(url: "postgres://app:secret@127.0.0.1:1,127.0.0.1:2/city?target_session_attrs=read-write&sslmode=disable"),
                                    on: databases)
        } throws: { error in
            let message = String(describing: error)
            return error is NoUsableHost && message.contains("takes writes") && message.contains("127.0.0.1:1: unreachable")
                && message.contains("127.0.0.1:2: unreachable") && !message.contains("secret")
        }
    }

    /// On PostgreSQL (scripts/test's second run): a host that is down before the real server is passed
    /// over, and a server whose sessions are read-only (as a standby's are) is not chosen for writes.
    @Test func theFirstHostThatTakesWritesIsChosen() async throws {
        guard TestDatabase.backend == "postgres" else { return }
        let database = try await TestDatabase.make()
        do {
            try await chooseTheWritableHost(database)
            await database.destroy()
        } catch {
            await database.destroy()
            throw error
        }
    }

    func chooseTheWritableHost(_ database: TestDatabase) async throws {
        guard case .postgres(let url) = database.target else { Issue.record("not a PostgreSQL target"); return }
        let parsed = try PostgresURL(url)
        let real = try #require(parsed.hosts.first).description, name = try #require(parsed.database)
        // The same URL with a host before the real one where nothing listens (port 1 of the loopback address).
        let at = try #require(url.range(of: "@"))
        let withDeadHost = String(url[..<at.upperBound]) + "127.0.0.1:1," + String(url[at.upperBound...])
        func multi(_ attributes: String) -> String { withDeadHost + (withDeadHost.contains("?") ? "&" : "?") + "target_session_attrs=" + attributes }

        try await withStore(multi("read-write")) { sql in
            try await sql.raw("CREATE TABLE routed (id INT)").run()
            try await sql.raw("INSERT INTO routed VALUES (1)").run()
            // From now on every new session of the database is read-only, as a standby's are.
            try await sql.raw("ALTER DATABASE \(ident: name) SET default_transaction_read_only = on").run()
        }
        await #expect {
            try await withStore(multi("read-write")) { _ in }
        } throws: { error in
            String(describing: error).contains("127.0.0.1:1: unreachable") && String(describing: error).contains("\(real): read-only (a standby)")
        }
        try await withStore(multi("any")) { sql in
            struct Row: Decodable { var id: Int }
            let ids = try await sql.raw("SELECT id FROM routed").all(decoding: Row.self).map(\.id)
            #expect(ids == [1])
        }
    }

    /// Registers `url` and runs `body` on it; the pools are closed on every path.
    func withStore(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let loop = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: .singleton, on: loop)
        do {
            try await StoreSetup.register(.postgres(url: url), on: databases)
            try await body(try #require(databases.database(logger: Logger(label: "test"), on: loop.any()) as? any SQLDatabase))
            await databases.shutdownAsync()
        } catch {
            await databases.shutdownAsync()
            throw error
        }
    }
}
