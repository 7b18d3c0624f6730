import Foundation

/// Where each input record came from, so that a validation error names file, row and field.
public struct InputOrigin: Sendable {
    public var schoolsFile: String
    public var applicantsFile: String
    /// Spreadsheet row of each school / applicant (the header is row 1).
    public var schoolRows: [Int]
    public var applicantRows: [Int]

    public init(schoolsFile: String, applicantsFile: String, schoolRows: [Int], applicantRows: [Int]) {
        self.schoolsFile = schoolsFile; self.applicantsFile = applicantsFile
        self.schoolRows = schoolRows; self.applicantRows = applicantRows
    }

    /// Arrays built in code (the database draw): rows numbered as if written to CSV under a header.
    public static func arrays(schools: Int, applicants: Int) -> InputOrigin {
        InputOrigin(schoolsFile: "schools", applicantsFile: "applicants",
                    schoolRows: Array(2..<(schools + 2)), applicantRows: Array(2..<(applicants + 2)))
    }
}

/// Schools and applicants checked against every rule of the campaign, with the lookups the
/// engine needs. Only a valid input can be allocated, so the engine itself never fails.
public struct EnrollmentInput: Sendable {
    public let schools: [EnrollmentSchool]
    public let applicants: [Applicant]
    let schoolIndexByID: [String: Int]
    /// Per applicant: the index of the public school serving the child's zone.
    let catchmentSchool: [Int]
    /// Per applicant: the indices of the private choices, in order.
    let choiceSchools: [[Int]]

    public static let tierRange = 1...99
    public static let yearsRange = 0...150
    /// Far above any school's entry grade, and low enough that a district's seats summed over ten
    /// million schools cannot overflow (the coordinated phase and the report add them up).
    public static let maximumCapacity = 10_000_000

    /// Throws `InputErrors` listing every problem found.
    public init(schools: [EnrollmentSchool], applicants: [Applicant], origin: InputOrigin? = nil) throws {
        let origin = origin ?? .arrays(schools: schools.count, applicants: applicants.count)
        var errors: [FieldError] = []
        func schoolError(_ index: Int, _ field: String, _ reason: String) {
            errors.append(FieldError(file: origin.schoolsFile, row: origin.schoolRows[index], field: field, reason: reason))
        }
        func applicantError(_ index: Int, _ field: String, _ reason: String) {
            errors.append(FieldError(file: origin.applicantsFile, row: origin.applicantRows[index], field: field, reason: reason))
        }

        var schoolIndex: [String: Int] = [:]
        var zoneSchool: [String: Int] = [:]
        for (index, school) in schools.enumerated() {
            if school.id.isEmpty {
                schoolError(index, "school_id", "required, but empty")
            } else if let first = schoolIndex[school.id] {
                schoolError(index, "school_id", "duplicate school id \(school.id) (first on row \(origin.schoolRows[first]))")
            } else {
                schoolIndex[school.id] = index
            }
            if school.districtCode.isEmpty { schoolError(index, "district", "required, but empty") }
            if school.capacity < 0 {
                schoolError(index, "capacity", "negative capacity \(school.capacity)")
            } else if school.capacity > Self.maximumCapacity {
                schoolError(index, "capacity", "\(school.capacity) seats is more than the \(Self.maximumCapacity) a school may have")
            }
            for problem in Self.coordinateProblems(school.latitude, school.longitude) {
                schoolError(index, problem.field, problem.reason)
            }
            switch school.ownership {
            case .private:
                if !school.zones.isEmpty { schoolError(index, "zones", "a private school serves no catchment zone; leave it empty") }
            case .public:
                for zone in school.zones {
                    if let other = zoneSchool[zone] {
                        schoolError(index, "zones", "zone \(zone) is also served by school \(schools[other].id) "
                                    + "(row \(origin.schoolRows[other])); a zone belongs to exactly one public school")
                    } else {
                        zoneSchool[zone] = index
                    }
                }
            }
        }

        var applicantIndex: [String: Int] = [:]
        applicantIndex.reserveCapacity(applicants.count)
        var catchmentSchool = [Int](repeating: -1, count: applicants.count)
        var choiceSchools = [[Int]](repeating: [], count: applicants.count)
        for (index, applicant) in applicants.enumerated() {
            if applicant.id.isEmpty {
                applicantError(index, "applicant_id", "required, but empty")
            } else if let first = applicantIndex.updateValue(index, forKey: applicant.id) {
                applicantIndex[applicant.id] = first
                applicantError(index, "applicant_id",
                               "duplicate applicant id \(applicant.id) (first on row \(origin.applicantRows[first]))")
            }
            if applicant.districtCode.isEmpty { applicantError(index, "district", "required, but empty") }
            for problem in Self.coordinateProblems(applicant.latitude, applicant.longitude) {
                applicantError(index, problem.field, problem.reason)
            }
            if !Self.tierRange.contains(applicant.tier) {
                applicantError(index, "tier", "\(applicant.tier) is outside \(Self.tierRange.lowerBound)…\(Self.tierRange.upperBound)")
            }
            if !Self.yearsRange.contains(applicant.yearsAtAddress) {
                applicantError(index, "years", "\(applicant.yearsAtAddress) is outside \(Self.yearsRange.lowerBound)…\(Self.yearsRange.upperBound)")
            }
            if let school = zoneSchool[applicant.zone] {
                catchmentSchool[index] = school
            } else {
                applicantError(index, "zone", "no public school in \(origin.schoolsFile) serves zone '\(applicant.zone)'")
            }
            switch applicant.track {
            case .public:
                if !applicant.choices.isEmpty {
                    applicantError(index, "choices", "a public-track child names no private school (二选一); leave it empty")
                }
            case .private:
                if applicant.choices.isEmpty {
                    applicantError(index, "choices", "a private-track child names at least one private school")
                }
                choiceSchools[index] = applicant.choices.enumerated().compactMap { position, choice in
                    let reason: String
                    if let school = schoolIndex[choice] {
                        let target = schools[school]
                        if target.ownership == .public {
                            reason = "\(choice) is a public school, not a private choice"
                        } else if !target.boarding && target.districtCode != applicant.districtCode {
                            reason = "\(choice) is a day private school of district \(target.districtCode); "
                                + "only boarding private schools admit from other districts"
                        } else if applicant.choices[..<position].contains(choice) {
                            reason = "\(choice) is named twice"
                        } else {
                            return school
                        }
                    } else {
                        reason = "unknown school \(choice)"
                    }
                    applicantError(index, "choices", reason)
                    return nil
                }
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors: errors) }
        self.schools = schools
        self.applicants = applicants
        self.schoolIndexByID = schoolIndex
        self.catchmentSchool = catchmentSchool
        self.choiceSchools = choiceSchools
    }

    func schoolIndex(of id: String) -> Int? { schoolIndexByID[id] }

    private static func coordinateProblems(_ latitude: Double, _ longitude: Double) -> [(field: String, reason: String)] {
        var problems: [(field: String, reason: String)] = []
        if !(-90...90).contains(latitude) { problems.append(("lat", "latitude \(latitude) is outside -90…90")) }
        if !(-180...180).contains(longitude) { problems.append(("lon", "longitude \(longitude) is outside -180…180")) }
        return problems
    }
}
