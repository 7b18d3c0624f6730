import Foundation
import Testing
@testable import YoujiaoCore

/// The rules around a 中考 campaign: the quota check, the city's form, who may do what, the
/// published files, the admission line and the family's sentence, and the demo's admission.
@Suite("中考 campaign")
struct ZhongkaoCampaignTests {
    static let seed = try! LotterySeed(hex: String(repeating: "ab", count: 32))

    @Test func quotasMustBeWholeSeatsWithinThePlan() throws {
        try ZhongkaoQuotaCheck.check(planSeats: 10, seats: [4, 6])
        try ZhongkaoQuotaCheck.check(planSeats: 0, seats: [])
        do { try ZhongkaoQuotaCheck.check(planSeats: 10, seats: [4, 7]); Issue.record("above the plan accepted") } catch {
            #expect(error.field == "seats" && error.zh.contains("合计 11 个") && error.zh.contains("招生计划 10 个"))
        }
        for (seats, field) in [([-1, 0], "seats-0"), ([0, 100_001], "seats-1"), ([Int.max, Int.max], "seats-0")] {
            do { try ZhongkaoQuotaCheck.check(planSeats: 10, seats: seats); Issue.record("\(seats) accepted") } catch {
                #expect(error.field == field, "\(seats)")
            }
        }
    }

