import ArgumentParser
import Foundation
import YoujiaoCore
import YoujiaoStore
import YoujiaoWeb

extension EligibilityList: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `youjiao aid match|payments|policies`: student aid without application (免申即享).
struct AidCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aid", abstract: "Student aid without application (免申即享): policies, matching, payments.",
        subcommands: [Match.self, Payments.self, Policies.self])

    static var actor: String { "cli:\(NSUserName())" }

    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grant aid for a school year from the current eligibility lists; problems go to the review queue.",
            discussion: "Idempotent: a rerun adds only what changed. Prints the time spent reading (SQL), matching (Core) and writing (SQL).")
        @ArgumentParser.Option(name: .long, help: "School year (2025 = 2025–26).") var year: Int
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await withRuntime(options) { runtime in
                let aid = AidStore(runtime.registry.database)
                guard try await !aid.policies().isEmpty else {
                    printError("no aid policies: load them with `youjiao aid policies FILE` or `--shanghai-defaults`")
                    throw ExitCode(1)
                }
                let run = try await aid.match(year: year, actor: AidCommand.actor)
                let tally = run.tally
                print("school year \(run.year): \(run.entries) current list entries")
                print("  \(run.grantsCreated) grants made (\(run.yuanCreated) yuan) for \(tally.granted) entries; \(tally.alreadyGranted) already granted; \(tally.coveredByOtherList) covered by another list; \(tally.notValidThisYear) not valid this year")
                print("  review queue: \(run.reviewsCreated) new, \(run.reviewsCleared) cleared; " +
                      AidReviewReason.allCases.map { "\($0.rawValue) \(tally.review[$0] ?? 0)" }.joined(separator: ", "))
                print(String(format: "  time: read %.3f s (SQL), match %.3f s (Core), write %.3f s (SQL)",
                             run.readSeconds, run.matchSeconds, run.writeSeconds))
            }
        }
    }

    struct Payments: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The payment file for the finance system (CSV on standard output, full ID numbers; needs an approved --request; audited).")
        @ArgumentParser.Option(name: .long, help: "School year (2025 = 2025–26).") var year: Int
        @ArgumentParser.Option(name: .long, help: "Only this district (GB/T 2260 code).") var district: String?
        @ArgumentParser.Option(name: .long, help: "The approved export request (youjiao exports request|approve, or /exports); used once.") var request: String?
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await withRuntime(options) { runtime in
                let payments = try await AidStore(runtime.registry.database).payments(year: year, filter: AidScopeFilter(districtCode: district))
                let watermark = try await ExportsCommand.claim(request, kind: .paymentFile,
                                                               parameters: ExportParameters(year: year, districtCode: district), in: runtime)
                let document = watermark.map { $0 + "\n" }.joined() + CSVWriter.document(header: AidPayment.csvHeader, rows: payments.map(\.csvCells))
                FileHandle.standardOutput.write(Data(document.utf8))
                try await runtime.accounts.record([AuditEventRecord(actorId: nil, actorName: AidCommand.actor, action: "export",
                                                                    route: "youjiao aid payments", subjectKind: "aid-payments",
                                                                    subjectId: district ?? "*",
                                                                    detail: "\(payments.count) payments, school year \(year), full ID numbers, request \(request ?? "")")])
                printError("\(payments.count) payments, \(payments.reduce(0) { $0 + $1.yuan }) yuan")
            }
        }
    }

    struct Policies: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load aid policies from a CSV file (or Shanghai's default set), then print them all as CSV.")
        @ArgumentParser.Argument(help: "Policies CSV: \(AidPolicy.csvHeader.joined(separator: ","))") var file: String?
        @ArgumentParser.Flag(name: .customLong("shanghai-defaults"), help: "Load the default Shanghai policy set.") var defaults = false
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            var policies: [AidPolicy] = defaults ? AidPolicy.shanghaiDefaults : []
            if let file {
                do {
                    policies += try AidPolicy.csvDecode(table: try CSVTable.read(path: file), references: RegistryReferences())
                } catch {
                    printError("\(error)")
                    printError("nothing was stored")
                    throw ExitCode(2)
                }
            }
            try await withRuntime(options) { runtime in
                let aid = AidStore(runtime.registry.database)
                // A policy of the file replaces the default of the same id.
                let byID = Dictionary(policies.map { ($0.id, $0) }, uniquingKeysWith: { _, fromFile in fromFile })
                if !byID.isEmpty { try await aid.save(policies: byID.values.sorted { $0.id < $1.id }, actor: AidCommand.actor) }
                print(AidPolicy.csvDocument(try await aid.policies()), terminator: "")
            }
        }
    }
}

/// The demo city's aid (policies, agency lists, a first match), with the demo guardian's children
/// on the 低保 list so the family page shows a notice.
enum AidDemoSeeder {
    static func seed(_ runtime: YoujiaoRuntime, city: DemoCity) async throws {
        var listed: Set<String> = []
        if let guardian = try await runtime.accounts.user(username: "parent")?.guardianId {
            listed = Set(try await runtime.registry.children(ofGuardian: guardian).map(\.nationalId))
        }
        let summary = try await AidDemoLoader.load(city, into: runtime.registry, year: DemoCity.currentYear, alwaysListed: listed)
        let run = summary.run
        print("Aid (免申即享), school year \(run.year): \(summary.entries.values.reduce(0, +)) list entries, \(run.grantsCreated) grants (\(run.yuanCreated) yuan), \(run.reviewsCreated) items to review")
    }
}
