import Testing
@testable import YoujiaoCore

/// The engine's fast orders (bucketed sorts, one number per priority) against plain comparison sorts.
@Suite("Enrollment draw orders (rules 1 and 3)")
struct DrawOrderTests {
    @Test("lottery order = by number, then id bytes; also for numbers that tie or share their top bits",
          arguments: [0, 1, 2, 3, 40, 3000])
    func lotteryOrder(count: Int) {
        var random = SeededGenerator(seed: 500 + UInt64(count))
        // Half the numbers from a small set (ties, neighbours, both ends), half uniform like HMAC's.
        let special: [UInt64] = [0, 1, 2, 1 << 40, (1 << 63) - 1, 1 << 63, (1 << 63) + 1, .max - 1, .max]
        let lottery = (0..<count).map { _ in
            Bool.random(using: &random) ? special.randomElement(using: &random)! : UInt64.random(in: 0 ... .max, using: &random)
        }
        // Unique ids whose byte order differs from their index order ("Z" < "a", "a10" < "a9").
        let applicants = (0..<count).shuffled(using: &random).map { EnrollmentFixture.child(["a", "Z", "学"][$0 % 3] + "\($0)") }
        let expected = applicants.indices.sorted { first, second in
            lottery[first] != lottery[second] ? lottery[first] < lottery[second]
                : applicants[first].id.utf8.lexicographicallyPrecedes(applicants[second].id.utf8)
        }
        #expect(EnrollmentEngine.lotteryOrder(applicants, by: lottery) == expected)
    }

    @Test("priority order = by tier, then returned from the private lottery (setting), then more years, then lottery",
          arguments: [true, false])
    func priorityOrder(returnedRankLast: Bool) {
        var random = SeededGenerator(seed: 77)
        let applicants = (0..<3000).map { index in
            EnrollmentFixture.child("c\(index)", choices: Bool.random(using: &random) ? ["P"] : [],
                                    tier: [1, 2, 3, 99].randomElement(using: &random)!,
                                    years: [0, 1, 2, 7, 150].randomElement(using: &random)!)
        }
        let lotteryOrder = applicants.indices.shuffled(using: &random)
        // The waiting children: a subset, taken in lottery order.
        let children = lotteryOrder.filter { _ in Int.random(in: 0..<3, using: &random) > 0 }
        var lotteryRank = [Int](repeating: 0, count: applicants.count)
        for (rank, child) in lotteryOrder.enumerated() { lotteryRank[child] = rank }
        func key(_ child: Int) -> [Int] {
            let applicant = applicants[child]
            return [applicant.tier, returnedRankLast && applicant.track == .private ? 1 : 0,
                    -applicant.yearsAtAddress, lotteryRank[child]]
        }
        let expected = children.sorted { key($0).lexicographicallyPrecedes(key($1)) }
        let byKey = children.sorted { first, second in
            EnrollmentEngine.priorityKey(applicants[first], lotteryPosition: lotteryRank[first], returnedRankLast: returnedRankLast)
                < EnrollmentEngine.priorityKey(applicants[second], lotteryPosition: lotteryRank[second], returnedRankLast: returnedRankLast)
        }
        #expect(byKey == expected)
    }

    @Test("concurrent map over a range equals map, with a state per chunk", arguments: [0, 1, 2, 7, 1000])
    func concurrentMap(count: Int) {
        #expect((0..<count).concurrentMap { $0 * $0 } == (0..<count).map { $0 * $0 })
        #expect((5..<5 + count).concurrentMap { $0 } == Array(5..<5 + count))
        // Each chunk counts its own calls from zero, so the counts restart at every chunk boundary.
        let counts = (0..<count).concurrentMap(makeState: { 0 }) { calls, _ in
            calls += 1
            return calls
        }
        #expect(counts.count == count && (counts.first ?? 1) == 1)
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $1 == 1 || $1 == $0 + 1 })
    }
}
