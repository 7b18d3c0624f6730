import ArgumentParser
import Foundation
import Logging
import Synchronization
import YoujiaoCore
import YoujiaoStore
import YoujiaoWeb

/// `youjiao`: serve the platform and operate its database.
public struct YoujiaoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "youjiao",
        abstract: "优教 Youjiao: registry, enrollment, planning and supervision for basic education.",
        subcommands: [ServeCommand.self, MigrateCommand.self, SeedCommand.self, ImportCommand.self, ExportCommand.self,
                      UserCommand.self, TokenCommand.self, AuditCommand.self, KeysCommand.self, IndicatorsCommand.self,
                      AidCommand.self, ExportsCommand.self, BackupCommand.self, RestoreCommand.self, KindergartenFeesCommand.self] + YoujiaoCommand.engineCommands)
    public init() {}

    private static let loggingBootstrapped = Mutex(false)

    /// Log to standard error, so `export` can write data to standard output: text, or one JSON
    /// object a line. swift-log takes one bootstrap a process, so the first call's format holds.
    static func bootstrapLogging(_ format: LogFormat) {
        loggingBootstrapped.withLock { done in
            guard !done else { return }
            done = true
            let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
            LoggingSystem.bootstrap { label -> any LogHandler in
                switch format {
                case .text:
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = level
                    return handler
                case .json:
                    var handler = JSONLogHandler(label: label)
                    handler.logLevel = level
                    return handler
                }
            }
        }
    }
}

/// How the log on standard error is written: `--log-format` (serve), else YOUJIAO_LOG_FORMAT, else text.
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
    static let variable = "YOUJIAO_LOG_FORMAT"

    static func resolve(_ option: LogFormat?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LogFormat {
        if let option { return option }
        guard let value = environment[variable], !value.isEmpty else { return .text }
        guard let format = LogFormat(rawValue: value) else { throw ValidationError("\(variable) must be text or json, not \(value)") }
        return format
    }
}

/// `--database PATH`, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: "SQLite file (ignored when DATABASE_URL is set).")
    var database: String = "./youjiao.sqlite"

    var target: DatabaseTarget { DatabaseTarget.resolve(sqlitePath: database) }

    func open(hostname: String = "127.0.0.1") async throws -> YoujiaoRuntime {
        YoujiaoCommand.bootstrapLogging(try LogFormat.resolve(nil))
        return try await YoujiaoRuntime.open(target, hostname: hostname)
    }
}

/// Runs `body` with an open runtime and always shuts it down.
func withRuntime<T>(_ options: DatabaseOptions, hostname: String = "127.0.0.1",
                    _ body: (YoujiaoRuntime) async throws -> T) async throws -> T {
    let runtime = try await options.open(hostname: hostname)
    do {
        let result = try await body(runtime)
        await runtime.shutdown()
        return result
    } catch {
        await runtime.shutdown()
        throw error
    }
}

