import Foundation

/// Where each record came from, so that a validation error names file, row and field.
public struct ZhongkaoOrigin: Sendable {
    public var highSchoolsFile: String
    public var quotasFile: String
    public var candidatesFile: String
    /// Spreadsheet row of each record (the header is row 1).
    public var highSchoolRows: [Int]
    public var quotaRows: [Int]
    public var candidateRows: [Int]
    /// Where the rounds were read (rounds.csv, whose rows follow the rules' order) and where the
    /// tie-break columns were given (the command line's --tie-break, a campaign's settings).
    public var roundsFile: String
    public var tieBreakSource: String

    public init(highSchoolsFile: String, quotasFile: String, candidatesFile: String,
                highSchoolRows: [Int], quotaRows: [Int], candidateRows: [Int],
                roundsFile: String = "rounds.csv", tieBreakSource: String = "command line") {
        self.highSchoolsFile = highSchoolsFile; self.quotasFile = quotasFile; self.candidatesFile = candidatesFile
        self.highSchoolRows = highSchoolRows; self.quotaRows = quotaRows; self.candidateRows = candidateRows
        self.roundsFile = roundsFile; self.tieBreakSource = tieBreakSource
    }

    /// Arrays built in code (a campaign in the database): rows numbered as if written to CSV under a header.
    public static func arrays(highSchools: Int, quotas: Int, candidates: Int) -> ZhongkaoOrigin {
        ZhongkaoOrigin(highSchoolsFile: "high-schools.csv", quotasFile: "quotas.csv", candidatesFile: "candidates.csv",
                       highSchoolRows: Array(2..<(highSchools + 2)), quotaRows: Array(2..<(quotas + 2)),
                       candidateRows: Array(2..<(candidates + 2)))
    }
}

/// High schools, quotas and candidates checked against every rule, with the seat pools and the
/// choices resolved to them. Only a valid input can be admitted, so the engine never fails.
public struct ZhongkaoInput: Sendable {
    public let highSchools: [ZhongkaoHighSchool]
    public let quotas: [ZhongkaoQuota]
    public let candidates: [ZhongkaoCandidate]
    public let rules: ZhongkaoRules

    /// Seat pools: pool `s` for s < highSchools.count is school s's unified seats, then one pool per quota line.
    let poolSeats: [Int]
    let poolSchool: [Int32]
    /// Per round (indexed like `ZhongkaoRound.allCases`): each candidate's choices as pools, flat,
    /// candidate c's from `choiceStart[round][c]` to `choiceStart[round][c + 1]`.
    let choicePools: [[Int32]]
    let choiceStart: [[Int32]]

