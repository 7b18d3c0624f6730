import Foundation

/// Monitoring of the case files of a district, a school or the city: the figures the plan sets
/// targets for. Plain values in, plain values out; the web pages and the supervision both call it.
public enum SpecialEducationMonitoring {
    /// Compulsory-education age (适龄): 6 to 14 full years on 31 August of the school year, the nine
    /// cohorts of grades 1–9 under Shanghai's cut-off (6 years by 31 August enters grade 1).
    public static let schoolAges = 6...14
    /// The supervision target for the enrollment rate (督导: ≥ 99%).
    public static let enrollmentTarget = 99.0

    public static func isSchoolAge(_ birthDate: CaseDate, schoolYear: Int) -> Bool {
        schoolAges.contains(birthDate.age(on: CaseDate(year: schoolYear, month: 8, day: 31)))
    }

    /// Enrolled in compulsory education: a placement in force at any school of primary, junior or
    /// senior stage, or at a special school, home teaching included. A child still at kindergarten
    /// (缓学) or without a placement is not enrolled.
    public static func isEnrolled(_ file: CaseFile, on date: CaseDate) -> Bool {
        guard let placement = file.currentPlacement(on: date) else { return false }
        return placement.kind == .specialSchool || placement.stage != .kindergarten
    }

    public struct OverdueReview: Sendable, Equatable {
        public var caseID: String
        public var planID: String
        /// The earliest planned review date without a review.
        public var due: CaseDate
        public var daysOverdue: Int
    }

    /// An active plan is overdue when fewer reviews were held than review dates have passed.
    public static func overdueReview(_ file: CaseFile, on date: CaseDate) -> OverdueReview? {
        guard let planFile = file.activePlan(on: date) else { return nil }
        let due = planFile.plan.reviewDates.filter { $0 < date }
        guard planFile.reviews.count < due.count else { return nil }
        let first = due[planFile.reviews.count]
        return OverdueReview(caseID: file.id, planID: planFile.plan.id, due: first, daysOverdue: first.days(until: date))
    }

    /// Home-teaching visits of the current home-teaching placement: planned so far (visits a month
    /// × whole months since it started) and done (visits recorded up to `date`).
    public static func homeTeachingVisits(_ file: CaseFile, on date: CaseDate) -> (planned: Int, done: Int)? {
        guard let placement = file.currentPlacement(on: date), placement.kind == .homeTeaching else { return nil }
        let planned = (placement.visitsPerMonth ?? 0) * placement.startDate.fullMonths(until: date)
        let done = file.visits.count { $0.placementID == placement.id && $0.date <= date }
        return (planned, done)
    }

    /// The figures of a group of files (a district, a school, the city) on a day.
    public struct Figures: Sendable, Equatable {
        public var cases = 0
        public var schoolAge = 0
        /// School-age children enrolled in compulsory education.
        public var schoolAgeEnrolled = 0
        public var withoutPlacement = 0
        public var byPlacement: [PlacementKind: Int] = [:]
        public var activePlans = 0
        public var overdueReviews = 0
        public var homeTeachingCases = 0
        public var visitsPlanned = 0
        public var visitsDone = 0

        public init() {}

        /// Percent of school-age children enrolled; nil without school-age children.
        public var enrollmentRate: Double? {
            schoolAge == 0 ? nil : Double(schoolAgeEnrolled) * 100 / Double(schoolAge)
        }
        public var meetsEnrollmentTarget: Bool? { enrollmentRate.map { $0 >= SpecialEducationMonitoring.enrollmentTarget } }
        /// Percent of planned visits done; nil when none were planned yet.
        public var visitRate: Double? { visitsPlanned == 0 ? nil : Double(visitsDone) * 100 / Double(visitsPlanned) }
    }

    public static func figures(_ files: [CaseFile], on date: CaseDate) -> Figures {
        var figures = Figures()
        for file in files {
            figures.cases += 1
            if isSchoolAge(file.child.birthDate, schoolYear: date.schoolYear) {
                figures.schoolAge += 1
                if isEnrolled(file, on: date) { figures.schoolAgeEnrolled += 1 }
            }
            if let placement = file.currentPlacement(on: date) {
                figures.byPlacement[placement.kind, default: 0] += 1
            } else {
                figures.withoutPlacement += 1
            }
            if file.activePlan(on: date) != nil { figures.activePlans += 1 }
            if overdueReview(file, on: date) != nil { figures.overdueReviews += 1 }
            if let visits = homeTeachingVisits(file, on: date) {
                figures.homeTeachingCases += 1
                figures.visitsPlanned += visits.planned
                figures.visitsDone += visits.done
            }
        }
        return figures
    }

    /// Figures per district for every code in `districtCodes` (districts without files get zeros).
    public static func figuresByDistrict(_ files: [CaseFile], districtCodes: [String], on date: CaseDate) -> [String: Figures] {
        let grouped = Dictionary(grouping: files, by: \.caseRecord.districtCode)
        return Dictionary(uniqueKeysWithValues: districtCodes.map { ($0, figures(grouped[$0] ?? [], on: date)) })
    }

    /// The supervision input of the ≥ 99% indicator (DISABLED-ENROLLMENT): school-age disabled
    /// children with a file in each district, and those of them enrolled, on `date`. The case
    /// files are the register of school-age disabled children: a child without a file is unknown
    /// to the platform, which is why children without a placement keep their file.
    public static func districtReports(_ files: [CaseFile], districtCodes: [String], on date: CaseDate) -> [DistrictReport] {
        let figures = figuresByDistrict(files, districtCodes: districtCodes, on: date)
        return districtCodes.map { code in
            DistrictReport(districtCode: code, year: date.schoolYear, disabledSchoolAgeChildren: figures[code]?.schoolAge ?? 0,
                           disabledEnrolled: figures[code]?.schoolAgeEnrolled ?? 0)
        }
    }
}
