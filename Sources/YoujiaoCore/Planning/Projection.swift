import Foundation

/// A cohort-survival (grade-progression) projection of every grade of every district.
///
/// Entry grades come from births: K1 in year t from births of t − 3, grade 1 from births of t − 6,
/// each times an entry ratio that absorbs migration and attendance. Every other grade (grade 6 and
/// grade 10 included) comes from the grade below one year earlier times a progression ratio.
/// `low` and `high` chain the smallest and largest yearly ratios instead of their average.
public struct Projection: Sendable {
    /// The stages projected, in order; special education is planned per child, not per cohort.
    public static let stages: [Stage] = [.kindergarten, .primary, .junior, .senior]
    /// Grade indices of each of `stages`, so sums do not rebuild `Stage.grades`.
    static let stageGradeIndices: [Range<Int>] = stages.map { $0.grades.first!.index..<$0.grades.last!.index + 1 }

    public let districtCodes: [String]
    public let baseYear: Int
    public let years: Int
    /// Values at ((district × years) + (year − baseYear − 1)) × 15 + grade index.
    let projected: [Double]
    let low: [Double]
    let high: [Double]
    /// Ratios at district × 15 + grade index.
    let ratio: [Double]
    let ratioLow: [Double]
    let ratioHigh: [Double]

    public var projectedYears: ClosedRange<Int> { baseYear + 1...baseYear + years }

    /// Every projected grade, by district, year and grade.
    public var counts: [ProjectedCount] {
        var counts: [ProjectedCount] = []
        counts.reserveCapacity(projected.count)
        for (district, code) in districtCodes.enumerated() {
            for year in projectedYears {
                let offset = self.offset(district: district, year: year)
                for grade in Grade.allCases {
                    let cell = offset + grade.index
                    counts.append(ProjectedCount(districtCode: code, year: year, grade: grade,
                                                 projected: projected[cell], low: low[cell], high: high[cell]))
                }
            }
        }
        return counts
    }

    /// Pupils per stage (the sum of its grades), by district, year and stage.
    public var stageDemand: [StageDemand] {
        var demand: [StageDemand] = []
        demand.reserveCapacity(districtCodes.count * years * Self.stages.count)
        for (district, code) in districtCodes.enumerated() {
            for year in projectedYears {
                for (stageIndex, stage) in Self.stages.enumerated() {
                    let total = stageTotal(district: district, year: year, stageIndex: stageIndex)
                    demand.append(StageDemand(districtCode: code, year: year, stage: stage,
                                              projected: total.projected, low: total.low, high: total.high))
                }
            }
        }
        return demand
    }

    /// The ratios each grade was projected with.
    public var ratios: [ProgressionRatio] {
        districtCodes.enumerated().flatMap { district, code in
            Grade.allCases.map { grade in
                let cell = district * PlanningHistory.gradeCount + grade.index
                return ProgressionRatio(districtCode: code, grade: grade, ratio: ratio[cell],
                                        low: ratioLow[cell], high: ratioHigh[cell])
            }
        }
    }

    func offset(district: Int, year: Int) -> Int {
        (district * years + year - baseYear - 1) * PlanningHistory.gradeCount
    }

    func stageTotal(district: Int, year: Int, stageIndex: Int) -> (projected: Double, low: Double, high: Double) {
        let offset = self.offset(district: district, year: year)
        var total = (projected: 0.0, low: 0.0, high: 0.0)
        for grade in Self.stageGradeIndices[stageIndex] {
            total.projected += projected[offset + grade]
            total.low += low[offset + grade]
            total.high += high[offset + grade]
        }
        return total
    }
}

extension PlanningHistory {
    /// Projects `years` years after `baseYear` with ratios from the `history` years up to it.
    /// Births after `knownBirthsThrough` (or each district's last known year, if earlier) follow
    /// the assumption, so a backtest can forget the births it would not have known.
    func project(baseYear: Int, years: Int, history: Int, averaging: RatioAveraging,
                 births assumption: BirthsAssumption, knownBirthsThrough: Int? = nil) throws -> Projection {
        let grades = Self.gradeCount
        let lastBirthNeeded = baseYear + years - Grade.k1.typicalAge
        let birthSeries = try extendedBirths(through: lastBirthNeeded, knownThrough: knownBirthsThrough,
                                             assumption: assumption)
        let firstBirth = birthYears.lowerBound
        var ratio = [Double](repeating: 0, count: districts.count * grades)
        var ratioLow = ratio, ratioHigh = ratio
        var projected = [Double](repeating: 0, count: districts.count * years * grades)
        var low = projected, high = projected
        // The yearly ratios of one grade, reused for every district and grade.
        var yearly: [(weight: Double, value: Double)] = []
        yearly.reserveCapacity(history)

        for district in districts.indices {
            let birthsOf = birthSeries[district]
            for grade in 0..<grades {
                yearly.removeAll(keepingCapacity: true)
                let feeder = Self.feederIndex[grade]
                for year in baseYear - history + 1...baseYear {
                    let source = feeder >= 0
                        ? enrollment[enrollmentOffset(district: district, year: year - 1) + feeder]
                        : birthsOf[year - Self.typicalAge[grade] - firstBirth]
                    guard source > 0 else { continue }
                    let target = enrollment[enrollmentOffset(district: district, year: year) + grade]
                    let weight = averaging == .weighted ? Double(year - baseYear + history) : 1
                    yearly.append((weight, target / source))
                }
                let cell = district * grades + grade
                guard !yearly.isEmpty else { continue }
                let weightSum = yearly.reduce(0) { $0 + $1.weight }
                ratio[cell] = yearly.reduce(0) { $0 + $1.weight * $1.value } / weightSum
                ratioLow[cell] = yearly.reduce(Double.infinity) { min($0, $1.value) }
                ratioHigh[cell] = yearly.reduce(-Double.infinity) { max($0, $1.value) }
            }

            let base = enrollmentOffset(district: district, year: baseYear)
            for step in 1...years {
                let year = baseYear + step
                let out = (district * years + step - 1) * grades
                let previous = out - grades
                for g in 0..<grades {
                    let cell = district * grades + g
                    if Self.feederIndex[g] < 0 {
                        let births = birthsOf[year - Self.typicalAge[g] - firstBirth]
                        projected[out + g] = births * ratio[cell]
                        low[out + g] = births * ratioLow[cell]
                        high[out + g] = births * ratioHigh[cell]
                    } else if step == 1 {
                        let observed = enrollment[base + g - 1]
                        projected[out + g] = observed * ratio[cell]
                        low[out + g] = observed * ratioLow[cell]
                        high[out + g] = observed * ratioHigh[cell]
                    } else {
                        projected[out + g] = projected[previous + g - 1] * ratio[cell]
                        low[out + g] = low[previous + g - 1] * ratioLow[cell]
                        high[out + g] = high[previous + g - 1] * ratioHigh[cell]
                    }
                }
            }
        }
        return Projection(districtCodes: districts, baseYear: baseYear, years: years, projected: projected,
                          low: low, high: high, ratio: ratio, ratioLow: ratioLow, ratioHigh: ratioHigh)
    }

