import ArgumentParser
import YoujiaoCore
import YoujiaoStore

/// `youjiao plan`: school-place supply projections, backtests and seat gaps.
public struct PlanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Project pupils per district, stage and grade, and compare them with seats (学位供给).",
        subcommands: [Project.self, Backtest.self]
    )
    public init() {}

    /// `plan project`: writes DIR/projection.csv and, with --capacity or from the database, DIR/gaps.csv.
    public struct Project: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Project every grade for --years years after --base-year; with --capacity (or from the database) also the seat gaps.")
        @OptionGroup var input: PlanInputOptions
        @ArgumentParser.Option(help: "capacity.csv: district,year,stage,seats (seats apply from their year on).")
        var capacity: String?
        @ArgumentParser.Option(help: "Years to project after the base year (1…15).")
        var years: Int
        @ArgumentParser.Option(help: "Directory for projection.csv and gaps.csv.")
        var out: String

        public init() {}

        public func validate() throws {
            guard (1...ProjectionOptions.maximumYears).contains(years) else {
                throw ValidationError("--years \(years) is outside 1…\(ProjectionOptions.maximumYears): projections stop at \(ProjectionOptions.maximumYears) years")
            }
        }

        public func run() async throws {
            let loaded = try await input.load(capacity: capacity)
            let scenario = PlanningScenario(name: "command line", births: try input.birthsAssumption())
            let writeGaps = capacity != nil || input.readsDatabase
            let result = try PlanningFiles.writeProjection(loaded.inputs, options: input.options(baseYear: loaded.baseYear, years: years),
                                                           scenario: scenario, writeGaps: writeGaps, to: out)
            let shortfalls = result.gaps.filter { $0.schoolsShort > 0 }
            let span = result.projection.projectedYears
            print("projected \(result.projection.districtCodes.count) districts from \(loaded.source) for \(span.lowerBound)–\(span.upperBound) into \(out)/projection.csv")
            if writeGaps {
                print("\(out)/gaps.csv: \(shortfalls.count) district × year × stage cells lack seats")
            }
        }
    }

    /// `plan backtest`: prints MAPE and mean error of projecting the last H years from the years before.
    public struct Backtest: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Hold out the last --holdout years up to --base-year, project them, and print the errors as CSV.")
        @OptionGroup var input: PlanInputOptions
        @ArgumentParser.Option(help: "Years to hold out and project (1…15).")
        var holdout: Int

        public init() {}

        public func validate() throws {
            guard (1...ProjectionOptions.maximumYears).contains(holdout) else {
                throw ValidationError("--holdout \(holdout) is outside 1…\(ProjectionOptions.maximumYears)")
            }
        }

        public func run() async throws {
            let loaded = try await input.load(capacity: nil)
            let report = try PlanningEngine.backtest(loaded.inputs, options: input.options(baseYear: loaded.baseYear, years: holdout),
                                                     holdout: holdout, births: try input.birthsAssumption())
            print("# backtest: ratios from up to \(report.origin), projected \(report.origin + 1)–\(report.origin + report.holdout); MAPE in percent, mean error in pupils (projected − actual)")
            print(PlanningFiles.backtestDocument(report), terminator: "")
        }
    }
}

/// The options both subcommands share: where the history comes from and how ratios are estimated.
/// With --births and --enrollment the inputs are files; without them, the database's tables
/// `births`, `enrollment_history` and `schools` (seats by the rule of docs/planning.md).
public struct PlanInputOptions: ParsableArguments {
    @ArgumentParser.Option(help: "births.csv: district,year,births (omit with --enrollment to read the database).")
    var births: String?
    @ArgumentParser.Option(help: "enrollment.csv: district,year,grade,students (grades K1 K2 K3 1…12).")
    var enrollment: String?
    @ArgumentParser.Option(help: "Optional districts.csv with a 'code' column: any other district is an error.")
    var districts: String?
    @ArgumentParser.Option(name: .customLong("base-year"),
                           help: "The last school year of observed enrollment to project from (default: the last year both the history and the births reach).")
    var baseYear: Int?
    @ArgumentParser.Option(help: "Years of history each ratio is estimated from.")
    var history: Int = 3
    @ArgumentParser.Option(help: "How yearly ratios are averaged: mean or weighted (recent years count more).")
    var averaging: RatioAveraging = .mean
    @ArgumentParser.Option(name: .customLong("births-scenario"),
                           help: "Births after the last known year: constant, trend, or a births CSV file of later years.")
    var birthsScenario: String = "constant"
    @OptionGroup var database: DatabaseOptions

    public init() {}

    public func validate() throws {
        guard history >= 1 else { throw ValidationError("--history \(history) must be at least 1") }
        if (births == nil) != (enrollment == nil) {
            throw ValidationError("give both --births and --enrollment, or neither to read the database")
        }
    }

    /// Without files the inputs come from the database, seats included.
    var readsDatabase: Bool { births == nil && enrollment == nil }

    /// The inputs as plain Core values, the base year, and where they came from. File mode reads
    /// the CSV files; database mode reads the registry, with today's seats from the base year on.
    func load(capacity: String?) async throws -> (inputs: PlanInputs, baseYear: Int, source: String) {
        if let births, let enrollment {
            let inputs = try PlanningFiles.inputs(births: births, enrollment: enrollment, capacity: capacity, districts: districts)
            return (inputs, try baseYear ?? Self.defaultBaseYear(inputs.enrollment, inputs.births, source: enrollment), enrollment)
        }
        if capacity != nil || districts != nil {
            throw ValidationError("--capacity and --districts are files that go with --births and --enrollment; the database has its own schools and districts")
        }
        let data = try await withRuntime(database) { try await $0.registry.planningData() }
        let base = try baseYear ?? Self.defaultBaseYear(data.enrollment, data.births, source: "database table enrollment_history")
        return (data.inputs(seatsFrom: base), base, database.target.description)
    }

    private static func defaultBaseYear(_ enrollment: [EnrollmentCount], _ births: [BirthCount], source: String) throws -> Int {
        guard let year = PlanInputs.defaultBaseYear(enrollment: enrollment, births: births) else {
            throw FieldError(file: source, reason: "there is no enrollment to project from")
        }
        return year
    }

    func birthsAssumption() throws -> BirthsAssumption {
        switch birthsScenario {
        case "constant": return .constant
        case "trend": return .trend
        default: return .series(try PlanningFiles.birthSeries(path: birthsScenario))
        }
    }

    func options(baseYear: Int, years: Int) -> ProjectionOptions {
        ProjectionOptions(baseYear: baseYear, years: years, history: history, averaging: averaging)
    }
}

extension RatioAveraging: ExpressibleByArgument {}
