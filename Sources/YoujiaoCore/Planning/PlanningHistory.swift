import Foundation

/// Births, enrollment and seats after every check, laid out on dense grids: the one form the
/// projection, the backtest and the seat gaps read. Building it is where bad input is caught.
struct PlanningHistory: Sendable {
    static let gradeCount = Grade.allCases.count

    /// Districts with enrollment history, sorted by code; grid index = position here.
    let districts: [String]
    /// The enrollment years kept: from the first year any ratio needs to the last base year.
    let enrollmentYears: ClosedRange<Int>
    /// Pupils at ((district × year count) + year offset) × 15 + grade index.
    let enrollment: [Double]
    /// The birth years kept: from the first year any entry ratio needs to the last known year.
    let birthYears: ClosedRange<Int>
    /// Births at district × birth year count + year offset; valid up to `lastBirthYear[district]`.
    let births: [Double]
    let lastBirthYear: [Int]
    /// Seat figures per district and stage, sorted by year.
    let capacity: [[Stage: [(year: Int, seats: Int)]]]

    /// Checks `inputs` for what ratios and projections over `firstEnrollmentYear…lastYear` need:
    /// enrollment of every grade in every year of that window, births from five years before its
    /// first year (grade 1 of the first ratio year) up to at least `lastYear`. Throws every problem
    /// found as InputErrors.
    init(inputs: PlanInputs, firstEnrollmentYear: Int, lastYear: Int) throws {
        var problems = Problems()
        if inputs.enrollment.isEmpty {
            problems.add(FieldError(file: inputs.enrollmentSource.name, reason: "there is no enrollment to project from"))
        }
        let known = Self.knownDistricts(inputs)
        let unknownReason: (String) -> String = { code in
            inputs.districtCodes == nil ? "unknown district '\(code)': it has no rows in the births table"
                                        : "unknown district '\(code)': it is not in the district list"
        }

        // Enrollment records grouped by district with one hash per record: districts are numbered
        // as they appear, then renumbered in code order.
        let enrollmentSource = inputs.enrollmentSource
        var appearance: [String: Int] = [:]
        var appearanceCodes: [String] = []
        var recordsByAppearance: [[Int]] = []
        for (index, record) in inputs.enrollment.enumerated() {
            let district: Int
            if let seen = appearance[record.districtCode] {
                district = seen
            } else if known.contains(record.districtCode) {
                district = appearanceCodes.count
                appearance[record.districtCode] = district
                appearanceCodes.append(record.districtCode)
                recordsByAppearance.append([])
            } else {
                problems.add(enrollmentSource.error(index, "district", unknownReason(record.districtCode)))
                continue
            }
            if record.students < 0 {
                problems.add(enrollmentSource.error(index, "students",
                    "\(record.students) is negative (district \(record.districtCode) grade \(record.grade.rawValue) in \(record.year))"))
            }
            recordsByAppearance[district].append(index)
        }
        let codeOrder = appearanceCodes.indices.sorted { appearanceCodes[$0] < appearanceCodes[$1] }
        let projected = codeOrder.map { appearanceCodes[$0] }
        let enrollmentByDistrict = codeOrder.map { recordsByAppearance[$0] }
        var districtIndex: [String: Int] = [:]
        for (index, code) in projected.enumerated() { districtIndex[code] = index }
        let yearCount = lastYear - firstEnrollmentYear + 1
        var enrollment = [Double](repeating: 0, count: projected.count * yearCount * Self.gradeCount)
        for (district, recordIndices) in enrollmentByDistrict.enumerated() {
            Self.checkEnrollment(of: projected[district], records: recordIndices, inputs: inputs,
                                 window: firstEnrollmentYear...lastYear, into: &enrollment,
                                 at: district * yearCount * Self.gradeCount, problems: &problems)
        }

        // Births: one contiguous series per district reaching the last year.
        let firstBirthYear = firstEnrollmentYear - Grade.g1.typicalAge + 1
        let birthsSource = inputs.birthsSource
        var birthsByDistrict = [[Int]](repeating: [], count: projected.count)
        for (index, record) in inputs.births.enumerated() {
            guard let district = districtIndex[record.districtCode] else {
                let reason = known.contains(record.districtCode)
                    ? "district '\(record.districtCode)' has births but no enrollment rows"
                    : unknownReason(record.districtCode)
                problems.add(birthsSource.error(index, "district", reason))
                continue
            }
            if record.births < 0 {
                problems.add(birthsSource.error(index, "births",
                    "\(record.births) is negative (district \(record.districtCode) in \(record.year))"))
            }
            birthsByDistrict[district].append(index)
        }
        let lastKnownBirthYear = inputs.births.map(\.year).max() ?? lastYear
        let birthYears = firstBirthYear...max(lastYear, lastKnownBirthYear)
        var births = [Double](repeating: 0, count: projected.count * birthYears.count)
        var lastBirthYear = [Int](repeating: lastYear, count: projected.count)
        for (district, recordIndices) in birthsByDistrict.enumerated() {
            lastBirthYear[district] = Self.checkBirths(
                of: projected[district], records: recordIndices, inputs: inputs, needed: firstBirthYear...lastYear,
                kept: birthYears, into: &births, at: district * birthYears.count, problems: &problems)
        }

        let capacity = Self.checkCapacity(inputs, districtIndex: districtIndex, known: known,
                                          unknownReason: unknownReason, problems: &problems)
        if !problems.errors.isEmpty { throw InputErrors(errors: problems.errors) }

        self.districts = projected
        self.enrollmentYears = firstEnrollmentYear...lastYear
        self.enrollment = enrollment
        self.birthYears = birthYears
        self.births = births
        self.lastBirthYear = lastBirthYear
        self.capacity = capacity
        try checkRatioSources(inputs)
    }

