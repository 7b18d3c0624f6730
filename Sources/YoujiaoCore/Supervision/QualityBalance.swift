import Foundation

/// The pass rules of the national 优质均衡 assessment (教督〔2017〕6号) for the resource indicators.
public struct QualityBalanceRules: Sendable, Hashable, Codable {
    /// A school passes when at least this many indicators meet the standard …
    public var minimumIndicatorsMet: Int
    /// … and every other one reaches this share of its standard.
    public var minimumShareOfStandard: Double
    /// Largest pupil-weighted inter-school coefficient of variation allowed, per stage.
    public var cvLimits: [Stage: Double]
    /// Schools with fewer pupils of the stage are left out (teaching points under 50 pupils).
    public var minimumPupils: Int

    public init(minimumIndicatorsMet: Int, minimumShareOfStandard: Double, cvLimits: [Stage: Double], minimumPupils: Int) {
        self.minimumIndicatorsMet = minimumIndicatorsMet; self.minimumShareOfStandard = minimumShareOfStandard
        self.cvLimits = cvLimits; self.minimumPupils = minimumPupils
    }

    public static let national = QualityBalanceRules(minimumIndicatorsMet: 6, minimumShareOfStandard: 0.85,
                                                     cvLimits: [.primary: 0.50, .junior: 0.45], minimumPupils: 50)
}

public enum BalanceVerdict: String, Sendable, Codable, CaseIterable {
    case pass, fail
    case noData = "no-data"

    /// A failure already known wins over missing data: a missing figure cannot turn it into a pass.
    init(knownFailure: Bool, anyMissing: Bool) {
        self = knownFailure ? .fail : anyMissing ? .noData : .pass
    }
}

/// One school's value of one resource indicator, against the stage's standard.
public struct BalanceValue: Sendable, Hashable, Codable {
    public var indicatorCode: String
    public var value: Double?
    public var standard: Double
    public var status: IndicatorStatus
    /// True when the value reaches the reduced standard (85%) that the indicators beyond the first six must reach.
    public var reachesFloor: Bool?
    public var inputs: [IndicatorInput]
    public var missingReason: String?
}

public struct SchoolBalance: Sendable, Hashable, Codable {
    public var schoolID: String
    /// Pupils of the judged stage: the school's weight in the coefficients of variation.
    public var stagePupils: Int
    /// All the school's pupils: the denominator of its per-pupil values.
    public var totalPupils: Int
    public var values: [BalanceValue]
    public var indicatorsMet: Int
    public var verdict: BalanceVerdict
}

/// The pupil-weighted spread of one indicator across a district's schools.
public struct BalanceDispersion: Sendable, Hashable, Codable {
    public var indicatorCode: String
    public var mean: Double?
    public var standardDeviation: Double?
    public var coefficientOfVariation: Double?
    public var limit: Double
    public var verdict: BalanceVerdict
}

public struct QualityBalanceReport: Sendable, Hashable, Codable {
    public var year: Int
    public var districtCode: String
    public var stage: Stage
    public var schools: [SchoolBalance]
    public var dispersions: [BalanceDispersion]
    /// Schools of the stage left out of the assessment, with the reason.
    public var excludedSchools: [MissingInput]
    public var schoolsPassing: Int
    public var rules: QualityBalanceRules
    /// Pass when every school passes and every coefficient of variation is within its limit.
    public var verdict: BalanceVerdict
}

public enum QualityBalance {
    /// The weighted mean, standard deviation and CV of `values`, each weighted by its pupils:
    /// X̄ = Σ PᵢXᵢ / P, S = √(Σ Pᵢ(Xᵢ − X̄)² / P), CV = S / X̄. nil when there are no pupils or X̄ = 0.
    public static func coefficientOfVariation(_ values: [(pupils: Int, value: Double)])
        -> (mean: Double, standardDeviation: Double, coefficientOfVariation: Double)? {
        let total = Double(values.reduce(0) { $0 + $1.pupils })
        guard total > 0 else { return nil }
        let mean = values.reduce(0) { $0 + Double($1.pupils) * $1.value } / total
        let variance = values.reduce(0) { $0 + Double($1.pupils) * ($1.value - mean) * ($1.value - mean) } / total
        guard mean != 0 else { return nil }
        let deviation = variance.squareRoot()
        return (mean, deviation, deviation / mean)
    }

