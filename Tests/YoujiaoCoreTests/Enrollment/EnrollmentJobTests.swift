import Foundation
import Testing
@testable import YoujiaoCore

@Suite("Enrollment file jobs: run, verify, commit")
struct EnrollmentJobTests {
    let directory: URL
    let files: EnrollmentJob.Files

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("enroll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        files = EnrollmentJob.Files(schools: directory.appendingPathComponent("schools.csv").path,
                                    applicants: directory.appendingPathComponent("applicants.csv").path)
        try write(files.schools, [EnrollmentInputTests.schoolsHeader] + EnrollmentInputTests.goodSchools)
        try write(files.applicants, [EnrollmentInputTests.applicantsHeader] + EnrollmentInputTests.goodApplicants
                  + (3...9).map { "a\($0),310104,Z\($0 % 3 + 1),31.2\($0),121.4,public,,\($0 % 2 + 1),\($0)" })
    }

    func write(_ path: String, _ lines: [String]) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test("run writes results.csv and report.json; verify accepts its own output")
    func runThenVerify() throws {
        let output = try EnrollmentJob.run(files, seedHex: EnrollmentFixture.seedHex, settings: EnrollmentSettings(),
                                           resultsPath: path("results.csv"), reportPath: path("report.json"))
        let results = try String(contentsOfFile: path("results.csv"), encoding: .utf8).split(separator: "\n")
        #expect(results.first == "applicant_id,school_id,route,choice_rank,distance_m,lottery")
        #expect(results.count == 10)
        let seed = try LotterySeed(hex: EnrollmentFixture.seedHex)
        #expect(results[1].hasPrefix("a1,") && results[1].hasSuffix(Lottery.hex(Lottery.number(for: "a1", seed: seed))))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("report.json")))) as? [String: Any]
        let coordinated = report?["coordinated"] as? [String: Any]
        #expect(coordinated?["optimal_total_distance_m"] as? Int == output.report.coordinated.optimalTotalDistanceM)
        #expect(report?["returned_without_catchment"] is [String])
        #expect(try EnrollmentJob.verify(files, seedHex: EnrollmentFixture.seedHex, settings: EnrollmentSettings(),
                                         resultsPath: path("results.csv")).isEmpty)
    }

    @Test("verify rejects a changed row, a missing row and a different seed or setting")
    func verifyRejects() throws {
        try EnrollmentJob.run(files, seedHex: EnrollmentFixture.seedHex, settings: EnrollmentSettings(),
                              resultsPath: path("results.csv"), reportPath: nil)
        let original = try String(contentsOfFile: path("results.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        var lines = original
        var cells = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[4] = String((Int(cells[4]) ?? 0) + 1)
        lines[3] = cells.joined(separator: ",")
        try write(path("changed.csv"), lines)
        let changed = try EnrollmentJob.verify(files, seedHex: EnrollmentFixture.seedHex, settings: EnrollmentSettings(),
                                               resultsPath: path("changed.csv"))
        #expect(changed.count == 1)
        #expect(changed.first?.contains("row 4") == true && changed.first?.contains("distance_m") == true)

        try write(path("short.csv"), Array(original.dropLast()))
        let short = try EnrollmentJob.verify(files, seedHex: EnrollmentFixture.seedHex, settings: EnrollmentSettings(),
                                             resultsPath: path("short.csv"))
        #expect(short.count == 1 && short.first?.contains("has no row") == true)
        let otherSeed = String(repeating: "ab", count: 32)
        #expect(try !EnrollmentJob.verify(files, seedHex: otherSeed, settings: EnrollmentSettings(),
                                          resultsPath: path("results.csv")).isEmpty)
    }

    @Test("bad input or a bad seed throws and writes no results file")
    func badInputWritesNothing() throws {
        #expect(throws: FieldError.self) {
            try EnrollmentJob.run(files, seedHex: "xyz", settings: EnrollmentSettings(), resultsPath: path("r1.csv"), reportPath: nil)
        }
        try write(files.applicants, [EnrollmentInputTests.applicantsHeader, "a1,310104,Z1,200,121.4,public,,1,3"])
        #expect(throws: InputErrors.self) {
            try EnrollmentJob.run(files, seedHex: EnrollmentFixture.seedHex, settings: EnrollmentSettings(),
                                  resultsPath: path("r2.csv"), reportPath: path("r2.json"))
        }
        for name in ["r1.csv", "r2.csv", "r2.json"] { #expect(!FileManager.default.fileExists(atPath: path(name))) }
    }

    @Test("the commitment ignores row order and changes with any field")
    func commitment() throws {
        let original = try EnrollmentJob.commitment(applicantsPath: files.applicants)
        #expect(original.count == 64)
        var lines = try String(contentsOfFile: files.applicants, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1...].reverse()
        try write(path("reordered.csv"), lines)
        #expect(try EnrollmentJob.commitment(applicantsPath: path("reordered.csv")) == original)
        lines[2] = lines[2].replacingOccurrences(of: ",1,", with: ",2,")
        try write(path("edited.csv"), lines)
        #expect(try EnrollmentJob.commitment(applicantsPath: path("edited.csv")) != original)
    }

    @Test("results.csv is written byte for byte as CSVWriter writes the result cells, also for ids it quotes or escapes")
    func resultsDocumentMatchesWriter() {
        let ids = ["a1", "学生-7", "a,b", "x\"y", "=1+1", "+7", "-5", "@x", "'=x", "''+y", "'plain", ""]
        let placements = ids.enumerated().map { index, id in
            Placement(applicantID: id, schoolID: index % 3 == 0 ? nil : "S,\(index)", route: .coordinated,
                      choiceRank: index % 2 == 0 ? nil : index, distanceMetres: index % 3 == 0 ? nil : index * 1_234_567 - 5,
                      lottery: UInt64(index) << 60 | 0xAB)
        }
        let written = String(decoding: EnrollmentCSV.resultsDocument(placements), as: UTF8.self)
        #expect(written == CSVWriter.document(header: EnrollmentCSV.resultColumns, rows: placements.map(EnrollmentCSV.resultCells)))
    }
}
