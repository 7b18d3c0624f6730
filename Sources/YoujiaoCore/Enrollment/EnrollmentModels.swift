import Foundation

// Plain inputs and outputs of one enrollment campaign stage (one entry grade per run).
// The command line fills them from CSV files, the database-backed draw from its tables;
// both hand them to `EnrollmentEngine.allocate`.

/// A school as the engine sees it: the seats it offers in the entry grade of this campaign.
public struct EnrollmentSchool: Sendable, Hashable, Codable {
    /// 10-digit 学校标识码.
    public var id: String
    public var name: String
    public var districtCode: String
    public var ownership: Ownership
    /// A boarding private school may be chosen from any district.
    public var boarding: Bool
    /// Seats in the entry grade.
    public var capacity: Int
    public var latitude: Double
    public var longitude: Double
    /// 施教区 served at this stage (public schools only; each zone belongs to exactly one).
    public var zones: [String]

    public init(id: String, name: String, districtCode: String, ownership: Ownership, boarding: Bool,
                capacity: Int, latitude: Double, longitude: Double, zones: [String]) {
        self.id = id; self.name = name; self.districtCode = districtCode; self.ownership = ownership
        self.boarding = boarding; self.capacity = capacity; self.latitude = latitude
        self.longitude = longitude; self.zones = zones
    }
}

/// 二选一: a family applies either to private schools or straight to the public route.
public enum EnrollmentTrack: String, Sendable, Codable, CaseIterable {
    case `public`, `private`
}

public struct Applicant: Sendable, Hashable, Codable {
    /// Pseudonymous id, published with the inputs; the lottery number is derived from it.
    public var id: String
    public var districtCode: String
    /// The 施教区 of the child's address.
    public var zone: String
    public var latitude: Double
    public var longitude: Double
    public var track: EnrollmentTrack
    /// Private schools in order of preference (Shanghai: a first choice and one 调剂 choice).
    public var choices: [String]
    /// 1 = 人户一致; higher numbers rank later at the catchment school.
    public var tier: Int
    /// Whole years the family has lived at the address.
    public var yearsAtAddress: Int

    public init(id: String, districtCode: String, zone: String, latitude: Double, longitude: Double,
                track: EnrollmentTrack, choices: [String], tier: Int, yearsAtAddress: Int) {
        self.id = id; self.districtCode = districtCode; self.zone = zone; self.latitude = latitude
        self.longitude = longitude; self.track = track; self.choices = choices; self.tier = tier
        self.yearsAtAddress = yearsAtAddress
    }
}

public enum PrivateMechanism: String, Sendable, Codable, CaseIterable {
    /// Round r: every child not yet admitted applies to their r-th choice (Shanghai's rule).
    case immediate
    /// Student-proposing deferred acceptance on the same lottery.
    case deferred
}

/// The policy choices of a campaign; the defaults are Shanghai's.
public struct EnrollmentSettings: Sendable, Hashable, Codable {
    public var privateMechanism: PrivateMechanism
    /// 同类排序靠后: children back from the private lottery rank after all others of their tier.
    public var returnedPrivateApplicantsRankLast: Bool

    public init(privateMechanism: PrivateMechanism = .immediate, returnedPrivateApplicantsRankLast: Bool = true) {
        self.privateMechanism = privateMechanism
        self.returnedPrivateApplicantsRankLast = returnedPrivateApplicantsRankLast
    }
}

public enum EnrollmentRoute: String, Sendable, Codable, CaseIterable {
    case `private`, catchment, coordinated, unplaced
}

/// Where one child goes, and why.
public struct Placement: Sendable, Hashable {
    public var applicantID: String
    /// nil when unplaced.
    public var schoolID: String?
    public var route: EnrollmentRoute
    /// The 1-based private choice that admitted the child, else nil.
    public var choiceRank: Int?
    /// Rounded haversine metres to the school; nil when unplaced.
    public var distanceMetres: Int?
    public var lottery: UInt64

    public init(applicantID: String, schoolID: String?, route: EnrollmentRoute, choiceRank: Int?,
                distanceMetres: Int?, lottery: UInt64) {
        self.applicantID = applicantID; self.schoolID = schoolID; self.route = route
        self.choiceRank = choiceRank; self.distanceMetres = distanceMetres; self.lottery = lottery
    }
}

/// Coordinated placement in one district next to the least total distance the same seats allow.
public struct DistrictCoordination: Sendable, Hashable {
    public var districtCode: String
    /// Children the catchment phase could not take (placed by 统筹 or unplaced).
    public var children: Int
    /// Seats left at the district's public schools after the catchment phase.
    public var freeSeats: Int
    /// Children placed by priority order (= min(children, freeSeats)).
    public var placed: Int
    public var totalDistanceMetres: Int
    /// The least total distance for the same placed children on the same free seats (min-cost
    /// flow); the children left unplaced take no part.
    public var optimalTotalDistanceMetres: Int
}

public struct EnrollmentOutcome: Sendable {
    /// One per applicant, in input order.
    public var placements: [Placement]
    /// One per district that had children left after the catchment phase, by district code.
    public var coordination: [DistrictCoordination]
}
