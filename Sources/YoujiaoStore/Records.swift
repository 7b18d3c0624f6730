import Foundation
import YoujiaoCore

// Rows as stored. Column names are the snake_case of these property names (SQLKit converts).

public struct SchoolRecord: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var districtCode: String
    public var stages: String
    public var ownership: String
    public var inclusive: Bool
    public var boarding: Bool
    public var seatsK1: Int?
    public var seatsG1: Int?
    public var seatsG6: Int?
    public var seatsG10: Int?
    public var lat: Double
    public var lon: Double
    public var schoolGroup: String
    public var newQuality: Bool
    public var strengthening: Bool

    public init(_ school: School) {
        id = school.id; name = school.name; districtCode = school.districtCode
        stages = school.stages.map(\.rawValue).joined(separator: ";")
        ownership = school.ownership.rawValue; inclusive = school.isInclusive; boarding = school.boarding
        seatsK1 = school.entrySeats[.k1]; seatsG1 = school.entrySeats[.g1]
        seatsG6 = school.entrySeats[.g6]; seatsG10 = school.entrySeats[.g10]
        lat = school.latitude; lon = school.longitude; schoolGroup = school.schoolGroup
        newQuality = school.newQualitySchool; strengthening = school.strengtheningProgramme
    }

    public var school: School {
        var seats: [Grade: Int] = [:]
        seats[.k1] = seatsK1; seats[.g1] = seatsG1; seats[.g6] = seatsG6; seats[.g10] = seatsG10
        return School(id: id, name: name, districtCode: districtCode,
                      stages: stages.split(separator: ";").compactMap { Stage(rawValue: String($0)) },
                      ownership: Ownership(rawValue: ownership) ?? .public, isInclusive: inclusive, boarding: boarding,
                      entrySeats: seats, latitude: lat, longitude: lon, schoolGroup: schoolGroup,
                      newQualitySchool: newQuality, strengtheningProgramme: strengthening)
    }
}

public struct DistrictRecord: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    public var zoneKind: String
    public init(_ d: District) { code = d.code; name = d.name; zoneKind = d.zoneKind.rawValue }
    public var district: District {
        District(code: code, name: name, zoneKind: DistrictZoneKind(rawValue: zoneKind) ?? .outer)
    }
}

public struct ZoneRecord: Codable, Sendable, Hashable {
    public var id: String
    public var districtCode: String
    public var lat: Double
    public var lon: Double
    public var primarySchoolId: String?
    public var juniorSchoolId: String?
    public var kindergartenSchoolId: String?
    public init(_ z: CatchmentZone) {
        id = z.id; districtCode = z.districtCode; lat = z.latitude; lon = z.longitude
        primarySchoolId = z.primarySchoolID; juniorSchoolId = z.juniorSchoolID; kindergartenSchoolId = z.kindergartenSchoolID
    }
    public var zone: CatchmentZone {
        CatchmentZone(id: id, districtCode: districtCode, latitude: lat, longitude: lon,
                      primarySchoolID: primarySchoolId, juniorSchoolID: juniorSchoolId, kindergartenSchoolID: kindergartenSchoolId)
    }
}

/// A student row; `id` is an opaque key used in URLs so the ID number never appears in one. The
/// ID number is stored sealed, and found through its blind index (`FieldKeyRing`).
public struct StudentRecord: Codable, Sendable, Hashable {
    public var id: String
    @Sealed public var nationalId: String
    public var nationalIdIndex: String
    public var name: String
    public var gender: String
    public var birthDate: String
    public var hukou: String
    public var zoneId: String?
    public var schoolId: String?
    public var grade: String?
    public var classNo: Int?

    public init(id: String = UUID().uuidString.lowercased(), _ s: Student) throws {
        self.id = id; nationalId = s.nationalID; nationalIdIndex = try FieldProtection.blindIndex(s.nationalID)
        name = s.name; gender = s.gender.rawValue
        birthDate = s.birthDate; hukou = s.hukou.rawValue; zoneId = s.residenceZoneID
        schoolId = s.schoolID; grade = s.grade?.rawValue; classNo = s.classNumber
    }

    public var student: Student {
        Student(nationalID: nationalId, name: name, gender: Gender(rawValue: gender) ?? .male, birthDate: birthDate,
                hukou: Hukou(rawValue: hukou) ?? .local, residenceZoneID: zoneId, schoolID: schoolId,
                grade: grade.flatMap(Grade.init(rawValue:)), classNumber: classNo)
    }
    public var maskedNationalId: String { NationalID.mask(nationalId) }
}

public struct GuardianRecord: Codable, Sendable, Hashable {
    public var id: String
    @Sealed public var nationalId: String
    public var nationalIdIndex: String
    public var name: String
    public var phone: String
    public var relation: String
    public init(id: String = UUID().uuidString.lowercased(), _ g: Guardian) throws {
        self.id = id; nationalId = g.nationalID; nationalIdIndex = try FieldProtection.blindIndex(g.nationalID); name = g.name; phone = g.phone; relation = g.relation
    }
}

