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
    let schoolIndexByID: StringIndex
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

        // Ids and zones are numbered once (`StringIndex`): the applicants look them up millions of times.
        var schoolIndex = StringIndex(capacity: schools.count)
        var zones = StringIndex()
        var zoneSchool: [Int] = []
        for (index, school) in schools.enumerated() {
            if school.id.isEmpty {
                schoolError(index, "school_id", "required, but empty")
            } else {
                let (inserted, first) = schoolIndex.insert(school.id)
                if !inserted {
                    schoolError(index, "school_id", "duplicate school id \(school.id) (first on row \(origin.schoolRows[first]))")
                }
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
                    let (inserted, number) = zones.insert(zone)
                    if inserted {
                        zoneSchool.append(index)
                    } else {
                        let other = zoneSchool[number]
                        schoolError(index, "zones", "zone \(zone) is also served by school \(schools[other].id) "
                                    + "(row \(origin.schoolRows[other])); a zone belongs to exactly one public school")
                    }
                }
            }
        }

        let duplicateOf = StringIndex.duplicates(count: applicants.count) { applicants[$0].id }
        var catchmentSchool = [Int](repeating: -1, count: applicants.count)
        var choiceSchools = [[Int]](repeating: [], count: applicants.count)
        // Applicants are checked on every core, each chunk writing its own applicants' schools
        // through the pointers (the chunks' indices are disjoint); the errors come back by chunk,
        // so in the file's order.
        let applicantErrors = catchmentSchool.withUnsafeMutableBufferPointer { catchment in
            choiceSchools.withUnsafeMutableBufferPointer { choices in
                nonisolated(unsafe) let catchment = catchment, choices = choices
                let schoolIndex = schoolIndex, zones = zones, zoneSchool = zoneSchool
                return applicants.indices.concurrentChunks { range in
                    var errors: [FieldError] = []
                    for index in range {
                        var check = ApplicantCheck(file: origin.applicantsFile, row: origin.applicantRows[index])
                        check.duplicate(of: applicants[index].id, firstRow: duplicateOf[index].map { origin.applicantRows[$0] })
                        check.fields(of: applicants[index])
                        if let zone = zones.index(of: applicants[index].zone) {
                            catchment[index] = zoneSchool[zone]
                        } else {
                            check.error("zone", "no public school in \(origin.schoolsFile) serves zone '\(applicants[index].zone)'")
                        }
                        choices[index] = check.choices(of: applicants[index], schools: schools, index: schoolIndex)
                        errors += check.errors
                    }
                    return errors
                }
            }
        }
        errors += applicantErrors.joined()
        guard errors.isEmpty else { throw InputErrors(errors: errors) }
        self.schools = schools
        self.applicants = applicants
        self.schoolIndexByID = schoolIndex
        self.catchmentSchool = catchmentSchool
        self.choiceSchools = choiceSchools
    }

    func schoolIndex(of id: String) -> Int? { schoolIndexByID.index(of: id) }

    /// One applicant's checks, in the order their errors are listed.
    private struct ApplicantCheck {
        let file: String
        let row: Int
        var errors: [FieldError] = []

        mutating func error(_ field: String, _ reason: String) {
            errors.append(FieldError(file: file, row: row, field: field, reason: reason))
        }

        mutating func duplicate(of id: String, firstRow: Int?) {
            if id.isEmpty {
                error("applicant_id", "required, but empty")
            } else if let firstRow {
                error("applicant_id", "duplicate applicant id \(id) (first on row \(firstRow))")
            }
        }

        mutating func fields(of applicant: Applicant) {
            if applicant.districtCode.isEmpty { error("district", "required, but empty") }
            for problem in EnrollmentInput.coordinateProblems(applicant.latitude, applicant.longitude) {
                error(problem.field, problem.reason)
            }
            if !EnrollmentInput.tierRange.contains(applicant.tier) {
                let range = EnrollmentInput.tierRange
                error("tier", "\(applicant.tier) is outside \(range.lowerBound)…\(range.upperBound)")
            }
            if !EnrollmentInput.yearsRange.contains(applicant.yearsAtAddress) {
                let range = EnrollmentInput.yearsRange
                error("years", "\(applicant.yearsAtAddress) is outside \(range.lowerBound)…\(range.upperBound)")
            }
        }

        /// The indices of the private choices (二选一: none on the public track).
        mutating func choices(of applicant: Applicant, schools: [EnrollmentSchool], index: StringIndex) -> [Int] {
            switch applicant.track {
            case .public:
                if !applicant.choices.isEmpty {
                    error("choices", "a public-track child names no private school (二选一); leave it empty")
                }
                return []
            case .private:
                if applicant.choices.isEmpty {
                    error("choices", "a private-track child names at least one private school")
                }
                return applicant.choices.enumerated().compactMap { position, choice in
                    let reason: String
                    if let school = index.index(of: choice) {
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
                    error("choices", reason)
                    return nil
                }
            }
        }
    }

    fileprivate static func coordinateProblems(_ latitude: Double, _ longitude: Double) -> [(field: String, reason: String)] {
        var problems: [(field: String, reason: String)] = []
        if !(-90...90).contains(latitude) { problems.append(("lat", "latitude \(latitude) is outside -90…90")) }
        if !(-180...180).contains(longitude) { problems.append(("lon", "longitude \(longitude) is outside -180…180")) }
        return problems
    }
}
