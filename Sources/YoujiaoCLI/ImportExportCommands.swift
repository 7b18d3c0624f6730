import ArgumentParser
import Foundation
import YoujiaoCore
import YoujiaoStore
import YoujiaoWeb

extension RegistryEntityKind: ExpressibleByArgument {}
extension TextEncodingChoice: ExpressibleByArgument {}

/// `youjiao import ENTITY FILE`: the whole file is one transaction; any bad row stores nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file (UTF-8 with or without BOM, or GBK) into the registry.",
        discussion: "ENTITY is one of: \(ImportTarget.allValueStrings.joined(separator: ", ")) (eligibility: an agency's list, with --list NAME). Columns: docs/csv-formats.md (reports: docs/supervision.md; special-education: docs/special-education.md). Exit status 2 when the file has errors; then nothing is stored.")
    @ArgumentParser.Argument var entity: ImportTarget
    @ArgumentParser.Option(name: .long, help: "The eligibility list the file replaces (import eligibility).") var list: EligibilityList?
    @ArgumentParser.Argument var file: String
    @ArgumentParser.Option(name: .long) var encoding: TextEncodingChoice = .auto
    @ArgumentParser.Option(name: .customLong("max-bytes")) var maxBytes = CSVLimits.standard.maxBytes
    @ArgumentParser.Option(name: .customLong("max-rows")) var maxRows = CSVLimits.standard.maxRows
    @OptionGroup var options: DatabaseOptions

    func validate() throws { try entity.validate(list: list) }

    func run() async throws {
        let table: CSVTable
        do {
            table = try CSVTable.read(path: file, limits: CSVLimits(maxBytes: maxBytes, maxRows: maxRows), encoding: encoding)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        try await withRuntime(options) { runtime in
            do {
                let count = try await entity.importTable(table, list: list, into: runtime, actor: "cli:\(NSUserName())")
                try await runtime.accounts.record([AuditEventRecord(actorId: nil, actorName: "cli:\(NSUserName())", action: "import",
                                                                    route: "youjiao import", subjectKind: entity.description, subjectId: "*",
                                                                    detail: "\(count) rows from \(table.fileName)")])
                print("imported \(count) \(entity) from \(table.fileName)")
            } catch let errors as InputErrors {
                printError(errors.description)
                printError("nothing was stored")
                throw ExitCode(2)
            }
        }
    }
}

/// `youjiao export ENTITY`: full values to standard output, for the operator; audited.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write an entity of the registry to standard output.",
        discussion: "students, guardians and teachers hold full ID numbers: they need --request ID, a request approved by a second staff member (youjiao exports request|approve, or /exports), used once; the output then opens with a watermark (CSV: '#' lines before the header; JSON: an object with \"watermark\" and \"records\").")
    enum Format: String, ExpressibleByArgument { case csv, json }
    @ArgumentParser.Argument var entity: RegistryEntityKind
    @ArgumentParser.Option(name: .long) var format: Format = .csv
    @ArgumentParser.Option(name: .long, help: "The approved export request, for entities with full ID numbers.") var request: String?
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withRuntime(options) { runtime in
            let out = FileHandle.standardOutput
            var count = 0
            var first = true
            let watermark = entity.carriesFullIDNumbers
                ? try await ExportsCommand.claim(request, kind: .registryExport, parameters: .registryExport(entity), in: runtime) : []
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            switch format {
            case .csv:
                out.write(Data((watermark.map { $0 + "\n" }.joined() + CSVWriter.line(entity.columns.map(\.name))).utf8))
            case .json where watermark.isEmpty:
                out.write(Data("[".utf8))
            case .json:
                out.write(Data("{\"watermark\": ".utf8) + (try encoder.encode(watermark)) + Data(",\n\"records\": [".utf8))
            }
            // JSON objects carry the CSV column names, so both formats describe a record alike.
            let columnNames = entity.columns.map(\.name)
            try await RegistryExporter(store: runtime.registry).forEachBatch(of: entity) { batch in
                count += batch.count
                var text = ""
                for record in batch {
                    switch format {
                    case .csv: text += CSVWriter.line(record.csvCells)
                    case .json:
                        text += (first ? "\n" : ",\n") + String(decoding: try encoder.encode(Dictionary(uniqueKeysWithValues: zip(columnNames, record.csvCells))), as: UTF8.self)
                        first = false
                    }
                }
                out.write(Data(text.utf8))
            }
            if format == .json { out.write(Data((watermark.isEmpty ? "\n]\n" : "\n]}\n").utf8)) }
            try await runtime.accounts.record([AuditEventRecord(actorId: nil, actorName: "cli:\(NSUserName())", action: "export",
                                                                route: "youjiao export", subjectKind: entity.rawValue, subjectId: "*",
                                                                detail: "\(count) rows, \(format.rawValue), full values" + (request.map { ", request \($0)" } ?? ""))])
        }
    }
}