    @Test func theCityFormIsCheckedFieldByField() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let source = BeaconSource.known[0]
        let future = String(source.firstRound(after: now.addingTimeInterval(86_400)))
        let past = String(source.firstRound(after: now.addingTimeInterval(-86_400)))
        let commitment = CampaignSeed.commitment(secret: "s")
        func refused(_ year: String = "2027", _ beacon: String = source.id, _ round: String = future, _ hash: String = commitment) -> String? {
            do { _ = try ZhongkaoCampaign.proposed(year: year, beaconSource: beacon, beaconRound: round, notaryCommitment: hash, now: now); return nil }
            catch { return error.field }
        }
        #expect(refused() == nil)
        #expect(refused("27") == "year" && refused("") == "year" && refused("99999999999999999999") == "year")
        #expect(refused("2027", "unknown") == "beacon_source")
        #expect(refused("2027", source.id, "-5") == "beacon_round" && refused("2027", source.id, "x") == "beacon_round")
        #expect(refused("2027", source.id, past) == "beacon_round", "a round already out could be known")
        #expect(refused("2027", source.id, future, "abc") == "notary_commitment")
        let campaign = try ZhongkaoCampaign.proposed(year: "2027", beaconSource: source.id, beaconRound: future, notaryCommitment: commitment.uppercased(), now: now)
        #expect(campaign.id == "zhongkao-2027" && campaign.status == .draft && campaign.notaryCommitment == commitment)
        #expect(campaign.rules.rounds.map(\.round) == [.quotaDistrict, .quotaSchool, .unified])
        #expect(campaign.rules.tieBreakColumns == ZhongkaoCampaign.shanghaiTieBreakColumns)
    }

    @Test func stepsAreToldInTheAdmissionsWords() {
        let campaign = ZhongkaoCampaign(id: "z", year: 2027, status: .open, rules: ZhongkaoRules(), beaconRound: "", notaryCommitment: "")
        do { try campaign.checkStep(to: .drawn); Issue.record("skipped a step") } catch {
            #expect(error.zh.contains("名额分配编制中") && error.en.contains("Quotas being set"))
        }
        #expect((try? campaign.checkStep(to: .frozen)) != nil)
    }

    @Test func whoMayDoWhat() {
        let open = ZhongkaoCampaign(id: "z", year: 2027, status: .open, rules: ZhongkaoRules(), beaconRound: "", notaryCommitment: "")
        var draft = open
        draft.status = .draft
        var frozen = open
        frozen.status = .frozen
        let city = AccessScope(role: .cityAdmin)
        let district = AccessScope(role: .districtAdmin, districtCode: "310101")
        let school = AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: "H1")
        let family = AccessScope(role: .guardian, guardianID: "g")
        #expect(ZhongkaoAccess.canSee(city, draft) && !ZhongkaoAccess.canSee(district, draft) && !ZhongkaoAccess.canSee(school, draft))
        #expect(ZhongkaoAccess.canSee(district, open) && ZhongkaoAccess.canSee(school, open) && !ZhongkaoAccess.canSee(family, open))
        #expect(ZhongkaoAccess.canManage(city) && !ZhongkaoAccess.canManage(district) && !ZhongkaoAccess.canManage(school))
        #expect(ZhongkaoAccess.canEditQuotas(school, open, schoolID: "H1") && !ZhongkaoAccess.canEditQuotas(school, open, schoolID: "H2"))
        #expect(ZhongkaoAccess.canEditQuotas(city, open, schoolID: "H2") && !ZhongkaoAccess.canEditQuotas(district, open, schoolID: "H1"))
        #expect(!ZhongkaoAccess.canEditQuotas(school, frozen, schoolID: "H1") && !ZhongkaoAccess.canEditQuotas(city, draft, schoolID: "H1"))
        #expect(ZhongkaoAccess.candidateFilter(city)! == (nil, nil))
        #expect(ZhongkaoAccess.candidateFilter(district)! == ("310101", nil))
        #expect(ZhongkaoAccess.candidateFilter(school)! == (nil, "H1"))
        #expect(ZhongkaoAccess.candidateFilter(family) == nil)
    }

    static let lines = [ZhongkaoPlanLine(schoolID: "H1", name: "一中", district: "D1", kind: "市实验性示范性高中", planSeats: 4),
                        ZhongkaoPlanLine(schoolID: "H2", name: "二中", district: "D2", kind: "", planSeats: 1)]
    static let quotas = [ZhongkaoQuota(schoolID: "H1", round: .quotaDistrict, scope: "D1", seats: 1),
                         ZhongkaoQuota(schoolID: "H1", round: .quotaDistrict, scope: "D2", seats: 1)]
    static func candidate(_ id: String, _ district: String, _ total: Int, quota: [String] = [], unified: [String]) -> ZhongkaoCandidate {
        ZhongkaoCandidate(id: id, district: district, juniorSchool: "J-" + district, quotaSchoolEligible: false, total: total, tieBreakScores: [total / 10],
                          quotaDistrictChoices: quota, unifiedChoices: unified)
    }
    static let candidates = [candidate("c1", "D1", 700, quota: ["H1"], unified: ["H1"]), candidate("c2", "D2", 640, quota: ["H1"], unified: ["H1"]),
                             candidate("c3", "D1", 680, unified: ["H1", "H2"]), candidate("c4", "D2", 660, unified: ["H1"]),
                             candidate("c5", "D2", 600, unified: ["H1", "H2"]), candidate("c6", "D1", 500, unified: ["H1"])]

    @Test func thePublishedFilesAreWhatTheEngineReads() throws {
        let rules = ZhongkaoRules(tieBreakColumns: ["score_tenth"])
        let documents = ZhongkaoCampaignFiles.documents(lines: Self.lines, quotas: Self.quotas, candidates: Self.candidates, rules: rules)
        #expect(documents["high-schools.csv"] == "school_id,name,district,kind,unified_seats\nH1,一中,D1,市实验性示范性高中,2\nH2,二中,D2,,1\n",
                "unified seats are the plan less the quotas")
        #expect(documents["rounds.csv"] == "round,control_score,unfilled_seats_to_unified\nquota-district,0,yes\nquota-school,0,yes\nunified,0,\n")
        let hash = ZhongkaoCampaignFiles.listHash(documents["candidates.csv"]!)
        let table = try CSVTable.parse(text: documents["candidates.csv"]!, fileName: "candidates.csv")
        #expect(try ZhongkaoCSV.commitment(candidates: table, tieBreakColumns: ["score_tenth"]) == hash, "the hash `zhongkao commit` prints")

        let output = try ZhongkaoCampaignFiles.compute(documents: documents, seed: Self.seed, tieBreakColumns: ["score_tenth"])
        let placed = Dictionary(uniqueKeysWithValues: output.outcome.admissions.map { ($0.candidateID, "\($0.schoolID ?? "-") \($0.route.rawValue)") })
        #expect(placed == ["c1": "H1 quota-district", "c2": "H1 quota-district", "c3": "H1 unified", "c4": "H1 unified",
                           "c5": "H2 unified", "c6": "- unadmitted"])
        // Each quota pool has its own line: D1's seat went at 700, D2's at 640; unified at 660.
        let lines = Dictionary(uniqueKeysWithValues: zip(output.input.candidates.map(\.id), output.admissionLines()))
        #expect(lines == ["c1": 700, "c2": 640, "c3": 660, "c4": 660, "c5": 600, "c6": nil])

        var broken = documents
        broken["quotas.csv"] = "school_id,round,scope,seats\nH1,quota-district,D1,lots\n"
        #expect(throws: InputErrors.self) { try ZhongkaoCampaignFiles.compute(documents: broken, seed: Self.seed, tieBreakColumns: ["score_tenth"]) }
    }

    @Test func theFamilyReadsOneSentence() {
        let unified = ZhongkaoResultReason(route: .unified, choiceRank: 3, schoolName: "上海中学", line: 702)
        #expect(unified.zh == "上海中学：第 3 志愿，统一招生录取，投档线 702 分。")
        #expect(unified.en == "上海中学: choice 3, admitted by unified admission, admission line 702 points.")
        #expect(ZhongkaoResultReason(route: .quotaSchool, choiceRank: 1, schoolName: "格致中学", line: 690).zh == "格致中学：第 1 志愿，名额分配到校录取，投档线 690 分。")
        #expect(ZhongkaoResultReason(route: .preAdmitted, choiceRank: nil, schoolName: nil, line: nil).zh.contains("提前录取"))
        #expect(ZhongkaoResultReason(route: .unadmitted, choiceRank: nil, schoolName: nil, line: nil).zh.contains("均未录取"))
    }

    @Test func theDemoAdmissionIsRealisticAndRepeatable() throws {
        let schools = (0..<12).map { ZhongkaoDemo.HighSchool(id: "H\($0)", district: "D\($0 % 3)", ownership: $0 == 11 ? .private : .public, planSeats: 40) }
        let pupils = (0..<600).map { ZhongkaoDemo.Pupil(studentID: String(format: "s%04d", $0), district: "D\($0 % 3)", juniorSchool: "J\($0 % 9)") }
        let admission = ZhongkaoDemo.generate(highSchools: schools, pupils: pupils, year: 2027, seed: 7)
        let again = ZhongkaoDemo.generate(highSchools: schools, pupils: pupils, year: 2027, seed: 7)
        #expect(admission.candidates.map(\.candidate) == again.candidates.map(\.candidate) && admission.quotas == again.quotas)
        let totals = admission.candidates.map(\.candidate.total)
        #expect(totals.allSatisfy { (150...745).contains($0) })
        #expect(totals.filter { $0 == totals.max() }.count < 5, "no pile-up at the top")
        let mean = Double(totals.reduce(0, +)) / Double(totals.count)
        #expect((530...590).contains(mean), "mean total \(mean) near 560 of 750")
        #expect(Set(admission.candidates.map(\.candidate.id)).count == pupils.count && admission.candidates.first?.candidate.id == "2700000001")
        #expect(admission.kinds.values.filter { $0 == ZhongkaoDemo.kindModel }.count == 2 && admission.kinds["H11"] == ZhongkaoDemo.kindPrivate)
        var quotaSeats: [String: Int] = [:]
        for quota in admission.quotas { quotaSeats[quota.schoolID, default: 0] += quota.seats }
        #expect(quotaSeats.count == 2 && quotaSeats.values.allSatisfy { $0 <= 40 && $0 >= 20 }, "about 65% of a city model's plan")
        // Every generated admission passes the engine's own validation.
        let input = try ZhongkaoInput(
            highSchools: schools.map { ZhongkaoHighSchool(id: $0.id, name: $0.id, district: $0.district, kind: admission.kinds[$0.id] ?? "", unifiedSeats: 10) },
            quotas: admission.quotas, candidates: admission.candidates.map(\.candidate),
            rules: ZhongkaoRules(tieBreakColumns: ZhongkaoCampaign.shanghaiTieBreakColumns))
        let outcome = ZhongkaoEngine.admit(input, seed: Self.seed)
        #expect(outcome.admissions.contains { $0.route == .quotaSchool } && outcome.admissions.contains { $0.route == .unified })
    }
}
