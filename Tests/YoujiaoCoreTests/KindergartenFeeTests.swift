import Foundation
import Testing
@testable import YoujiaoCore

/// The fee rules (allowed categories, periods, boarding, caps) and the fee, cap and grade files.
@Suite("Kindergarten fees")
struct KindergartenFeeTests {
    static let publicModel = FeeKindergarten(schoolID: "3101010007", districtCode: "310101", ownership: .public, isInclusive: true, boarding: false, grade: .model)
    static let privateBoarding = FeeKindergarten(schoolID: "3101010008", districtCode: "310101", ownership: .private, isInclusive: false, boarding: true, grade: .first)
    static let ungraded = FeeKindergarten(schoolID: "3101010009", districtCode: "310101", ownership: .private, isInclusive: true, boarding: false, grade: nil)
    static let caps = KindergartenFeeCap.defaults(districtCodes: ["310101"])

    func form(_ category: String, _ amount: String, period: String = "month", name: String = "保育教育费", covers: String = "") -> [String: String] {
        ["category": category, "amount": amount, "period": period, "name": name, "covers": covers]
    }

    @Test func amountsAreReadWithoutTraps() {
        #expect(FeeAmount(yuan: "700")?.fen == 70_000)
        #expect(FeeAmount(yuan: "12.5")?.fen == 1_250)
        #expect(FeeAmount(yuan: " 12.05 ")?.fen == 1_205)
        #expect(FeeAmount(yuan: "100000")?.fen == 10_000_000)
        for bad in ["", "-1", "+5", "1e3", "12.345", "100001", "99999999999999999999999", "9223372036854775807", "七百", "1.", ".5", "1,000"] {
            #expect(FeeAmount(yuan: bad) == nil, "\(bad)")
        }
        #expect(FeeAmount(fen: -1) == nil && FeeAmount(fen: Int.max) == nil)
        #expect(FeeAmount(fen: 1_205)!.yuanText == "12.05" && FeeAmount(fen: 70_000)!.yuanText == "700")
    }