    /// Throws `InputErrors` listing every problem found.
    public init(highSchools: [ZhongkaoHighSchool], quotas: [ZhongkaoQuota], candidates: [ZhongkaoCandidate],
                rules: ZhongkaoRules, origin: ZhongkaoOrigin? = nil) throws {
        let origin = origin ?? .arrays(highSchools: highSchools.count, quotas: quotas.count, candidates: candidates.count)
        var errors = rules.problems(origin: origin)
        func schoolError(_ index: Int, _ field: String, _ reason: String) {
            errors.append(FieldError(file: origin.highSchoolsFile, row: origin.highSchoolRows[index], field: field, reason: reason))
        }
        func quotaError(_ index: Int, _ field: String, _ reason: String) {
            errors.append(FieldError(file: origin.quotasFile, row: origin.quotaRows[index], field: field, reason: reason))
        }
        func candidateError(_ index: Int, _ field: String, _ reason: String) {
            errors.append(FieldError(file: origin.candidatesFile, row: origin.candidateRows[index], field: field, reason: reason))
        }
        let seatText = "\(ZhongkaoRules.seatRange.lowerBound)…\(ZhongkaoRules.seatRange.upperBound)"

        // Numbered once (`StringIndex`): a province's candidates name schools ten million times.
        var schoolIndex = StringIndex(capacity: highSchools.count)
        for (index, school) in highSchools.enumerated() {
            if school.id.isEmpty {
                schoolError(index, "school_id", "required, but empty")
            } else {
                let (inserted, first) = schoolIndex.insert(school.id)
                if !inserted {
                    schoolError(index, "school_id", "duplicate school id \(school.id) (first on row \(origin.highSchoolRows[first]))")
                }
            }
            if school.district.isEmpty { schoolError(index, "district", "required, but empty") }
            if !ZhongkaoRules.seatRange.contains(school.unifiedSeats) {
                schoolError(index, "unified_seats", "\(school.unifiedSeats) is outside \(seatText)")
            }
        }

        // Scopes candidates belong to, so that a quota for a district or junior school nobody
        // comes from (a typing error) is caught.
        var districts = StringIndex()
        var juniorSchools = StringIndex()
        for candidate in candidates {
            districts.insert(candidate.district)
            juniorSchools.insert(candidate.juniorSchool)
        }

        struct QuotaKey: Hashable { var school: Int; var round: ZhongkaoRound; var scope: String }
        var poolSeats = highSchools.map(\.unifiedSeats)
        var poolSchool = highSchools.indices.map { Int32($0) }
        var quotaPool: [QuotaKey: Int] = [:]
        var quotaRow: [QuotaKey: Int] = [:]
        for (index, quota) in quotas.enumerated() {
            var valid = true
            if !quota.round.isQuota {
                quotaError(index, "round", "unified seats are the unified_seats of \(origin.highSchoolsFile), not a quota")
                valid = false
            } else if rules.rule(for: quota.round) == nil {
                quotaError(index, "round", "the rules run no \(quota.round.rawValue) round")
                valid = false
            }
            if !ZhongkaoRules.seatRange.contains(quota.seats) {
                quotaError(index, "seats", "\(quota.seats) is outside \(seatText)")
                valid = false
            }
            if quota.scope.isEmpty {
                quotaError(index, "scope", "required, but empty")
                valid = false
            } else if quota.round == .quotaDistrict && districts.index(of: quota.scope) == nil {
                quotaError(index, "scope", "no candidate of district \(quota.scope) in \(origin.candidatesFile)")
                valid = false
            } else if quota.round == .quotaSchool && juniorSchools.index(of: quota.scope) == nil {
                quotaError(index, "scope", "no candidate of junior school \(quota.scope) in \(origin.candidatesFile)")
                valid = false
            }
            guard let school = schoolIndex.index(of: quota.schoolID) else {
                quotaError(index, "school_id", "unknown school \(quota.schoolID) (not in \(origin.highSchoolsFile))")
                continue
            }
            guard valid else { continue }
            let key = QuotaKey(school: school, round: quota.round, scope: quota.scope)
            if let first = quotaRow[key] {
                quotaError(index, "scope", "school \(quota.schoolID) already has \(quota.round.rawValue) seats for "
                           + "\(quota.scope) (row \(origin.quotaRows[first]))")
                continue
            }
            quotaRow[key] = index
            quotaPool[key] = poolSeats.count
            poolSeats.append(quota.seats)
            poolSchool.append(Int32(school))
        }

        let duplicateOf = StringIndex.duplicates(count: candidates.count) { candidates[$0].id }
        for (index, first) in duplicateOf.sorted(by: { $0.key < $1.key }) where !candidates[index].id.isEmpty {
            candidateError(index, "candidate_id",
                           "duplicate candidate id \(candidates[index].id) (first on row \(origin.candidateRows[first]))")
        }
        // The rest of each candidate's checks, and their choices resolved to seat pools, on every core.
        let chunks = candidates.indices.concurrentChunks { [schoolIndex, quotaPool] range in
            var chunk = CheckedChunk()
            for index in range {
                Self.check(candidates[index], rules: rules, origin: origin, row: origin.candidateRows[index], into: &chunk) { choice, round, scope in
                    guard let school = schoolIndex.index(of: choice) else { return nil }
                    return round == .unified ? school : quotaPool[QuotaKey(school: school, round: round, scope: scope)] ?? -1
                }
            }
            return chunk
        }
        var choicePools = [[Int32]](repeating: [], count: ZhongkaoRound.allCases.count)
        var choiceStart = [[Int32]](repeating: [0], count: ZhongkaoRound.allCases.count)
        for round in 0..<ZhongkaoRound.allCases.count {
            choicePools[round].reserveCapacity(chunks.reduce(0) { $0 + $1.pools[round].count })
            choiceStart[round].reserveCapacity(candidates.count + 1)
        }
        for chunk in chunks {
            errors += chunk.errors
            for round in 0..<ZhongkaoRound.allCases.count {
                let offset = Int32(choicePools[round].count)
                choicePools[round] += chunk.pools[round]
                choiceStart[round] += chunk.ends[round].lazy.map { $0 + offset }
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors: errors) }
        self.highSchools = highSchools
        self.quotas = quotas
        self.candidates = candidates
        self.rules = rules
        self.poolSeats = poolSeats
        self.poolSchool = poolSchool
        self.choicePools = choicePools
        self.choiceStart = choiceStart
    }

