import ArgumentParser
import YoujiaoCore

/// `youjiao plan`: school-place supply projections, backtests and seat gaps.
public struct PlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Project pupils per district, stage and grade, and compare them with seats (学位供给).",
        subcommands: [Project.self, Backtest.self]
    )
    public init() {}

    /// `plan project`: writes DIR/projection.csv and, with --capacity, DIR/gaps.csv.
    public struct Project: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Project every grade for --years years after --base-year; with --capacity also the seat gaps.")
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

        public func run() throws {
            let inputs = try input.load(capacity: capacity)
            let scenario = PlanningScenario(name: "command line", births: try input.birthsAssumption())
            let result = try PlanningFiles.writeProjection(inputs, options: input.options(years: years), scenario: scenario,
                                                           writeGaps: capacity != nil, to: out)
            let shortfalls = result.gaps.filter { $0.schoolsShort > 0 }
            let span = result.projection.projectedYears
            print("projected \(result.projection.districtCodes.count) districts for \(span.lowerBound)–\(span.upperBound) into \(out)/projection.csv")
            if capacity != nil {
                print("\(out)/gaps.csv: \(shortfalls.count) district × year × stage cells lack seats")
            }
        }
    }

    /// `plan backtest`: prints MAPE and mean error of projecting the last H years from the years before.
    public struct Backtest: ParsableCommand {
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

        public func run() throws {
            let inputs = try input.load(capacity: nil)
            let report = try PlanningEngine.backtest(inputs, options: input.options(years: holdout), holdout: holdout,
                                                     births: try input.birthsAssumption())
            print("# backtest: ratios from up to \(report.origin), projected \(report.origin + 1)–\(report.origin + report.holdout); MAPE in percent, mean error in pupils (projected − actual)")
            print(PlanningFiles.backtestDocument(report), terminator: "")
        }
    }
}

/// The options both subcommands share: where the history comes from and how ratios are estimated.
public struct PlanInputOptions: ParsableArguments {
    @ArgumentParser.Option(help: "births.csv: district,year,births.")
    var births: String?
    @ArgumentParser.Option(help: "enrollment.csv: district,year,grade,students (grades K1 K2 K3 1…12).")
    var enrollment: String?
    @ArgumentParser.Option(help: "Optional districts.csv with a 'code' column: any other district is an error.")
    var districts: String?
    @ArgumentParser.Option(name: .customLong("base-year"), help: "The last school year of observed enrollment to project from.")
    var baseYear: Int
    @ArgumentParser.Option(help: "Years of history each ratio is estimated from.")
    var history: Int = 3
    @ArgumentParser.Option(help: "How yearly ratios are averaged: mean or weighted (recent years count more).")
    var averaging: RatioAveraging = .mean
    @ArgumentParser.Option(name: .customLong("births-scenario"),
                           help: "Births after the last known year: constant, trend, or a births CSV file of later years.")
    var birthsScenario: String = "constant"

    public init() {}

    public func validate() throws {
        guard history >= 1 else { throw ValidationError("--history \(history) must be at least 1") }
    }

    /// The inputs as plain Core values. File mode reads the CSV files; database mode is not wired
    /// into this command yet (the store will build the same PlanInputs from the registry).
    func load(capacity: String?) throws -> PlanInputs {
        guard let births, let enrollment else {
            throw ValidationError("reading the database is not wired into `plan` yet: give --births and --enrollment (and --capacity) files")
        }
        return try PlanningFiles.inputs(births: births, enrollment: enrollment, capacity: capacity, districts: districts)
    }

    func birthsAssumption() throws -> BirthsAssumption {
        switch birthsScenario {
        case "constant": return .constant
        case "trend": return .trend
        default: return .series(try PlanningFiles.birthSeries(path: birthsScenario))
        }
    }

    func options(years: Int) -> ProjectionOptions {
        ProjectionOptions(baseYear: baseYear, years: years, history: history, averaging: averaging)
    }
}

extension RatioAveraging: ExpressibleByArgument {}
