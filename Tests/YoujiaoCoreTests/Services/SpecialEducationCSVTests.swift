import Foundation
import Testing
@testable import YoujiaoCore

/// `youjiao import special-education`: one row per goal; every problem named by row and field.
@Suite("Special education: case-file import")
struct SpecialEducationCSVTests {
    typealias F = SpecialEducationFixtures
    static let header = "national_id,district_code,stage,category,level,opened_on,assessment_date,assessment_kind,assessor,assessment_summary,"
        + "placement,school_id,placement_start,visits_per_month,plan_start,plan_end,review_dates,goal,criterion"
    static let childA = F.child(born: "2017-03-05", sequence: 11, name: "王小明")
    static let childB = F.child(born: "2016-06-01", sequence: 22, name: "李小红")
    static let childC = F.child(born: "2015-01-20", sequence: 33, name: "张小军")

    static let caseA = "\(childA.nationalID),310101,primary,intellectual,3,2024-09-10,2024-09-05,medical,上海市儿童医院,智力残疾三级,"
        + "mainstream,3101010001,2024-09-01,,2025-09-01,2026-07-10,2025-11-15;2026-01-15"
    static let caseB = "\(childB.nationalID),310101,小学,精神残疾,二级,2025-03-01,,,,,送教上门,3101010009,2025-03-01,2,,,"

    let references = SpecialEducationReferences(districtCodes: ["310101", "310104"],
                                                schools: Dictionary(uniqueKeysWithValues: F.schools.map { ($0.id, $0) }),
                                                children: [childA.nationalID: childA, childB.nationalID: childB, childC.nationalID: childC],
                                                childrenWithFile: [childC.nationalID])

    func decode(_ lines: [String], header: String = header) throws -> [CaseFile] {
        let table = try CSVTable.parse(text: ([header] + lines).joined(separator: "\n"), fileName: "cases.csv")
        return try SpecialEducationCSV.decode(table: table, references: references, today: F.today)
    }

    @Test func aFileWithTwoChildrenAndTwoGoals() throws {
        let files = try decode(["\(Self.caseA),认读 50 个常用汉字,5 次测试中 4 次正确率 90%",
                                "\(Self.caseA),独立整理书包,10 个上学日中 8 天独立完成",
                                "\(Self.caseB),,"])
        #expect(files.count == 2)
        let a = try #require(files.first { $0.child.name == "王小明" })
        #expect(a.caseRecord.stage == .primary && a.caseRecord.level == .three && a.assessments.count == 1)
        #expect(a.currentPlacement(on: F.today)?.kind == .mainstream)
        #expect(a.plans.count == 1 && a.plans[0].goals.map(\.description) == ["认读 50 个常用汉字", "独立整理书包"])
        #expect(a.plans[0].plan.reviewDates == [F.day("2025-11-15"), F.day("2026-01-15")])
        let b = try #require(files.first { $0.child.name == "李小红" })
        #expect(b.caseRecord.category == .mental && b.caseRecord.level == .two, "Chinese labels are read too")
        #expect(b.currentPlacement(on: F.today)?.kind == .homeTeaching && b.currentPlacement(on: F.today)?.visitsPerMonth == 2)
        #expect(b.plans.isEmpty)
    }

    @Test func chineseHeadersAreRead() throws {
        let header = "身份证号,区代码,学段,残疾类别,残疾等级,建档日期,评估日期,评估类型,评估机构,评估结论,安置方式,安置学校标识码,安置开始日期,每月送教次数,计划开始日期,计划结束日期,复核日期,目标,达成标准"
        #expect(try decode(["\(Self.caseB),,"], header: header).count == 1)
    }

