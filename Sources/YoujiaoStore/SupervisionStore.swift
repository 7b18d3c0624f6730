import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Which schools a supervision read covers: the city, one district, or one school.
public enum SupervisionScope: Sendable, Equatable {
    case city
    case district(String)
    case school(String)
}

/// Supervision (督导) reads and writes: the registry counted into `SchoolFacts` with SQL group-bys
/// (pupils, classes, migrants, teachers — never asked of schools), and the yearly school and
/// district reports.
public struct SupervisionStore: DatabaseStore {
    public let database: any Database

    public init(_ database: any Database) { self.database = database }

    // MARK: The computation's input

    /// Everything a year's indicators are computed from, for the schools of `scope`.
    /// The registry holds pupils and teachers as they are now (no past snapshots), so every year's
    /// counts are the registry's current ones; reports are the year's own.
    /// The areas of the data `input` reads: figures computed from it are kept under their versions.
    public static let areasRead: [DataArea] = [.registry, .supervision, .familyEducation]

    public func input(year: Int, scope: SupervisionScope = .city) async throws -> SupervisionInput {
        let schools = try await schoolFacts(year: year, scope: scope)
        let districtCodes: [String]
        switch scope {
        case .city: districtCodes = try await RegistryStore(database).districts().map(\.code)
        case .district(let code): districtCodes = [code]
        case .school: districtCodes = Array(Set(schools.map(\.districtCode))).sorted()
        }
        // A school that logs its visits and family-education activities here is counted from the
        // logs (pupils visited, activities held); others keep the figures of their report.
        let reports = FamilyEducationCounts.merge(reports: try await schoolReports(year: year, scope: scope),
                                                  counts: try await HomeVisitStore(database).recordedCounts(year: year, scope: scope), year: year)
        return SupervisionInput(year: year, districtCodes: districtCodes, schools: schools,
                                reports: reports,
                                districtReports: try await districtReports(year: year).filter { districtCodes.contains($0.districtCode) })
    }

    /// The registry's facts for each school of the scope, counted as `StageEnrollment.count` and
    /// `TeacherCounts(teachers:)` count records (the store tests check both agree on both databases),
    /// with the year's rotation figures where a district reported them.
    public func schoolFacts(year: Int, scope: SupervisionScope = .city) async throws -> [SchoolFacts] {
        let schools = try await sql.all("SELECT * FROM schools WHERE \(Self.condition(scope, school: "id", district: "district_code")) ORDER BY district_code, id",
                                        as: SchoolRecord.self).map(\.school)
        let enrollment = try await enrollment(scope: scope)
        let teachers = try await teacherCounts(scope: scope)
        // A district that plans its rotation here counts it from the terms; others keep their reports.
        let rotations = Dictionary(uniqueKeysWithValues: try await rotations(year: year, scope: scope).map { ($0.schoolID, $0.counts) })
            .merging(try await RotationRoundStore(database).recordedCounts(year: year, scope: scope)) { _, recorded in recorded }
        return schools.map { school in
            SchoolFacts(school: school, enrollment: enrollment[school.id] ?? [:], teachers: teachers[school.id], rotation: rotations[school.id])
        }
    }

    /// Pupils per school and stage: one row per (school, grade, class number) with its non-local pupils.
    func enrollment(scope: SupervisionScope) async throws -> [String: [Stage: StageEnrollment]] {
        struct Row: Decodable { var schoolId: String; var grade: String?; var classNo: Int?; var pupils: Int; var migrants: Int }
        let rows = try await sql.all("""
            SELECT st.school_id, st.grade, st.class_no, COUNT(*) AS pupils,
                   SUM(CASE WHEN st.hukou = \(bind: Hukou.nonLocal.rawValue) THEN 1 ELSE 0 END) AS migrants
            FROM students st \(unsafeRaw: scopeJoin(scope, alias: "st"))
            WHERE st.school_id IS NOT NULL AND st.grade IS NOT NULL AND \(Self.condition(scope, school: "st.school_id", district: "sc.district_code"))
            GROUP BY st.school_id, st.grade, st.class_no
            """, as: Row.self)
        var result: [String: [Stage: StageEnrollment]] = [:]
        var classes: [String: [Stage: [String: Int]]] = [:]
        var unclassed: Set<String> = []
        for row in rows {
            guard let grade = Grade(rawValue: row.grade ?? "") else { continue }
            let stage = grade.stage
            result[row.schoolId, default: [:]][stage, default: StageEnrollment(pupils: 0, migrantPupils: 0, classSizes: nil)].pupils += row.pupils
            result[row.schoolId]![stage]!.migrantPupils += row.migrants
            if let number = row.classNo {
                classes[row.schoolId, default: [:]][stage, default: [:]]["\(grade.rawValue)-\(number)", default: 0] += row.pupils
            } else {
                unclassed.insert("\(row.schoolId)/\(stage.rawValue)")
            }
        }
        // Same order as StageEnrollment.count: classes sorted by "grade-number".
        for (school, stages) in result {
            for stage in stages.keys where !unclassed.contains("\(school)/\(stage.rawValue)") {
                let sizes = classes[school]?[stage] ?? [:]
                result[school]![stage]!.classSizes = sizes.keys.sorted().map { sizes[$0]! }
            }
        }
        return result
    }