    func enrollmentOffset(district: Int, year: Int) -> Int {
        (district * enrollmentYears.count + year - enrollmentYears.lowerBound) * Self.gradeCount
    }

    func birthsAt(district: Int, year: Int) -> Double {
        births[district * birthYears.count + year - birthYears.lowerBound]
    }

    /// Per grade index: the index of the grade it progresses from (−1 for the entry grades fed by
    /// births) and its typical age, so the hot loops do not search `Grade.allCases`.
    static let feederIndex: [Int] = Grade.allCases.map { feeder(of: $0)?.index ?? -1 }
    static let typicalAge: [Int] = Grade.allCases.map(\.typicalAge)

    /// The cohort a grade is fed from, a year or more earlier: births for the entry grades
    /// (K1 three years earlier, grade 1 six), otherwise the grade below one year earlier.
    static func feeder(of grade: Grade) -> Grade? {
        switch grade {
        case .k1, .g1: return nil
        default: return Grade.allCases[grade.index - 1]
        }
    }

    // MARK: - Checks

    private struct Problems {
        var errors: [FieldError] = []
        mutating func add(_ error: FieldError) { errors.append(error) }
    }

    /// The years strictly between two years of a series, as "2019" or "2019…2021".
    private static func yearsBetween(_ before: Int, _ after: Int) -> String {
        after - before == 2 ? "\(before + 1)" : "\(before + 1)…\(after - 1)"
    }

    private static func knownDistricts(_ inputs: PlanInputs) -> Set<String> {
        Set(inputs.districtCodes ?? inputs.births.map(\.districtCode))
    }

