import Foundation
import Testing
@testable import YoujiaoCore

/// Hand-built cases for every path of the match: grant, each review reason, reruns, several lists.
@Suite("Aid: matching lists against the registry")
struct AidMatcherTests {
    static let year = 2025
    static let policies = AidPolicy.shanghaiDefaults

    static func id(_ birth: String, _ sequence: Int, area: String = "310104") -> String {
        NationalID.make(areaCode: area, birthDate: birth, sequence: sequence).value
    }

    static func pupil(_ key: String, _ name: String, stage: Stage?, school: String? = "3101040001", district: String = "310104") -> AidPupil {
        AidPupil(studentID: key, name: name, schoolID: school, stage: stage, districtCode: district)
    }

    static func candidate(_ entryID: String, _ nationalID: String, _ name: String, list: EligibilityList = .minimumLivingAllowance,
                          from: String = "2025-01-01", to: String? = nil, pupil: AidPupil?) -> AidCandidate {
        AidCandidate(entryID: entryID, entry: EligibilityEntry(nationalID: nationalID, name: name, list: list, validFrom: from, validTo: to),
                     pupil: pupil)
    }

    func match(_ candidates: [AidCandidate], grants: Set<AidMatcher.GrantKey> = [], queued: Set<String> = [],
               policies: [AidPolicy] = AidMatcherTests.policies) -> AidMatchResult {
        AidMatcher.match(candidates, policies: policies, year: Self.year, existingGrants: grants, queuedEntryIDs: queued)
    }

    @Test func aMatchedPupilIsGrantedEveryPolicyOfTheirStage() {
        let result = match([
            Self.candidate("e1", Self.id("20170305", 11), "王小明", pupil: Self.pupil("s1", "王小明", stage: .primary)),
            Self.candidate("e2", Self.id("20090101", 13), "赵高", pupil: Self.pupil("s2", "赵高", stage: .senior)),
            Self.candidate("e3", Self.id("20210601", 15), "钱幼", pupil: Self.pupil("s3", "钱幼", stage: .kindergarten)),
            Self.candidate("e4", Self.id("20130601", 17), "孙特", pupil: Self.pupil("s4", "孙特", stage: .special)),
        ])
        let byStudent = Dictionary(grouping: result.grants, by: \.studentID)
        #expect(byStudent["s1"]?.map(\.policyID) == ["compulsory-living"])
        #expect(byStudent["s1"]?.first?.yuan == 1_000)
        #expect(byStudent["s1"]?.first?.entryID == "e1", "each grant names the entry that produced it")
        #expect(byStudent["s1"]?.first?.schoolID == "3101040001" && byStudent["s1"]?.first?.districtCode == "310104")
        #expect(byStudent["s2"]?.map(\.policyID).sorted() == ["senior-fee-waiver", "senior-grant"])
        #expect(byStudent["s2"]?.map(\.yuan).reduce(0, +) == 3_800)
        #expect(byStudent["s3"]?.map(\.yuan) == [1_500])
        #expect(byStudent["s4"]?.map { "\($0.policyID):\($0.stage.rawValue):\($0.yuan)" } == ["compulsory-living:special:1250"])
        #expect(result.reviews.isEmpty)
        #expect(result.tally.granted == 4 && result.tally.entries == 4)
        #expect(Set(result.passedEntryIDs) == ["e1", "e2", "e3", "e4"])
    }

