import Foundation

/// What one admission produced: a row per candidate and the figures of every seat pool.
public struct ZhongkaoOutcome: Sendable {
    /// One per candidate, in input order.
    public let admissions: [ZhongkaoAdmission]
    /// Per round that ran (in the rules' order), per high school (in input order).
    public let schoolRounds: [[ZhongkaoSchoolRound]]
    /// Candidates in admission order (indices into the input's candidates), best first.
    public let order: [Int]
}

/// One high school in one round: the seats it offered, who filled them and the lowest admitted
/// candidate's scores (the 投档线 a school publishes).
public struct ZhongkaoSchoolRound: Sendable, Hashable {
    public var round: ZhongkaoRound
    /// Quota rounds: the sum over its quota lines; unified: its own seats plus the empty quota
    /// seats that moved to it.
    public var seats: Int
    public var admitted: Int
    /// Quota rounds: seats left empty that were added to the school's unified seats.
    public var movedToUnified: Int
    /// Index into the input's candidates of the last one admitted (in admission order), nil when nobody was.
    public var lowestAdmitted: Int?
}

/// 中考 admission: candidates ranked once (total, tie-break scores, lottery), then each round in
/// turn admits, in that order, every candidate not yet admitted who may take part to the first of
/// their choices of that round with a seat open to them (分数优先、遵循志愿、一次投档).
public enum ZhongkaoEngine {
    public static func admit(_ input: ZhongkaoInput, seed: LotterySeed) -> ZhongkaoOutcome {
        let candidates = input.candidates
        let lottery = Lottery.numbers(count: candidates.count, seed: seed) { candidates[$0].id }
        let order = admissionOrder(candidates, lottery: lottery)
        let schoolCount = input.highSchools.count

        var seatsLeft = input.poolSeats
        var route = candidates.map { $0.preAdmitted ? ZhongkaoOutcomeRoute.preAdmitted : .unadmitted }
        var school = [Int32](repeating: -1, count: candidates.count)
        var rank = [Int8](repeating: 0, count: candidates.count)
        var schoolRounds: [[ZhongkaoSchoolRound]] = []

        for rule in input.rules.rounds {
            var figures = (0..<schoolCount).map { _ in
                ZhongkaoSchoolRound(round: rule.round, seats: 0, admitted: 0, movedToUnified: 0, lowestAdmitted: nil)
            }
            // Seats offered: the quota lines of this round, or the unified pools as they stand now.
            if rule.round == .unified {
                for index in 0..<schoolCount { figures[index].seats = seatsLeft[index] }
            } else {
                for (index, quota) in input.quotas.enumerated() where quota.round == rule.round {
                    figures[Int(input.poolSchool[schoolCount + index])].seats += quota.seats
                }
            }
            for candidate in order where route[candidate] == .unadmitted && candidates[candidate].total >= rule.controlScore {
                for (position, pool) in input.choices(of: candidate, in: rule.round).enumerated() where seatsLeft[Int(pool)] > 0 {
                    seatsLeft[Int(pool)] -= 1
                    let target = Int(input.poolSchool[Int(pool)])
                    route[candidate] = ZhongkaoOutcomeRoute(rule.round)
                    school[candidate] = Int32(target)
                    rank[candidate] = Int8(position + 1)
                    figures[target].admitted += 1
                    figures[target].lowestAdmitted = candidate
                    break
                }
            }
            if rule.unfilledSeatsToUnified {
                for (index, quota) in input.quotas.enumerated() where quota.round == rule.round {
                    let pool = schoolCount + index
                    let target = Int(input.poolSchool[pool])
                    figures[target].movedToUnified += seatsLeft[pool]
                    seatsLeft[target] += seatsLeft[pool]
                    seatsLeft[pool] = 0
                }
            }
            schoolRounds.append(figures)
        }

        let admissions = candidates.indices.map { index in
            ZhongkaoAdmission(candidateID: candidates[index].id,
                              schoolID: school[index] < 0 ? nil : input.highSchools[Int(school[index])].id,
                              route: route[index], choiceRank: rank[index] == 0 ? nil : Int(rank[index]),
                              lottery: lottery[index])
        }
        return ZhongkaoOutcome(admissions: admissions, schoolRounds: schoolRounds, order: order)
    }

    /// Total descending, then each tie-break score descending, then the lottery number ascending,
    /// then (two equal 64-bit numbers, practically never) the id's UTF-8 bytes ascending.
    static func admissionOrder(_ candidates: [ZhongkaoCandidate], lottery: [UInt64]) -> [Int] {
        // Scores copied into flat arrays first: comparing through the candidates would retain and
        // release their arrays and strings at every one of the ~20 million comparisons of a province.
        let columns = candidates.first?.tieBreakScores.count ?? 0
        let totals = candidates.map(\.total)
        let tieBreaks = candidates.flatMap(\.tieBreakScores)
        return candidates.indices.sorted { a, b in
            if totals[a] != totals[b] { return totals[a] > totals[b] }
            for column in 0..<columns where tieBreaks[a * columns + column] != tieBreaks[b * columns + column] {
                return tieBreaks[a * columns + column] > tieBreaks[b * columns + column]
            }
            if lottery[a] != lottery[b] { return lottery[a] < lottery[b] }
            return candidates[a].id.utf8.lexicographicallyPrecedes(candidates[b].id.utf8)
        }
    }
}