    @Test func theRulesAllowOnlyTheThreeCategoriesWithinTheCap() throws {
        let atCap = try KindergartenFeeRules.proposed(schoolID: "3101010007", form: form("care-education", "700"), kindergarten: Self.publicModel, caps: Self.caps)
        #expect(atCap.amount.fen == 70_000)
        #expect(throws: CampaignProblem.self) {
            try KindergartenFeeRules.proposed(schoolID: "3101010007", form: form("care-education", "700.01"), kindergarten: Self.publicModel, caps: Self.caps)
        }
        do {
            _ = try KindergartenFeeRules.proposed(schoolID: "x", form: form("care-education", "800"), kindergarten: Self.publicModel, caps: Self.caps)
            Issue.record("over the cap accepted")
        } catch {
            #expect(error.field == "amount" && error.zh.contains("700") && error.en.contains("700"), "the refusal names the cap")
        }
        // A private, non-普惠 kindergarten is market-priced.
        #expect(throws: Never.self) {
            try KindergartenFeeRules.proposed(schoolID: "x", form: form("care-education", "9800"), kindergarten: Self.privateBoarding, caps: Self.caps)
        }
        func field(_ form: [String: String], _ kindergarten: FeeKindergarten = Self.publicModel) -> String? {
            do { _ = try KindergartenFeeRules.proposed(schoolID: "x", form: form, kindergarten: kindergarten, caps: Self.caps); return nil } catch { return error.field }
        }
        #expect(field(form("sponsorship", "100")) == "category", "赞助费 is not a category")
        #expect(field(form("boarding", "200", name: "住宿费")) == "category", "no boarding fee where the kindergarten does not board")
        #expect(field(form("boarding", "200", name: "住宿费"), Self.privateBoarding) == nil)
        #expect(field(form("care-education", "500", period: "day")) == "period")
        #expect(field(form("service", "20", period: "day", name: "伙食费")) == "covers", "a service fee says what it covers")
        #expect(field(form("service", "20", period: "day", name: "伙食费", covers: "午餐、点心")) == nil)
        #expect(field(form("service", "20", period: "week", name: "伙食费", covers: "午餐")) == "period")
        #expect(field(form("care-education", "0")) == "amount")
        #expect(field(form("care-education", "99999999999999999999")) == "amount")
        #expect(field(form("care-education", "300", name: "")) == "name")
        #expect(field(form("care-education", "300"), Self.ungraded) == "amount", "a 普惠 kindergarten without a grade has no known cap")
    }

    @Test func theFeeFileIsCheckedWholeWithFileRowAndField() throws {
        let kindergartens = [Self.publicModel.schoolID: Self.publicModel, Self.privateBoarding.schoolID: Self.privateBoarding]
        let good = """
            school_id,category,name,amount_yuan,period,covers
            3101010007,care-education,保育教育费,700,month,
            3101010007,service,伙食费,18.5,day,午餐、两次点心
            3101010008,boarding,住宿费,300,month,床位
            """
        let items = try KindergartenFeeCSV.parseItems(try CSVTable.parse(text: good, fileName: "fees.csv"), kindergartens: kindergartens, caps: Self.caps)
        #expect(items.count == 3 && items[1].amount.fen == 1_850)
        // Export → import gives the same items.
        let again = try KindergartenFeeCSV.parseItems(try CSVTable.parse(text: KindergartenFeeCSV.itemLines(items), fileName: "again.csv"),
                                                      kindergartens: kindergartens, caps: Self.caps)
        #expect(again == items)

        let bad = """
            school_id,category,name,amount_yuan,period,covers
            3101010007,care-education,保育教育费,800,month,
            3101010007,sponsorship,赞助费,100,month,
            3101010007,boarding,住宿费,100,month,
            3101010007,service,伙食费,abc,day,午餐
            3101010007,service,点心费,99999999999999999999999,day,点心
            9999999999,service,伙食费,20,day,午餐
            3101010008,service,伙食费,20,day,午餐
            3101010008,service,伙食费,25,day,午餐
            """
        do {
            _ = try KindergartenFeeCSV.parseItems(try CSVTable.parse(text: bad, fileName: "bad.csv"), kindergartens: kindergartens, caps: Self.caps)
            Issue.record("a bad file was accepted")
        } catch let errors as InputErrors {
            let places = errors.errors.map { "\($0.row ?? 0) \($0.field ?? "")" }
            #expect(places == ["2 amount_yuan", "3 category", "4 category", "5 amount_yuan", "6 amount_yuan", "7 school_id", "9 name"], "\(places)")
            #expect(errors.errors.allSatisfy { $0.file == "bad.csv" })
            #expect(errors.errors[0].reason.contains("700"), "the over-cap row names the cap")
        }
        #expect(throws: InputErrors.self) {
            try KindergartenFeeCSV.parseItems(try CSVTable.parse(text: "school_id,category,amount\n3101010007,care-education,700\n", fileName: "h.csv"),
                                              kindergartens: kindergartens, caps: Self.caps)
        }
    }

    @Test func capAndGradeFiles() throws {
        let caps = try KindergartenFeeCSV.parseCaps(try CSVTable.parse(text: "district_code,grade,care_education_max_yuan\n310101,model,750\n", fileName: "c.csv"),
                                                    districtCodes: ["310101"])
        #expect(caps == [KindergartenFeeCap(districtCode: "310101", grade: .model, monthlyMaximum: FeeAmount(fen: 75_000)!)])
        let bad = "district_code,grade,care_education_max_yuan\n999999,model,750\n310101,top,750\n310101,first,0\n310101,second,1e9\n310101,third,300\n310101,third,310\n"
        do {
            _ = try KindergartenFeeCSV.parseCaps(try CSVTable.parse(text: bad, fileName: "c.csv"), districtCodes: ["310101"])
            Issue.record("a bad cap file was accepted")
        } catch let errors as InputErrors {
            #expect(errors.errors.map { "\($0.row ?? 0) \($0.field ?? "")" } == ["2 district_code", "3 grade", "4 care_education_max_yuan",
                                                                                "5 care_education_max_yuan", "7 grade"])
        }
        let grades = try KindergartenFeeCSV.parseGrades(try CSVTable.parse(text: "school_id,grade\n3101010007,first\n", fileName: "g.csv"),
                                                        kindergartenIDs: ["3101010007"])
        #expect(grades.count == 1 && grades[0].grade == .first)
        #expect(throws: InputErrors.self) {
            try KindergartenFeeCSV.parseGrades(try CSVTable.parse(text: "school_id,grade\n3101010001,first\n", fileName: "g.csv"), kindergartenIDs: ["3101010007"])
        }
    }

    @Test func complaintsAreBoundedAndDecisionsFollowTheirOrder() throws {
        let now = Date()
        let good = ["category": "service", "item": "兴趣班费", "amount": "800", "description": "每月另收兴趣班费，未公示。", "contact": ""]
        let complaint = try FeeComplaintRules.proposed(form: good, kindergarten: Self.publicModel, reference: "YJF-ABCDEFGH", now: now)
        #expect(complaint.contact == nil && complaint.districtCode == "310101" && complaint.status == .received)
        func field(_ change: [String: String], _ kindergarten: FeeKindergarten? = Self.publicModel) -> String? {
            do { _ = try FeeComplaintRules.proposed(form: good.merging(change) { $1 }, kindergarten: kindergarten, reference: "r", now: now); return nil }
            catch { return error.field }
        }
        #expect(field([:], nil) == "school")
        #expect(field(["category": "x"]) == "category")
        #expect(field(["item": String(repeating: "费", count: 31)]) == "item")
        #expect(field(["amount": "-3"]) == "amount")
        #expect(field(["description": "太贵"]) == "description")
        #expect(field(["description": String(repeating: "长", count: 2001)]) == "description")
        #expect(field(["contact": String(repeating: "1", count: 101)]) == "contact")

        #expect(FeeComplaintRules.steps(from: .received) == [.accepted, .unfounded])
        #expect(FeeComplaintRules.steps(from: .rectified).isEmpty && FeeComplaintRules.isIrreversible(.unfounded))
        #expect(throws: CampaignProblem.self) {
            try FeeComplaintRules.decision(reference: "r", from: .received, form: ["step": "rectified", "note": "x"], actorName: "a", now: now)
        }
        #expect(throws: CampaignProblem.self) {
            try FeeComplaintRules.decision(reference: "r", from: .received, form: ["step": "accepted", "note": " "], actorName: "a", now: now)
        }
        let decision = try FeeComplaintRules.decision(reference: "r", from: .received, form: ["step": "accepted", "note": "受理", "reply": ""], actorName: "a", now: now)
        #expect(decision.step == .accepted && decision.reply == nil)

        var random = SplitMix64(seed: 1)
        let reference = FeeComplaintRules.newReference(using: &random)
        #expect(FeeComplaintRules.normalisedReference(" " + reference.lowercased()) == reference)
        #expect(FeeComplaintRules.normalisedReference("YJF-1234") == nil && FeeComplaintRules.normalisedReference("'; DROP TABLE") == nil)
    }

    @Test func theDemoKeepsToTheRules() {
        let kindergartens = (1...30).map { i in
            FeeKindergarten(schoolID: String(format: "31010100%02d", i), districtCode: i % 2 == 0 ? "310101" : "310104",
                            ownership: i % 3 == 0 ? .private : .public, isInclusive: i % 3 != 0 || i % 5 == 0, boarding: i % 7 == 0, grade: nil)
        }
        let caps = KindergartenFeeCap.defaults(districtCodes: ["310101", "310104"])
        let demo = KindergartenFeeDemo.make(kindergartens, caps: caps, seed: 7, now: Date())
        let grades = Dictionary(uniqueKeysWithValues: demo.grades.map { ($0.schoolID, $0.grade) })
        for item in demo.items {
            var kindergarten = kindergartens.first { $0.schoolID == item.schoolID }!
            kindergarten.grade = grades[item.schoolID]
            #expect(KindergartenFeeRules.problem(item, kindergarten: kindergarten, caps: caps) == nil, "\(item)")
        }
        #expect(Set(demo.items.map(\.schoolID)).count < kindergartens.count, "a few have not published")
        #expect(Set(demo.complaints.map(\.complaint.status)).count >= 4)
    }
}
