import Crypto
import Foundation

/// The file formats of `youjiao zhongkao` (docs/zhongkao.md): high-schools.csv, quotas.csv,
/// candidates.csv and rounds.csv in, results.csv out.
public enum ZhongkaoCSV {
    public static let highSchoolColumns = ["school_id", "name", "district", "kind", "unified_seats"]
    public static let quotaColumns = ["school_id", "round", "scope", "seats"]
    /// The tie-break columns named by the rules come on top of these, anywhere in the header.
    public static let candidateColumns = ["candidate_id", "district", "junior_school", "quota_school_eligible", "total",
                                          "pre_admitted", "quota_district_choices", "quota_school_choices", "unified_choices"]
    public static let roundColumns = ["round", "control_score", "unfilled_seats_to_unified"]
    public static let resultColumns = ["candidate_id", "school_id", "round", "choice_rank", "lottery"]
    /// A province's candidates in one file.
    public static let limits = CSVLimits(maxBytes: 2 << 30, maxRows: 10_000_000)

    /// Parses and validates every file; throws `InputErrors` naming file, row and field.
    public static func input(highSchools highSchoolTable: CSVTable, quotas quotaTable: CSVTable,
                             candidates candidateTable: CSVTable, rules: ZhongkaoRules,
                             roundsFile: String = "command line") throws -> ZhongkaoInput {
        var errors: [FieldError] = []
        let highSchools = collectingErrors(into: &errors) { try self.highSchools(from: highSchoolTable) }
        let quotas = collectingErrors(into: &errors) { try self.quotas(from: quotaTable) }
        let candidates = collectingErrors(into: &errors) {
            try self.candidates(from: candidateTable, tieBreakColumns: rules.tieBreakColumns)
        }
        // Type errors first: checking references against half-read files would only add noise.
        guard let highSchools, let quotas, let candidates, errors.isEmpty else { throw InputErrors(errors: errors) }
        return try ZhongkaoInput(
            highSchools: highSchools.values, quotas: quotas.values, candidates: candidates.values, rules: rules,
            origin: ZhongkaoOrigin(highSchoolsFile: highSchoolTable.fileName, quotasFile: quotaTable.fileName,
                                   candidatesFile: candidateTable.fileName, highSchoolRows: highSchools.rows,
                                   quotaRows: quotas.rows, candidateRows: candidates.rows, roundsFile: roundsFile))
    }

    public static func highSchools(from table: CSVTable) throws -> (values: [ZhongkaoHighSchool], rows: [Int]) {
        try table.requireColumns(highSchoolColumns)
        let (idColumn, nameColumn, districtColumn, kindColumn, seatsColumn) = try (
            table.column("school_id"), table.column("name"), table.column("district"), table.column("kind"), table.column("unified_seats"))
        return try parseRows(of: table) { row, errors in
            let id = capture(&errors) { try row.string(idColumn) }
            let district = capture(&errors) { try row.string(districtColumn) }
            let seats = capture(&errors) { try row.int(seatsColumn, in: ZhongkaoRules.seatRange) }
            guard let id, let district, let seats else { return nil }
            return ZhongkaoHighSchool(id: id, name: row.optionalString(nameColumn) ?? "", district: district,
                                      kind: row.optionalString(kindColumn) ?? "", unifiedSeats: seats)
        }
    }

    public static func quotas(from table: CSVTable) throws -> (values: [ZhongkaoQuota], rows: [Int]) {
        try table.requireColumns(quotaColumns)
        let (schoolColumn, roundColumn, scopeColumn, seatsColumn) = try (
            table.column("school_id"), table.column("round"), table.column("scope"), table.column("seats"))
        return try parseRows(of: table) { row, errors in
            let school = capture(&errors) { try row.string(schoolColumn) }
            let round = capture(&errors) { try row.value(roundColumn, as: ZhongkaoRound.self) }
            let scope = capture(&errors) { try row.string(scopeColumn) }
            let seats = capture(&errors) { try row.int(seatsColumn, in: ZhongkaoRules.seatRange) }
            guard let school, let round, let scope, let seats else { return nil }
            return ZhongkaoQuota(schoolID: school, round: round, scope: scope, seats: seats)
        }
    }