    /// One district's enrollment: no duplicate, no missing year between its first and last year,
    /// every grade in every year of the window, every grade with the cohort it came from.
    private static func checkEnrollment(of code: String, records: [Int], inputs: PlanInputs, window: ClosedRange<Int>,
                                        into grid: inout [Double], at offset: Int, problems: inout Problems) {
        let source = inputs.enrollmentSource
        guard let first = records.map({ inputs.enrollment[$0].year }).min(),
              let last = records.map({ inputs.enrollment[$0].year }).max() else { return }
        // Record index per (year, grade) over the district's own span of years.
        var slots = [Int](repeating: -1, count: (last - first + 1) * gradeCount)
        for index in records {
            let record = inputs.enrollment[index]
            let slot = (record.year - first) * gradeCount + record.grade.index
            if slots[slot] >= 0 {
                let earlier = source.row(slots[slot]).map { " (first given in row \($0))" } ?? ""
                problems.add(source.error(index, "grade",
                    "district \(code) grade \(record.grade.rawValue) in \(record.year) appears twice\(earlier)"))
            }
            slots[slot] = index
        }
        func firstRecord(ofYear year: Int) -> Int? {
            let base = (year - first) * gradeCount
            return slots[base..<base + gradeCount].first { $0 >= 0 }
        }
        var previousYear = first, hasGap = false
        for year in first...last {
            guard let index = firstRecord(ofYear: year) else { continue }
            if year > previousYear + 1 {
                problems.add(source.error(index, "year",
                    "district \(code) has no rows for \(yearsBetween(previousYear, year)): its series jumps from \(previousYear) to \(year)"))
                hasGap = true
            }
            previousYear = year
        }
        // A missing year would also leave every grade of it without rows: one message is enough.
        guard !hasGap else { return }
        guard last >= window.upperBound else {
            problems.add(source.error(firstRecord(ofYear: last),
                "year", "district \(code) enrollment ends in \(last), before the base year \(window.upperBound)"))
            return
        }
        guard first <= window.lowerBound else {
            problems.add(source.error(firstRecord(ofYear: first), "year",
                "district \(code) enrollment starts in \(first); the ratios need history from \(window.lowerBound)"))
            return
        }
        for year in window {
            for (g, grade) in Grade.allCases.enumerated() {
                let index = slots[(year - first) * gradeCount + g]
                guard index >= 0 else {
                    problems.add(source.error(firstRecord(ofYear: year), "grade",
                        "district \(code) has no grade \(grade.rawValue) row in \(year) (write 0 when there are no pupils)"))
                    continue
                }
                grid[offset + (year - window.lowerBound) * gradeCount + g] = Double(inputs.enrollment[index].students)
                let feeder = feederIndex[g]
                if year > window.lowerBound, feeder >= 0, slots[(year - 1 - first) * gradeCount + feeder] < 0 {
                    problems.add(source.error(index, "grade",
                        "grade \(grade.rawValue) in \(year) has no cohort: district \(code) has no grade \(Grade.allCases[feeder].rawValue) row in \(year - 1)"))
                }
            }
        }
    }

    /// One district's births: contiguous, from the first year an entry ratio needs to at least the
    /// base year. Returns the last known year.
    private static func checkBirths(of code: String, records: [Int], inputs: PlanInputs, needed: ClosedRange<Int>,
                                    kept: ClosedRange<Int>, into grid: inout [Double], at offset: Int,
                                    problems: inout Problems) -> Int {
        let source = inputs.birthsSource
        // By year, then by position, so a repeated year is reported at its second appearance.
        let sorted = records.sorted { (inputs.births[$0].year, $0) < (inputs.births[$1].year, $1) }
        guard let firstIndex = sorted.first, let lastIndex = sorted.last else {
            problems.add(FieldError(file: source.name, field: "district",
                                    reason: "district \(code) has enrollment but no births"))
            return needed.upperBound
        }
        var previous: Int?
        for index in sorted {
            let record = inputs.births[index]
            if let previous {
                let previousYear = inputs.births[previous].year
                if record.year == previousYear {
                    let earlier = source.row(previous).map { " (first given in row \($0))" } ?? ""
                    problems.add(source.error(index, "year", "district \(code) births for \(record.year) appear twice\(earlier)"))
                } else if record.year > previousYear + 1 {
                    problems.add(source.error(index, "year",
                        "district \(code) has no births for \(yearsBetween(previousYear, record.year)): its series jumps from \(previousYear) to \(record.year)"))
                }
            }
            previous = index
            if kept.contains(record.year) { grid[offset + record.year - kept.lowerBound] = Double(record.births) }
        }
        let first = inputs.births[firstIndex].year, last = inputs.births[lastIndex].year
        if last < needed.upperBound {
            problems.add(source.error(lastIndex, "year",
                "district \(code) births end in \(last), before the base year \(needed.upperBound)"))
        }
        if first > needed.lowerBound {
            problems.add(source.error(firstIndex, "year",
                "district \(code) births start in \(first); grade-1 ratios need births from \(needed.lowerBound)"))
        }
        return last
    }

