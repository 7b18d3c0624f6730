import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file-level jobs behind `youjiao enroll run | verify | commit`, kept in Core so that the
/// command line stays thin and the benchmark measures exactly what users run.
public enum EnrollmentJob {
    public struct Files: Sendable {
        public var schools: String
        public var applicants: String
        public init(schools: String, applicants: String) { self.schools = schools; self.applicants = applicants }
    }

    public struct Output: Sendable {
        public let input: EnrollmentInput
        public let outcome: EnrollmentOutcome
        public let report: EnrollmentReport
    }

    /// Reads and validates both files. Throws `InputErrors` / `FieldError` naming file, row and field.
    public static func loadInput(_ files: Files) throws -> EnrollmentInput {
        let schools = try CSVTable.read(path: files.schools, limits: EnrollmentCSV.limits)
        let applicants = try CSVTable.read(path: files.applicants, limits: EnrollmentCSV.limits)
        return try EnrollmentCSV.input(schools: schools, applicants: applicants)
    }

    /// Computes the draw without writing anything.
    public static func compute(_ files: Files, seedHex: String, settings: EnrollmentSettings) throws -> Output {
        let seed = try LotterySeed(hex: seedHex)
        let input = try loadInput(files)
        let outcome = EnrollmentEngine.allocate(input, seed: seed, settings: settings)
        return Output(input: input, outcome: outcome,
                      report: EnrollmentReport(input: input, outcome: outcome, seed: seed, settings: settings))
    }

    /// `enroll run`: computes, then writes results (and the report) only once everything succeeded:
    /// results.csv goes to a temporary file renamed into place once the report is made too, the
    /// report through a temporary file of its own, so a failed run leaves no results file.
    @discardableResult
    public static func run(_ files: Files, seedHex: String, settings: EnrollmentSettings,
                           resultsPath: String, reportPath: String?) throws -> Output {
        let seed = try LotterySeed(hex: seedHex)
        let input = try loadInput(files)
        let outcome = EnrollmentEngine.allocate(input, seed: seed, settings: settings)
        let results = URL(fileURLWithPath: resultsPath)
        let partial = results.deletingLastPathComponent().appendingPathComponent(".\(results.lastPathComponent).\(UUID().uuidString)")
        // The report and its JSON are made on one core while results.csv is made and written on the
        // other (a country's report alone takes a few tenths of a second on one core).
        let (written, (report, json)) = concurrently {
            Result { try CSVWriter.write(EnrollmentCSV.resultsChunks(outcome.placements), toFile: partial.path) }
        } _: {
            let report = EnrollmentReport(input: input, outcome: outcome, seed: seed, settings: settings)
            return (report, Result { try reportPath.map { _ in try report.json() } })
        }
        do {
            // Named after results.csv, not the temporary file.
            guard (try? written.get()) != nil else { throw FieldError(file: results.lastPathComponent, reason: "cannot write \(results.path)") }
            let reportJSON = try json.get()
            guard rename(partial.path, results.path) == 0 else {
                throw FieldError(file: results.lastPathComponent, reason: "cannot write \(results.path): \(String(cString: strerror(errno)))")
            }
            if let reportPath, let reportJSON { try reportJSON.write(to: URL(fileURLWithPath: reportPath), options: .atomic) }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
        return Output(input: input, outcome: outcome, report: report)
    }

    /// `enroll verify`: recomputes the draw and lists how results.csv differs (empty when it matches).
    public static func verify(_ files: Files, seedHex: String, settings: EnrollmentSettings,
                              resultsPath: String) throws -> [String] {
        let output = try compute(files, seedHex: seedHex, settings: settings)
        let results = try CSVTable.read(path: resultsPath, limits: EnrollmentCSV.limits)
        return try EnrollmentCSV.differences(results: results, expected: output.outcome.placements)
    }

    /// `enroll commit`: SHA-256 of the canonical applicant list.
    public static func commitment(applicantsPath: String) throws -> String {
        try EnrollmentCSV.commitment(applicants: CSVTable.read(path: applicantsPath, limits: EnrollmentCSV.limits))
    }
}

/// Standard error as a `TextOutputStream`, so command-line modules print diagnostics with
/// `print(_:to:)` without importing Foundation themselves.
public struct StandardErrorStream: TextOutputStream {
    public init() {}
    public mutating func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
