import Foundation

// Plain values of school-place supply planning (学位供给): what goes into a projection, what comes out.

/// Seats of one stage in one district from a school year on (the registry's capacities summed).
public struct SeatCapacity: Sendable, Hashable, Codable {
    public var districtCode: String
    /// The school year the figure applies from; later years keep it until the next row.
    public var year: Int
    public var stage: Stage
    /// Total places over all grades of the stage.
    public var seats: Int
    public init(districtCode: String, year: Int, stage: Stage, seats: Int) {
        self.districtCode = districtCode; self.year = year; self.stage = stage; self.seats = seats
    }
}

/// A planned opening or closure: `seats` places of `stage` in `districtCode` from school year `year`.
public struct SeatChange: Sendable, Hashable, Codable {
    public var districtCode: String
    public var stage: Stage
    public var year: Int
    public var seats: Int
    /// What the planner calls it, e.g. "嘉定新城第二小学".
    public var label: String
    public init(districtCode: String, stage: Stage, year: Int, seats: Int, label: String = "") {
        self.districtCode = districtCode; self.stage = stage; self.year = year; self.seats = seats; self.label = label
    }
    /// More places than any one opening or closure has (a large school has a few thousand): a
    /// larger figure is a typing error, and unbounded ones could overflow the seat sums.
    public static let maximumSeats = 100_000
}

/// Births after the last known year (per district).
public enum BirthsAssumption: Sendable, Hashable, Codable {
    /// Every later year repeats the last known year.
    case constant
    /// Least-squares line through the last `years` known years, never below zero.
    case linearTrend(years: Int)
    /// The planner's own figures for the years after the last known year.
    case series(BirthSeries)

    public static let trend = BirthsAssumption.linearTrend(years: 5)
}

/// A user-supplied births series, remembering where it came from so errors can point at it.
public struct BirthSeries: Sendable, Hashable, Codable {
    public var counts: [BirthCount]
    public var source: TableSource
    public init(counts: [BirthCount], source: TableSource) { self.counts = counts; self.source = source }
}

/// A planner's scenario: a births assumption plus planned openings and closures.
public struct PlanningScenario: Sendable, Hashable, Codable {
    public var name: String
    public var births: BirthsAssumption
    public var openings: [SeatChange]
    public var closures: [SeatChange]
    public init(name: String, births: BirthsAssumption = .constant,
                openings: [SeatChange] = [], closures: [SeatChange] = []) {
        self.name = name; self.births = births; self.openings = openings; self.closures = closures
    }
    /// Births held at the last known year, no planned changes.
    public static let baseline = PlanningScenario(name: "baseline")
}

public enum RatioAveraging: String, Sendable, Hashable, Codable, CaseIterable {
    /// Plain mean of the yearly ratios.
    case mean
    /// Linear weights 1, 2, …, N from the oldest to the newest year, so recent years count more.
    case weighted
}

public struct ProjectionOptions: Sendable, Hashable, Codable {
    public static let maximumYears = 15

    /// The last school year with observed enrollment used by the projection.
    public var baseYear: Int
    /// How many years after the base year to project (1…15).
    public var years: Int
    /// How many yearly ratios to estimate each progression from.
    public var history: Int
    public var averaging: RatioAveraging
    /// Places in one standard school of each stage, to express a shortfall as schools to build.
    public var standardSchoolSeats: [Stage: Int]

    public init(baseYear: Int, years: Int, history: Int = 3, averaging: RatioAveraging = .mean,
                standardSchoolSeats: [Stage: Int] = ProjectionOptions.defaultSchoolSeats) {
        self.baseYear = baseYear; self.years = years; self.history = history; self.averaging = averaging
        self.standardSchoolSeats = standardSchoolSeats
    }

    /// Typical new Shanghai schools: a 12-class kindergarten of 30, a 25-class primary school of 40,
    /// a 20-class junior school of 40, an 18-class senior school of 40.
    public static let defaultSchoolSeats: [Stage: Int] = [
        .kindergarten: 360, .primary: 1000, .junior: 800, .senior: 720,
    ]

