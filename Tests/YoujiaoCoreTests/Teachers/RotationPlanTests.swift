import Foundation
import Testing
@testable import YoujiaoCore

/// The rotation optimiser (docs/teachers.md, "Rotation planning"): one hand-built instance per
/// rule, then small random instances against a brute force over every assignment.
@Suite("RotationPlan")
struct RotationPlanTests {
    /// A point `x`, `y` hundredths of a degree of latitude (about 1.1 km) from (31° N, 121° E).
    static func point(_ x: Double, _ y: Double) -> (lat: Double, lon: Double) {
        (31 + y * 0.01, 121 + x * 0.01 / cos(31 * Double.pi / 180))
    }

    static func school(_ id: String, _ x: Double, _ y: Double, district: String = "310101") -> RotationSchool {
        let p = point(x, y)
        return RotationSchool(id: id, latitude: p.lat, longitude: p.lon, districtCode: district)
    }

    static func teacher(_ id: String, at school: String, _ subject: String = "math", _ stage: Stage = .junior,
                        key: Bool = false, home: (Double, Double) = (0, 0)) -> RotationTeacher {
        let p = point(home.0, home.1)
        return RotationTeacher(id: id, currentSchoolID: school, subject: subject, stage: stage, isKey: key,
                               homeLatitude: p.lat, homeLongitude: p.lon)
    }

    static func need(_ id: String, at school: String, _ subject: String = "math", _ stage: Stage = .junior, count: Int = 1,
                     kind: RotationNeedKind = .group, priority: Int = 1) -> RotationNeed {
        RotationNeed(id: id, schoolID: school, subject: subject, stage: stage, count: count, kind: kind, priority: priority)
    }

    static let schools = [school("A", 0, 0), school("B", 10, 0), school("C", 0, 10), school("D", 10, 10)]

    func placed(_ plan: RotationPlan) -> [String: String] {
        Dictionary(uniqueKeysWithValues: plan.assignments.map { ($0.teacherID, $0.needID) })
    }

    @Test func onlyTheSameSubjectAndStage() throws {
        let input = RotationInput(
            teachers: [Self.teacher("t1", at: "A", "math", .primary), Self.teacher("t2", at: "A", "chinese", .junior),
                       Self.teacher("t3", at: "A", "math", .junior)],
            schools: Self.schools, needs: [Self.need("n1", at: "B", "math", .junior, count: 3)])
        let plan = try RotationPlanner.plan(input)
        #expect(placed(plan) == ["t3": "n1"])
        #expect(plan.needs[0].filled == 1 && plan.needs[0].compatibleTeachers == 1)
        #expect(plan.needs[0].unfilledReason == .compatibleTeachersPlacedElsewhere)
    }

    @Test func neverTheTeachersOwnSchool() throws {
        let input = RotationInput(teachers: [Self.teacher("t1", at: "B")], schools: Self.schools, needs: [Self.need("n1", at: "B")])
        let plan = try RotationPlanner.plan(input)
        #expect(plan.assignments.isEmpty)
        #expect(plan.needs[0].unfilledReason == .noCompatibleTeacher)
        #expect(plan.shortfalls.first?.binding == [.noCompatibleTeacher(needID: "n1", subject: "math", stage: .junior)])
    }

    @Test func aNeedTakesAtMostItsCount() throws {
        let teachers = (1...4).map { Self.teacher("t\($0)", at: "A") }
        let plan = try RotationPlanner.plan(RotationInput(teachers: teachers, schools: Self.schools, needs: [Self.need("n1", at: "B", count: 2)]))
        #expect(plan.needs[0].filled == 2 && plan.totals.rotated == 2)
    }

    @Test func priorityOneBeforePriorityTwoButNoSeatLost() throws {
        // t1 lives next to B (priority 2) yet goes to C (priority 1).
        let alone = RotationInput(teachers: [Self.teacher("t1", at: "A", home: (10, 0))], schools: Self.schools,
                                  needs: [Self.need("p1", at: "C", priority: 1), Self.need("p2", at: "B", priority: 2)])
        #expect(placed(try RotationPlanner.plan(alone)) == ["t1": "p1"])
        // t2 fits only C: priority order must not cost a seat, both needs are filled.
        let two = RotationInput(teachers: [Self.teacher("t1", at: "A", home: (0, 10)), Self.teacher("t2", at: "B", home: (10, 0))],
                                schools: Self.schools,
                                needs: [Self.need("p1", at: "C", priority: 1), Self.need("p2", at: "B", priority: 2)])
        let plan = try RotationPlanner.plan(two)
        #expect(placed(plan) == ["t1": "p2", "t2": "p1"])
        #expect(plan.totals.rotatedByPriority == [1, 1, 0])
    }