    @Test func everyProblemGoesToTheReviewQueueWithItsReason() {
        var badCheck = Self.id("20160101", 21)
        badCheck = String(badCheck.dropLast()) + (badCheck.last == "1" ? "2" : "1")
        let parent = Self.id("19850304", 23)
        let result = match([
            Self.candidate("bad", badCheck, "坏号", pupil: nil),
            Self.candidate("parent", parent, "王小明", pupil: nil),
            Self.candidate("unknown", Self.id("20160202", 25), "无名", pupil: nil),
            Self.candidate("name", Self.id("20160303", 27), "張三", pupil: Self.pupil("s5", "张三", stage: .primary)),
            Self.candidate("left", Self.id("20160404", 29), "李四", pupil: Self.pupil("s6", "李四", stage: nil, school: nil, district: "310101")),
            Self.candidate("policy", Self.id("20160505", 31), "周五", list: .lowIncome, pupil: Self.pupil("s7", "周五", stage: .primary)),
        ])
        #expect(result.grants.isEmpty, "never silently granted")
        let reasons = Dictionary(uniqueKeysWithValues: result.reviews.map { ($0.entryID, $0.reason) })
        #expect(reasons == ["bad": .invalidID, "parent": .adultID, "unknown": .notInRegistry, "name": .nameMismatch,
                            "left": .leftSchool, "policy": .noPolicy], "never silently dropped")
        let details = Dictionary(uniqueKeysWithValues: result.reviews.map { ($0.entryID, $0.detail) })
        #expect(details["bad"]!.contains("wrong check character"))
        #expect(details["parent"] == "40", "the age, not the birth date")
        #expect(details["name"] == "張三 ≠ 张三")
        #expect(details["policy"] == "lowIncome × primary")
        let left = result.reviews.first { $0.entryID == "left" }!
        #expect(left.studentID == "s6" && left.schoolID == nil && left.districtCode == "310101", "scoped by where the child lives")
        #expect(result.tally.review == [.invalidID: 1, .adultID: 1, .notInRegistry: 1, .nameMismatch: 1, .leftSchool: 1, .noPolicy: 1])
        #expect(result.passedEntryIDs.isEmpty)
        for review in result.reviews { #expect(!review.detail.contains(parent) && !review.detail.contains(badCheck)) }
    }

    @Test func spacesAndMiddleDotsDoNotMakeANameDiffer() {
        let result = match([
            Self.candidate("e1", Self.id("20160101", 41), "买买提 · 艾力", pupil: Self.pupil("s1", "买买提·艾力", stage: .primary)),
            Self.candidate("e2", Self.id("20160102", 43), "王　小明", pupil: Self.pupil("s2", "王小明", stage: .primary)),
        ])
        #expect(result.grants.count == 2 && result.reviews.isEmpty)
    }

    @Test func aRerunCreatesNothingNew() {
        let candidates = [
            Self.candidate("e1", Self.id("20170305", 11), "王小明", pupil: Self.pupil("s1", "王小明", stage: .primary)),
            Self.candidate("e2", Self.id("20160202", 25), "无名", pupil: nil),
        ]
        let first = match(candidates)
        let second = match(candidates, grants: Set(first.grants.map { AidMatcher.GrantKey(studentID: $0.studentID, policyID: $0.policyID) }),
                           queued: Set(first.reviews.map(\.entryID)))
        #expect(first.grants.count == 1 && first.reviews.count == 1)
        #expect(second.grants.isEmpty && second.reviews.isEmpty)
        #expect(second.tally.alreadyGranted == 1 && second.tally.review == [.notInRegistry: 1], "still counted, not remade")
    }

    @Test func aDeclinedGrantIsNotMadeAgain() {
        let result = match([Self.candidate("e1", Self.id("20170305", 11), "王小明", pupil: Self.pupil("s1", "王小明", stage: .primary))],
                           grants: [AidMatcher.GrantKey(studentID: "s1", policyID: "compulsory-living")])
        #expect(result.grants.isEmpty && result.tally.alreadyGranted == 1)
    }

    @Test func aPupilOnTwoListsIsGrantedOncePerPolicyFromTheFirstList() {
        let id = Self.id("20170305", 11)
        let pupil = Self.pupil("s1", "王小明", stage: .primary)
        let result = match([
            Self.candidate("orphan", id, "王小明", list: .orphan, pupil: pupil),
            Self.candidate("dibao", id, "王小明", list: .minimumLivingAllowance, pupil: pupil),
            Self.candidate("low", id, "王小明", list: .lowIncome, pupil: pupil),
        ])
        #expect(result.grants.map(\.entryID) == ["dibao"])
        #expect(result.tally.granted == 1 && result.tally.alreadyGranted == 1)
        #expect(result.tally.coveredByOtherList == 1 && result.reviews.isEmpty, "no policy for 低收入 × primary, but the pupil has aid")
    }

    @Test func entriesAndPoliciesOutsideTheYearGrantNothing() {
        let expired = Self.candidate("old", Self.id("20170305", 11), "王小明", from: "2023-01-01", to: "2025-06-30",
                                     pupil: Self.pupil("s1", "王小明", stage: .primary))
        let result = match([expired])
        #expect(result.grants.isEmpty && result.reviews.isEmpty && result.tally.notValidThisYear == 1)

        var ended = AidPolicy.shanghaiDefaults
        for index in ended.indices { ended[index].lastYear = 2024 }
        let fresh = Self.candidate("new", Self.id("20170305", 11), "王小明", pupil: Self.pupil("s1", "王小明", stage: .primary))
        let none = match([fresh], policies: ended)
        #expect(none.grants.isEmpty && none.reviews.map(\.reason) == [.noPolicy])
    }

    @Test func aReviewerCanConfirmANameMismatchButNotALeaver() throws {
        let renamed = Self.candidate("name", Self.id("20160303", 27), "張三", pupil: Self.pupil("s5", "张三", stage: .junior))
        let grants = try AidMatcher.confirm(renamed, policies: Self.policies, year: Self.year, existingGrants: [])
        #expect(grants.map { "\($0.policyID):\($0.yuan):\($0.entryID)" } == ["compulsory-living:1250:name"])
        let again = try AidMatcher.confirm(renamed, policies: Self.policies, year: Self.year,
                                           existingGrants: [AidMatcher.GrantKey(studentID: "s5", policyID: "compulsory-living")])
        #expect(again.isEmpty)
        let leaver = Self.candidate("left", Self.id("20160404", 29), "李四", pupil: Self.pupil("s6", "李四", stage: nil, school: nil))
        #expect(throws: AidMatcher.AidProblem(reason: .leftSchool, detail: "")) {
            _ = try AidMatcher.confirm(leaver, policies: Self.policies, year: Self.year, existingGrants: [])
        }
    }

    @Test func theStageOfAPupilAtASpecialSchoolIsSpecialEducation() {
        #expect(AidPupil.stage(grade: .g4, schoolStages: [.special]) == .special)
        #expect(AidPupil.stage(grade: .g7, schoolStages: [.primary, .junior]) == .junior)
        #expect(AidPupil.stage(grade: nil, schoolStages: [.primary]) == nil)
    }

    @Test func scopeOfAidRecords() {
        let city = AccessScope(role: .cityAdmin)
        let district = AccessScope(role: .districtAdmin, districtCode: "310101")
        let school = AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: "3101010001")
        let parent = AccessScope(role: .guardian, guardianID: "g")
        #expect(city.canSeeAidRecord(schoolID: nil, districtCode: nil))
        #expect(district.canSeeAidRecord(schoolID: "3101010001", districtCode: "310101"))
        #expect(!district.canSeeAidRecord(schoolID: "3101040001", districtCode: "310104"))
        #expect(!district.canSeeAidRecord(schoolID: nil, districtCode: nil), "an unknown child is the city's to review")
        #expect(school.canSeeAidRecord(schoolID: "3101010001", districtCode: "310101"))
        #expect(!school.canSeeAidRecord(schoolID: nil, districtCode: "310101"))
        #expect(!parent.canSeeAidRecord(schoolID: "3101010001", districtCode: "310101"))
        #expect(city.canExportAidPayments && district.canExportAidPayments && !school.canExportAidPayments && !parent.canExportAidPayments)
    }
}