    /// `tieBreakSource` names where the tie-break columns were given, for an error in that list.
    public static func candidates(from table: CSVTable, tieBreakColumns: [String],
                                  tieBreakSource: String = "command line") throws -> (values: [ZhongkaoCandidate], rows: [Int]) {
        let problems = ZhongkaoRules.tieBreakProblems(tieBreakColumns, source: tieBreakSource)
        guard problems.isEmpty else { throw InputErrors(errors: problems) }
        try table.requireColumns(candidateColumns + tieBreakColumns)
        let (idColumn, districtColumn, juniorColumn, eligibleColumn, totalColumn, preAdmittedColumn) = try (
            table.column("candidate_id"), table.column("district"), table.column("junior_school"),
            table.column("quota_school_eligible"), table.column("total"), table.column("pre_admitted"))
        let scoreColumns = try tieBreakColumns.map(table.column)
        let choiceColumns = try ZhongkaoRound.allCases.map { try table.column($0.choicesColumn) }
        // A province has a million rows: they are typed on every core.
        return try parseRowsConcurrently(of: table) { row, errors in
            let id = capture(&errors) { try row.string(idColumn) }
            let district = capture(&errors) { try row.string(districtColumn) }
            let junior = capture(&errors) { try row.string(juniorColumn) }
            let eligible = capture(&errors) { try row.optionalBool(eligibleColumn) }
            let total = capture(&errors) { try row.int(totalColumn, in: ZhongkaoRules.scoreRange) }
            var tieBreaks: [Int] = []
            tieBreaks.reserveCapacity(scoreColumns.count)
            for column in scoreColumns {
                if let score = capture(&errors, { try row.int(column, in: ZhongkaoRules.scoreRange) }) { tieBreaks.append(score) }
            }
            let preAdmitted = capture(&errors) { try row.optionalBool(preAdmittedColumn) }
            let choices = choiceColumns.map { column in
                capture(&errors) { try self.choices(row, column) }
            }
            guard let id, let district, let junior, let eligible, let total, tieBreaks.count == scoreColumns.count,
                  let preAdmitted, let districtChoices = choices[0], let schoolChoices = choices[1],
                  let unifiedChoices = choices[2] else { return nil }
            return ZhongkaoCandidate(id: id, district: district, juniorSchool: junior, quotaSchoolEligible: eligible,
                                     total: total, tieBreakScores: tieBreaks, preAdmitted: preAdmitted,
                                     quotaDistrictChoices: districtChoices, quotaSchoolChoices: schoolChoices,
                                     unifiedChoices: unifiedChoices)
        }
    }

    /// rounds.csv: one row per round, in the order they run.
    public static func rounds(from table: CSVTable) throws -> [ZhongkaoRoundRule] {
        try table.requireColumns(["round"])
        return try parseRows(of: table) { row, errors in
            let round = capture(&errors) { try row.value("round", as: ZhongkaoRound.self) }
            let control = capture(&errors) { try row.optionalInt("control_score", in: ZhongkaoRules.scoreRange) ?? 0 }
            let moves = capture(&errors) { () throws -> Bool in
                guard row.optionalString("unfilled_seats_to_unified") != nil else { return round?.isQuota ?? true }
                let moves = try row.bool("unfilled_seats_to_unified")
                if moves && round == .unified {
                    throw row.error("unfilled_seats_to_unified", "the unified round has no quota seats to move; leave it empty")
                }
                return moves
            }
            guard let round, let control, let moves else { return nil }
            return ZhongkaoRoundRule(round: round, controlScore: control, unfilledSeatsToUnified: moves)
        }.values
    }