    /// Throws a FieldError naming the option when a value is out of range.
    public func validate(source: String = "plan options") throws {
        if years < 1 || years > Self.maximumYears {
            throw FieldError(file: source, field: "years",
                             reason: "\(years) years is outside 1…\(Self.maximumYears); projections stop at \(Self.maximumYears) years")
        }
        if history < 1 {
            throw FieldError(file: source, field: "history", reason: "\(history) must be at least 1 year")
        }
        for stage in Projection.stages where (standardSchoolSeats[stage] ?? 0) < 1 {
            throw FieldError(file: source, field: "standardSchoolSeats",
                             reason: "a standard \(stage.rawValue) school needs a positive number of seats")
        }
    }
}

/// Where a table of records came from: a file name and each record's spreadsheet row, or a
/// database table whose records are named by their key only.
public struct TableSource: Sendable, Hashable, Codable {
    public var name: String
    /// Row number of each record, parallel to the records; nil when the records have no rows.
    public var rows: [Int]?
    public init(name: String, rows: [Int]? = nil) { self.name = name; self.rows = rows }

    func row(_ index: Int) -> Int? { rows?[index] }
    func error(_ index: Int?, _ field: String, _ reason: String) -> FieldError {
        FieldError(file: name, row: index.flatMap(row), field: field, reason: reason)
    }
}

/// Everything a projection reads: births, enrollment history and seats, as plain Core arrays.
/// The command line fills it from files; the store fills it from the database.
public struct PlanInputs: Sendable {
    public var births: [BirthCount]
    public var enrollment: [EnrollmentCount]
    public var capacity: [SeatCapacity]
    /// The districts a record may name; nil accepts the districts of the births table.
    public var districtCodes: [String]?
    public var birthsSource: TableSource
    public var enrollmentSource: TableSource
    public var capacitySource: TableSource

    public init(births: [BirthCount], enrollment: [EnrollmentCount], capacity: [SeatCapacity] = [],
                districtCodes: [String]? = nil,
                birthsSource: TableSource = TableSource(name: "births"),
                enrollmentSource: TableSource = TableSource(name: "enrollment"),
                capacitySource: TableSource = TableSource(name: "capacity")) {
        self.births = births; self.enrollment = enrollment; self.capacity = capacity
        self.districtCodes = districtCodes; self.birthsSource = birthsSource
        self.enrollmentSource = enrollmentSource; self.capacitySource = capacitySource
    }
}

/// One projected grade: the central value and the band from the weakest and strongest ratios.
public struct ProjectedCount: Sendable, Hashable, Codable {
    public var districtCode: String
    public var year: Int
    public var grade: Grade
    public var projected: Double
    public var low: Double
    public var high: Double
    public var stage: Stage { grade.stage }
}

/// Pupils of one stage (the sum of its grades), projected or observed.
public struct StageDemand: Sendable, Hashable, Codable {
    public var districtCode: String
    public var year: Int
    public var stage: Stage
    public var projected: Double
    public var low: Double
    public var high: Double
}

/// The ratio a grade is projected with, and the spread of the yearly ratios it came from.
public struct ProgressionRatio: Sendable, Hashable, Codable {
    public var districtCode: String
    public var grade: Grade
    public var ratio: Double
    public var low: Double
    public var high: Double
}

/// Demand against seats for one district, stage and year. `gap` = demand − seats: positive is a
/// shortfall (学位缺口), negative a surplus of empty seats.
public struct SeatGap: Sendable, Hashable, Codable {
    public var districtCode: String
    public var year: Int
    public var stage: Stage
    public var demand: Double
    public var demandLow: Double
    public var demandHigh: Double
    public var seats: Int
    public var gap: Double { demand - Double(seats) }
    /// Standard schools needed to cover the shortfall (0 when there is none).
    public var schoolsShort: Int
}
