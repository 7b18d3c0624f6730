import ArgumentParser
import Foundation
import YoujiaoStore
import YoujiaoWeb

/// `youjiao backup` and `youjiao restore`: an SQLite file copied online (`VACUUM INTO`, with its key
/// file), PostgreSQL through its own `pg_dump` / `pg_restore`. Both print the row counts of the
/// main tables, so that a drill compares the copy with its source.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database while it serves (SQLite: VACUUM INTO, with the key file; PostgreSQL: pg_dump).")
    @ArgumentParser.Option(name: .long, help: "The backup file to write (never overwritten).") var to: String
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        switch options.target {
        case .sqlite(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                printError("youjiao backup: no database at \(path)")
                throw ExitCode(2)
            }
            try await withRuntime(options) { runtime in
                do { try await Backup.sqlite(runtime.registry.database, sourcePath: path, to: to) } catch let failure as Backup.Failure {
                    printError("youjiao backup: \(failure)")
                    throw ExitCode(2)
                }
                print("backed up \(path) to \(to)")
            }
            // The copy's own counts: the live file may have changed since the snapshot.
            var copy = options
            copy.database = to
            try await withRuntime(copy) { try await printCounts($0) }
        case .postgres(let url):
            guard !FileManager.default.fileExists(atPath: to) else {
                printError("youjiao backup: \(to) exists already: a backup never overwrites a file")
                throw ExitCode(2)
            }
            try runTool("pg_dump", ["--format=custom", "--no-owner", "--file", to, "--dbname", url])
            print("backed up the PostgreSQL database to \(to) (pg_dump custom format; the field keys live in the environment: keep them too)")
            try await withRuntime(options) { try await printCounts($0) }
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into a new SQLite path, or (pg_restore) into an empty PostgreSQL database; then check it.")
    @ArgumentParser.Option(name: .long, help: "The backup file written by youjiao backup.") var from: String
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        switch options.target {
        case .sqlite(let path):
            do { try Backup.restoreSQLite(from: from, to: path) } catch let failure as Backup.Failure {
                printError("youjiao restore: \(failure)")
                throw ExitCode(2)
            }
            try await withRuntime(options) { runtime in
                let integrity = try await Backup.integrity(runtime.registry.database)
                guard integrity == "ok" else {
                    printError("youjiao restore: \(path) fails the integrity check: \(integrity)")
                    throw ExitCode(1)
                }
                print("restored \(from) to \(path); integrity ok")
                try await printCounts(runtime)
            }
        case .postgres(let url):
            guard FileManager.default.fileExists(atPath: from) else {
                printError("youjiao restore: no backup at \(from)")
                throw ExitCode(2)
            }
            try runTool("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", url, from])
            print("restored \(from) into the PostgreSQL database")
            try await withRuntime(options) { try await printCounts($0) }
        }
    }
}

private func printCounts(_ runtime: YoujiaoRuntime) async throws {
    for (table, rows) in try await Backup.counts(runtime.registry.database) { print("  \(table)\t\(rows)") }
}

/// Runs a PostgreSQL client tool from PATH; its errors go to standard error as they are.
private func runTool(_ name: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    do { try process.run() } catch {
        printError("youjiao: \(name) could not be started (install the PostgreSQL client tools): \(error)")
        throw ExitCode(2)
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        printError("youjiao: \(name) failed with status \(process.terminationStatus)")
        throw ExitCode(1)
    }
}