    /// Teacher counts per school; a school without teacher records is absent (no data, not zero).
    func teacherCounts(scope: SupervisionScope) async throws -> [String: TeacherCounts] {
        struct Row: Decodable {
            var schoolId: String; var degree: String; var keyLevel: String; var specialism: String
            var fullTimePsychology: Bool; var teachers: Int
        }
        let rows = try await sql.all("""
            SELECT t.school_id, t.degree, t.key_level, t.specialism, t.full_time_psychology, COUNT(*) AS teachers
            FROM teachers t \(unsafeRaw: scopeJoin(scope, alias: "t"))
            WHERE \(Self.condition(scope, school: "t.school_id", district: "sc.district_code"))
            GROUP BY t.school_id, t.degree, t.key_level, t.specialism, t.full_time_psychology
            """, as: Row.self)
        var result: [String: TeacherCounts] = [:]
        for row in rows {
            var counts = result[row.schoolId] ?? TeacherCounts(total: 0, byDegree: [:], districtOrAboveKeyTeachers: 0,
                                                               peAndArtsTeachers: 0, fullTimePsychologyTeachers: 0)
            // Unknown codes read as TeacherRecord.teacher reads them.
            let degree = Degree(rawValue: row.degree) ?? .bachelor
            let specialism = Specialism(rawValue: row.specialism) ?? .none
            counts.total += row.teachers
            counts.byDegree[degree, default: 0] += row.teachers
            if (KeyTeacherLevel(rawValue: row.keyLevel) ?? .none).isDistrictOrAbove { counts.districtOrAboveKeyTeachers += row.teachers }
            if specialism == .pe || specialism == .arts { counts.peAndArtsTeachers += row.teachers }
            if row.fullTimePsychology { counts.fullTimePsychologyTeachers += row.teachers }
            result[row.schoolId] = counts
        }
        return result
    }

    private func scopeJoin(_ scope: SupervisionScope, alias: String) -> String {
        if case .district = scope { return "JOIN schools sc ON sc.id = \(alias).school_id" }
        return ""
    }

    /// The WHERE condition of a scope over a school-id column and a district column.
    static func condition(_ scope: SupervisionScope, school: String, district: String) -> SQLQueryString {
        switch scope {
        case .city: return "1 = 1"
        case .district(let code): return "\(unsafeRaw: district) = \(bind: code)"
        case .school(let id): return "\(unsafeRaw: school) = \(bind: id)"
        }
    }

    // MARK: Years

    /// School years a report may be given for: the years of the registry's enrollment history and
    /// the current school year (autumn start).
    public func knownYears(now: Date = Date()) async throws -> Set<Int> {
        struct Row: Decodable { var year: Int }
        let history = try await sql.all("SELECT DISTINCT year FROM enrollment_history", as: Row.self).map(\.year)
        return Set(history).union([Self.schoolYear(of: now)])
    }

    /// The school year a date falls in: 2025 runs from September 2025 to August 2026.
    public static func schoolYear(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        return parts.month! >= 9 ? parts.year! : parts.year! - 1
    }

    /// The year pages show by default: the latest with school reports, else the latest known year.
    public func defaultYear() async throws -> Int {
        struct Row: Decodable { var year: Int? }
        if let latest = try await sql.all("SELECT MAX(year) AS year FROM school_reports", as: Row.self).first?.year { return latest }
        return try await knownYears().max()!
    }

    // MARK: School reports

