import Foundation

public enum IndicatorStatus: String, Sendable, Codable, CaseIterable {
    case met
    case notMet = "not-met"
    /// An input is missing: never shown as zero.
    case noData = "no-data"
}

/// Why a figure could not be computed, and whose input is missing (a school id or a district code).
public struct MissingInput: Sendable, Hashable, Codable {
    public var scopeID: String
    public var reason: String
    public init(scopeID: String, reason: String) { self.scopeID = scopeID; self.reason = reason }
}

/// One indicator at one school, district or the city, with what it was computed from.
public struct IndicatorResult: Sendable, Hashable, Codable {
    public var indicatorCode: String
    public var level: IndicatorLevel
    /// School id, district code or city code.
    public var scopeID: String
    /// The district of a school or district result; nil for the city.
    public var districtCode: String?
    /// nil exactly when the status is no data.
    public var value: Double?
    public var target: Double
    public var comparison: IndicatorComparison
    public var unit: String
    public var status: IndicatorStatus
    /// Ratio of sums: Σ numerators and Σ denominators; share of schools: schools meeting and schools judged;
    /// school: its own numerator and denominator (denominator 1 for a direct value).
    public var numerator: Double?
    public var denominator: Double?
    /// School level: the named figures behind the value.
    public var inputs: [IndicatorInput]
    /// The schools whose records the figure is made of (drill-down).
    public var contributingSchoolIDs: [String]
    /// District and city, share-of-schools indicators: the schools whose own value misses the target.
    public var schoolsNotMeeting: [String]
    public var missing: [MissingInput]
}

/// Computes a catalogue's indicators for one school year.
public enum SupervisionEngine {
    /// Results ordered by catalogue, then school, district, city; schools and districts in input order.
    public static func compute(catalogue: IndicatorCatalogue = .shanghai2024, input: SupervisionInput) -> [IndicatorResult] {
        let context = Context(input: input)
        return catalogue.indicators.flatMap { context.results(for: $0) }
    }

    /// Lookups built once per computation so each indicator is a single pass over the schools.
    struct Context {
        let input: SupervisionInput
        let reports: [String: SchoolReport]
        /// Positions in `input.schools`, so per-indicator measurements live in one array.
        let schoolsByDistrict: [String: [Int]]
        let districtReports: [String: DistrictReport]

        init(input: SupervisionInput) {
            self.input = input
            self.reports = input.reportsBySchool()
            self.schoolsByDistrict = Dictionary(grouping: input.schools.indices, by: { input.schools[$0].districtCode })
            var districtReports: [String: DistrictReport] = [:]
            for report in input.districtReports where report.year == input.year && districtReports[report.districtCode] == nil {
                districtReports[report.districtCode] = report
            }
            self.districtReports = districtReports
        }

        func results(for indicator: Indicator) -> [IndicatorResult] {
            if indicator.aggregation == .districtFacts { return districtFactResults(indicator) }
            let measurements = input.schools.map { indicator.measure($0, report: reports[$0.schoolID]) }
            var results: [IndicatorResult] = []
            if indicator.levels.contains(.school) {
                for (school, measurement) in zip(input.schools, measurements) {
                    if let result = schoolResult(indicator, school, measurement) { results.append(result) }
                }
            }
            if indicator.levels.contains(.district) {
                for code in input.districtCodes {
                    results.append(aggregate(indicator, level: .district, scopeID: code, districtCode: code,
                                             schools: schoolsByDistrict[code] ?? [], measurements: measurements))
                }
            }
            if indicator.levels.contains(.city) {
                results.append(aggregate(indicator, level: .city, scopeID: input.cityCode, districtCode: nil,
                                         schools: Array(input.schools.indices), measurements: measurements))
            }
            return results
        }

        private func schoolResult(_ indicator: Indicator, _ school: SchoolFacts, _ measurement: SchoolMeasurement) -> IndicatorResult? {
            var result = IndicatorResult(indicator: indicator, level: .school, scopeID: school.schoolID, districtCode: school.districtCode)
            result.contributingSchoolIDs = [school.schoolID]
            switch measurement {
            case .notApplicable:
                return nil
            case .missing(let reason):
                result.missing = [MissingInput(scopeID: school.schoolID, reason: reason)]
            case .observed(let observation):
                result.numerator = observation.numerator
                result.denominator = observation.denominator
                result.inputs = observation.inputs
                if let value = observation.value {
                    result.setValue(value)
                } else {
                    result.missing = [MissingInput(scopeID: school.schoolID, reason: "the denominator is zero")]
                }
            }
            return result
        }