/// Account and token administration from the command line goes into the audit trail.
func recordAdministration(_ runtime: YoujiaoRuntime, action: String, subjectKind: String, subjectID: String, detail: String = "") async throws {
    try await runtime.accounts.record([AuditEventRecord(actorId: nil, actorName: "cli:\(NSUserName())", action: action,
                                                        route: "youjiao \(CommandLine.arguments.dropFirst().prefix(2).joined(separator: " "))",
                                                        subjectKind: subjectKind, subjectId: subjectID, detail: detail)])
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the web UI and the JSON API.")
    @ArgumentParser.Option(name: .long) var hostname = "127.0.0.1"
    @ArgumentParser.Option(name: .long) var port = 8080
    @ArgumentParser.Flag(name: .long, help: "Load the demo city when the database is empty and print the demo accounts.")
    var demo = false
    @ArgumentParser.Option(name: .long, help: "Demo city scale (1 = the full city).")
    var scale: Double = DemoSeeder.defaultScale
    @ArgumentParser.Option(name: .long, help: "The log on standard error: text, or json (one object a line). Default: YOUJIAO_LOG_FORMAT, else text.")
    var logFormat: LogFormat?
    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        _ = try LogFormat.resolve(logFormat)
    }

    func run() async throws {
        YoujiaoCommand.bootstrapLogging(try LogFormat.resolve(logFormat))
        // A mistyped path would otherwise create an empty database and serve an empty platform.
        if case .sqlite(let path) = options.target, !demo, !FileManager.default.fileExists(atPath: path) {
            FileHandle.standardError.write(Data(("youjiao serve: no database at \(path). Create it with `youjiao migrate --database \(path)` "
                + "and import the registry, or serve the demo city with --demo.\n").utf8))
            throw ExitCode(2)
        }
        try await withRuntime(options, hostname: hostname) { runtime in
            print("优教 Youjiao: \(runtime.target)")
            if demo {
                if try await runtime.registry.count(.districts) == 0 {
                    try await DemoSeeder.seed(runtime, scale: scale, randomSeed: 1)
                } else {
                    print("The database already holds data; demo accounts were printed when it was seeded.")
                    print("Reset one with: youjiao user reset-password USERNAME")
                }
            }
            print("Listening on http://\(hostname):\(port)")
            try await runtime.serve(hostname: hostname, port: port)
        }
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the database schema.")
    @OptionGroup var options: DatabaseOptions
    func run() async throws {
        // Opening the runtime runs every pending migration.
        try await withRuntime(options) { runtime in print("Database schema is up to date (\(runtime.target)).") }
    }
}

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed", abstract: "Load the synthetic demo city into an empty database.")
    @ArgumentParser.Flag(name: .long, help: "The synthetic Shanghai demo city (required).") var demo = false
    @ArgumentParser.Option(name: .long, help: "1 = the full city (~2.3 million children).") var scale: Double = DemoSeeder.defaultScale
    @ArgumentParser.Option(name: .customLong("random-seed")) var randomSeed: UInt64 = 1
    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        guard demo else { throw ValidationError("only --demo seeding exists; import real data with `youjiao import`") }
        guard DemoCity.allowedScales.contains(scale) else { throw ValidationError("--scale must be within \(DemoCity.allowedScales)") }
    }

    func run() async throws {
        try await withRuntime(options) { runtime in
            guard try await runtime.registry.count(.districts) == 0 else {
                printError("the database already holds a registry; seed an empty database")
                throw ExitCode(1)
            }
            try await DemoSeeder.seed(runtime, scale: scale, randomSeed: randomSeed)
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage accounts.",
                                                    subcommands: [Create.self, ResetPassword.self, Disable.self, Enable.self, List.self])

    struct Create: AsyncParsableCommand {
        @ArgumentParser.Argument var username: String
        @ArgumentParser.Option(name: .long, help: "city-admin, district-admin, school-admin, teacher or guardian") var role: String
        @ArgumentParser.Option(name: .long) var name: String?
        @ArgumentParser.Option(name: .long) var district: String?
        @ArgumentParser.Option(name: .long) var school: String?
        @ArgumentParser.Option(name: .long, help: "the guardian's ID number (a guardian account)") var guardian: String?
        @ArgumentParser.Option(name: .long, help: "the teacher's ID number (a teacher account; their school and district are the registry's)") var teacher: String?
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("unknown role \(role)") }
            try await withRuntime(options) { runtime in
                var guardianRowID: String?
                if role == .guardian {
                    guard let guardian, let row = try await runtime.registry.guardian(nationalID: guardian) else {
                        throw ValidationError("--guardian must name a guardian in the registry")
                    }
                    guardianRowID = row.id
                }
                var teacherRow: TeacherRecord?
                var districtCode = district, schoolID = school
                if role == .teacher {
                    guard let teacher, let row = try await runtime.registry.teacher(nationalID: teacher.uppercased()),
                          let school = try await runtime.registry.school(id: row.schoolId) else {
                        throw ValidationError("--teacher must name a teacher in the registry")
                    }
                    guard try await runtime.accounts.user(teacherID: row.id) == nil else { throw ValidationError("this teacher has an account already") }
                    teacherRow = row
                    districtCode = school.districtCode; schoolID = row.schoolId
                }
                if role == .districtAdmin, try await district.asyncMap({ try await runtime.registry.district(code: $0) }) == nil {
                    throw ValidationError("--district must name a district in the registry")
                }
                if role == .schoolAdmin, try await school.asyncMap({ try await runtime.registry.school(id: $0) }) == nil {
                    throw ValidationError("--school must name a school in the registry")
                }
                let password = Passwords.random()
                try await runtime.accounts.create(UserRecord(username: username.lowercased(), passwordHash: try Passwords.hash(password), role: role,
                                                             displayName: name ?? teacherRow?.name ?? username, districtCode: districtCode, schoolId: schoolID,
                                                             guardianId: guardianRowID, teacherId: teacherRow?.id))
                try await recordAdministration(runtime, action: "account-created", subjectKind: "user", subjectID: username.lowercased(),
                                               detail: role.rawValue)
                print("created \(username.lowercased()) (\(role.rawValue)); password, shown once: \(password)")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password")
        @ArgumentParser.Argument var username: String
        @OptionGroup var options: DatabaseOptions
        func run() async throws {
            try await withRuntime(options) { runtime in
                let password = Passwords.random()
                guard try await runtime.accounts.setPasswordHash(username: username.lowercased(), hash: try Passwords.hash(password)) else {
                    printError("no account \(username)")
                    throw ExitCode(1)
                }
                try await runtime.accounts.clearSignInAttempts(key: SignInPolicy.accountKey(username.lowercased()))
                if let user = try await runtime.accounts.user(username: username.lowercased()) {
                    try await runtime.accounts.endSessions(userID: user.id)
                }
                try await recordAdministration(runtime, action: "password-reset", subjectKind: "user", subjectID: username.lowercased(),
                                               detail: "open sessions ended")
                print("new password for \(username.lowercased()), shown once: \(password)")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account: it signs in no more, its sessions end now and its API tokens stop working.")
        @ArgumentParser.Argument var username: String
        @OptionGroup var options: DatabaseOptions
        func run() async throws { try await UserCommand.setDisabled(username, true, options) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again.")
        @ArgumentParser.Argument var username: String
        @OptionGroup var options: DatabaseOptions
        func run() async throws { try await UserCommand.setDisabled(username, false, options) }
    }

    static func setDisabled(_ username: String, _ disabled: Bool, _ options: DatabaseOptions) async throws {
        let name = username.lowercased()
        try await withRuntime(options) { runtime in
            guard try await runtime.accounts.setDisabled(username: name, disabled, now: Date().timeIntervalSince1970) else {
                printError(try await runtime.accounts.user(username: name) == nil ? "no account \(name)"
                           : "\(name) is already \(disabled ? "disabled" : "enabled")")
                throw ExitCode(1)
            }
            try await recordAdministration(runtime, action: disabled ? "account-disabled" : "account-enabled", subjectKind: "user", subjectID: name)
            print(disabled ? "disabled \(name); its sessions ended and its tokens stop working" : "enabled \(name)")
        }
    }

    struct List: AsyncParsableCommand {
        @OptionGroup var options: DatabaseOptions
        func run() async throws {
            try await withRuntime(options) { runtime in
                for user in try await runtime.accounts.users() {
                    print([user.username, user.role, user.districtCode ?? "", user.schoolId ?? "", user.displayName,
                           user.isDisabled ? "disabled" : "active"].joined(separator: "\t"))
                }
            }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "API tokens for system clients: each has a name, an owner, a scope and an expiry.",
                                                    subcommands: [Create.self, List.self, Revoke.self])
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print it once (only its hash is stored).")
        @ArgumentParser.Option(name: .long, help: "The account the token acts as.") var username: String
        @ArgumentParser.Option(name: .long, help: "What the token is for (the calling system).") var name = "api"
        @ArgumentParser.Option(name: .long, help: "registry:read or campaigns:read.") var scope = TokenScope.registryRead.rawValue
        @ArgumentParser.Option(name: .long, help: "Days until it expires (1–\(TokenScope.longestLifeDays)).") var days = 90
        @OptionGroup var options: DatabaseOptions
        func run() async throws {
            guard let tokenScope = TokenScope(rawValue: scope) else {
                printError("--scope must be one of \(TokenScope.allCases.map(\.rawValue).joined(separator: ", "))")
                throw ExitCode(2)
            }
            guard (1...TokenScope.longestLifeDays).contains(days) else {
                printError("--days must be from 1 to \(TokenScope.longestLifeDays)")
                throw ExitCode(2)
            }
            try await withRuntime(options) { runtime in
                guard let user = try await runtime.accounts.user(username: username.lowercased()) else {
                    printError("no account \(username)")
                    throw ExitCode(1)
                }
                let token = SecretTokens.generate(prefix: "yj_")
                let expires = Date().timeIntervalSince1970 + Double(days) * 86400
                let record = APITokenRecord(userId: user.id, tokenHash: SecretTokens.hash(token), name: name, scope: tokenScope, expiresAt: expires)
                try await runtime.accounts.addToken(record)
                try await recordAdministration(runtime, action: "token-created", subjectKind: "api-token", subjectID: record.id,
                                               detail: "\(name) for \(user.username), \(tokenScope.rawValue), \(days) days")
                print(token)
            }
        }
    }
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every token: id, name, owner, scope, expiry, state (never the token).")
        @OptionGroup var options: DatabaseOptions
        func run() async throws {
            try await withRuntime(options) { runtime in
                let owners = Dictionary(uniqueKeysWithValues: try await runtime.accounts.users().map { ($0.id, $0.username) })
                let now = Date().timeIntervalSince1970
                print(CSVWriter.line(["id", "name", "owner", "scope", "created_at", "expires_at", "state"]), terminator: "")
                for token in try await runtime.accounts.tokens() {
                    let expires = token.expiresAt.map { Timestamp.string(Date(timeIntervalSince1970: $0), milliseconds: false) } ?? ""
                    let state = token.revokedAt != nil ? "revoked" : (token.expiresAt ?? 0) <= now ? "expired" : "active"
                    print(CSVWriter.line([token.id, token.name, owners[token.userId] ?? "", token.scope, token.createdAt, expires, state]), terminator: "")
                }
            }
        }
    }
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id (from `token list`).")
        @ArgumentParser.Argument var id: String
        @OptionGroup var options: DatabaseOptions
        func run() async throws {
            try await withRuntime(options) { runtime in
                guard try await runtime.accounts.revokeToken(id: id, now: Date().timeIntervalSince1970) else {
                    printError("no active token with id \(id)")
                    throw ExitCode(1)
                }
                try await recordAdministration(runtime, action: "token-revoked", subjectKind: "api-token", subjectID: id)
                print("revoked \(id)")
            }
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit trail.", subcommands: [Verify.self])
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the audit trail's hash chain: exit 0 and print the head hash when intact, exit 1 naming the first changed or missing event.")
        @OptionGroup var options: DatabaseOptions
        func run() async throws {
            try await withRuntime(options) { runtime in
                do {
                    let (events, head) = try await runtime.accounts.verifyAuditChain()
                    print("audit trail intact: \(events) events, head \(head)")
                } catch let broken as AuditChain.Break {
                    printError("audit trail broken: \(broken)")
                    throw ExitCode(1)
                }
            }
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
