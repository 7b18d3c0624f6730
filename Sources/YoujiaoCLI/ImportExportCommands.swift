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
        discussion: "ENTITY is one of: \(ImportTarget.allValueStrings.joined(separator: ", ")). Columns: docs/csv-formats.md (reports: docs/supervision.md; special-education: docs/special-education.md). Exit status 2 when the file has errors; then nothing is stored.")
    @ArgumentParser.Argument var entity: ImportTarget
    @ArgumentParser.Argument var file: String
    @ArgumentParser.Option(name: .long) var encoding: TextEncodingChoice = .auto
    @ArgumentParser.Option(name: .customLong("max-bytes")) var maxBytes = CSVLimits.standard.maxBytes
    @ArgumentParser.Option(name: .customLong("max-rows")) var maxRows = CSVLimits.standard.maxRows
    @OptionGroup var options: DatabaseOptions

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
                let count = try await entity.importTable(table, into: runtime, actor: "cli:\(NSUserName())")
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
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write an entity of the registry to standard output.")
    enum Format: String, ExpressibleByArgument { case csv, json }
    @ArgumentParser.Argument var entity: RegistryEntityKind
    @ArgumentParser.Option(name: .long) var format: Format = .csv
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withRuntime(options) { runtime in
            let out = FileHandle.standardOutput
            var count = 0
            var first = true
            if format == .csv { out.write(Data(CSVWriter.line(entity.columns.map(\.name)).utf8)) } else { out.write(Data("[".utf8)) }
            // JSON objects carry the CSV column names, so both formats describe a record alike.
            let columnNames = entity.columns.map(\.name)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
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
            if format == .json { out.write(Data("\n]\n".utf8)) }
            try await runtime.accounts.record([AuditEventRecord(actorId: nil, actorName: "cli:\(NSUserName())", action: "export",
                                                                route: "youjiao export", subjectKind: entity.rawValue, subjectId: "*",
                                                                detail: "\(count) rows, \(format.rawValue), full values")])
        }
    }
}

/// What `youjiao import` reads: an entity of the registry, a supervision report file, or
/// special-education case files.
enum ImportTarget: ExpressibleByArgument, CustomStringConvertible {
    case registry(RegistryEntityKind)
    case supervision(SupervisionReportKind)
    case specialEducation

    init?(argument: String) {
        if let kind = RegistryEntityKind(rawValue: argument) {
            self = .registry(kind)
        } else if let kind = SupervisionReportKind(rawValue: argument) {
            self = .supervision(kind)
        } else if argument == "special-education" {
            self = .specialEducation
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] {
        RegistryEntityKind.allCases.map(\.rawValue) + SupervisionReportKind.allCases.map(\.rawValue) + ["special-education"]
    }

    var description: String {
        switch self {
        case .registry(let kind): return kind.rawValue
        case .supervision(let kind): return kind.rawValue
        case .specialEducation: return "special-education"
        }
    }

    /// Validates and stores the whole table in one transaction; throws `InputErrors` and stores nothing.
    func importTable(_ table: CSVTable, into runtime: YoujiaoRuntime, actor: String) async throws -> Int {
        switch self {
        case .registry(let kind):
            return try await RegistryImporter(store: runtime.registry).importTable(table, as: kind)
        case .supervision(let kind):
            return try await SupervisionImporter(store: SupervisionStore(runtime.registry.database))
                .importTable(table, as: kind, submittedBy: actor)
        case .specialEducation:
            // The rules count today in Shanghai, as the web forms do.
            return try await SpecialEducationImporter(runtime.registry.database).importTable(table, today: .today())
        }
    }
}
