import Foundation

/// Pupils of one stage of one school, counted from the registry.
public struct StageEnrollment: Sendable, Hashable, Codable {
    public var pupils: Int
    /// 随迁子女: pupils whose hukou is not local.
    public var migrantPupils: Int
    /// Pupils in each class of the stage; nil when the registry holds no class numbers.
    public var classSizes: [Int]?

    public init(pupils: Int, migrantPupils: Int, classSizes: [Int]?) {
        self.pupils = pupils; self.migrantPupils = migrantPupils; self.classSizes = classSizes
    }
}

extension StageEnrollment {
    /// Counts one school's pupils by stage: non-local hukou as migrants, classes by (grade, class number).
    /// A stage with any pupil lacking a class number has unknown class sizes.
    public static func count(_ students: [Student]) -> [Stage: StageEnrollment] {
        var result: [Stage: StageEnrollment] = [:]
        var classes: [Stage: [String: Int]] = [:]
        var unclassed: Set<Stage> = []
        for student in students {
            guard let grade = student.grade else { continue }
            let stage = grade.stage
            result[stage, default: StageEnrollment(pupils: 0, migrantPupils: 0, classSizes: nil)].pupils += 1
            if student.hukou == .nonLocal { result[stage]!.migrantPupils += 1 }
            if let number = student.classNumber {
                classes[stage, default: [:]]["\(grade.rawValue)-\(number)", default: 0] += 1
            } else {
                unclassed.insert(stage)
            }
        }
        for stage in result.keys where !unclassed.contains(stage) {
            result[stage]!.classSizes = classes[stage]?.keys.sorted().map { classes[stage]![$0]! }
        }
        return result
    }
}

/// Teachers of one school, counted from the registry.
public struct TeacherCounts: Sendable, Hashable, Codable {
    public var total: Int
    /// Teachers by highest degree: "above the required degree" depends on the stage judged,
    /// so a nine-year school is judged on one histogram against both stages' requirements.
    public var byDegree: [Degree: Int]
    /// 区级及以上骨干教师.
    public var districtOrAboveKeyTeachers: Int
    /// 体育、艺术（音乐、美术）专任教师.
    public var peAndArtsTeachers: Int
    public var fullTimePsychologyTeachers: Int

    public init(total: Int, byDegree: [Degree: Int], districtOrAboveKeyTeachers: Int,
                peAndArtsTeachers: Int, fullTimePsychologyTeachers: Int) {
        self.total = total; self.byDegree = byDegree
        self.districtOrAboveKeyTeachers = districtOrAboveKeyTeachers
        self.peAndArtsTeachers = peAndArtsTeachers; self.fullTimePsychologyTeachers = fullTimePsychologyTeachers
    }

    /// Counts one school's teacher records.
    public init(teachers: [Teacher]) {
        var byDegree: [Degree: Int] = [:]
        for teacher in teachers { byDegree[teacher.degree, default: 0] += 1 }
        self.init(total: teachers.count, byDegree: byDegree,
                  districtOrAboveKeyTeachers: teachers.count { $0.keyTeacherLevel.isDistrictOrAbove },
                  peAndArtsTeachers: teachers.count { $0.specialism == .pe || $0.specialism == .arts },
                  fullTimePsychologyTeachers: teachers.count { $0.fullTimePsychology })
    }

    /// Teachers whose degree is above the one required to teach `stage`.
    public func aboveRequiredDegree(for stage: Stage) -> Int {
        let required = stage.requiredTeacherDegree
        return byDegree.reduce(0) { $0 + ($1.key > required ? $1.value : 0) }
    }
}

extension Stage {
    /// Minimum degree of the Teachers Law (教师法 §11): 中专 for kindergarten and primary, 专科 for junior,
    /// 本科 for senior. The 优质均衡 indicator counts teachers holding more than this.
    public var requiredTeacherDegree: Degree {
        switch self {
        case .kindergarten, .primary: return .secondary
        case .junior, .special: return .associate
        case .senior: return .bachelor
        }
    }
}

/// 交流轮岗 of one school's teachers in the school year.
public struct RotationCounts: Sendable, Hashable, Codable {
    /// Teachers meeting the rotation conditions (e.g. six years in the same school).
    public var eligible: Int
    public var rotated: Int
    /// Rotated teachers who are key teachers (骨干教师).
    public var keyRotated: Int
    public init(eligible: Int, rotated: Int, keyRotated: Int) {
        self.eligible = eligible; self.rotated = rotated; self.keyRotated = keyRotated
    }
}

/// What the registry knows about one school in one school year (the lead computes it from the database).
public struct SchoolFacts: Sendable, Hashable, Codable {
    public var schoolID: String
    public var districtCode: String
    public var stages: [Stage]
    public var ownership: Ownership
    /// 普惠: public, or private with capped fees.
    public var countsAsInclusive: Bool
    public var enrollment: [Stage: StageEnrollment]
    /// nil when the registry holds no teacher records for the school.
    public var teachers: TeacherCounts?
    /// nil when the school's rotation figures are not recorded.
    public var rotation: RotationCounts?

    public init(schoolID: String, districtCode: String, stages: [Stage], ownership: Ownership,
                countsAsInclusive: Bool, enrollment: [Stage: StageEnrollment],
                teachers: TeacherCounts?, rotation: RotationCounts?) {
        self.schoolID = schoolID; self.districtCode = districtCode; self.stages = stages
        self.ownership = ownership; self.countsAsInclusive = countsAsInclusive
        self.enrollment = enrollment; self.teachers = teachers; self.rotation = rotation
    }

