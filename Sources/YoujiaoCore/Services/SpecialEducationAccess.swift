import Foundation

/// How much of a case file an account sees.
public enum CaseFileAccess: Sendable, Equatable {
    /// Everything (the child's named school staff, the district centre, the guardians).
    case full
    /// That the child has a file, and nothing it holds (other staff whose scope holds the child).
    case existenceOnly
    /// Nothing: 403.
    case none
}

/// Who sees a case file. The district special-education centre is modelled as the district admin
/// of the file's district (the district that keeps the file): the platform has no separate centre
/// role, and in Shanghai the centre (区特殊教育指导中心) works inside the district education bureau.
public enum SpecialEducationAccess {
    /// The facts about one file that decide access.
    public struct Audience: Sendable, Equatable {
        public var districtCode: String
        /// The child's school today (current placement, otherwise the registry's).
        public var caseSchoolID: String?
        /// The registry's school and its district.
        public var registrySchoolID: String?
        public var registrySchoolDistrict: String?
        public var staffUserIDs: [String]
        public var guardianIDs: [String]
        public init(districtCode: String, caseSchoolID: String?, registrySchoolID: String?, registrySchoolDistrict: String?,
                    staffUserIDs: [String], guardianIDs: [String]) {
            self.districtCode = districtCode; self.caseSchoolID = caseSchoolID; self.registrySchoolID = registrySchoolID
            self.registrySchoolDistrict = registrySchoolDistrict; self.staffUserIDs = staffUserIDs; self.guardianIDs = guardianIDs
        }
    }

    public static func access(_ scope: AccessScope, userID: String, to audience: Audience) -> CaseFileAccess {
        switch scope.role {
        case .guardian:
            return scope.guardianID.map(audience.guardianIDs.contains) == true ? .full : .none
        case .teacher:
            return .none
        case .districtAdmin:
            if scope.districtCode == audience.districtCode { return .full }
            return scope.canSeeStudent(schoolID: audience.registrySchoolID, schoolDistrict: audience.registrySchoolDistrict,
                                       guardianIDs: []) ? .existenceOnly : .none
        case .schoolAdmin:
            guard let school = scope.schoolID, school == audience.caseSchoolID || school == audience.registrySchoolID else { return .none }
            return school == audience.caseSchoolID && audience.staffUserIDs.contains(userID) ? .full : .existenceOnly
        case .cityAdmin:
            return .existenceOnly
        }
    }

    /// Who may add to a file: staff with full access (guardians read only).
    public static func canEdit(_ scope: AccessScope, userID: String, audience: Audience) -> Bool {
        scope.role.isStaff && access(scope, userID: userID, to: audience) == .full
    }

    /// Who may open a file for a pupil: the district centre of the pupil's district, or an admin
    /// of the pupil's school (who is then named on the file).
    public static func canOpenFile(_ scope: AccessScope, pupilSchoolID: String?, pupilDistrict: String?) -> Bool {
        switch scope.role {
        case .districtAdmin: return pupilDistrict != nil && scope.districtCode == pupilDistrict
        case .schoolAdmin: return pupilSchoolID != nil && scope.schoolID == pupilSchoolID
        case .cityAdmin, .teacher, .guardian: return false
        }
    }
}

extension CaseFile {
    /// The access facts of this file on `date`, given the registry school's district.
    public func audience(on date: CaseDate, registrySchoolDistrict: String?) -> SpecialEducationAccess.Audience {
        SpecialEducationAccess.Audience(districtCode: caseRecord.districtCode, caseSchoolID: schoolID(on: date),
                                        registrySchoolID: child.schoolID, registrySchoolDistrict: registrySchoolDistrict,
                                        staffUserIDs: staffUserIDs, guardianIDs: guardianIDs)
    }
}