    public func schoolReports(year: Int, scope: SupervisionScope = .city) async throws -> [SchoolReport] {
        let join = scopeJoin(scope, alias: "r")
        let condition = Self.condition(scope, school: "r.school_id", district: "sc.district_code")
        let reports = try await sql.all("SELECT r.* FROM school_reports r \(unsafeRaw: join) WHERE r.year = \(bind: year) AND \(condition) ORDER BY r.school_id",
                                        as: SchoolReportRecord.self)
        let grades = try await sql.all("SELECT r.* FROM school_report_grades r \(unsafeRaw: join) WHERE r.year = \(bind: year) AND \(condition)",
                                       as: SchoolReportGradeRecord.self)
        let timetables = Dictionary(grouping: grades, by: \.schoolId)
        return reports.map { $0.report(grades: timetables[$0.schoolId] ?? []) }
    }

    public func schoolReport(schoolID: String, year: Int) async throws -> SchoolReport? {
        try await schoolReports(year: year, scope: .school(schoolID)).first
    }

    /// Stores reports, each replacing any earlier report of the same school and year (a correction).
    /// Call inside `transaction` so a file is stored whole or not at all.
    public func replace(schoolReports reports: [SchoolReport], submittedBy: String, at date: Date = Date()) async throws {
        let stamp = Timestamp.string(date, milliseconds: false)
        for (year, group) in Dictionary(grouping: reports, by: \.year) {
            for start in stride(from: 0, to: group.count, by: 400) {
                let ids = group[start..<min(start + 400, group.count)].map(\.schoolID)
                for table in ["school_report_grades", "school_reports"] {
                    var query: SQLQueryString = "DELETE FROM \(unsafeRaw: table) WHERE year = \(bind: year) AND school_id IN ("
                    query.appendList(ids)
                    query.appendLiteral(")")
                    try await sql.raw(query).run()
                }
            }
        }
        try await sql.insertBatched(into: "school_reports", reports.map { SchoolReportRecord($0, submittedBy: submittedBy, at: stamp) })
        try await sql.insertBatched(into: "school_report_grades", reports.flatMap(SchoolReportGradeRecord.rows))
    }

    /// The demo city's school, rotation and district reports.
    public func store(_ demo: DemoSupervisionReports) async throws {
        try await replace(schoolReports: demo.schoolReports, submittedBy: "demo")
        try await replace(rotations: demo.rotations, submittedBy: "demo")
        try await replace(districtReports: demo.districtReports, submittedBy: "demo")
    }

    // MARK: Rotation

    public func rotations(year: Int, scope: SupervisionScope = .city) async throws -> [RotationReport] {
        try await sql.all("""
            SELECT r.* FROM teacher_rotations r \(unsafeRaw: scopeJoin(scope, alias: "r"))
            WHERE r.year = \(bind: year) AND \(Self.condition(scope, school: "r.school_id", district: "sc.district_code")) ORDER BY r.school_id
            """, as: RotationRecord.self).map(\.report)
    }

    /// Stores rotation figures, each replacing an earlier report of the same school and year.
    public func replace(rotations reports: [RotationReport], submittedBy: String, at date: Date = Date()) async throws {
        let stamp = Timestamp.string(date, milliseconds: false)
        try await sql.insertBatched(into: "teacher_rotations", reports.map { RotationRecord($0, submittedBy: submittedBy, at: stamp) },
                                    upsertOn: ["school_id", "year"])
    }

    // MARK: District reports

    public func districtReports(year: Int) async throws -> [DistrictReport] {
        try await sql.all("SELECT * FROM district_reports WHERE year = \(bind: year) ORDER BY district_code", as: DistrictReportRecord.self).map(\.report)
    }

    /// Stores district reports, each replacing an earlier one of the same district and year.
    public func replace(districtReports reports: [DistrictReport], submittedBy: String, at date: Date = Date()) async throws {
        let stamp = Timestamp.string(date, milliseconds: false)
        try await sql.insertBatched(into: "district_reports", reports.map { DistrictReportRecord($0, submittedBy: submittedBy, at: stamp) },
                                    upsertOn: ["district_code", "year"])
    }
}

// MARK: Rows as stored

struct SchoolReportRecord: Codable, Sendable {
    var schoolId: String
    var year: Int
    var floorArea: Double?
    var sportsGroundArea: Double?
    var equipmentValue: Double?
    var multimediaClassrooms: Int?
    var bandwidthMbps: Double?
    var bandwidthPersons: Int?
    var dailyExerciseMinutes: Int?
    var dailyOutdoorMinutes: Int?
    var homeVisits: Int?
    var familyEducationActivities: Int?
    var readinessEducation: Bool?
    var submittedBy: String
    var submittedAt: String