    public init(school: School, enrollment: [Stage: StageEnrollment], teachers: TeacherCounts?, rotation: RotationCounts?) {
        self.init(schoolID: school.id, districtCode: school.districtCode, stages: school.stages,
                  ownership: school.ownership, countsAsInclusive: school.countsAsInclusive,
                  enrollment: enrollment, teachers: teachers, rotation: rotation)
    }

    public func pupils(in stages: some Sequence<Stage>) -> Int {
        stages.reduce(0) { $0 + (enrollment[$1]?.pupils ?? 0) }
    }

    /// Every pupil of the school, all stages.
    public var totalPupils: Int { enrollment.values.reduce(0) { $0 + $1.pupils } }
}

/// One grade's weekly timetable as reported by the school.
public struct GradeTimetable: Sendable, Hashable, Codable {
    public var peLessons: Int
    /// 体育活动课.
    public var activityLessons: Int
    /// 心理健康活动课, counted per two weeks as the plan states it.
    public var psychologyLessonsPerTwoWeeks: Int
    /// All periods of the week, when reported.
    public var weeklyPeriods: Int?

    public init(peLessons: Int, activityLessons: Int, psychologyLessonsPerTwoWeeks: Int, weeklyPeriods: Int? = nil) {
        self.peLessons = peLessons; self.activityLessons = activityLessons
        self.psychologyLessonsPerTwoWeeks = psychologyLessonsPerTwoWeeks; self.weeklyPeriods = weeklyPeriods
    }
}

/// The yearly facts a school reports that the registry does not hold. nil means "not reported".
public struct SchoolReport: Sendable, Hashable, Codable {
    public var schoolID: String
    public var year: Int
    /// 教学及辅助用房面积 (m²).
    public var floorArea: Double?
    /// 体育运动场馆面积 (m²).
    public var sportsGroundArea: Double?
    /// 教学仪器设备值 (yuan).
    public var equipmentValue: Double?
    /// 网络多媒体教室.
    public var multimediaClassrooms: Int?
    public var bandwidthMbps: Double?
    /// Persons sharing the bandwidth; nil derives it as all pupils + all teachers of the registry.
    public var bandwidthPersons: Int?
    public var timetable: [Grade: GradeTimetable]
    public var dailyExerciseMinutes: Int?
    /// Kindergartens: outdoor activity per day.
    public var dailyOutdoorMinutes: Int?
    public var homeVisits: Int?
    public var familyEducationActivities: Int?
    /// Kindergartens: readiness-for-school education (入学准备教育) given in K3.
    public var readinessEducation: Bool?

    public init(schoolID: String, year: Int, floorArea: Double? = nil, sportsGroundArea: Double? = nil,
                equipmentValue: Double? = nil, multimediaClassrooms: Int? = nil, bandwidthMbps: Double? = nil,
                bandwidthPersons: Int? = nil, timetable: [Grade: GradeTimetable] = [:],
                dailyExerciseMinutes: Int? = nil, dailyOutdoorMinutes: Int? = nil, homeVisits: Int? = nil,
                familyEducationActivities: Int? = nil, readinessEducation: Bool? = nil) {
        self.schoolID = schoolID; self.year = year; self.floorArea = floorArea
        self.sportsGroundArea = sportsGroundArea; self.equipmentValue = equipmentValue
        self.multimediaClassrooms = multimediaClassrooms; self.bandwidthMbps = bandwidthMbps
        self.bandwidthPersons = bandwidthPersons; self.timetable = timetable
        self.dailyExerciseMinutes = dailyExerciseMinutes; self.dailyOutdoorMinutes = dailyOutdoorMinutes
        self.homeVisits = homeVisits; self.familyEducationActivities = familyEducationActivities
        self.readinessEducation = readinessEducation
    }
}

/// Yearly facts a district reports about itself.
public struct DistrictReport: Sendable, Hashable, Codable {
    public var districtCode: String
    public var year: Int
    /// 适龄残疾儿童少年 resident in the district.
    public var disabledSchoolAgeChildren: Int
    /// Of those, enrolled in compulsory education (special school, special class, mainstream or home teaching).
    public var disabledEnrolled: Int
    public init(districtCode: String, year: Int, disabledSchoolAgeChildren: Int, disabledEnrolled: Int) {
        self.districtCode = districtCode; self.year = year
        self.disabledSchoolAgeChildren = disabledSchoolAgeChildren; self.disabledEnrolled = disabledEnrolled
    }
}

/// Everything one school year's supervision is computed from.
public struct SupervisionInput: Sendable {
    public var year: Int
    /// Scope id of the city-level results (GB/T 2260 code of the city).
    public var cityCode: String
    /// Every district judged, including those with no school or no report (they show "no data").
    public var districtCodes: [String]
    public var schools: [SchoolFacts]
    /// Reports of other years are ignored.
    public var reports: [SchoolReport]
    public var districtReports: [DistrictReport]

    public init(year: Int, cityCode: String = "310000", districtCodes: [String], schools: [SchoolFacts],
                reports: [SchoolReport], districtReports: [DistrictReport]) {
        self.year = year; self.cityCode = cityCode; self.districtCodes = districtCodes; self.schools = schools
        self.reports = reports; self.districtReports = districtReports
    }
}

extension SupervisionInput {
    /// The year's school reports by school id (the first one wins; the importer rejects duplicates).
    func reportsBySchool() -> [String: SchoolReport] {
        var reports: [String: SchoolReport] = [:]
        for report in self.reports where report.year == year && reports[report.schoolID] == nil {
            reports[report.schoolID] = report
        }
        return reports
    }
}