    @Test func keyShareIsMetEvenAtACommuteCost() throws {
        // Five seats, so one key teacher (⌈20% × 5⌉); the key teacher lives far away.
        var teachers = (1...6).map { Self.teacher("t\($0)", at: "A", home: (10, 0)) }
        teachers.append(Self.teacher("k1", at: "A", key: true, home: (0, -30)))
        let plan = try RotationPlanner.plan(RotationInput(teachers: teachers, schools: Self.schools, needs: [Self.need("n1", at: "B", count: 5)]))
        #expect(plan.totals.keyRequired == 1 && plan.totals.keyRotated == 1 && plan.keyShareMet)
        #expect(placed(plan)["k1"] == "n1")
    }

    @Test func keyTeachersGoToKeyPreferredNeeds() throws {
        // One key and one plain teacher, one weak-school and one group need: the key teacher takes
        // the weak school although the plain teacher lives next to it.
        let teachers = [Self.teacher("k1", at: "A", key: true, home: (10, 0)), Self.teacher("t1", at: "A", home: (0, 10))]
        let needs = [Self.need("group", at: "B", kind: .group), Self.need("weak", at: "C", kind: .weakSchool)]
        let plan = try RotationPlanner.plan(RotationInput(teachers: teachers, schools: Self.schools, needs: needs))
        #expect(placed(plan) == ["k1": "weak", "t1": "group"])
        #expect(plan.totals.keyOnKeyPreferredNeeds == 1)
    }

