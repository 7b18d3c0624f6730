import Foundation

public enum Role: String, Codable, Sendable, CaseIterable {
    case cityAdmin = "city-admin"
    case districtAdmin = "district-admin"
    case schoolAdmin = "school-admin"
    case guardian

    public var isStaff: Bool { self != .guardian }
    public var labelZH: String {
        switch self {
        case .cityAdmin: return "市级管理员"
        case .districtAdmin: return "区级管理员"
        case .schoolAdmin: return "学校管理员"
        case .guardian: return "家长"
        }
    }
}

/// What one account may see: the whole city, one district, one school, or a family's children.
/// Every page and API route asks these questions of each record it reads, not only of the route.
public struct AccessScope: Sendable, Equatable {
    public var role: Role
    public var districtCode: String?
    public var schoolID: String?
    public var guardianID: String?

    public init(role: Role, districtCode: String? = nil, schoolID: String? = nil, guardianID: String? = nil) {
        self.role = role; self.districtCode = districtCode; self.schoolID = schoolID; self.guardianID = guardianID
    }

    public func canSeeDistrict(_ code: String) -> Bool {
        switch role {
        case .cityAdmin: return true
        case .districtAdmin: return districtCode == code
        case .schoolAdmin, .guardian: return false
        }
    }

    /// Staff see schools within their scope; a guardian sees the schools their children attend.
    public func canSeeSchool(id: String, districtCode schoolDistrict: String, childrenSchoolIDs: Set<String> = []) -> Bool {
        switch role {
        case .cityAdmin: return true
        case .districtAdmin: return districtCode == schoolDistrict
        case .schoolAdmin: return schoolID == id
        case .guardian: return childrenSchoolIDs.contains(id)
        }
    }

    /// A student's record: staff whose scope contains the student's school, or one of the child's guardians.
    public func canSeeStudent(schoolID studentSchool: String?, schoolDistrict: String?, guardianIDs: [String]) -> Bool {
        switch role {
        case .cityAdmin: return true
        case .districtAdmin: return schoolDistrict != nil && districtCode == schoolDistrict
        case .schoolAdmin: return studentSchool != nil && schoolID == studentSchool
        case .guardian: return guardianID.map(guardianIDs.contains) ?? false
        }
    }

    /// Only staff may list a school's pupils.
    public func canListPupils(schoolID id: String, districtCode schoolDistrict: String) -> Bool {
        role.isStaff && canSeeSchool(id: id, districtCode: schoolDistrict)
    }
}