    /// The 优质均衡 resource report of one district and stage (primary or junior).
    /// A nine-year school is judged in both stages: its per-pupil values are whole-school values,
    /// weighted by its pupils of the judged stage.
    public static func assess(districtCode: String, stage: Stage, catalogue: IndicatorCatalogue = .shanghai2024,
                              input: SupervisionInput, rules: QualityBalanceRules = .national) -> QualityBalanceReport {
        let indicators = catalogue.qualityBalanceIndicators(for: stage)
        let reports = input.reportsBySchool()
        var excluded: [MissingInput] = []
        var judged: [SchoolFacts] = []
        for school in input.schools where school.districtCode == districtCode && school.stages.contains(stage) {
            let pupils = school.enrollment[stage]?.pupils ?? 0
            if pupils < rules.minimumPupils {
                excluded.append(MissingInput(scopeID: school.schoolID,
                                             reason: "\(pupils) pupils of the stage, under \(rules.minimumPupils)"))
            } else {
                judged.append(school)
            }
        }
        let schools = judged.map { judge($0, stage: stage, indicators: indicators, report: reports[$0.schoolID], rules: rules) }
        let limit = rules.cvLimits[stage] ?? .infinity
        let dispersions = indicators.enumerated().map { index, indicator in
            dispersion(indicator, values: schools.map { ($0.stagePupils, $0.values[index].value) }, limit: limit)
        }
        let verdicts = schools.map(\.verdict) + dispersions.map(\.verdict)
        let verdict = schools.isEmpty
            ? BalanceVerdict.noData
            : BalanceVerdict(knownFailure: verdicts.contains(.fail), anyMissing: verdicts.contains(.noData))
        return QualityBalanceReport(year: input.year, districtCode: districtCode, stage: stage, schools: schools,
                                    dispersions: dispersions, excludedSchools: excluded,
                                    schoolsPassing: schools.count { $0.verdict == .pass }, rules: rules, verdict: verdict)
    }

    static func judge(_ school: SchoolFacts, stage: Stage, indicators: [Indicator], report: SchoolReport?,
                      rules: QualityBalanceRules) -> SchoolBalance {
        let values = indicators.map { indicator -> BalanceValue in
            var value = BalanceValue(indicatorCode: indicator.code, value: nil, standard: indicator.target,
                                     status: .noData, reachesFloor: nil, inputs: [], missingReason: nil)
            switch indicator.measure(school, report: report) {
            case .notApplicable:
                value.missingReason = "not applicable"
            case .missing(let reason):
                value.missingReason = reason
            case .observed(let observation):
                value.inputs = observation.inputs
                guard let figure = observation.value else {
                    value.missingReason = "the denominator is zero"
                    break
                }
                value.value = figure
                value.status = indicator.comparison.isMet(figure, target: indicator.target) ? .met : .notMet
                value.reachesFloor = indicator.comparison.isMet(figure, target: reducedStandard(of: indicator, rules: rules))
            }
            return value
        }
        let met = values.count { $0.status == .met }
        let notMet = values.count { $0.status == .notMet }
        let allowedBelowStandard = max(0, values.count - rules.minimumIndicatorsMet)
        let knownFailure = notMet > allowedBelowStandard || values.contains { $0.reachesFloor == false }
        return SchoolBalance(schoolID: school.schoolID, stagePupils: school.enrollment[stage]?.pupils ?? 0,
                             totalPupils: school.totalPupils, values: values, indicatorsMet: met,
                             verdict: BalanceVerdict(knownFailure: knownFailure, anyMissing: values.contains { $0.value == nil }))
    }

    /// The reduced standard: 85% of a minimum, or a maximum divided by 0.85.
    static func reducedStandard(of indicator: Indicator, rules: QualityBalanceRules) -> Double {
        switch indicator.comparison {
        case .atLeast: return indicator.target * rules.minimumShareOfStandard
        case .atMost: return indicator.target / rules.minimumShareOfStandard
        case .equal: return indicator.target
        }
    }

    static func dispersion(_ indicator: Indicator, values: [(pupils: Int, value: Double?)], limit: Double) -> BalanceDispersion {
        var result = BalanceDispersion(indicatorCode: indicator.code, mean: nil, standardDeviation: nil,
                                       coefficientOfVariation: nil, limit: limit, verdict: .noData)
        let known = values.compactMap { entry in entry.value.map { (pupils: entry.pupils, value: $0) } }
        guard known.count == values.count, let spread = coefficientOfVariation(known) else { return result }
        result.mean = spread.mean
        result.standardDeviation = spread.standardDeviation
        result.coefficientOfVariation = spread.coefficientOfVariation
        result.verdict = IndicatorComparison.atMost.isMet(spread.coefficientOfVariation, target: limit) ? .pass : .fail
        return result
    }
}
