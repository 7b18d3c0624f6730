import ArgumentParser
import YoujiaoCore

/// `youjiao zhongkao`: 中考 admission (名额分配 and 统一招生) on files, mirroring `youjiao enroll`.
/// Thin: parse, call Core, print. The rules and formats are in docs/zhongkao.md.
public struct ZhongkaoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zhongkao",
        abstract: "Run, verify or commit to a 中考 admission (quota rounds, then unified parallel choices).",
        subcommands: [Commit.self, Run.self, Verify.self])

    public init() {}

    /// Input files, seed and rules shared by `run` and `verify`.
    public struct AdmissionOptions: ParsableArguments {
        @Option(help: "high-schools.csv: school_id,name,district,kind,unified_seats")
        var highSchools: String
        @Option(help: "quotas.csv: school_id,round,scope,seats")
        var quotas: String
        @Option(help: "candidates.csv: candidate_id,district,junior_school,quota_school_eligible,total,pre_admitted,quota_district_choices,quota_school_choices,unified_choices and the tie-break columns")
        var candidates: String
        @Option(help: "rounds.csv: round,control_score,unfilled_seats_to_unified (default: quota-district, quota-school, unified; no control score; empty quota seats move to unified)")
        var rounds: String?
        @Option(help: "Tie-break columns of candidates.csv, in order, comma-separated (each compared descending).")
        var tieBreak: String?
        @Option(help: "The admission seed: 64 hexadecimal digits.")
        var seed: String

        public init() {}

        var files: ZhongkaoJob.Files {
            ZhongkaoJob.Files(highSchools: highSchools, quotas: quotas, candidates: candidates, rounds: rounds)
        }
        var tieBreakColumns: [String] { ZhongkaoJob.tieBreakColumns(tieBreak) }
    }

    public struct Commit: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Print the SHA-256 of the canonical candidate list (publish it before the draw).")
        @Option(help: "candidates.csv") var candidates: String
        @Option(help: "Tie-break columns of candidates.csv, in order, comma-separated.") var tieBreak: String?
        public init() {}
        public func run() throws {
            print(try reportingBadZhongkaoInput {
                try ZhongkaoJob.commitment(candidatesPath: candidates, tieBreakColumns: ZhongkaoJob.tieBreakColumns(tieBreak))
            })
        }
    }

    public struct Run: ParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "Compute the admission and write results.csv.")
        @OptionGroup var admission: AdmissionOptions
        @Option(help: "results.csv to write: candidate_id,school_id,round,choice_rank,lottery")
        var out: String
        @Option(help: "report.json to write: rules, counts, and per school and round seats, admitted and the lowest admitted scores.")
        var report: String?
        public init() {}
        public func run() throws {
            let output = try reportingBadZhongkaoInput {
                try ZhongkaoJob.run(admission.files, seedHex: admission.seed, tieBreakColumns: admission.tieBreakColumns,
                                    resultsPath: out, reportPath: report)
            }
            let routes = output.report.routes
            print("\(output.report.candidates) candidates: \(routes.quotaDistrict) quota-district, \(routes.quotaSchool) quota-school, "
                  + "\(routes.unified) unified, \(routes.preAdmitted) pre-admitted, \(routes.unadmitted) unadmitted")
            print("wrote \(out)" + (report.map { " and \($0)" } ?? ""))
        }
    }

    public struct Verify: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Recompute the admission; exit 0 only if every row of results.csv matches.")
        @OptionGroup var admission: AdmissionOptions
        @Option(help: "The results.csv to check.") var results: String
        public init() {}
        public func run() throws {
            let differences = try reportingBadZhongkaoInput {
                try ZhongkaoJob.verify(admission.files, seedHex: admission.seed, tieBreakColumns: admission.tieBreakColumns,
                                       resultsPath: results)
            }
            guard !differences.isEmpty else {
                print("\(results) matches the recomputed admission")
                return
            }
            var standardError = StandardErrorStream()
            for difference in differences.prefix(20) { print(difference, to: &standardError) }
            if differences.count > 20 { print("… \(differences.count - 20) more differences", to: &standardError) }
            throw ExitCode.failure
        }
    }
}

/// Bad input (file, row, field) exits with status 2; other failures keep ArgumentParser's handling.
private func reportingBadZhongkaoInput<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        guard error is InputErrors || error is FieldError else { throw error }
        var standardError = StandardErrorStream()
        print(error, to: &standardError)
        throw ExitCode(2)
    }
}