    @Test func keyShareShortfallIsReported() throws {
        // Ten seats, two key teachers required: none eligible.
        let plain = (0..<10).map { Self.teacher(String(format: "t%02d", $0), at: "A") }
        let needs = [Self.need("n1", at: "B", count: 10)]
        let none = try RotationPlanner.plan(RotationInput(teachers: plain, schools: Self.schools, needs: needs))
        #expect(none.totals.keyRequired == 2 && !none.keyShareMet)
        #expect(none.shortfalls == [RotationPlan.Shortfall(target: .keyShare, required: 2, achieved: 0,
                                                           binding: [.eligibleKeyTeachers(eligible: 0, required: 2)])])
        // Three key teachers, but two teach Chinese: only one fits.
        let keys = [Self.teacher("k1", at: "A", key: true), Self.teacher("k2", at: "A", "chinese", key: true),
                    Self.teacher("k3", at: "A", "chinese", key: true)]
        let some = try RotationPlanner.plan(RotationInput(teachers: plain + keys, schools: Self.schools, needs: needs))
        #expect(some.totals.keyRotated == 1)
        #expect(some.shortfalls.first { $0.target == .keyShare }?.binding == [.placeableKeyTeachers(placeable: 1, eligible: 3, required: 2)])
        #expect(some.shortfalls.first?.description == "keyShare: 1 of 2 (1 short): key teachers: 3 eligible, but only 1 fit a need, 2 needed")
    }

    @Test func quotaShortfallNamesTheSeats() throws {
        // 50 eligible: 5 must rotate, the needs offer 3 seats, one of them for a subject nobody teaches.
        let teachers = (0..<50).map { Self.teacher(String(format: "t%02d", $0), at: "A", key: $0 < 10) }
        let needs = [Self.need("n1", at: "B", count: 2), Self.need("n2", at: "C", "art")]
        let plan = try RotationPlanner.plan(RotationInput(teachers: teachers, schools: Self.schools, needs: needs))
        #expect(plan.totals.quotaRequired == 5 && plan.totals.rotated == 2 && !plan.quotaMet)
        #expect(plan.shortfalls.first == RotationPlan.Shortfall(target: .quota, required: 5, achieved: 2, binding: [
            .seatsOffered(offered: 3, required: 5), .noCompatibleTeacher(needID: "n2", subject: "art", stage: .junior),
        ]))
        #expect(plan.shortfalls.first?.binding.first?.description == "needs: only 3 seats for 5 required")
    }

    @Test func commuteIsMinimisedWhereGreedyIsWrong() throws {
        // Homes: t1 at (4, 0), t2 at (3, 4); needs at (0, 0) and (10, 0). The cheapest single move
        // (t1 to n1, 4 units) forces t2 to n2 (8.06): 12.06 units. The optimum is 6 + 5 = 11.
        let schools = [Self.school("home", 50, 50), Self.school("N1", 0, 0), Self.school("N2", 10, 0)]
        let teachers = [Self.teacher("t1", at: "home", home: (4, 0)), Self.teacher("t2", at: "home", home: (3, 4))]
        let needs = [Self.need("n1", at: "N1"), Self.need("n2", at: "N2")]
        let plan = try RotationPlanner.plan(RotationInput(teachers: teachers, schools: schools, needs: needs))
        #expect(placed(plan) == ["t1": "n2", "t2": "n1"])
        func change(_ t: RotationTeacher, _ s: RotationSchool) -> Int {
            Haversine.metres(latitude: t.homeLatitude, longitude: t.homeLongitude, toLatitude: s.latitude, longitude: s.longitude)
                - Haversine.metres(latitude: t.homeLatitude, longitude: t.homeLongitude, toLatitude: schools[0].latitude, longitude: schools[0].longitude)
        }
        #expect(plan.totals.commuteChangeMetres == change(teachers[0], schools[2]) + change(teachers[1], schools[1]))
        #expect(plan.totals.commuteChangeMetres < change(teachers[0], schools[1]) + change(teachers[1], schools[2]))
    }

    @Test func theSamePlanWhateverTheInputOrder() throws {
        var random = SplitMix64(seed: 19)
        let input = Self.randomInput(&random, teachers: 40, needs: 8)
        let plan = try RotationPlanner.plan(input)
        var shuffled = input
        shuffled.teachers.shuffle(using: &random); shuffled.needs.shuffle(using: &random); shuffled.schools.shuffle(using: &random)
        #expect(try RotationPlanner.plan(shuffled) == plan)
    }

    @Test func inputsAreCheckedBeforeArithmetic() {
        let input = RotationInput(
            teachers: [Self.teacher("t1", at: "Z"), RotationTeacher(id: "t1", currentSchoolID: "A", subject: "", stage: .junior, isKey: false,
                                                                    homeLatitude: .nan, homeLongitude: 500)],
            schools: Self.schools,
            needs: [Self.need("n1", at: "B", count: Int.max), Self.need("n2", at: "B", priority: 4), Self.need("n3", at: "B", count: 0)])
        do { _ = try RotationPlanner.plan(input); Issue.record("accepted") } catch let errors as InputErrors {
            let found = Set(errors.errors.map { "\($0.file):\($0.row ?? 0):\($0.field ?? "")" })
            #expect(found == ["teachers:1:current_school_id", "teachers:2:id", "teachers:2:subject", "teachers:2:home_latitude",
                              "teachers:2:home_longitude", "needs:1:count", "needs:2:priority", "needs:3:count"])
        } catch { Issue.record("\(error)") }
        do { _ = try RotationPlanner.plan(RotationInput(teachers: [], schools: [], needs: []), rules: RotationRules(quotaPercent: 101)); Issue.record("accepted") }
        catch { #expect("\(error)".contains("quota_percent")) }
    }

    @Test func districtByDistrict() throws {
        let schools = [Self.school("A", 0, 0, district: "310101"), Self.school("B", 10, 0, district: "310101"),
                       Self.school("C", 0, 10, district: "310104")]
        let teachers = [Self.teacher("t1", at: "A"), Self.teacher("t2", at: "C")]
        let plans = try RotationPlanner.planByDistrict(RotationInput(teachers: teachers, schools: schools, needs: [Self.need("n1", at: "B")]))
        #expect(plans.map(\.districtCode) == ["310101", "310104"])
        #expect(placed(plans[0].plan) == ["t1": "n1"] && plans[1].plan.assignments.isEmpty && plans[1].plan.totals.eligible == 1)
    }

    // MARK: - Brute force

    static func randomInput(_ random: inout SplitMix64, teachers: Int, needs: Int) -> RotationInput {
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let schools = (0..<4).map { school("S\($0)", Double(below(20)), Double(below(20))) }
        let subjects = ["math", "chinese"]
        let stages: [Stage] = [.primary, .junior]
        let teacherList = (0..<teachers).map { index in
            teacher("t\(index)", at: "S\(below(4))", subjects[below(2)], stages[below(2)], key: below(3) == 0,
                    home: (Double(below(20)), Double(below(20))))
        }
        let needList = (0..<needs).map { index in
            need("n\(index)", at: "S\(below(4))", subjects[below(2)], stages[below(2)], count: 1 + below(2),
                 kind: RotationNeedKind.allCases[below(4)], priority: 1 + below(3))
        }
        return RotationInput(teachers: teacherList, schools: schools, needs: needList)
    }

    /// (seats of priority 1, 2, 3, key teachers counted up to the key share, key teachers on
    /// key-preferred needs, minus the commute change): the objective, to be maximised lexicographically.
    struct Score: Comparable {
        var values: [Int]
        static func < (a: Score, b: Score) -> Bool { a.values.lexicographicallyPrecedes(b.values) }
    }

    static func score(_ choice: [Int?], _ input: RotationInput, keyRequired: Int, rules: RotationRules = .national) -> Score {
        var values = [0, 0, 0, 0, 0, 0]
        var keys = 0
        let school = Dictionary(uniqueKeysWithValues: input.schools.map { ($0.id, $0) })
        for (t, n) in choice.enumerated() {
            guard let n else { continue }
            let teacher = input.teachers[t], need = input.needs[n]
            values[need.priority - 1] += 1
            if teacher.isKey { keys += 1; if rules.keyPreferredKinds.contains(need.kind) { values[4] += 1 } }
            let home = (teacher.homeLatitude, teacher.homeLongitude)
            let to = school[need.schoolID]!, from = school[teacher.currentSchoolID]!
            values[5] -= Haversine.metres(latitude: home.0, longitude: home.1, toLatitude: to.latitude, longitude: to.longitude)
                - Haversine.metres(latitude: home.0, longitude: home.1, toLatitude: from.latitude, longitude: from.longitude)
        }
        values[3] = min(keys, keyRequired)
        return Score(values: values)
    }

    /// Every assignment that keeps the hard rules.
    static func everyAssignment(_ input: RotationInput) -> [[Int?]] {
        let options = input.teachers.map { teacher in
            [nil] + input.needs.indices.filter {
                let need = input.needs[$0]
                return need.subject == teacher.subject && need.stage == teacher.stage && need.schoolID != teacher.currentSchoolID
            }.map { Optional($0) }
        }
        var all: [[Int?]] = []
        var choice = [Int?](repeating: nil, count: input.teachers.count)
        func place(_ t: Int, _ load: [Int]) {
            if t == input.teachers.count { all.append(choice); return }
            for option in options[t] {
                var load = load
                if let n = option { load[n] += 1; if load[n] > input.needs[n].count { continue } }
                choice[t] = option
                place(t + 1, load)
            }
        }
        place(0, [Int](repeating: 0, count: input.needs.count))
        return all
    }

    @Test func matchesBruteForceOnSmallInstances() throws {
        var random = SplitMix64(seed: 19)
        for round in 0..<1_000 {
            let input = Self.randomInput(&random, teachers: 1 + Int(random.next() % 6), needs: 1 + Int(random.next() % 3))
            let all = Self.everyAssignment(input)
            let most = all.map { $0.compactMap { $0 }.count }.max()!
            let keyRequired = RotationRules.required(20, of: most)
            let best = all.map { Self.score($0, input, keyRequired: keyRequired) }.max()!

            let plan = try RotationPlanner.plan(input)
            let index = Dictionary(uniqueKeysWithValues: input.teachers.enumerated().map { ($1.id, $0) })
            let needIndex = Dictionary(uniqueKeysWithValues: input.needs.enumerated().map { ($1.id, $0) })
            var choice = [Int?](repeating: nil, count: input.teachers.count)
            for assignment in plan.assignments { choice[index[assignment.teacherID]!] = needIndex[assignment.needID]! }
            #expect(all.contains(choice), "round \(round): the plan breaks a hard rule")
            #expect(Self.score(choice, input, keyRequired: keyRequired) == best, "round \(round): \(input)")
            #expect(plan.totals.rotated == most && plan.totals.keyRequired == keyRequired)
            #expect(-best.values[5] == plan.totals.commuteChangeMetres)
        }
    }
}
