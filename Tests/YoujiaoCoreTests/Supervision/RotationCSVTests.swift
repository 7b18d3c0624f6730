import Foundation
import Testing
@testable import YoujiaoCore

@Suite("Rotation CSV")
struct RotationCSVTests {
    static let known: Set<String> = ["3101010001", "3101010002"]

    static func parse(_ rows: [String]) throws -> [RotationReport] {
        try RotationCSV.parse(SupervisionFixture.table((["school_id,year,eligible_teachers,rotated_teachers,key_teachers_rotated"] + rows)
            .joined(separator: "\n"), fileName: "rotation.csv"), knownSchoolIDs: known, knownYears: [2025])
    }

    @Test func parsesAndWritesBack() throws {
        let reports = try Self.parse(["3101010001,2025,100,9,2", "3101010002,2025,0,0,0"])
        #expect(reports == [RotationReport(schoolID: "3101010001", year: 2025, counts: RotationCounts(eligible: 100, rotated: 9, keyRotated: 2)),
                            RotationReport(schoolID: "3101010002", year: 2025, counts: RotationCounts(eligible: 0, rotated: 0, keyRotated: 0))])
        let back = try RotationCSV.parse(SupervisionFixture.table(RotationCSV.document(reports)), knownSchoolIDs: Self.known, knownYears: [2025])
        #expect(back == reports)
    }

    @Test func everyProblemNamesRowAndField() {
        let errors = fieldErrors {
            _ = try Self.parse(["3101019999,2025,10,1,0", "3101010001,2024,10,1,0", "3101010001,2025,10,11,0",
                                "3101010002,2025,10,2,3", "3101010002,2025,10,1,0", "3101010001,2025,-1,,0"])
        }
        #expect(errors.map(\.row) == [2, 3, 4, 5, 6, 7, 7, 7])
        #expect(errors.map { $0.field ?? "" } == ["school_id", "year", "rotated_teachers", "key_teachers_rotated", "school_id",
                                                   "eligible_teachers", "rotated_teachers", "school_id"])
        #expect(errors[2].reason == "11 rotated of 10 eligible teachers")
        #expect(errors[4].reason.contains("duplicate report: school 3101010002 already reported for 2025 on row 5"))
    }
}
