import ArgumentParser
import Foundation
import YoujiaoCore
import YoujiaoStore
import YoujiaoWeb

/// `youjiao import special-education FILE`: existing 一人一案 case files, one transaction; any bad
/// row stores nothing (exit status 2). Columns: docs/special-education.md.
struct SpecialEducationImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "special-education",
        abstract: "Import existing special-education case files (一人一案) from CSV.",
        discussion: "One row per goal of a child's current plan; columns in docs/special-education.md. Exit status 2 when the file has errors; then nothing is stored.")
    @ArgumentParser.Argument var file: String
    @ArgumentParser.Option(name: .long) var encoding: TextEncodingChoice = .auto
    @ArgumentParser.Option(name: .customLong("max-bytes")) var maxBytes = CSVLimits.standard.maxBytes
    @ArgumentParser.Option(name: .customLong("max-rows")) var maxRows = CSVLimits.standard.maxRows
    @ArgumentParser.Option(name: .long, help: "The day the rules count as today (yyyy-MM-dd); default: today in Shanghai.")
    var today: String?
    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        if let today, CaseDate(today) == nil { throw ValidationError("--today '\(today)' is not a date (yyyy-MM-dd)") }
    }

    func run() async throws {
        let table: CSVTable
        do {
            table = try CSVTable.read(path: file, limits: CSVLimits(maxBytes: maxBytes, maxRows: maxRows), encoding: encoding)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let day = today.flatMap(CaseDate.init) ?? .today()
        try await withRuntime(options) { runtime in
            do {
                let count = try await SpecialEducationImporter(runtime.registry.database).importTable(table, today: day)
                try await runtime.accounts.record([AuditEventRecord(actorId: nil, actorName: "cli:\(NSUserName())", action: "import",
                                                                    route: "youjiao import special-education", subjectKind: "special-education-case",
                                                                    subjectId: "*", detail: "\(count) case files from \(table.fileName)")])
                print("imported \(count) special-education case files from \(table.fileName)")
            } catch let errors as InputErrors {
                printError(errors.description)
                printError("nothing was stored")
                throw ExitCode(2)
            }
        }
    }
}
