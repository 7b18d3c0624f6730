import Foundation
import SQLKit
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// Case files in the database (SQLite, or PostgreSQL when DATABASE_URL is set): every change the
/// rules allow reads back as the file the rules built; imports are all or nothing.
@Suite("Special education store")
struct SpecialEducationStoreTests {
    static let junior = School(id: "3101010002", name: "黄浦区第一初级中学", districtCode: "310101", stages: [.junior], ownership: .public,
                               isInclusive: false, boarding: false, entrySeats: [.g6: 200], latitude: 31.2, longitude: 121.5)
    static let special = School(id: "3101010009", name: "黄浦区辅读学校", districtCode: "310101", stages: [.special], ownership: .public,
                                isInclusive: false, boarding: false, entrySeats: [:], latitude: 31.2, longitude: 121.5)
    let today = CaseDate("2025-11-20")!

    func withStore(_ body: (OpenStore) async throws -> Void) async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            try await store.registry.upsert(schools: [Self.junior, Self.special])
            try await body(store)
        }
    }

    func childA(_ store: OpenStore) async throws -> CaseChild {
        let row = try #require(try await store.registry.student(nationalID: Fixture.childA.nationalID))
        return CaseChild(studentID: row.id, name: row.name, nationalID: row.nationalId, birthDate: CaseDate(row.birthDate)!, schoolID: row.schoolId)
    }

    func day(_ text: String) -> CaseDate { CaseDate(text)! }

    @Test func everyChangeReadsBackAsTheRulesBuiltIt() async throws {
        try await withStore { store in
            let sped = SpecialEducationStore(store.database)
            var file = try CaseFile.open(SpecialEducationCase(districtCode: "310101", stage: .primary, category: .hearing, level: .two,
                                                              openedOn: day("2024-09-10")), child: try await childA(store), today: today)
            try await sped.insert([file])
            file.guardianIDs = [try #require(try await store.registry.guardian(nationalID: Fixture.guardianA.nationalID)).id]
            func apply(_ change: CaseChange) async throws {
                try await sped.save(change, caseID: file.id)
                let stored = try #require(try await sped.caseFile(id: file.id))
                #expect(stored == file, "after \(change)")
            }
            try await apply(try file.addAssessment(CaseAssessment(date: day("2024-09-05"), kind: .medical, assessor: "上海市儿童医院", summary: "听力残疾二级"), today: today))
            try await apply(try file.addPlacement(CasePlacement(kind: .mainstream, schoolID: Fixture.huangpuSchool.id, stage: .primary,
                                                                startDate: day("2024-09-01")), school: Fixture.huangpuSchool, today: today))
            try await apply(try file.addPlacement(CasePlacement(kind: .homeTeaching, schoolID: Self.special.id, stage: .primary, startDate: day("2025-03-01"),
                                                                visitsPerMonth: 2), school: Self.special, today: today))
            let plan = PlanFile(plan: IndividualPlan(startDate: day("2025-03-01"), endDate: day("2026-01-31"), reviewDates: [day("2025-06-30"), day("2025-12-15")]),
                                goals: [PlanGoal(description: "佩戴助听器上课", criterion: "每天不少于 5 小时，连续一个月")],
                                services: [PlanService(domain: .rehabilitation, description: "听觉言语康复", provider: "区康复中心", sessionsPerMonth: 4)])
            try await apply(try file.addPlan(plan, today: today))
            try await apply(try file.addGoal(PlanGoal(description: "看话理解指令", criterion: "10 条中 8 条", targetDate: day("2025-12-31")), planID: plan.plan.id))
            try await apply(try file.addService(PlanService(domain: .health, description: "复诊", provider: "社区卫生服务中心", sessionsPerMonth: 1), planID: plan.plan.id))
            let goals = file.plans[0].goals.map(\.id)
            try await apply(try file.addReview(PlanReview(date: day("2025-07-01"), outcome: .revise, summary: "调整目标",
                                                          goalResults: [goals[0]: .achieved, goals[1]: .progressing]), planID: plan.plan.id, today: today))
            try await apply(try file.addVisit(HomeTeachingVisit(placementID: "", date: day("2025-10-08"), teacher: "周老师", minutes: 90, content: "识字"), today: today))
            try await apply(try file.addPlan(PlanFile(plan: IndividualPlan(startDate: day("2025-09-01"), endDate: day("2026-07-10"), reviewDates: [day("2026-01-15")])),
                                             today: today))
            try await apply(try file.nameStaff([StaffCandidate(userID: try await schoolAdmin(store), role: .schoolAdmin, schoolID: Self.special.id)], today: today))
            try await apply(try file.handOver(StageHandOver(date: day("2025-11-01"), fromStage: .primary, toStage: .junior, fromSchoolID: nil,
                                                            toSchoolID: Self.junior.id, summary: "识字量约 300 字"),
                                              placement: CasePlacement(kind: .specialClass, schoolID: Self.junior.id, stage: .junior, startDate: day("2025-11-01")),
                                              school: Self.junior, today: today))
            #expect(try await sped.caseFile(id: file.id)?.caseRecord.stage == .junior)
            #expect(try await sped.caseFiles(.district("310101")).map(\.id) == [file.id])
            #expect(try await sped.caseFiles(.district("310104")).isEmpty)
            #expect(try await sped.caseFiles(.school(Self.junior.id)).map(\.id) == [file.id])
            #expect(try await sped.caseFiles(.school(Fixture.xuhuiSchool.id)).isEmpty)
            #expect(try await sped.caseFiles(.school(try #require(file.child.schoolID))).map(\.id) == [file.id], "the school the child is registered at")
            let guardian = try #require(try await store.registry.guardian(nationalID: Fixture.guardianA.nationalID))
            #expect(try await sped.caseFiles(.guardian(guardian.id)).map(\.guardianIDs) == [[guardian.id]])
            #expect(try await sped.caseID(studentID: file.child.studentID) == file.id)
            #expect(try await sped.districtReports(on: today) == [
                DistrictReport(districtCode: "310101", year: 2025, disabledSchoolAgeChildren: 1, disabledEnrolled: 1),
                DistrictReport(districtCode: "310104", year: 2025, disabledSchoolAgeChildren: 0, disabledEnrolled: 0),
            ], "the supervision input, from the case files")
        }
    }

    func schoolAdmin(_ store: OpenStore) async throws -> String {
        let user = UserRecord(username: "special-school", passwordHash: "x", role: .schoolAdmin, displayName: "辅读学校", districtCode: "310101",
                              schoolId: Self.special.id)
        try await store.accounts.create(user)
        return user.id
    }

    @Test func theSchemaRefusesWhatTheRulesRefuse() async throws {
        try await withStore { store in
            let sped = SpecialEducationStore(store.database)
            let file = try CaseFile.open(SpecialEducationCase(districtCode: "310101", stage: .primary, category: .hearing, level: .two,
                                                              openedOn: day("2024-09-10")), child: try await childA(store), today: today)
            try await sped.insert([file])
            await #expect(throws: (any Error).self, "one file per child") { try await sped.insert([file]) }
            var second = file
            second.caseRecord.id = CaseID.make()
            await #expect(throws: (any Error).self, "one file per child, whatever its id") { try await sped.insert([second]) }
            let plan = PlanFile(plan: IndividualPlan(startDate: day("2025-09-01"), endDate: day("2026-07-10"), reviewDates: [day("2025-11-15")]),
                                goals: [PlanGoal(description: "目标", criterion: " ")])
            await #expect(throws: (any Error).self, "a goal without a criterion") { try await sped.save(.plan(plan, shortening: nil), caseID: file.id) }
            #expect(try await sped.caseFile(id: file.id)?.plans.isEmpty == true, "the refused plan is not half-written")
            let reversed = PlanFile(plan: IndividualPlan(startDate: day("2026-07-10"), endDate: day("2025-09-01"), reviewDates: []))
            await #expect(throws: (any Error).self, "reversed plan dates") { try await sped.save(.plan(reversed, shortening: nil), caseID: file.id) }
            let visitsWithoutHome = CasePlacement(kind: .mainstream, schoolID: Fixture.huangpuSchool.id, stage: .primary, startDate: day("2025-09-01"), visitsPerMonth: 2)
            await #expect(throws: (any Error).self, "visits a month only for home teaching") {
                try await sped.save(.placement(visitsWithoutHome, closing: nil), caseID: file.id)
            }
        }
    }

    static let header = "national_id,district_code,stage,category,level,opened_on,assessment_date,assessment_kind,assessor,assessment_summary,"
        + "placement,school_id,placement_start,visits_per_month,plan_start,plan_end,review_dates,goal,criterion"

    func importCSV(_ lines: [String], into store: OpenStore) async throws -> Int {
        let table = try CSVTable.parse(text: ([Self.header] + lines).joined(separator: "\n"), fileName: "cases.csv")
        return try await SpecialEducationImporter(store.database).importTable(table, today: today)
    }

    @Test func anImportIsAllOrNothing() async throws {
        try await withStore { store in
            let a = "\(Fixture.childA.nationalID),310101,primary,intellectual,3,2024-09-10,,,,,mainstream,3101010001,2024-09-01,,2025-09-01,2026-07-10,2025-11-15"
            let b = "\(Fixture.childB.nationalID),310104,primary,hearing,2,2024-09-10,,,,,home-teaching,3101010009,2025-09-01,2,,,"
            let bad = try await #require(throws: InputErrors.self) {
                try await importCSV(["\(a),认读汉字,5 次中 4 次", "\(b),,", "\(a),独立整理书包,"], into: store)
            }
            #expect(bad.errors.map(\.description) == ["cases.csv: row 4, field criterion: a goal needs a measurable criterion (e.g. 'done unaided in 4 of 5 trials over two weeks')"])
            #expect(try await SpecialEducationStore(store.database).caseFiles(.all).isEmpty, "nothing of a bad file is stored")
            #expect(try await importCSV(["\(a),认读汉字,5 次中 4 次", "\(b),,", "\(a),独立整理书包,10 天中 8 天"], into: store) == 2)
            let files = try await SpecialEducationStore(store.database).caseFiles(.all)
            #expect(files.map { $0.plans.first?.goals.count ?? 0 }.sorted() == [0, 2])
            #expect(files.contains { $0.currentPlacement(on: today)?.kind == .homeTeaching && $0.caseRecord.districtCode == "310104" })
            let again = try await #require(throws: InputErrors.self) { try await importCSV(["\(b),,"], into: store) }
            #expect(again.errors.first?.reason.contains("already has a case file") == true)
        }
    }

    @Test func theDemoCityGetsItsDisabledChildren() async throws {
        let city = try DemoCity(scale: 0.001, randomSeed: 3)
        try await TestDatabase.withStore { demo in
            _ = try await DemoLoader.load(city, into: demo.registry) { _, _ in }
            let count = try await SpecialEducationDemoLoader.load(into: demo.database, seed: 3, today: today)
            let files = try await SpecialEducationStore(demo.database).caseFiles(.all)
            #expect(count == files.count && count > 0)
            let pupils = try await demo.registry.count(.students)
            #expect(Double(count) / Double(pupils) < 0.02, "\(count) files for \(pupils) pupils")
            #expect(files.contains { $0.currentPlacement(on: today)?.kind == .specialSchool })
        }
    }
}
