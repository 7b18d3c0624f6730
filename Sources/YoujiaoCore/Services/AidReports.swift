import Foundation

/// A grant as published to the school community (资助公示): the Ministry's rule for aid notices
/// forbids ID numbers, addresses, birth dates and bank details, so this type has no field for them.
public struct AidPublishedGrant: Sendable, Hashable, Codable {
    public var grantID: String
    public var studentID: String
    public var studentName: String
    public var schoolID: String
    public var schoolName: String
    public var grade: Grade?
    public var classNumber: Int?
    public var policyID: String
    public var policyName: String
    public var yuan: Int
    public var declined: Bool

    public init(grantID: String, studentID: String, studentName: String, schoolID: String, schoolName: String, grade: Grade?,
                classNumber: Int?, policyID: String, policyName: String, yuan: Int, declined: Bool) {
        self.grantID = grantID; self.studentID = studentID; self.studentName = studentName; self.schoolID = schoolID
        self.schoolName = schoolName; self.grade = grade; self.classNumber = classNumber; self.policyID = policyID
        self.policyName = policyName; self.yuan = yuan; self.declined = declined
    }
}

/// One line of the payment file for the finance system: the pupil is identified by the full ID
/// number (payments go to the card linked to it), so the file is for the finance office, never published.
public struct AidPayment: Sendable, Hashable, Codable {
    public var grantID: String
    public var year: Int
    public var policyID: String
    public var policyName: String
    public var yuan: Int
    public var districtCode: String
    public var schoolID: String
    public var schoolName: String
    public var studentID: String
    public var studentName: String
    public var nationalID: String

    public init(grantID: String, year: Int, policyID: String, policyName: String, yuan: Int, districtCode: String,
                schoolID: String, schoolName: String, studentID: String, studentName: String, nationalID: String) {
        self.grantID = grantID; self.year = year; self.policyID = policyID; self.policyName = policyName; self.yuan = yuan
        self.districtCode = districtCode; self.schoolID = schoolID; self.schoolName = schoolName
        self.studentID = studentID; self.studentName = studentName; self.nationalID = nationalID
    }

    public static let csvHeader = ["payment_reference", "school_year", "policy", "policy_name", "amount_yuan", "district",
                                   "school_id", "school", "student_name", "national_id"]
    public var csvCells: [String] {
        [grantID, String(year), policyID, policyName, String(yuan), districtCode, schoolID, schoolName, studentName, nationalID]
    }
}

/// Pupils and yuan of one group (a district, a school or a policy) in a school year.
public struct AidTotal: Sendable, Hashable, Codable {
    public var key: String
    public var name: String
    public var pupils: Int
    public var grants: Int
    /// Yuan of the grants not declined.
    public var yuan: Int
    public var declined: Int
    public init(key: String, name: String, pupils: Int, grants: Int, yuan: Int, declined: Int) {
        self.key = key; self.name = name; self.pupils = pupils; self.grants = grants; self.yuan = yuan; self.declined = declined
    }
}

extension AccessScope {
    /// Aid records (grants, review items, payments) of a school and district: city staff see all;
    /// district staff their district's; school staff their school's; guardians use the family page.
    public func canSeeAidRecord(schoolID recordSchool: String?, districtCode recordDistrict: String?) -> Bool {
        switch role {
        case .cityAdmin: return true
        case .districtAdmin: return recordDistrict != nil && districtCode == recordDistrict
        case .schoolAdmin: return recordSchool != nil && schoolID == recordSchool
        case .teacher, .guardian: return false
        }
    }

    /// The payment file: finance works city- or district-wide.
    public var canExportAidPayments: Bool { role == .cityAdmin || role == .districtAdmin }
}
