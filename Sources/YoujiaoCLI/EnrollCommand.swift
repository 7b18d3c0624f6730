import ArgumentParser
import YoujiaoCore

/// `youjiao enroll`: the enrollment engine's public contract (issue 3). Thin: parse, call Core, print.
public struct EnrollCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Run, verify or commit to an enrollment draw (公民同招: lottery, catchment, 统筹).",
        subcommands: [Commit.self, Run.self, Verify.self])

    public init() {}

    /// Input files, seed and policy settings shared by `run` and `verify`.
    public struct DrawOptions: ParsableArguments {
        @Option(help: "schools.csv: school_id,name,district,ownership,boarding,capacity,lat,lon,zones")
        var schools: String
        @Option(help: "applicants.csv: applicant_id,district,zone,lat,lon,track,choices,tier,years")
        var applicants: String
        @Option(help: "The campaign seed: 64 hexadecimal digits.")
        var seed: String
        @Option(help: "Private phase: immediate (round by round, Shanghai) or deferred (deferred acceptance).")
        var privateMechanism: PrivateMechanism = .immediate
        @Flag(help: "Do not rank children back from the private lottery last in their tier (同类排序靠后).")
        var noPrivatePenalty = false

        public init() {}

        var files: EnrollmentJob.Files { EnrollmentJob.Files(schools: schools, applicants: applicants) }
        var settings: EnrollmentSettings {
            EnrollmentSettings(privateMechanism: privateMechanism, returnedPrivateApplicantsRankLast: !noPrivatePenalty)
        }
    }

    public struct Commit: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Print the SHA-256 of the canonical applicant list (publish it before the draw).")
        @Option(help: "applicants.csv") var applicants: String
        public init() {}
        public func run() throws {
            print(try reportingBadInput { try EnrollmentJob.commitment(applicantsPath: applicants) })
        }
    }

    public struct Run: ParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "Compute the draw and write results.csv.")
        @OptionGroup var draw: DrawOptions
        @Option(help: "results.csv to write: applicant_id,school_id,route,choice_rank,distance_m,lottery")
        var out: String
        @Option(help: "report.json to write: counts, per-school figures, coordinated distances.")
        var report: String?
        public init() {}
        public func run() throws {
            let output = try reportingBadInput {
                try EnrollmentJob.run(draw.files, seedHex: draw.seed, settings: draw.settings, resultsPath: out, reportPath: report)
            }
            let routes = output.report.routes
            print("\(output.report.applicants) applicants: \(routes.private) private, \(routes.catchment) catchment, "
                  + "\(routes.coordinated) coordinated, \(routes.unplaced) unplaced")
            let coordinated = output.report.coordinated
            print("coordinated total \(coordinated.totalDistanceM) m, least possible \(coordinated.optimalTotalDistanceM) m")
            print("wrote \(out)" + (report.map { " and \($0)" } ?? ""))
        }
    }

    public struct Verify: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Recompute the draw; exit 0 only if every row of results.csv matches.")
        @OptionGroup var draw: DrawOptions
        @Option(help: "The results.csv to check.") var results: String
        public init() {}
        public func run() throws {
            let differences = try reportingBadInput {
                try EnrollmentJob.verify(draw.files, seedHex: draw.seed, settings: draw.settings, resultsPath: results)
            }
            guard !differences.isEmpty else {
                print("\(results) matches the recomputed draw")
                return
            }
            var standardError = StandardErrorStream()
            for difference in differences.prefix(20) { print(difference, to: &standardError) }
            if differences.count > 20 { print("… \(differences.count - 20) more differences", to: &standardError) }
            throw ExitCode.failure
        }
    }
}

extension PrivateMechanism: ExpressibleByArgument {}

/// Bad input (file, row, field) exits with status 2; other failures keep ArgumentParser's handling.
private func reportingBadInput<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        guard error is InputErrors || error is FieldError else { throw error }
        var standardError = StandardErrorStream()
        print(error, to: &standardError)
        throw ExitCode(2)
    }
}
