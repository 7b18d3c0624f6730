import Foundation
import Testing
@testable import YoujiaoCore

/// The example written as CSV files: births.csv rows 2–9 are 2013–2020; enrollment.csv row
/// 2 + (year − 2018) × 15 + grade index (2018 K1 is row 2, 2019 grade 6 is row 25, 2020 grade 7 row 41).
struct PlanningFilesFixture {
    let directory: String
    var out: String { directory + "/out" }

    init() throws {
        directory = NSTemporaryDirectory() + "plan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        write("births.csv", ["district,year,births"] + PlanningExample.births().map { "\($0.districtCode),\($0.year),\($0.births)" })
        write("enrollment.csv", ["district,year,grade,students"] + PlanningExample.enrollment().map {
            "\($0.districtCode),\($0.year),\($0.grade.rawValue),\($0.students)"
        })
        write("capacity.csv", ["district,year,stage,seats"] + PlanningExample.capacity().map {
            "\($0.districtCode),\($0.year),\($0.stage.rawValue),\($0.seats)"
        })
        write("districts.csv", ["code,name", "D1,第一区", "D2,第二区"])
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func write(_ name: String, _ lines: [String]) {
        _ = FileManager.default.createFile(atPath: path(name), contents: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    func lines(_ name: String) -> [String] {
        String(decoding: FileManager.default.contents(atPath: path(name))!, as: UTF8.self)
            .split(separator: "\n").map(String.init)
    }

    /// Replaces the line at spreadsheet row `row` (header = 1); nil deletes it.
    func edit(_ name: String, row: Int, _ line: String?) {
        var lines = self.lines(name)
        if let line { lines[row - 1] = line } else { lines.remove(at: row - 1) }
        write(name, lines)
    }

    func load(districts: Bool = false) throws -> PlanInputs {
        try PlanningFiles.inputs(births: path("births.csv"), enrollment: path("enrollment.csv"),
                                 capacity: path("capacity.csv"), districts: districts ? path("districts.csv") : nil)
    }

    /// Loads and projects as `plan project` does; returns the error messages.
    func run(districts: Bool = false, years: Int = 4, scenario: BirthsAssumption = .constant) -> [String] {
        fieldErrors {
            try PlanningFiles.writeProjection(try load(districts: districts), options: PlanningExample.options(years: years),
                                              scenario: PlanningScenario(name: "test", births: scenario),
                                              writeGaps: true, to: out)
        }.map(\.description)
    }

    var wroteNothing: Bool { !FileManager.default.fileExists(atPath: out + "/projection.csv")
        && !FileManager.default.fileExists(atPath: out + "/gaps.csv") }
}

@Suite("Planning input errors name file, row and field, and write nothing")
struct PlanningInputErrorTests {
    @Test func goodFilesWriteBothOutputs() throws {
        let files = try PlanningFilesFixture()
        #expect(files.run().isEmpty)
        let projection = try CSVTable.read(path: files.out + "/projection.csv")
        #expect(projection.header == ["district", "year", "stage", "grade", "projected", "low", "high"])
        #expect(projection.rows.count == 4 * 15)
        let k2 = projection.rows.first { (try? $0.string("grade")) == "K2" }!
        #expect(try k2.string("year") == "2021" && k2.string("stage") == "kindergarten")
        #expect(try k2.int("projected") == 210 && k2.int("low") == 200 && k2.int("high") == 220)
        let gaps = try CSVTable.read(path: files.out + "/gaps.csv")
        #expect(gaps.header == ["district", "year", "stage", "demand", "seats", "gap"])
        let first = gaps.rows[0]
        #expect(try first.string("stage") == "kindergarten" && first.int("demand") == 499
                && first.int("seats") == 450 && first.int("gap") == 49)
        let primary = gaps.rows[1]
        #expect(try primary.int("gap") == -30)
    }

    @Test func aMissingYearInTheEnrollmentSeries() throws {
        let files = try PlanningFilesFixture()
        // Drop all of 2019 (rows 17–31).
        for _ in 17...31 { files.edit("enrollment.csv", row: 17, nil) }
        let errors = files.run()
        #expect(errors == ["enrollment.csv: row 17, field year: district D1 has no rows for 2019: its series jumps from 2018 to 2020"])
        #expect(files.wroteNothing)
    }

    @Test func aMissingYearInTheBirthsSeries() throws {
        let files = try PlanningFilesFixture()
        files.edit("births.csv", row: 5, nil)   // 2016
        #expect(files.run() == ["births.csv: row 5, field year: district D1 has no births for 2016: its series jumps from 2015 to 2017"])
        #expect(files.wroteNothing)
    }

    @Test func aGradeWithoutItsCohort() throws {
        let files = try PlanningFilesFixture()
        files.edit("enrollment.csv", row: 25, nil)   // grade 6 of 2019; grade 7 of 2020 moves up to row 40
        #expect(files.run() == [
            "enrollment.csv: row 17, field grade: district D1 has no grade 6 row in 2019 (write 0 when there are no pupils)",
            "enrollment.csv: row 40, field grade: grade 7 in 2020 has no cohort: district D1 has no grade 6 row in 2019",
        ])
        #expect(files.wroteNothing)
    }

