import Foundation

// Plain registry values shared by the importers, the demo city, the store and the engines.
// Field names follow DESIGN.md §4–5; every CSV column maps to one stored property.

public enum DistrictZoneKind: String, Sendable, Codable, CaseIterable {
    case central          // 中心城区
    case newCity = "new-city"        // 五个新城 (嘉定、松江、青浦、奉贤、南汇)
    case northSouth = "north-south"  // 南北转型 (宝山、金山)
    case outer            // other suburban districts
}

public struct District: Sendable, Hashable, Codable {
    /// GB/T 2260 code, e.g. "310101".
    public var code: String
    public var name: String
    public var zoneKind: DistrictZoneKind
    public init(code: String, name: String, zoneKind: DistrictZoneKind) {
        self.code = code; self.name = name; self.zoneKind = zoneKind
    }
}

/// 施教区: a zone whose children a public school of each compulsory stage must admit.
public struct CatchmentZone: Sendable, Hashable, Codable {
    public var id: String
    public var districtCode: String
    public var latitude: Double
    public var longitude: Double
    /// The public primary school serving the zone (nil before one is assigned).
    public var primarySchoolID: String?
    /// The public junior school serving the zone.
    public var juniorSchoolID: String?
    /// The public kindergarten serving the zone (对口幼儿园).
    public var kindergartenSchoolID: String?
    public init(id: String, districtCode: String, latitude: Double, longitude: Double,
                primarySchoolID: String?, juniorSchoolID: String?, kindergartenSchoolID: String? = nil) {
        self.id = id; self.districtCode = districtCode; self.latitude = latitude; self.longitude = longitude
        self.primarySchoolID = primarySchoolID; self.juniorSchoolID = juniorSchoolID
        self.kindergartenSchoolID = kindergartenSchoolID
    }

    /// The public school that must admit the zone's children in `grade`'s stage: the kindergarten
    /// for K1, the primary school for grade 1, the junior school for grade 6; nil for the senior
    /// grades (no catchment) or when none is assigned.
    public func servingSchoolID(for grade: Grade) -> String? {
        switch grade.stage {
        case .kindergarten: return kindergartenSchoolID
        case .primary: return primarySchoolID
        case .junior: return juniorSchoolID
        case .senior, .special: return nil
        }
    }
}

/// Stages of Shanghai's 5-4-3 system plus kindergarten and special education.
public enum Stage: String, Sendable, Codable, CaseIterable, Comparable {
    case kindergarten, primary, junior, senior, special

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
    /// The grades a school of this stage teaches (special schools teach the compulsory grades).
    public var grades: [Grade] {
        switch self {
        case .kindergarten: return [.k1, .k2, .k3]
        case .primary: return (1...5).map { Grade(rawValue: String($0))! }
        case .junior: return (6...9).map { Grade(rawValue: String($0))! }
        case .senior: return (10...12).map { Grade(rawValue: String($0))! }
        case .special: return (1...9).map { Grade(rawValue: String($0))! }
        }
    }
    /// The grade children enter the stage at.
    public var entryGrade: Grade { grades[0] }
}

/// Grades K1 K2 K3 (小班 中班 大班) and 1–12.
public enum Grade: String, Sendable, Codable, CaseIterable, Comparable {
    case k1 = "K1", k2 = "K2", k3 = "K3"
    case g1 = "1", g2 = "2", g3 = "3", g4 = "4", g5 = "5"
    case g6 = "6", g7 = "7", g8 = "8", g9 = "9"
    case g10 = "10", g11 = "11", g12 = "12"

    public static func < (a: Grade, b: Grade) -> Bool { a.index < b.index }
    /// Position in the sequence K1 … 12 (K1 = 0).
    public var index: Int { Grade.allCases.firstIndex(of: self)! }
    /// The ordinary stage of this grade (Shanghai 5-4-3).
    public var stage: Stage {
        switch self {
        case .k1, .k2, .k3: return .kindergarten
        case .g1, .g2, .g3, .g4, .g5: return .primary
        case .g6, .g7, .g8, .g9: return .junior
        case .g10, .g11, .g12: return .senior
        }
    }
    /// Typical age on 1 September of the school year (K1 = 3, grade 1 = 6).
    public var typicalAge: Int { index + 3 }
    public var next: Grade? { index + 1 < Grade.allCases.count ? Grade.allCases[index + 1] : nil }
}

public enum Ownership: String, Sendable, Codable, CaseIterable {
    case `public`, `private`
}

public struct School: Sendable, Hashable, Codable {
    /// 10-digit 学校标识码.
    public var id: String
    public var name: String
    public var districtCode: String
    /// A nine-year school has [.primary, .junior]; a twelve-year school adds .senior.
    public var stages: [Stage]
    public var ownership: Ownership
    /// 普惠性: meaningful for private kindergartens (public kindergartens are always 普惠).
    public var isInclusive: Bool
    public var boarding: Bool
    /// Seats offered in each entry grade (K1, 1, 6, 10) this school teaches.
    public var entrySeats: [Grade: Int]
    public var latitude: Double
    public var longitude: Double
    /// 学区 / 集团 name, empty when none.
    public var schoolGroup: String
    public var newQualitySchool: Bool
    public var strengtheningProgramme: Bool

