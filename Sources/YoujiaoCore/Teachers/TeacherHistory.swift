import Foundation

// A teacher's record over time: where and in which post they worked, the titles and key-teacher
// levels they gained, their training, and their rotations. Each is a registry entity of its own,
// imported and exported like the others (docs/csv-formats.md); a teacher is named by ID number.

/// The post a teacher holds at a school.
public enum TeacherPost: String, Sendable, Hashable, Codable, CaseIterable {
    case teacher
    /// 中层干部 (教导主任, 年级组长 …).
    case middleManager = "middle-manager"
    case vicePrincipal = "vice-principal"
    case principal

    public var isLeadership: Bool { self == .vicePrincipal || self == .principal }
}

/// One appointment: a post at a school from a day until a day (open while it lasts).
public struct TeacherAppointment: Sendable, Hashable, Codable {
    public var teacherNationalID: String
    public var schoolID: String
    public var post: TeacherPost
    public var from: CaseDate
    public var until: CaseDate?
    /// For a new hire's first appointment: the province (GB/T 2260, two digits) of the previous employer.
    public var previousProvince: String?

    public init(teacherNationalID: String, schoolID: String, post: TeacherPost, from: CaseDate, until: CaseDate? = nil,
                previousProvince: String? = nil) {
        self.teacherNationalID = teacherNationalID; self.schoolID = schoolID; self.post = post; self.from = from
        self.until = until; self.previousProvince = previousProvince
    }
}

/// A title or key-teacher level gained on a day.
public struct TeacherQualification: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable { case title, keyLevel = "key-level" }
    public var teacherNationalID: String
    public var kind: Kind
    /// A `TeacherTitle` or `KeyTeacherLevel` raw value, by `kind`.
    public var value: String
    public var since: CaseDate

    public init(teacherNationalID: String, kind: Kind, value: String, since: CaseDate) {
        self.teacherNationalID = teacherNationalID; self.kind = kind; self.value = value; self.since = since
    }
}

/// One training record (研训): a course, who gave it, its hours and day.
public struct TeacherTraining: Sendable, Hashable, Codable {
    /// City, district and school levels, and study for a degree, count alike toward the hours.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable { case city, district, school, online, degree }
    public var teacherNationalID: String
    public var course: String
    public var provider: String
    /// In tenths of an hour (a 1.5-hour session is 15): whole numbers add up without rounding.
    public var tenthHours: Int
    public var date: CaseDate
    public var kind: Kind

    public init(teacherNationalID: String, course: String, provider: String, tenthHours: Int, date: CaseDate, kind: Kind) {
        self.teacherNationalID = teacherNationalID; self.course = course; self.provider = provider
        self.tenthHours = tenthHours; self.date = date; self.kind = kind
    }

    /// One record: 0.5 to 500 hours (a semester's full-time programme).
    public static let tenthHoursRange = 5...5_000
}

/// A rotation (交流轮岗) from one school to another for a term.
public struct TeacherRotation: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Within the school district or group (集团化办学, 学区化).
        case group
        /// To one of the five new cities (五个新城).
        case newCity = "new-city"
        case rural
        /// To a weaker school (薄弱学校).
        case weakSchool = "weak-school"
    }
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable { case planned, approved, active, returned, cancelled }

    public var teacherNationalID: String
    public var fromSchoolID: String
    public var toSchoolID: String
    public var start: CaseDate
    public var plannedEnd: CaseDate
    public var kind: Kind
    public var status: Status

    public init(teacherNationalID: String, fromSchoolID: String, toSchoolID: String, start: CaseDate, plannedEnd: CaseDate,
                kind: Kind, status: Status) {
        self.teacherNationalID = teacherNationalID; self.fromSchoolID = fromSchoolID; self.toSchoolID = toSchoolID
        self.start = start; self.plannedEnd = plannedEnd; self.kind = kind; self.status = status
    }

    /// Served (or serving) away from the home school: counts toward promotion and appraisal.
    public var counts: Bool { status == .active || status == .returned }

    /// Days away by `day`, both ends counted (up to the planned end).
    public func daysServed(by day: CaseDate) -> Int {
        guard counts, day >= start else { return 0 }
        return start.days(until: min(day, plannedEnd)) + 1
    }
}
