import Testing
@testable import YoujiaoCore

@Suite("Enrollment input validation: bad input names file, row and field")
struct EnrollmentInputTests {
    static let schoolsHeader = "school_id,name,district,ownership,boarding,capacity,lat,lon,zones"
    static let applicantsHeader = "applicant_id,district,zone,lat,lon,track,choices,tier,years"
    static let goodSchools = [
        "S1,一小,310104,public,no,2,31.20,121.40,Z1;Z2",
        "S2,二小,310104,public,no,2,31.21,121.41,Z3",
        "P1,民办一,310104,private,no,1,31.22,121.42,",
        "B1,寄宿,310105,private,yes,1,31.23,121.43,",
        "P2,外区民办,310105,private,no,1,31.23,121.43,",
    ]
    static let goodApplicants = [
        "a1,310104,Z1,31.20,121.40,public,,1,3",
        "a2,310104,Z3,31.21,121.40,private,P1;B1,2,0",
    ]

    func input(schools: [String] = goodSchools, applicants: [String] = goodApplicants) throws -> EnrollmentInput {
        try EnrollmentCSV.input(
            schools: CSVTable.parse(text: ([Self.schoolsHeader] + schools).joined(separator: "\n"), fileName: "schools.csv"),
            applicants: CSVTable.parse(text: ([Self.applicantsHeader] + applicants).joined(separator: "\n"), fileName: "applicants.csv"))
    }

    /// The single error the input raises.
    func error(schools: [String] = goodSchools, applicants: [String] = goodApplicants) -> FieldError? {
        do {
            _ = try input(schools: schools, applicants: applicants)
            return nil
        } catch let errors as InputErrors {
            #expect(errors.errors.count == 1, "\(errors)")
            return errors.errors.first
        } catch {
            return error as? FieldError
        }
    }

    @Test("good files parse into typed schools and applicants")
    func goodInput() throws {
        let input = try input()
        #expect(input.schools.map(\.zones) == [["Z1", "Z2"], ["Z3"], [], [], []])
        #expect(input.applicants[1].choices == ["P1", "B1"] && input.applicants[1].track == .private)
        #expect(input.applicants[1].tier == 2 && input.applicants[0].yearsAtAddress == 3)
    }

    @Test("an unknown school in choices")
    func unknownChoice() {
        let found = error(applicants: ["a1,310104,Z1,31.2,121.4,private,P9,1,3"])
        #expect(found == FieldError(file: "applicants.csv", row: 2, field: "choices", reason: "unknown school P9"))
    }

    @Test("a public school as a private choice")
    func publicChoice() {
        let found = error(applicants: Self.goodApplicants + ["a3,310104,Z1,31.2,121.4,private,S2,1,3"])
        #expect(found?.file == "applicants.csv" && found?.row == 4 && found?.field == "choices")
        #expect(found?.reason.contains("public school") == true)
    }

    @Test("a day private school of another district")
    func dayPrivateOfOtherDistrict() {
        let found = error(applicants: ["a1,310104,Z1,31.2,121.4,private,P1;P2,1,3"])
        #expect(found?.row == 2 && found?.field == "choices" && found?.reason.contains("P2") == true)
    }

    @Test("a choice named twice")
    func repeatedChoice() {
        #expect(error(applicants: ["a1,310104,Z1,31.2,121.4,private,P1;P1,1,3"])?.field == "choices")
    }

    @Test("a private-track child with no choice, and a public-track child with one")
    func trackAndChoices() {
        #expect(error(applicants: ["a1,310104,Z1,31.2,121.4,private,,1,3"])?.field == "choices")
        #expect(error(applicants: ["a1,310104,Z1,31.2,121.4,public,P1,1,3"])?.field == "choices")
    }

    @Test("a zone served by no public school")
    func unservedZone() {
        let found = error(applicants: ["a1,310104,Z7,31.2,121.4,public,,1,3"])
        #expect(found?.file == "applicants.csv" && found?.row == 2 && found?.field == "zone")
    }

    @Test("a zone served by two public schools")
    func zoneServedTwice() {
        let found = error(schools: Self.goodSchools + ["S3,三小,310104,public,no,2,31.2,121.4,Z4;Z3"])
        #expect(found?.file == "schools.csv" && found?.row == 7 && found?.field == "zones")
        #expect(found?.reason.contains("S2") == true)
    }

    @Test("a private school listing zones")
    func privateWithZones() {
        #expect(error(schools: Self.goodSchools + ["P3,x,310104,private,no,1,31.2,121.4,Z9"])?.field == "zones")
    }