/// What `youjiao import` reads: an entity of the registry, a supervision report file,
/// special-education case files, or an agency's eligibility list.
enum ImportTarget: ExpressibleByArgument, CustomStringConvertible {
    case registry(RegistryEntityKind)
    case supervision(SupervisionReportKind)
    case specialEducation
    case eligibility
    case kindergartenFees(KindergartenFeeImporter.Kind)

    init?(argument: String) {
        if let kind = KindergartenFeeImporter.Kind(rawValue: argument) {
            self = .kindergartenFees(kind)
        } else if let kind = RegistryEntityKind(rawValue: argument) {
            self = .registry(kind)
        } else if let kind = SupervisionReportKind(rawValue: argument) {
            self = .supervision(kind)
        } else if argument == "special-education" {
            self = .specialEducation
        } else if argument == "eligibility" {
            self = .eligibility
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] {
        RegistryEntityKind.allCases.map(\.rawValue) + SupervisionReportKind.allCases.map(\.rawValue) + ["special-education", "eligibility"]
            + KindergartenFeeImporter.Kind.allCases.map(\.rawValue)
    }

    var description: String {
        switch self {
        case .registry(let kind): return kind.rawValue
        case .supervision(let kind): return kind.rawValue
        case .specialEducation: return "special-education"
        case .eligibility: return "eligibility"
        case .kindergartenFees(let kind): return kind.rawValue
        }
    }

    /// `--list` goes with an eligibility file, and only with one.
    func validate(list: EligibilityList?) throws {
        switch (self, list) {
        case (.eligibility, nil): throw ValidationError("import eligibility needs --list NAME (\(EligibilityList.namesForMessages))")
        case (.eligibility, _?): break
        case (_, _?): throw ValidationError("--list belongs to import eligibility")
        default: break
        }
    }

    /// Validates and stores the whole table in one transaction; throws `InputErrors` and stores nothing.
    func importTable(_ table: CSVTable, list: EligibilityList?, into runtime: YoujiaoRuntime, actor: String) async throws -> Int {
        switch self {
        case .registry(let kind):
            return try await RegistryImporter(store: runtime.registry).importTable(table, as: kind)
        case .supervision(let kind):
            return try await SupervisionImporter(store: SupervisionStore(runtime.registry.database))
                .importTable(table, as: kind, submittedBy: actor)
        case .specialEducation:
            // The rules count today in Shanghai, as the web forms do.
            return try await SpecialEducationImporter(runtime.registry.database).importTable(table, today: .today())
        case .eligibility:
            guard let list else { throw ValidationError("--list is required") }
            let entries = try EligibilityEntry.decodeList(table, list: list)
            let summary = try await AidStore(runtime.registry.database)
                .replaceList(list, with: entries, sourceFile: table.fileName, actor: actor)
            print("\(list.rawValue) (\(list.labelZH)): \(summary.added) added, \(summary.changed) changed, \(summary.unchanged) unchanged, \(summary.removed) removed (no further grants for them)")
            return entries.count
        case .kindergartenFees(let kind):
            return try await KindergartenFeeImporter.importTable(table, as: kind, into: runtime.registry.database)
        }
    }
}

/// `youjiao kindergarten-fees export fees|caps`: the import's format on standard output, so that an
/// export imported again gives the same items (fees are public data: no request needed).
struct KindergartenFeesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kindergarten-fees", abstract: "Kindergarten fees made public.",
                                                    subcommands: [Export.self])
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write every kindergarten's fee items (fees) or the caps in force (caps) as CSV.")
        enum What: String, ExpressibleByArgument { case fees, caps }
        @ArgumentParser.Argument var what: What
        @OptionGroup var options: DatabaseOptions
        func run() async throws {
            try await withRuntime(options) { runtime in
                let store = KindergartenFeeStore(runtime.registry.database)
                switch what {
                case .fees:
                    let bySchool = try await store.items()
                    let items = bySchool.keys.sorted().flatMap { bySchool[$0] ?? [] }.map(\.item)
                    FileHandle.standardOutput.write(Data(KindergartenFeeCSV.itemLines(items).utf8))
                case .caps:
                    let caps = try await store.caps().sorted { ($0.districtCode, $0.grade.rawValue) < ($1.districtCode, $1.grade.rawValue) }
                    FileHandle.standardOutput.write(Data(KindergartenFeeCSV.capLines(caps).utf8))
                }
            }
        }
    }
}