public struct TeacherRecord: Codable, Sendable, Hashable {
    public var id: String
    @Sealed public var nationalId: String
    public var nationalIdIndex: String
    public var name: String
    public var schoolId: String
    public var subject: String
    public var title: String
    public var degree: String
    public var keyLevel: String
    public var specialism: String
    public var fullTimePsychology: Bool
    public var maskedNationalId: String { NationalID.mask(nationalId) }
    public init(id: String = UUID().uuidString.lowercased(), _ t: Teacher) throws {
        self.id = id; nationalId = t.nationalID; nationalIdIndex = try FieldProtection.blindIndex(t.nationalID); name = t.name; schoolId = t.schoolID; subject = t.subject
        title = t.title.rawValue; degree = t.degree.rawValue; keyLevel = t.keyTeacherLevel.rawValue
        specialism = t.specialism.rawValue; fullTimePsychology = t.fullTimePsychology
    }
    public var teacher: Teacher {
        Teacher(nationalID: nationalId, name: name, schoolID: schoolId, subject: subject,
                title: TeacherTitle(rawValue: title) ?? .none, degree: Degree(rawValue: degree) ?? .bachelor,
                keyTeacherLevel: KeyTeacherLevel(rawValue: keyLevel) ?? .none,
                specialism: Specialism(rawValue: specialism) ?? .none, fullTimePsychology: fullTimePsychology)
    }
}

public struct UserRecord: Codable, Sendable, Hashable {
    public var id: String
    public var username: String
    public var passwordHash: String
    public var role: String
    public var displayName: String
    public var districtCode: String?
    public var schoolId: String?
    public var guardianId: String?
    /// A teacher account's own row in `teachers`.
    public var teacherId: String?
    public var createdAt: String
    /// The staff member's TOTP secret (Base32) once enrolled, the last time step accepted (no
    /// replay), and the hashes of the unused recovery codes, comma-separated. The secret is sealed.
    @SealedOptional public var totpSecret: String?
    public var totpLastStep: Int64?
    public var recoveryHashes: String?
    /// Set when the account was disabled (seconds since 1970): no sign-in, no session, no token.
    public var disabledAt: Double?
    public init(id: String = UUID().uuidString.lowercased(), username: String, passwordHash: String, role: Role,
                displayName: String, districtCode: String? = nil, schoolId: String? = nil, guardianId: String? = nil,
                teacherId: String? = nil, createdAt: String = Timestamp.string(Date(), milliseconds: false)) {
        self.id = id; self.username = username; self.passwordHash = passwordHash; self.role = role.rawValue
        self.displayName = displayName; self.districtCode = districtCode; self.schoolId = schoolId
        self.guardianId = guardianId; self.teacherId = teacherId; self.createdAt = createdAt
        totpSecret = nil; totpLastStep = nil; recoveryHashes = nil; disabledAt = nil
    }
    public var roleValue: Role { Role(rawValue: role) ?? .guardian }
    public var isDisabled: Bool { disabledAt != nil }
    public var recoveryHashList: [String] { (recoveryHashes ?? "").split(separator: ",").map(String.init) }
}

public struct APITokenRecord: Codable, Sendable, Hashable {
    public var id: String
    public var userId: String
    public var tokenHash: String
    public var name: String
    public var createdAt: String
    /// A `TokenScope` raw value.
    public var scope: String
    public var expiresAt: Double?
    public var revokedAt: Double?
    public init(userId: String, tokenHash: String, name: String, scope: TokenScope, expiresAt: Double, now: Date = Date()) {
        id = UUID().uuidString.lowercased(); self.userId = userId; self.tokenHash = tokenHash; self.name = name
        createdAt = Timestamp.string(now, milliseconds: false); self.scope = scope.rawValue; self.expiresAt = expiresAt; revokedAt = nil
    }
}

/// A signed-in browser. Times are seconds since 1970.
public struct WebSessionRecord: Codable, Sendable, Hashable {
    public var idHash: String
    public var userId: String
    public var csrfToken: String
    public var createdAt: Double
    public var lastSeenAt: Double
    /// Signed in with the password, the second factor still to come: no page but that one.
    public var secondFactorPending: Bool
    /// The TOTP secret shown for enrolment, until a code from it is confirmed (sealed).
    @SealedOptional public var enrolmentSecret: String?
    public init(idHash: String, userId: String, csrfToken: String, now: Double, secondFactorPending: Bool = false) {
        self.idHash = idHash; self.userId = userId; self.csrfToken = csrfToken; createdAt = now; lastSeenAt = now
        self.secondFactorPending = secondFactorPending; enrolmentSecret = nil
    }
    public func isLive(at now: Double) -> Bool {
        now - lastSeenAt < SignInPolicy.sessionIdleLimit && now - createdAt < SignInPolicy.sessionAbsoluteLimit
    }
}

public struct AuditEventRecord: Codable, Sendable, Hashable {
    public var id: String
    public var at: String
    public var actorId: String?
    public var actorName: String
    public var action: String
    public var route: String
    public var subjectKind: String
    public var subjectId: String
    public var detail: String
    /// The event's place in the hash chain (AuditChain), set when it is appended.
    public var seq: Int?
    public var prevHash: String?
    public var rowHash: String?
    /// The fields the chain's hash covers, in a fixed order.
    public var chainedFields: [String] { [id, at, actorId ?? "", actorName, action, route, subjectKind, subjectId, detail] }
    public init(actorId: String?, actorName: String, action: String, route: String,
                subjectKind: String, subjectId: String, detail: String = "", at: Date = Date()) {
        id = UUID().uuidString.lowercased()
        self.at = Timestamp.string(at)
        self.actorId = actorId; self.actorName = actorName; self.action = action; self.route = route
        self.subjectKind = subjectKind; self.subjectId = subjectId; self.detail = detail
    }
}
