import ArgumentParser
import Foundation
import YoujiaoCore
import YoujiaoStore
import YoujiaoWeb

extension ExportKind: ExpressibleByArgument {}

/// `youjiao exports request|approve|refuse`: the two-person rule for exports with full ID numbers,
/// for an operator without the web UI. Each step names the staff account that takes it (`--by`)
/// and is judged by the same rules as the Exports page; `youjiao export ENTITY --request ID` and
/// `youjiao aid payments --request ID` then use the approval once.
struct ExportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exports",
        abstract: "Requests for exports with full ID numbers: one staff member asks, another approves (same rules as /exports).",
        subcommands: [Request.self, Approve.self, Refuse.self])

    /// The staff account named by `--by`, as the rules see it; exit 2 for an unknown or non-staff account.
    static func actor(_ username: String, in runtime: YoujiaoRuntime) async throws -> ExportActor {
        guard let user = try await runtime.accounts.user(username: username), user.roleValue.isStaff else {
            printError("no staff account named \(username)")
            throw ExitCode(2)
        }
        let scope = AccessScope(role: user.roleValue, districtCode: user.districtCode, schoolID: user.schoolId)
        return ExportActor(party: ExportParty(username: user.username, scope: scope), displayName: "\(user.displayName)（\(user.username)）")
    }

    static func audit(_ runtime: YoujiaoRuntime, _ action: String, _ record: ExportRequestRecord, by username: String) async throws {
        try await runtime.accounts.record([AuditEventRecord(actorId: nil, actorName: "cli:\(NSUserName()) as \(username)", action: action,
                                                            route: "youjiao exports", subjectKind: "export-request", subjectId: record.id,
                                                            detail: "\(record.kind) requested by \(record.requestedBy)")])
    }

    static func refused(_ refusal: ExportRefusal) -> ExitCode {
        printError(refusal.en)
        return ExitCode(2)
    }

    struct Request: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ask for an export; prints the request's id.")
        @ArgumentParser.Argument(help: "payment-file or registry-export") var kind: ExportKind
        @ArgumentParser.Option(name: .long, help: "School year of the payment file (2025 = 2025–26).") var year: Int?
        @ArgumentParser.Option(name: .long, help: "Only this district's payment file (GB/T 2260 code).") var district: String?
        @ArgumentParser.Option(name: .long, help: "The registry entity: students, guardians or teachers.") var entity: String?
        @ArgumentParser.Option(name: .long, help: "Why the file is needed (required, at most 500 characters).") var reason: String
        @ArgumentParser.Option(name: .long, help: "The staff account that asks.") var by: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await withRuntime(options) { runtime in
                let requester = try await ExportsCommand.actor(by, in: runtime)
                let parameters: ExportParameters
                switch kind {
                case .paymentFile:
                    guard let year, (2000...2100).contains(year) else { printError("payment-file needs --year between 2000 and 2100"); throw ExitCode(2) }
                    parameters = .paymentFile(year: year, askedDistrict: district, scope: requester.party.scope)
                case .registryExport:
                    parameters = ExportParameters(entity: entity)
                }
                do {
                    let record = try await ExportRequestStore(runtime.registry.database).request(kind: kind, parameters: parameters, reason: reason, by: requester)
                    try await ExportsCommand.audit(runtime, "export-requested", record, by: by)
                    print(record.id)
                } catch let refusal as ExportRefusal {
                    throw ExportsCommand.refused(refusal)
                }
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve a colleague's request (not one's own).")
        @ArgumentParser.Argument var id: String
        @ArgumentParser.Option(name: .long, help: "The staff account that approves.") var by: String
        @ArgumentParser.Option(name: .long) var note = ""
        @OptionGroup var options: DatabaseOptions

        func run() async throws { try await decide(id: id, approve: true, note: note, by: by, options: options) }
    }

    struct Refuse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse a colleague's request, saying why.")
        @ArgumentParser.Argument var id: String
        @ArgumentParser.Option(name: .long, help: "The staff account that refuses.") var by: String
        @ArgumentParser.Option(name: .long, help: "Why (required).") var note: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws { try await decide(id: id, approve: false, note: note, by: by, options: options) }
    }

    static func decide(id: String, approve: Bool, note: String, by: String, options: DatabaseOptions) async throws {
        try await withRuntime(options) { runtime in
            let approver = try await actor(by, in: runtime)
            do {
                let record = try await ExportRequestStore(runtime.registry.database).decide(id: id, approve: approve, note: note, by: approver)
                try await audit(runtime, approve ? "export-approved" : "export-refused", record, by: by)
                print("\(record.id) \(record.status)")
            } catch let refusal as ExportRefusal {
                throw refused(refusal)
            }
        }
    }

    /// Uses the approval `id` for one export of `kind` with `parameters` and returns the watermark
    /// lines; exit 2 with the reason when there is no usable approval.
    static func claim(_ id: String?, kind: ExportKind, parameters: ExportParameters, in runtime: YoujiaoRuntime) async throws -> [String] {
        guard let id, !id.isEmpty else {
            printError("this export holds full ID numbers: it needs --request ID, a request approved by a second staff member (youjiao exports request|approve, or the Exports page /exports)")
            throw ExitCode(2)
        }
        do {
            let record = try await ExportRequestStore(runtime.registry.database)
                .claimDownload(id: id, kind: kind, parameters: parameters, downloader: nil, actor: "cli:\(NSUserName())")
            return ExportWatermark.lines(requester: record.requesterName, approver: record.approverName ?? "",
                                         downloadedAt: Date(timeIntervalSince1970: record.downloadedAt ?? Date().timeIntervalSince1970), requestID: record.id)
        } catch let refusal as ExportRefusal {
            throw refused(refusal)
        }
    }
}