    /// The checks of consecutive candidates: their errors, and per round their choices as pools in
    /// one flat array, with the end of each candidate's choices in it.
    struct CheckedChunk: Sendable {
        var errors: [FieldError] = []
        var pools = [[Int32]](repeating: [], count: ZhongkaoRound.allCases.count)
        var ends = [[Int32]](repeating: [], count: ZhongkaoRound.allCases.count)
    }

    /// Made once, not once per candidate (a million of them).
    private static let scoreText = "\(ZhongkaoRules.scoreRange.lowerBound)…\(ZhongkaoRules.scoreRange.upperBound)"

    /// `pool(choice, round, scope)`: the pool of a named school in a round for the candidate's scope,
    /// nil for an unknown school, -1 for a school without quota seats for that scope.
    private static func check(_ candidate: ZhongkaoCandidate, rules: ZhongkaoRules, origin: ZhongkaoOrigin, row: Int,
                              into result: inout CheckedChunk, pool: (String, ZhongkaoRound, String) -> Int?) {
        defer {
            for round in 0..<ZhongkaoRound.allCases.count { result.ends[round].append(Int32(result.pools[round].count)) }
        }
        func candidateError(_ field: String, _ reason: String) {
            result.errors.append(FieldError(file: origin.candidatesFile, row: row, field: field, reason: reason))
        }
        if candidate.id.isEmpty { candidateError("candidate_id", "required, but empty") }
        if candidate.district.isEmpty { candidateError("district", "required, but empty") }
        if candidate.juniorSchool.isEmpty { candidateError("junior_school", "required, but empty") }
        if !ZhongkaoRules.scoreRange.contains(candidate.total) {
            candidateError("total", "\(candidate.total) is outside \(Self.scoreText)")
        }
        let tieBreakCount = rules.tieBreakColumns.count
        if candidate.tieBreakScores.count != tieBreakCount {
            candidateError(rules.tieBreakColumns.first ?? "tie-break",
                           "\(candidate.tieBreakScores.count) tie-break scores where the rules name \(tieBreakCount)")
        } else {
            for (column, score) in zip(rules.tieBreakColumns, candidate.tieBreakScores) where !ZhongkaoRules.scoreRange.contains(score) {
                candidateError(column, "\(score) is outside \(Self.scoreText)")
            }
        }
        for (roundIndex, round) in ZhongkaoRound.allCases.enumerated() {
            let choices = candidate.choices(in: round)
            guard !choices.isEmpty else { continue }
            let field = round.choicesColumn
            if rules.rule(for: round) == nil {
                candidateError(field, "the rules run no \(round.rawValue) round; leave it empty")
                continue
            }
            if choices.count > ZhongkaoRules.maxChoices {
                candidateError(field, "\(choices.count) choices; at most \(ZhongkaoRules.maxChoices)")
                continue
            }
            if round == .quotaSchool && !candidate.quotaSchoolEligible {
                candidateError(field, "the candidate is not quota_school_eligible; leave it empty")
                continue
            }
            let scope = candidate.scope(in: round)
            for (position, choice) in choices.enumerated() {
                guard let found = pool(choice, round, scope) else {
                    candidateError(field, "unknown school \(choice) (not in \(origin.highSchoolsFile))")
                    continue
                }
                if choices[..<position].contains(choice) {
                    candidateError(field, "\(choice) is named twice")
                } else if found < 0 {
                    let whose = round == .quotaDistrict ? "district" : "junior school"
                    candidateError(field, "\(choice) has no \(round.rawValue) seats for \(whose) \(scope) in \(origin.quotasFile)")
                } else {
                    result.pools[roundIndex].append(Int32(found))
                }
            }
        }
    }

    /// The pools of a candidate's choices in a round, in order of preference.
    func choices(of candidate: Int, in round: ZhongkaoRound) -> ArraySlice<Int32> {
        let roundIndex = round.index
        return choicePools[roundIndex][Int(choiceStart[roundIndex][candidate])..<Int(choiceStart[roundIndex][candidate + 1])]
    }
}

extension ZhongkaoRound {
    /// Position in `allCases`, for per-round arrays.
    var index: Int {
        switch self {
        case .quotaDistrict: 0
        case .quotaSchool: 1
        case .unified: 2
        }
    }
}