    /// One bad thing per file, each refused with its row and field, nothing returned.
    @Test func badRowsAreNamedByRowAndField() {
        let a = Self.caseA
        let cases: [([String], Int, String, String)] = [
            (["\(a),认读汉字,"], 2, "criterion", "measurable criterion"),
            (["\(a),认读汉字,5 次中 4 次", "\(a),独立整理书包,  "], 3, "criterion", "measurable criterion"),
            ([a.replacingOccurrences(of: "mainstream,3101010001", with: "mainstream,3101010002") + ",,"], 2, "school_id", "not the child's stage primary"),
            ([a.replacingOccurrences(of: "mainstream,3101010001", with: "special-school,3101010001") + ",,"], 2, "school_id", "not a special-education school"),
            ([a.replacingOccurrences(of: "2025-09-01,2026-07-10", with: "2026-07-10,2025-09-01") + ",,"], 2, "plan_end", "not after the start date"),
            ([a.replacingOccurrences(of: "2026-01-15", with: "2026-09-01") + ",,"], 2, "review_dates", "outside the plan's period"),
            ([a.replacingOccurrences(of: "mainstream,3101010001,2024-09-01,", with: "mainstream,3101010001,2024-09-01,3") + ",,"], 2, "visits_per_month", "only home teaching"),
            ([a.replacingOccurrences(of: "mainstream,3101010001", with: "home-teaching,") + ",,"], 2, "school_id", "required when"),
            ([a.replacingOccurrences(of: "上海市儿童医院", with: "") + ",,"], 2, "assessor", "required when"),
            ([a.replacingOccurrences(of: "intellectual", with: "autism") + ",,"], 2, "category", "is not one of"),
            ([a.replacingOccurrences(of: ",3,2024-09-10", with: ",5,2024-09-10") + ",,"], 2, "level", "1–4"),
            ([a.replacingOccurrences(of: "2024-09-10", with: "2024-13-10") + ",,"], 2, "opened_on", "not a date"),
            ([a.replacingOccurrences(of: "310101,primary", with: "310199,primary") + ",,"], 2, "district_code", "no district"),
            ([a.replacingOccurrences(of: "3101010001", with: "3101019999") + ",,"], 2, "school_id", "no school has the id"),
            (["\(a),认读汉字,5 次中 4 次", a.replacingOccurrences(of: "intellectual", with: "mental") + ",独立整理书包,10 天中 8 天"], 3, "category", "differs from row 2"),
            (["\(a),认读汉字,5 次中 4 次", "\(a),认读汉字,5 次中 5 次"], 3, "goal", "the same goal as row 2"),
            (["\(a),,5 次中 4 次"], 2, "goal", "without a goal"),
            (["\(Self.caseB),认读汉字,5 次中 4 次"], 2, "goal", "needs a plan"),
            ([Self.caseB.replacingOccurrences(of: Self.childB.nationalID, with: Self.childC.nationalID) + ",,"], 2, "national_id", "already has a case file"),
            ([Self.caseB.replacingOccurrences(of: Self.childB.nationalID, with: NationalID.make(areaCode: "310101", birthDate: "20170101", sequence: 5).value) + ",,"],
             2, "national_id", "no pupil has the ID"),
            ([Self.caseB.replacingOccurrences(of: Self.childB.nationalID, with: String(Self.childB.nationalID.dropLast()) + (Self.childB.nationalID.hasSuffix("0") ? "1" : "0")) + ",,"],
             2, "national_id", "check"),
        ]
        for (lines, row, field, reason) in cases {
            let found = problems { try decode(lines) }
            expectProblem(found, file: "cases.csv", row: row, field: field, reason: reason)
            #expect(!found.contains { $0.reason.contains(Self.childB.nationalID) || $0.reason.contains(Self.childC.nationalID) }, "ID numbers are never shown whole")
        }
    }

    @Test func aMissingColumnIsNamed() {
        let header = Self.header.replacingOccurrences(of: ",criterion", with: "")
        let found = problems { try decode([Self.caseB + ","], header: header) }
        expectProblem(found, file: "cases.csv", row: 1, field: "criterion", reason: "missing column")
    }
}