    @Test("duplicate applicant and school ids")
    func duplicates() {
        let applicant = error(applicants: Self.goodApplicants + ["a1,310104,Z1,31.2,121.4,public,,1,3"])
        #expect(applicant == FieldError(file: "applicants.csv", row: 4, field: "applicant_id",
                                        reason: "duplicate applicant id a1 (first on row 2)"))
        let school = error(schools: Self.goodSchools + ["S1,again,310104,public,no,2,31.2,121.4,Z8"])
        #expect(school?.file == "schools.csv" && school?.row == 7 && school?.field == "school_id")
    }

    @Test("a latitude of 200 and a longitude of 181", arguments: [
        ("a1,310104,Z1,200,121.4,public,,1,3", "lat"), ("a1,310104,Z1,31.2,181,public,,1,3", "lon"),
        ("a1,310104,Z1,north,121.4,public,,1,3", "lat"),
    ])
    func badCoordinates(row: String, field: String) {
        let found = error(applicants: [row])
        #expect(found?.file == "applicants.csv" && found?.row == 2 && found?.field == field)
    }

    @Test("a school latitude out of range")
    func badSchoolLatitude() {
        #expect(error(schools: Self.goodSchools + ["S3,x,310104,public,no,2,-91,121.4,Z9"])?.field == "lat")
    }

    @Test("a negative capacity")
    func negativeCapacity() {
        let found = error(schools: ["S1,一小,310104,public,no,-3,31.2,121.4,Z1;Z3"], applicants: ["a1,310104,Z1,31.2,121.4,public,,1,3"])
        #expect(found == FieldError(file: "schools.csv", row: 2, field: "capacity", reason: "negative capacity -3"))
    }

    @Test("a capacity so large that a district's seats would overflow when added up")
    func hugeCapacity() {
        // Two such schools in one district add up to 2^63 seats, beyond Int: adding up the district's
        // seats (coordinated phase, report) trapped instead of the file being refused.
        let schools = ["S1,一小,310104,public,no,4611686018427387904,31.2,121.4,Z1",
                       "S2,二小,310104,public,no,4611686018427387904,31.3,121.4,Z2"]
        let refused = #expect(throws: InputErrors.self) {
            try input(schools: schools, applicants: ["a1,310104,Z1,31.2,121.4,public,,1,3"])
        }
        #expect(refused?.errors.map { "\($0.file) \($0.row ?? 0) \($0.field ?? "")" } == ["schools.csv 2 capacity", "schools.csv 3 capacity"])
        #expect(error(schools: ["S1,一小,310104,public,no,10000001,31.2,121.4,Z1"], applicants: ["a1,310104,Z1,31.2,121.4,public,,1,3"])?.field == "capacity")
        #expect(error(schools: ["S1,一小,310104,public,no,10000000,31.2,121.4,Z1"], applicants: ["a1,310104,Z1,31.2,121.4,public,,1,3"]) == nil)
    }

    @Test("unreadable cells: ownership, boarding, tier out of range, years not a number, unknown track", arguments: [
        ("schools", "S9,x,310104,state,no,2,31.2,121.4,Z9", "ownership"),
        ("schools", "S9,x,310104,public,maybe,2,31.2,121.4,Z9", "boarding"),
        ("applicants", "a9,310104,Z1,31.2,121.4,public,,0,3", "tier"),
        ("applicants", "a9,310104,Z1,31.2,121.4,public,,1,three", "years"),
        ("applicants", "a9,310104,Z1,31.2,121.4,either,,1,3", "track"),
    ])
    func unreadableCells(file: String, row: String, field: String) {
        let found = file == "schools" ? error(schools: Self.goodSchools + [row]) : error(applicants: Self.goodApplicants + [row])
        #expect(found?.file == "\(file).csv" && found?.field == field)
    }

    @Test("a missing column")
    func missingColumn() {
        #expect(throws: InputErrors.self) {
            try EnrollmentCSV.input(
                schools: CSVTable.parse(text: "school_id,name\nS1,x", fileName: "schools.csv"),
                applicants: CSVTable.parse(text: Self.applicantsHeader, fileName: "applicants.csv"))
        }
    }

    @Test("every problem is reported at once")
    func allProblemsTogether() {
        do {
            _ = try input(applicants: ["a1,310104,Z7,31.2,121.4,public,,1,3", "a2,310104,Z1,31.2,121.4,private,P9,1,3"])
            Issue.record("expected errors")
        } catch let errors as InputErrors {
            #expect(errors.errors.map(\.field) == ["zone", "choices"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