    @Test func pupilsWithoutAnyoneToComeFromMakeTheRatioUndefined() throws {
        let files = try PlanningFilesFixture()
        files.edit("enrollment.csv", row: 25, "D1,2019,6,0")
        #expect(files.run() == [
            "enrollment.csv: row 41, field students: district D1 grade 7 has pupils in 2020 but grade 6 in 2019 had none, so its ratio is undefined",
        ])
    }

    @Test func negativeCounts() throws {
        let files = try PlanningFilesFixture()
        files.edit("enrollment.csv", row: 10, "D1,2018,6,-5")
        files.edit("births.csv", row: 3, "D1,2014,-100")
        files.edit("capacity.csv", row: 4, "D1,2018,primary,-1")
        #expect(files.run() == [
            "enrollment.csv: row 10, field students: -5 is negative (district D1 grade 6 in 2018)",
            "births.csv: row 3, field births: -100 is negative (district D1 in 2014)",
            "capacity.csv: row 4, field seats: -1 is negative (district D1 primary in 2018)",
        ])
        #expect(files.wroteNothing)
    }

    @Test func anUnknownDistrictWhenADistrictListIsGiven() throws {
        let files = try PlanningFilesFixture()
        var enrollment = files.lines("enrollment.csv")
        enrollment.append("D7,2020,K1,10")
        files.write("enrollment.csv", enrollment)
        #expect(files.run(districts: true) == [
            "enrollment.csv: row 47, field district: unknown district 'D7': it is not in the district list",
        ])
        // Without a list, the births table names the districts.
        #expect(files.run() == [
            "enrollment.csv: row 47, field district: unknown district 'D7': it has no rows in the births table",
        ])
        #expect(files.wroteNothing)
    }

    @Test func birthsAndSeatsForADistrictWithoutEnrollment() throws {
        let files = try PlanningFilesFixture()
        files.write("births.csv", files.lines("births.csv") + ["D2,2020,50"])
        files.write("capacity.csv", files.lines("capacity.csv") + ["D9,2020,senior,50"])
        #expect(files.run(districts: true) == [
            "births.csv: row 10, field district: district 'D2' has births but no enrollment rows",
            "capacity.csv: row 7, field district: unknown district 'D9': it is not in the district list",
        ])
    }

    @Test func birthsEndingBeforeTheBaseYear() throws {
        let files = try PlanningFilesFixture()
        files.edit("births.csv", row: 9, nil)   // 2020
        #expect(files.run() == ["births.csv: row 8, field year: district D1 births end in 2019, before the base year 2020"])
        #expect(files.wroteNothing)
    }

    @Test func birthsStartingTooLateForTheGradeOneRatios() throws {
        let files = try PlanningFilesFixture()
        files.edit("births.csv", row: 2, nil)   // 2013
        #expect(files.run() == ["births.csv: row 2, field year: district D1 births start in 2014; grade-1 ratios need births from 2013"])
    }

    @Test func enrollmentEndingBeforeTheBaseYearOrStartingTooLate() throws {
        let files = try PlanningFilesFixture()
        let errors = fieldErrors {
            _ = try PlanningEngine.project(try files.load(), options: ProjectionOptions(baseYear: 2021, years: 2, history: 2))
        }.map(\.description)
        #expect(errors == ["enrollment.csv: row 32, field year: district D1 enrollment ends in 2020, before the base year 2021",
                           "births.csv: row 9, field year: district D1 births end in 2020, before the base year 2021"])
        let tooLong = fieldErrors {
            _ = try PlanningEngine.project(try files.load(), options: ProjectionOptions(baseYear: 2020, years: 2, history: 3))
        }.map(\.description)
        #expect(tooLong == ["enrollment.csv: row 2, field year: district D1 enrollment starts in 2018; the ratios need history from 2017",
                            "births.csv: row 2, field year: district D1 births start in 2013; grade-1 ratios need births from 2012"])
    }

    @Test func aHorizonOverFifteenYears() throws {
        let files = try PlanningFilesFixture()
        #expect(files.run(years: 16) == ["plan options: field years: 16 years is outside 1…15; projections stop at 15 years"])
        #expect(files.wroteNothing)
        let backtest = fieldErrors {
            _ = try PlanningEngine.backtest(try files.load(), options: PlanningExample.options(), holdout: 16)
        }
        #expect(backtest.map(\.field) == ["years"])
    }

    @Test func aRowGivenTwice() throws {
        let files = try PlanningFilesFixture()
        files.write("enrollment.csv", files.lines("enrollment.csv") + ["D1,2020,K3,7"])
        files.write("births.csv", files.lines("births.csv") + ["D1,2019,7"])
        #expect(files.run() == [
            "enrollment.csv: row 47, field grade: district D1 grade K3 in 2020 appears twice (first given in row 34)",
            "births.csv: row 10, field year: district D1 births for 2019 appear twice (first given in row 8)",
        ])
    }

    @Test func cellsThatAreNotValuesAreCollectedFromEveryRow() throws {
        let files = try PlanningFilesFixture()
        files.edit("enrollment.csv", row: 3, "D1,2018,K4,100")
        files.edit("enrollment.csv", row: 5, "D1,twenty,1,100")
        files.edit("capacity.csv", row: 2, "D1,2018,nursery,450")
        let errors = fieldErrors { _ = try files.load() }.map(\.description)
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("enrollment.csv: row 3, field grade: 'K4' is not one of K1, K2, K3, 1") == true)
        #expect(errors.last == "enrollment.csv: row 5, field year: 'twenty' is not a whole number")
        files.edit("enrollment.csv", row: 3, "D1,2018,K2,100")
        files.edit("enrollment.csv", row: 5, "D1,2018,1,100")
        #expect(fieldErrors { _ = try files.load() }.map(\.row) == [2])
    }

    @Test func aMissingColumn() throws {
        let files = try PlanningFilesFixture()
        files.write("births.csv", ["district,year,count", "D1,2020,5"])
        #expect(fieldErrors { _ = try files.load() }.map(\.description)
                == ["births.csv: row 1, field births: missing column (expected columns: district,year,births)"])
    }

    @Test func aBirthsScenarioFileMustContinueTheKnownYears() throws {
        let files = try PlanningFilesFixture()
        files.write("scenario.csv", ["district,year,births", "D1,2020,300", "D1,2022,300"])
        let series = try PlanningFiles.birthSeries(path: files.path("scenario.csv"))
        #expect(files.run(scenario: .series(series)) == [
            "scenario.csv: row 2, field year: district D1 births for 2020 are already known (to 2020); the scenario gives later years only",
        ])
        files.write("scenario.csv", ["district,year,births", "D1,2022,300"])
        let gappy = try PlanningFiles.birthSeries(path: files.path("scenario.csv"))
        #expect(files.run(scenario: .series(gappy)) == [
            "scenario.csv: field year: district D1 has no births for 2021: the scenario must continue the known births (to 2020) up to 2021",
        ])
        #expect(files.wroteNothing)
        files.write("scenario.csv", ["district,year,births", "D1,2021,300"])
        let good = try PlanningFiles.birthSeries(path: files.path("scenario.csv"))
        #expect(files.run(scenario: .series(good)).isEmpty)
    }

    @Test func recordsFromADatabaseAreNamedByTheirKey() {
        var inputs = PlanningExample.inputs()
        inputs.enrollment[5].students = -1
        let errors = fieldErrors { _ = try PlanningEngine.project(inputs, options: PlanningExample.options()) }
        #expect(errors.map(\.description) == ["enrollment: field students: -1 is negative (district D1 grade 3 in 2018)"])
    }

    @Test func anEmptyEnrollmentIsAnError() {
        let inputs = PlanInputs(births: PlanningExample.births(), enrollment: [])
        let errors = fieldErrors { _ = try PlanningEngine.project(inputs, options: PlanningExample.options()) }
        // One message for the empty table, then each births record naming its district.
        #expect(errors.first?.description == "enrollment: there is no enrollment to project from")
        #expect(errors.dropFirst().map(\.description)
                == Array(repeating: "births: field district: district 'D1' has births but no enrollment rows", count: 8))
    }

    @Test func aFailedWriteLeavesTheEarlierFilesAlone() throws {
        let files = try PlanningFilesFixture()
        try FileManager.default.createDirectory(atPath: files.out + "/gaps.csv/blocked", withIntermediateDirectories: true)
        let errors = files.run()
        #expect(errors.count == 1 && errors[0].hasSuffix("gaps.csv: a directory is in the way; nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: files.out + "/projection.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.out) == ["gaps.csv"])
    }
}