    private static func checkCapacity(_ inputs: PlanInputs, districtIndex: [String: Int], known: Set<String>,
                                      unknownReason: (String) -> String,
                                      problems: inout Problems) -> [[Stage: [(year: Int, seats: Int)]]] {
        let source = inputs.capacitySource
        var capacity = [[Stage: [(year: Int, seats: Int)]]](repeating: [:], count: districtIndex.count)
        var seen: [SeatKey: Int] = [:]
        for (index, record) in inputs.capacity.enumerated() {
            guard let district = districtIndex[record.districtCode] else {
                let reason = known.contains(record.districtCode)
                    ? "district '\(record.districtCode)' has seats but no enrollment rows" : unknownReason(record.districtCode)
                problems.add(source.error(index, "district", reason))
                continue
            }
            guard Projection.stages.contains(record.stage) else {
                problems.add(source.error(index, "stage",
                    "'\(record.stage.rawValue)' is not projected; use kindergarten, primary, junior or senior"))
                continue
            }
            if record.seats < 0 {
                problems.add(source.error(index, "seats",
                    "\(record.seats) is negative (district \(record.districtCode) \(record.stage.rawValue) in \(record.year))"))
            }
            let key = SeatKey(district: district, stage: record.stage, year: record.year)
            if let earlier = seen[key] {
                let row = source.row(earlier).map { " (first given in row \($0))" } ?? ""
                problems.add(source.error(index, "year",
                    "seats for district \(record.districtCode) \(record.stage.rawValue) in \(record.year) appear twice\(row)"))
            }
            seen[key] = index
            capacity[district][record.stage, default: []].append((record.year, record.seats))
        }
        return capacity.map { $0.mapValues { $0.sorted { $0.year < $1.year } } }
    }

    private struct SeatKey: Hashable { var district: Int; var stage: Stage; var year: Int }

    /// A ratio is undefined when its source is empty but its grade is not: a grade without a cohort.
    private func checkRatioSources(_ inputs: PlanInputs) throws {
        var undefined: [(district: Int, year: Int, grade: Int)] = []
        for district in districts.indices {
            for year in enrollmentYears.dropFirst() {
                let row = enrollmentOffset(district: district, year: year)
                for grade in 0..<Self.gradeCount where enrollment[row + grade] > 0 {
                    let feeder = Self.feederIndex[grade]
                    let source = feeder >= 0 ? enrollment[enrollmentOffset(district: district, year: year - 1) + feeder]
                                             : birthsAt(district: district, year: year - Self.typicalAge[grade])
                    if source == 0 { undefined.append((district, year, grade)) }
                }
            }
        }
        guard !undefined.isEmpty else { return }
        throw InputErrors(errors: undefined.map { cell in
            let code = districts[cell.district], grade = Grade.allCases[cell.grade]
            let index = inputs.enrollment.firstIndex {
                $0.districtCode == code && $0.year == cell.year && $0.grade == grade
            }
            let feeder = Self.feederIndex[cell.grade]
            let source = feeder >= 0 ? "grade \(Grade.allCases[feeder].rawValue) in \(cell.year - 1)"
                                     : "births in \(cell.year - grade.typicalAge)"
            return inputs.enrollmentSource.error(index, "students",
                "district \(code) grade \(grade.rawValue) has pupils in \(cell.year) but \(source) had none, so its ratio is undefined")
        })
    }
}