    /// A `;`-separated list of school ids, spaces around each trimmed; at most 15 are read
    /// (more is an error naming the count, without splitting a runaway cell further).
    static func choices(_ row: CSVRow, _ column: CSVTable.Column) throws -> [String] {
        // Scanned as bytes: a province's 15 million choices make the split of a String too slow.
        let semicolon = UInt8(ascii: ";"), space = UInt8(ascii: " ")
        return try row.withRaw(column) { bytes -> [String] in
            if bytes.isEmpty { return [] }
            var choices: [String] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != semicolon { end += 1 }
                var first = start, last = end
                while first < last && bytes[first] == space { first += 1 }
                while last > first && bytes[last - 1] == space { last -= 1 }
                if first == last { throw row.error(column.name, "an empty choice (';' twice in a row, or at an end)") }
                if choices.count == ZhongkaoRules.maxChoices {
                    let count = bytes.lazy.filter { $0 == semicolon }.count + 1
                    throw row.error(column.name, "\(count) choices; at most \(ZhongkaoRules.maxChoices)")
                }
                choices.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self))
                start = end + 1
            }
            return choices
        }
    }

    // MARK: - results.csv

    /// One row per candidate in input order, written straight into bytes on every core.
    public static func resultsDocument(_ admissions: [ZhongkaoAdmission]) -> Data {
        let comma = UInt8(ascii: ",")
        return CSVWriter.document(header: resultColumns, rows: admissions.count, bytesPerRow: 48) { index, bytes in
            let admission = admissions[index]
            CSVWriter.appendCell(admission.candidateID, to: &bytes)
            bytes.append(comma)
            if let school = admission.schoolID { CSVWriter.appendCell(school, to: &bytes) }
            bytes.append(comma)
            bytes += admission.route.rawValue.utf8
            bytes.append(comma)
            if let rank = admission.choiceRank { CSVWriter.appendDecimal(rank, to: &bytes) }
            bytes.append(comma)
            CSVWriter.appendHex(admission.lottery, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// The cells of one results.csv row, as written and as compared by `verify`.
    public static func resultCells(_ admission: ZhongkaoAdmission) -> [String] {
        [admission.candidateID, admission.schoolID ?? "", admission.route.rawValue,
         admission.choiceRank.map(String.init) ?? "", Lottery.hex(admission.lottery)]
    }

    /// How a results file differs from recomputed admissions, in file order (empty when it matches).
    public static func differences(results table: CSVTable, expected admissions: [ZhongkaoAdmission]) throws -> [String] {
        try ResultsComparison(subject: "candidate", inputFile: "candidates file", computation: "admission")
            .differences(results: table, columns: resultColumns, expected: admissions.map(resultCells))
    }

    // MARK: - Commitment

    /// The canonical candidate list published before the draw: the standard columns then the
    /// tie-break columns, one row per candidate sorted by id (UTF-8 bytes), yes/no, whole numbers,
    /// `;` between choices, LF line ends. Its SHA-256 is what `zhongkao commit` prints.
    public static func canonicalCandidateList(_ candidates: [ZhongkaoCandidate], tieBreakColumns: [String]) -> String {
        let sorted = candidates.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return CSVWriter.document(header: candidateColumns + tieBreakColumns, rows: sorted.map { candidate in
            [candidate.id, candidate.district, candidate.juniorSchool, candidate.quotaSchoolEligible ? "yes" : "no",
             String(candidate.total), candidate.preAdmitted ? "yes" : "no",
             candidate.quotaDistrictChoices.joined(separator: ";"), candidate.quotaSchoolChoices.joined(separator: ";"),
             candidate.unifiedChoices.joined(separator: ";")] + candidate.tieBreakScores.map(String.init)
        })
    }

    /// SHA-256 (lower-case hex) of the canonical list; throws `InputErrors` on unreadable rows or duplicate ids.
    public static func commitment(candidates table: CSVTable, tieBreakColumns: [String]) throws -> String {
        let (candidates, rows) = try self.candidates(from: table, tieBreakColumns: tieBreakColumns)
        var firstRow: [String: Int] = [:]
        var errors: [FieldError] = []
        for (candidate, row) in zip(candidates, rows) {
            if let first = firstRow.updateValue(row, forKey: candidate.id) {
                firstRow[candidate.id] = first
                errors.append(FieldError(file: table.fileName, row: row, field: "candidate_id",
                                         reason: "duplicate candidate id \(candidate.id) (first on row \(first))"))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors: errors) }
        let list = canonicalCandidateList(candidates, tieBreakColumns: tieBreakColumns)
        return Hex.lowercase(SHA256.hash(data: Array(list.utf8)))
    }
}
