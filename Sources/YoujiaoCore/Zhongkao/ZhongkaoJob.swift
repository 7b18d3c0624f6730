import Foundation

/// The file-level jobs behind `youjiao zhongkao run | verify | commit`, in Core so that the
/// command line stays thin and the benchmark measures exactly what users run.
public enum ZhongkaoJob {
    public struct Files: Sendable {
        public var highSchools: String
        public var quotas: String
        public var candidates: String
        /// nil: Shanghai's order (quota-district, quota-school, unified), no control score,
        /// empty quota seats moving to unified.
        public var rounds: String?

        public init(highSchools: String, quotas: String, candidates: String, rounds: String? = nil) {
            self.highSchools = highSchools; self.quotas = quotas; self.candidates = candidates; self.rounds = rounds
        }
    }

    public struct Output: Sendable {
        public let input: ZhongkaoInput
        public let outcome: ZhongkaoOutcome
        public let report: ZhongkaoReport
    }

    /// Reads and validates every file. Throws `InputErrors` / `FieldError` naming file, row and field.
    public static func loadInput(_ files: Files, tieBreakColumns: [String]) throws -> ZhongkaoInput {
        var rounds = ZhongkaoRules.shanghaiRounds
        var roundsFile = "command line"
        if let path = files.rounds {
            let table = try CSVTable.read(path: path)
            rounds = try ZhongkaoCSV.rounds(from: table)
            roundsFile = table.fileName
        }
        let highSchools = try CSVTable.read(path: files.highSchools, limits: ZhongkaoCSV.limits)
        let quotas = try CSVTable.read(path: files.quotas, limits: ZhongkaoCSV.limits)
        let candidates = try CSVTable.read(path: files.candidates, limits: ZhongkaoCSV.limits)
        return try ZhongkaoCSV.input(highSchools: highSchools, quotas: quotas, candidates: candidates,
                                     rules: ZhongkaoRules(rounds: rounds, tieBreakColumns: tieBreakColumns),
                                     roundsFile: roundsFile)
    }

    /// Computes the admission without writing anything.
    public static func compute(_ files: Files, seedHex: String, tieBreakColumns: [String]) throws -> Output {
        let seed = try LotterySeed(hex: seedHex)
        let input = try loadInput(files, tieBreakColumns: tieBreakColumns)
        let outcome = ZhongkaoEngine.admit(input, seed: seed)
        return Output(input: input, outcome: outcome, report: ZhongkaoReport(input: input, outcome: outcome, seed: seed))
    }

    /// `zhongkao run`: computes, then writes results (and the report) only once everything
    /// succeeded, each through a temporary file renamed into place.
    @discardableResult
    public static func run(_ files: Files, seedHex: String, tieBreakColumns: [String],
                           resultsPath: String, reportPath: String?) throws -> Output {
        let output = try compute(files, seedHex: seedHex, tieBreakColumns: tieBreakColumns)
        let results = ZhongkaoCSV.resultsDocument(output.outcome.admissions)
        let report = try reportPath.map { _ in try output.report.json() }
        try results.write(to: URL(fileURLWithPath: resultsPath), options: .atomic)
        if let reportPath, let report { try report.write(to: URL(fileURLWithPath: reportPath), options: .atomic) }
        return output
    }

    /// `zhongkao verify`: recomputes and lists how results.csv differs (empty when it matches).
    public static func verify(_ files: Files, seedHex: String, tieBreakColumns: [String], resultsPath: String) throws -> [String] {
        let output = try compute(files, seedHex: seedHex, tieBreakColumns: tieBreakColumns)
        let results = try CSVTable.read(path: resultsPath, limits: ZhongkaoCSV.limits)
        return try ZhongkaoCSV.differences(results: results, expected: output.outcome.admissions)
    }

    /// `zhongkao commit`: SHA-256 of the canonical candidate list.
    public static func commitment(candidatesPath: String, tieBreakColumns: [String]) throws -> String {
        try ZhongkaoCSV.commitment(candidates: CSVTable.read(path: candidatesPath, limits: ZhongkaoCSV.limits),
                                   tieBreakColumns: tieBreakColumns)
    }

    /// `--tie-break a,b,c`: column names in order, spaces around each trimmed.
    public static func tieBreakColumns(_ option: String?) -> [String] {
        guard let option, !option.isEmpty else { return [] }
        return option.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
