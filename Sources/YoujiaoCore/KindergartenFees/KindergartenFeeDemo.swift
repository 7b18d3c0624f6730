import Foundation

/// The demo city's kindergarten fees: a grade for every kindergarten, fee items that keep to the
/// rules (public and 普惠 ones at or below the default cap, private ones market-priced), every
/// eleventh kindergarten without published fees, and a handful of complaints in every state.
public enum KindergartenFeeDemo {
    public struct Result: Sendable {
        public var grades: [(schoolID: String, grade: KindergartenGrade)]
        public var items: [KindergartenFeeItem]
        public var complaints: [(complaint: FeeComplaint, decisions: [FeeComplaintDecision])]
    }

    public static func make(_ kindergartens: [FeeKindergarten], caps: [KindergartenFeeCap], seed: UInt64, now: Date) -> Result {
        var random = SplitMix64(seed: seed ^ 0x4B47_4645_4553)
        var result = Result(grades: [], items: [], complaints: [])
        var graded: [FeeKindergarten] = []
        for (index, var kindergarten) in kindergartens.sorted(by: { $0.schoolID < $1.schoolID }).enumerated() {
            let grade = KindergartenGrade.allCases[Int(random.next(upperBound: UInt64(4)))]
            kindergarten.grade = grade
            result.grades.append((kindergarten.schoolID, grade))
            graded.append(kindergarten)
            // A few kindergartens have not published: the district's page lists them.
            if index % 11 == 5 { continue }
            let care: Int
            if let cap = KindergartenFeeRules.cap(for: kindergarten, caps: caps) {
                // At the cap or up to 100 yuan below it, in steps of 10 yuan.
                care = max(cap.monthlyMaximum.fen - Int(random.next(upperBound: UInt64(11))) * 1_000, 10_000)
            } else {
                care = (2_000 + Int(random.next(upperBound: UInt64(81))) * 100) * 100   // 2,000–10,000 yuan, market-priced
            }
            let id = kindergarten.schoolID
            result.items.append(KindergartenFeeItem(schoolID: id, category: .careEducation, name: "保育教育费", amount: FeeAmount(fen: care)!,
                                                    period: .month, covers: ""))
            if kindergarten.boarding {
                result.items.append(KindergartenFeeItem(schoolID: id, category: .boarding, name: "住宿费", amount: FeeAmount(fen: 20_000)!,
                                                        period: .month, covers: "寄宿床位、被褥清洗"))
            }
            let meals = (15 + Int(random.next(upperBound: UInt64(11)))) * 100 + (kindergarten.isCapped ? 0 : 1_000)
            result.items.append(KindergartenFeeItem(schoolID: id, category: .service, name: "伙食费", amount: FeeAmount(fen: meals)!,
                                                    period: .day, covers: "午餐、两次点心"))
            if index % 3 == 0 {
                result.items.append(KindergartenFeeItem(schoolID: id, category: .service, name: "园服费", amount: FeeAmount(fen: 3_000)!,
                                                        period: .month, covers: "园服两套，按学期分摊"))
            }
        }
        // Complaints about the first kindergartens of each district, one of each state, in turn.
        let byDistrict = Dictionary(grouping: graded, by: \.districtCode)
        let states: [FeeComplaint.Status] = [.received, .accepted, .substantiated, .rectified, .unfounded, .received]
        var count = 0
        for code in byDistrict.keys.sorted() {
            for kindergarten in byDistrict[code]!.prefix(2) {
                let status = states[count % states.count]
                count += 1
                let filed = now.addingTimeInterval(-Double(count) * 86_400 * 3)
                let reference = FeeComplaintRules.newReference(using: &random)
                let complaint = FeeComplaint(reference: reference, schoolID: kindergarten.schoolID, districtCode: code, category: .service,
                                             itemName: "兴趣班费", amount: FeeAmount(fen: 80_000),
                                             description: "幼儿园在保育教育费之外另收每月 800 元的兴趣班费用，未在招生简章中公示。",
                                             contact: count % 2 == 0 ? "1390000\(String(1000 + count))" : nil, status: status, filedAt: filed)
                var decisions: [FeeComplaintDecision] = []
                var current = FeeComplaint.Status.received
                let path: [FeeComplaint.Status] = switch status {
                case .received: []
                case .accepted: [.accepted]
                case .substantiated: [.accepted, .substantiated]
                case .rectified: [.accepted, .substantiated, .rectified]
                case .unfounded: [.accepted, .unfounded]
                }
                for (step, next) in path.enumerated() {
                    precondition(FeeComplaintRules.steps(from: current).contains(next))
                    decisions.append(FeeComplaintDecision(
                        reference: reference, step: next, note: note(next), reply: reply(next), actorName: "区教育局（演示）",
                        decidedAt: filed.addingTimeInterval(Double(step + 1) * 86_400)))
                    current = next
                }
                result.complaints.append((complaint, decisions))
            }
        }
        return result
    }

    static func note(_ step: FeeComplaint.Status) -> String {
        switch step {
        case .accepted: "已受理，转收费检查组核实。"
        case .substantiated: "经核实，该园收取了未公示、不在允许范围内的费用。"
        case .rectified: "该园已停止收取并退还家长，整改材料已存档。"
        case .unfounded: "经核实，该费用为家长自愿参加的校外机构项目，与园方无关。"
        case .received: ""
        }
    }

    static func reply(_ step: FeeComplaint.Status) -> String? {
        switch step {
        case .accepted: "您的投诉已受理，我们将在 15 个工作日内核实。"
        case .substantiated: "经核实，情况属实，已责令幼儿园整改。"
        case .rectified: "幼儿园已整改并退还相关费用。感谢您的监督。"
        case .unfounded: "经核实，该费用不由幼儿园收取，投诉不属实。"
        case .received: nil
        }
    }
}
