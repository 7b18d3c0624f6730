import Foundation

public enum Role: String, Codable, Sendable, CaseIterable {
    case cityAdmin = "city-admin"
    case districtAdmin = "district-admin"
    case schoolAdmin = "school-admin"
    /// A teacher reading their own record (portrait, rotation decision, home for the commute).
    case teacher
    case guardian

    /// An official whose scope covers other people's records: the city's, a district's or a school's
    /// administrators. Staff pages ask for this.
    public var isStaff: Bool { self == .cityAdmin || self == .districtAdmin || self == .schoolAdmin }
    /// An employee of the education system (staff and teachers): signs in with a second factor, and
    /// every read of personal data is audited.
    public var isEmployee: Bool { self != .guardian }
    public var labelZH: String {
        switch self {
        case .cityAdmin: return "市级管理员"
        case .districtAdmin: return "区级管理员"
        case .schoolAdmin: return "学校管理员"
        case .teacher: return "教师"
        case .guardian: return "家长"
        }
    }
}

/// What one account may see: the whole city, one district, one school, a teacher's own record, or a
/// family's children.
/// Every page and API route asks these questions of each record it reads, not only of the route.
public struct AccessScope: Sendable, Equatable {
    public var role: Role
    public var districtCode: String?
    public var schoolID: String?
    public var guardianID: String?
    /// The registry row of a teacher account's own teacher.
    public var teacherID: String?

    public init(role: Role, districtCode: String? = nil, schoolID: String? = nil, guardianID: String? = nil, teacherID: String? = nil) {
        self.role = role; self.districtCode = districtCode; self.schoolID = schoolID; self.guardianID = guardianID; self.teacherID = teacherID
    }

    public func canSeeDistrict(_ code: String) -> Bool {
        switch role {
        case .cityAdmin: return true
        case .districtAdmin: return districtCode == code
        case .schoolAdmin, .teacher, .guardian: return false
        }
    }

    /// Staff see schools within their scope; a guardian sees the schools their children attend.
    public func canSeeSchool(id: String, districtCode schoolDistrict: String, childrenSchoolIDs: Set<String> = []) -> Bool {
        switch role {
        case .cityAdmin: return true
        case .districtAdmin: return districtCode == schoolDistrict
        case .schoolAdmin: return schoolID == id
        case .teacher: return false
        case .guardian: return childrenSchoolIDs.contains(id)
        }
    }

    /// A student's record: staff whose scope contains the student's school, or one of the child's guardians.
    public func canSeeStudent(schoolID studentSchool: String?, schoolDistrict: String?, guardianIDs: [String]) -> Bool {
        switch role {
        case .cityAdmin: return true
        case .districtAdmin: return schoolDistrict != nil && districtCode == schoolDistrict
        case .schoolAdmin: return studentSchool != nil && schoolID == studentSchool
        case .teacher: return false
        case .guardian: return guardianID.map(guardianIDs.contains) ?? false
        }
    }

    /// A teacher's record (portrait, rotation decision): staff whose scope holds the teacher's school,
    /// or the teacher themself.
    public func canSeeTeacher(id: String, schoolID teacherSchool: String, districtCode schoolDistrict: String) -> Bool {
        role == .teacher ? teacherID == id : role.isStaff && canSeeSchool(id: teacherSchool, districtCode: schoolDistrict)
    }

    /// Issuing a teacher their account: the staff of the teacher's school, district or city.
    public func canIssueTeacherAccount(schoolID teacherSchool: String, districtCode schoolDistrict: String) -> Bool {
        role.isStaff && canSeeSchool(id: teacherSchool, districtCode: schoolDistrict)
    }

    /// Only staff may list a school's pupils.
    public func canListPupils(schoolID id: String, districtCode schoolDistrict: String) -> Bool {
        role.isStaff && canSeeSchool(id: id, districtCode: schoolDistrict)
    }
}