    /// Births per district from the first kept year through `lastNeeded`: known years as given,
    /// later years from the assumption.
    func extendedBirths(through lastNeeded: Int, knownThrough cap: Int?,
                        assumption: BirthsAssumption) throws -> [[Double]] {
        let first = birthYears.lowerBound
        let seriesByDistrict = try assumption.seriesByDistrict(districts: districts, lastKnown: districtLastKnown(cap))
        var result: [[Double]] = []
        result.reserveCapacity(districts.count)
        var missing: [FieldError] = []
        for district in districts.indices {
            let known = min(lastBirthYear[district], cap ?? .max)
            var series = (first...max(known, lastNeeded)).map { $0 <= known ? birthsAt(district: district, year: $0) : 0 }
            if lastNeeded > known {
                switch assumption {
                case .constant:
                    for year in known + 1...lastNeeded { series[year - first] = series[known - first] }
                case .linearTrend(let span):
                    let line = Self.leastSquaresLine(years: max(first, known - span + 1)...known) { series[$0 - first] }
                    for year in known + 1...lastNeeded { series[year - first] = max(0, line(Double(year))) }
                case .series(let given):
                    let byYear = seriesByDistrict[district]
                    for year in known + 1...lastNeeded {
                        if let births = byYear[year] {
                            series[year - first] = births
                        } else {
                            missing.append(FieldError(file: given.source.name, field: "year",
                                reason: "district \(districts[district]) has no births for \(year): the scenario must continue the known births (to \(known)) up to \(lastNeeded)"))
                            break
                        }
                    }
                }
            }
            result.append(series)
        }
        if !missing.isEmpty { throw InputErrors(errors: missing) }
        return result
    }

    private func districtLastKnown(_ cap: Int?) -> [Int] {
        lastBirthYear.map { min($0, cap ?? .max) }
    }

    /// The least-squares line through (year, value) over `years`, as a function of the year.
    static func leastSquaresLine(years: ClosedRange<Int>, value: (Int) -> Double) -> (Double) -> Double {
        let n = Double(years.count)
        let meanYear = years.reduce(0.0) { $0 + Double($1) } / n
        let meanValue = years.reduce(0.0) { $0 + value($1) } / n
        var covariance = 0.0, variance = 0.0
        for year in years {
            let dx = Double(year) - meanYear
            covariance += dx * (value(year) - meanValue)
            variance += dx * dx
        }
        let slope = variance > 0 ? covariance / variance : 0
        return { meanValue + slope * ($0 - meanYear) }
    }
}

extension BirthsAssumption {
    /// For a user series, births by year per district, after checking every row; empty otherwise.
    func seriesByDistrict(districts: [String], lastKnown: [Int]) throws -> [[Int: Double]] {
        guard case .series(let given) = self else { return [] }
        var index: [String: Int] = [:]
        for (position, code) in districts.enumerated() { index[code] = position }
        var byDistrict = [[Int: Double]](repeating: [:], count: districts.count)
        var errors: [FieldError] = []
        for (position, count) in given.counts.enumerated() {
            guard let district = index[count.districtCode] else {
                errors.append(given.source.error(position, "district",
                    "unknown district '\(count.districtCode)': it has no enrollment rows"))
                continue
            }
            if count.births < 0 {
                errors.append(given.source.error(position, "births", "\(count.births) is negative"))
            } else if count.year <= lastKnown[district] {
                errors.append(given.source.error(position, "year",
                    "district \(count.districtCode) births for \(count.year) are already known (to \(lastKnown[district])); the scenario gives later years only"))
            } else if byDistrict[district][count.year] != nil {
                errors.append(given.source.error(position, "year",
                    "district \(count.districtCode) births for \(count.year) appear twice"))
            }
            byDistrict[district][count.year] = Double(count.births)
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
        return byDistrict
    }
}