        /// A scope with any school missing an input is "no data": a missing school could change the verdict.
        private func aggregate(_ indicator: Indicator, level: IndicatorLevel, scopeID: String, districtCode: String?,
                               schools: [Int], measurements: [SchoolMeasurement]) -> IndicatorResult {
            var result = IndicatorResult(indicator: indicator, level: level, scopeID: scopeID, districtCode: districtCode)
            var observed: [(school: SchoolFacts, observation: IndicatorObservation)] = []
            for position in schools {
                let school = input.schools[position]
                // One rule with `QualityBalance.assess`: teaching points under its minimum of pupils of the
                // stage take no part in a scope's 优质均衡 resource shares.
                if level != .school, indicator.measure.isQualityBalanceResource, let stage = indicator.stages.first,
                   (school.enrollment[stage]?.pupils ?? 0) < QualityBalanceRules.national.minimumPupils { continue }
                switch measurements[position] {
                case .notApplicable: continue
                case .missing(let reason): result.missing.append(MissingInput(scopeID: school.schoolID, reason: reason))
                case .observed(let observation): observed.append((school, observation))
                }
                result.contributingSchoolIDs.append(school.schoolID)
            }
            guard result.missing.isEmpty else { return result }
            guard !observed.isEmpty else {
                result.missing = [MissingInput(scopeID: scopeID, reason: "no school in scope")]
                return result
            }
            switch indicator.aggregation {
            case .ratioOfSums:
                let numerator = observed.reduce(0) { $0 + $1.observation.numerator }
                let denominator = observed.reduce(0) { $0 + $1.observation.denominator }
                result.numerator = numerator
                result.denominator = denominator
                guard denominator > 0 else {
                    result.missing = [MissingInput(scopeID: scopeID, reason: "the denominator is zero")]
                    return result
                }
                result.setValue(numerator * observed[0].observation.scale / denominator)
            case .shareOfSchoolsMeeting:
                for (school, observation) in observed {
                    guard let value = observation.value else {
                        result.missing.append(MissingInput(scopeID: school.schoolID, reason: "the denominator is zero"))
                        continue
                    }
                    if !indicator.comparison.isMet(value, target: indicator.target) {
                        result.schoolsNotMeeting.append(school.schoolID)
                    }
                }
                guard result.missing.isEmpty else { return result }
                let meeting = observed.count - result.schoolsNotMeeting.count
                result.numerator = Double(meeting)
                result.denominator = Double(observed.count)
                result.setValue(Double(meeting) * 100 / Double(observed.count))
            case .districtFacts:
                preconditionFailure("district facts are aggregated by districtFactResults")
            }
            return result
        }

        private func districtFactResults(_ indicator: Indicator) -> [IndicatorResult] {
            func result(level: IndicatorLevel, scopeID: String, districtCode: String?, codes: [String]) -> IndicatorResult {
                var result = IndicatorResult(indicator: indicator, level: level, scopeID: scopeID, districtCode: districtCode)
                var enrolled = 0, children = 0
                for code in codes {
                    guard let report = districtReports[code] else {
                        result.missing.append(MissingInput(scopeID: code, reason: "no district report"))
                        continue
                    }
                    enrolled += report.disabledEnrolled
                    children += report.disabledSchoolAgeChildren
                }
                guard result.missing.isEmpty else { return result }
                result.numerator = Double(enrolled)
                result.denominator = Double(children)
                result.inputs = [IndicatorInput("disabled_enrolled", Double(enrolled)),
                                 IndicatorInput("disabled_school_age_children", Double(children))]
                if children > 0 {
                    result.setValue(Double(enrolled) * 100 / Double(children))
                } else {
                    result.missing = [MissingInput(scopeID: scopeID, reason: "no school-age disabled children reported")]
                }
                return result
            }
            var results: [IndicatorResult] = []
            if indicator.levels.contains(.district) {
                results += input.districtCodes.map { result(level: .district, scopeID: $0, districtCode: $0, codes: [$0]) }
            }
            if indicator.levels.contains(.city) {
                results.append(result(level: .city, scopeID: input.cityCode, districtCode: nil, codes: input.districtCodes))
            }
            return results
        }
    }
}

extension IndicatorResult {
    /// An empty result: no data until a value is set.
    init(indicator: Indicator, level: IndicatorLevel, scopeID: String, districtCode: String?) {
        let goal = indicator.target(at: level)
        self.init(indicatorCode: indicator.code, level: level, scopeID: scopeID, districtCode: districtCode,
                  value: nil, target: goal.target, comparison: goal.comparison, unit: goal.unit, status: .noData,
                  numerator: nil, denominator: nil, inputs: [], contributingSchoolIDs: [], schoolsNotMeeting: [], missing: [])
    }

    mutating func setValue(_ value: Double) {
        self.value = value
        status = comparison.isMet(value, target: target) ? .met : .notMet
    }
}