    init(_ report: SchoolReport, submittedBy: String, at stamp: String) {
        schoolId = report.schoolID; year = report.year; floorArea = report.floorArea
        sportsGroundArea = report.sportsGroundArea; equipmentValue = report.equipmentValue
        multimediaClassrooms = report.multimediaClassrooms; bandwidthMbps = report.bandwidthMbps
        bandwidthPersons = report.bandwidthPersons; dailyExerciseMinutes = report.dailyExerciseMinutes
        dailyOutdoorMinutes = report.dailyOutdoorMinutes; homeVisits = report.homeVisits
        familyEducationActivities = report.familyEducationActivities; readinessEducation = report.readinessEducation
        self.submittedBy = submittedBy; submittedAt = stamp
    }

    func report(grades: [SchoolReportGradeRecord]) -> SchoolReport {
        var timetable: [Grade: GradeTimetable] = [:]
        for row in grades {
            guard let grade = Grade(rawValue: row.grade) else { continue }
            timetable[grade] = GradeTimetable(peLessons: row.peLessons, activityLessons: row.activityLessons,
                                              psychologyLessonsPerTwoWeeks: row.psychologyLessonsPerTwoWeeks, weeklyPeriods: row.weeklyPeriods)
        }
        return SchoolReport(schoolID: schoolId, year: year, floorArea: floorArea, sportsGroundArea: sportsGroundArea,
                            equipmentValue: equipmentValue, multimediaClassrooms: multimediaClassrooms, bandwidthMbps: bandwidthMbps,
                            bandwidthPersons: bandwidthPersons, timetable: timetable, dailyExerciseMinutes: dailyExerciseMinutes,
                            dailyOutdoorMinutes: dailyOutdoorMinutes, homeVisits: homeVisits,
                            familyEducationActivities: familyEducationActivities, readinessEducation: readinessEducation)
    }
}

struct SchoolReportGradeRecord: Codable, Sendable {
    var schoolId: String
    var year: Int
    var grade: String
    var peLessons: Int
    var activityLessons: Int
    var psychologyLessonsPerTwoWeeks: Int
    var weeklyPeriods: Int?

    static func rows(_ report: SchoolReport) -> [SchoolReportGradeRecord] {
        report.timetable.keys.sorted().map { grade in
            let entry = report.timetable[grade]!
            return SchoolReportGradeRecord(schoolId: report.schoolID, year: report.year, grade: grade.rawValue, peLessons: entry.peLessons,
                                           activityLessons: entry.activityLessons,
                                           psychologyLessonsPerTwoWeeks: entry.psychologyLessonsPerTwoWeeks, weeklyPeriods: entry.weeklyPeriods)
        }
    }
}

struct DistrictReportRecord: Codable, Sendable {
    var districtCode: String
    var year: Int
    var disabledSchoolAgeChildren: Int
    var disabledEnrolled: Int
    var submittedBy: String
    var submittedAt: String

    init(_ report: DistrictReport, submittedBy: String, at stamp: String) {
        districtCode = report.districtCode; year = report.year
        disabledSchoolAgeChildren = report.disabledSchoolAgeChildren; disabledEnrolled = report.disabledEnrolled
        self.submittedBy = submittedBy; submittedAt = stamp
    }

    var report: DistrictReport {
        DistrictReport(districtCode: districtCode, year: year, disabledSchoolAgeChildren: disabledSchoolAgeChildren,
                       disabledEnrolled: disabledEnrolled)
    }
}

struct RotationRecord: Codable, Sendable {
    var schoolId: String
    var year: Int
    var eligibleTeachers: Int
    var rotatedTeachers: Int
    var keyTeachersRotated: Int
    var submittedBy: String
    var submittedAt: String

    init(_ report: RotationReport, submittedBy: String, at stamp: String) {
        schoolId = report.schoolID; year = report.year; eligibleTeachers = report.counts.eligible
        rotatedTeachers = report.counts.rotated; keyTeachersRotated = report.counts.keyRotated
        self.submittedBy = submittedBy; submittedAt = stamp
    }

    var report: RotationReport {
        RotationReport(schoolID: schoolId, year: year,
                       counts: RotationCounts(eligible: eligibleTeachers, rotated: rotatedTeachers, keyRotated: keyTeachersRotated))
    }
}