    public init(id: String, name: String, districtCode: String, stages: [Stage], ownership: Ownership,
                isInclusive: Bool, boarding: Bool, entrySeats: [Grade: Int], latitude: Double, longitude: Double,
                schoolGroup: String = "", newQualitySchool: Bool = false, strengtheningProgramme: Bool = false) {
        self.id = id; self.name = name; self.districtCode = districtCode; self.stages = stages
        self.ownership = ownership; self.isInclusive = isInclusive; self.boarding = boarding
        self.entrySeats = entrySeats; self.latitude = latitude; self.longitude = longitude
        self.schoolGroup = schoolGroup; self.newQualitySchool = newQualitySchool
        self.strengtheningProgramme = strengtheningProgramme
    }
    /// 普惠: public kindergartens always, private ones when flagged.
    public var countsAsInclusive: Bool { ownership == .public || isInclusive }
}

public enum Gender: String, Sendable, Codable, CaseIterable {
    case male = "1", female = "2"   // GB/T 2261.1
}

public enum Hukou: String, Sendable, Codable, CaseIterable {
    case local, nonLocal = "non-local"
}

public struct Student: Sendable, Hashable, Codable {
    /// Normalised GB 11643 number (upper-case X).
    public var nationalID: String
    public var name: String
    public var gender: Gender
    public var birthDate: String        // ISO yyyy-MM-dd, equal to the date inside the ID
    public var hukou: Hukou
    public var residenceZoneID: String?
    public var schoolID: String?
    public var grade: Grade?
    public var classNumber: Int?
    public init(nationalID: String, name: String, gender: Gender, birthDate: String, hukou: Hukou,
                residenceZoneID: String?, schoolID: String?, grade: Grade?, classNumber: Int?) {
        self.nationalID = nationalID; self.name = name; self.gender = gender; self.birthDate = birthDate
        self.hukou = hukou; self.residenceZoneID = residenceZoneID; self.schoolID = schoolID
        self.grade = grade; self.classNumber = classNumber
    }
    /// 全国学籍号: "G" + national ID.
    public var studentNumber: String { "G" + nationalID }
}

public struct Guardian: Sendable, Hashable, Codable {
    public var nationalID: String
    public var name: String
    public var phone: String
    /// father / mother / grandparent / other
    public var relation: String
    /// National IDs of the children this guardian is responsible for.
    public var childNationalIDs: [String]
    public init(nationalID: String, name: String, phone: String, relation: String, childNationalIDs: [String]) {
        self.nationalID = nationalID; self.name = name; self.phone = phone; self.relation = relation
        self.childNationalIDs = childNationalIDs
    }
}

public enum TeacherTitle: String, Sendable, Codable, CaseIterable {
    case none, third = "third", second = "second", first = "first", senior = "senior", fullSenior = "full-senior"
}

public enum Degree: String, Sendable, Codable, CaseIterable, Comparable {
    case secondary, associate, bachelor, master, doctorate
    public static func < (a: Degree, b: Degree) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// 骨干教师 level; the 优质均衡 indicator counts district level or above.
public enum KeyTeacherLevel: String, Sendable, Codable, CaseIterable {
    case none, school, district, municipal
    public var isDistrictOrAbove: Bool { self == .district || self == .municipal }
}

public enum Specialism: String, Sendable, Codable, CaseIterable {
    case none, pe, arts, psychology
}

public struct Teacher: Sendable, Hashable, Codable {
    public var nationalID: String
    public var name: String
    public var schoolID: String
    public var subject: String
    public var title: TeacherTitle
    public var degree: Degree
    public var keyTeacherLevel: KeyTeacherLevel
    public var specialism: Specialism
    public var fullTimePsychology: Bool
    public init(nationalID: String, name: String, schoolID: String, subject: String, title: TeacherTitle,
                degree: Degree, keyTeacherLevel: KeyTeacherLevel, specialism: Specialism, fullTimePsychology: Bool) {
        self.nationalID = nationalID; self.name = name; self.schoolID = schoolID; self.subject = subject
        self.title = title; self.degree = degree; self.keyTeacherLevel = keyTeacherLevel
        self.specialism = specialism; self.fullTimePsychology = fullTimePsychology
    }
}

/// One cell of the yearly history: pupils of a grade in a district in a school year.
public struct EnrollmentCount: Sendable, Hashable, Codable {
    public var districtCode: String
    public var year: Int
    public var grade: Grade
    public var students: Int
    public init(districtCode: String, year: Int, grade: Grade, students: Int) {
        self.districtCode = districtCode; self.year = year; self.grade = grade; self.students = students
    }
}

public struct BirthCount: Sendable, Hashable, Codable {
    public var districtCode: String
    public var year: Int
    public var births: Int
    public init(districtCode: String, year: Int, births: Int) {
        self.districtCode = districtCode; self.year = year; self.births = births
    }
}
