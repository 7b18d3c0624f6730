import Foundation

/// Entry seats as the registry holds them: one school, or the sum over schools of one district
/// that teach the same stages (the seat rule is linear, so the store may pass sums).
public struct SchoolSeats: Sendable, Hashable, Codable {
    public var districtCode: String
    public var stages: [Stage]
    /// Seats of each entry grade (K1, 1, 6, 10) the schools teach.
    public var entrySeats: [Grade: Int]
    public init(districtCode: String, stages: [Stage], entrySeats: [Grade: Int]) {
        self.districtCode = districtCode; self.stages = stages; self.entrySeats = entrySeats
    }
}

extension SeatCapacity {
    /// The seat rule for the registry: a school offers its entry-grade seats in every grade of the
    /// stage (a cohort keeps its classes as it moves up), so a stage's seats = entry seats × grades
    /// of the stage (kindergarten 3, primary 5, junior 4, senior 3), summed over the district's
    /// schools. A special school's grade-1 seats count in each of grades 1–9, so in primary and
    /// junior, where its pupils count in the enrollment history. Every projected stage of every
    /// district in `districtCodes` gets a row (0 seats when no school teaches it), from `year` on.
    public static func registrySeats(_ schools: [SchoolSeats], districtCodes: [String], year: Int) -> [SeatCapacity] {
        var seats: [String: [Stage: Int]] = [:]
        for school in schools {
            for stage in school.stages {
                let perGrade = school.entrySeats[stage.entryGrade] ?? 0
                for grade in stage.grades {
                    seats[school.districtCode, default: [:]][grade.stage, default: 0] += perGrade
                }
            }
        }
        return districtCodes.flatMap { code in
            Projection.stages.map { SeatCapacity(districtCode: code, year: year, stage: $0, seats: seats[code]?[$0] ?? 0) }
        }
    }
}

/// What the registry holds for planning, as plain values: the store reads it from the tables
/// `districts`, `births`, `enrollment_history` and `schools`; the command line and the web pages
/// turn it into PlanInputs.
public struct RegistryPlanningData: Sendable {
    /// Every district of the registry (records naming another are errors).
    public var districtCodes: [String]
    public var births: [BirthCount]
    public var enrollment: [EnrollmentCount]
    public var schools: [SchoolSeats]

    public init(districtCodes: [String], births: [BirthCount], enrollment: [EnrollmentCount], schools: [SchoolSeats]) {
        self.districtCodes = districtCodes; self.births = births; self.enrollment = enrollment; self.schools = schools
    }

    /// The last school year with enrollment history.
    public var latestYear: Int? { enrollment.map(\.year).max() }

    /// The default base year: the last year that both the enrollment history and every
    /// district's births reach (births must reach the base year; a registry often has this
    /// autumn's pupils before last year's births are published).
    public var defaultBaseYear: Int? { PlanInputs.defaultBaseYear(enrollment: enrollment, births: births) }

    /// The same data for `codes` only. Districts are projected independently, so a district's
    /// projection from its own rows equals its part of the city's.
    public func restricted(to codes: Set<String>) -> RegistryPlanningData {
        RegistryPlanningData(districtCodes: districtCodes.filter(codes.contains),
                             births: births.filter { codes.contains($0.districtCode) },
                             enrollment: enrollment.filter { codes.contains($0.districtCode) },
                             schools: schools.filter { codes.contains($0.districtCode) })
    }

    /// Inputs whose seats (today's schools, by the seat rule) apply from `baseYear` on, for the
    /// districts with enrollment history. Errors name the database tables.
    public func inputs(seatsFrom baseYear: Int) -> PlanInputs {
        let projected = Set(enrollment.map(\.districtCode)).sorted()
        return PlanInputs(births: births, enrollment: enrollment,
                          capacity: SeatCapacity.registrySeats(schools, districtCodes: projected, year: baseYear),
                          districtCodes: districtCodes,
                          birthsSource: TableSource(name: "database table births"),
                          enrollmentSource: TableSource(name: "database table enrollment_history"),
                          capacitySource: TableSource(name: "database table schools (entry seats × grades)"))
    }
}

extension PlanningScenario {
    /// The part of the scenario that concerns `codes`: its openings, closures and births there.
    /// Used with `RegistryPlanningData.restricted`, so a citywide scenario can be projected for
    /// one district.
    public func restricted(to codes: Set<String>) -> PlanningScenario {
        var part = self
        part.openings = openings.filter { codes.contains($0.districtCode) }
        part.closures = closures.filter { codes.contains($0.districtCode) }
        if case .series(let series) = births {
            let kept = series.counts.indices.filter { codes.contains(series.counts[$0].districtCode) }
            part.births = .series(BirthSeries(counts: kept.map { series.counts[$0] },
                                              source: TableSource(name: series.source.name, rows: series.source.rows.map { rows in kept.map { rows[$0] } })))
        }
        return part
    }
}

extension PlanInputs {
    /// The last year that both the enrollment history and the births of every district with
    /// history reach; nil without enrollment.
    public static func defaultBaseYear(enrollment: [EnrollmentCount], births: [BirthCount]) -> Int? {
        guard let latest = enrollment.map(\.year).max() else { return nil }
        var lastBirth: [String: Int] = [:]
        for count in births { lastBirth[count.districtCode] = max(lastBirth[count.districtCode] ?? count.year, count.year) }
        let districts = Set(enrollment.map(\.districtCode))
        // A district without births is an input error the engine reports; it does not move the year.
        return districts.compactMap { lastBirth[$0] }.reduce(latest, min)
    }
}
