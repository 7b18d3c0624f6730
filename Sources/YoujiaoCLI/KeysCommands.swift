import ArgumentParser
import Foundation
import YoujiaoCore
import YoujiaoStore

/// `youjiao keys`: the keys that seal ID numbers, disability details, eligibility lists and
/// second-factor secrets at rest (docs/security.md, "Encryption at rest").
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Field encryption keys: generate them, rotate to a new one.",
                                                    subcommands: [Generate.self, Rotate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print fresh keys as environment variables (for a new deployment), or with --data-key one new data key to put first in YOUJIAO_FIELD_KEYS.")
        @ArgumentParser.Flag(name: .long, help: "Print only a new data key (KEY-ID:BASE64), for a rotation.") var dataKey = false
        func run() throws {
            let ring = FieldKeyRing.generate()
            if dataKey {
                print(ring.environmentForm[0].value)
            } else {
                for (variable, value) in ring.environmentForm { print("\(variable)=\(value)") }
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-seal every protected value under the current key and recompute the blind indexes, in one transaction.",
            discussion: """
                With the keys in the environment, first put a new key (youjiao keys generate --data-key) at the front of \
                YOUJIAO_FIELD_KEYS, keeping the old ones, and restart the servers; then run this; then the old keys can be removed. \
                With the key file of an SQLite database, --new-key adds the new key to the file itself.
                """)
        @ArgumentParser.Flag(name: .long, help: "SQLite key file only: add a new current key to the key file before re-sealing.") var newKey = false
        @OptionGroup var options: DatabaseOptions
        func run() async throws {
            let source: FieldProtection.Source
            do {
                (_, source) = try FieldProtection.resolve(for: options.target)
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
            try await withRuntime(options) { runtime in
                if newKey {
                    guard case .keyFile(let path, _) = source else {
                        printError("--new-key works on an SQLite key file; with \(FieldKeyRing.dataKeysVariable) set, put the new key first in it (youjiao keys generate --data-key)")
                        throw ExitCode(2)
                    }
                    let ring = try FieldProtection.ring.adding(FieldKeyRing.generate().current)
                    try FieldProtection.writeKeyFile(ring, to: path)
                    FieldProtection.install(ring)
                    print("new key \(ring.current.id) added to \(path)")
                }
                let counts: [FieldResealing.Count]
                do {
                    counts = try await runtime.resealProtectedFields()
                } catch let error as ResealingError {
                    printError("\(error)")
                    throw ExitCode(1)
                }
                let current = try FieldProtection.ring.current.id
                for count in counts {
                    print("\(count.table).\(count.column): \(count.values) values re-sealed, \(count.underOlderKeys) were under older keys")
                }
                let total = counts.reduce(0) { $0 + $1.values }
                try await runtime.accounts.record([AuditEventRecord(actorId: nil, actorName: "cli:\(NSUserName())", action: "keys-rotate",
                                                                    route: "youjiao keys rotate", subjectKind: "field-keys", subjectId: current,
                                                                    detail: "\(total) values re-sealed under key \(current)")])
                print("every protected value is sealed under key \(current); older keys can now be removed")
            }
        }
    }
}
