import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Which aid records a query returns: all (city), one district's, or one school's.
public struct AidScopeFilter: Sendable, Equatable {
    public var districtCode: String?
    public var schoolID: String?
    public init(districtCode: String? = nil, schoolID: String? = nil) { self.districtCode = districtCode; self.schoolID = schoolID }

    /// The records a staff scope may see (`AccessScope.canSeeAidRecord` says the same per record).
    public init(scope: AccessScope) {
        switch scope.role {
        case .cityAdmin: self.init()
        case .districtAdmin: self.init(districtCode: scope.districtCode ?? "-")
        case .schoolAdmin: self.init(schoolID: scope.schoolID ?? "-")
        case .teacher, .guardian: self.init(districtCode: "-", schoolID: "-")
        }
    }

    /// ` AND …` conditions on a table alias holding `district_code` and `school_id`.
    func conditions(_ alias: String) -> SQLQueryString {
        var out: SQLQueryString = ""
        if let districtCode { out.appendLiteral(" AND \(alias).district_code = "); out.appendInterpolation(bind: districtCode) }
        if let schoolID { out.appendLiteral(" AND \(alias).school_id = "); out.appendInterpolation(bind: schoolID) }
        return out
    }
}

/// A refused aid action, with the reason in both languages.
public struct AidRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var zh: String
    public var en: String
    public init(_ zh: String, _ en: String) { self.zh = zh; self.en = en }
    public var description: String { en }
}

/// What an import did to a list.
public struct AidListImport: Sendable, Equatable {
    public var added = 0, changed = 0, unchanged = 0, removed = 0
    public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0, removed: Int = 0) {
        self.added = added; self.changed = changed; self.unchanged = unchanged; self.removed = removed
    }
}

/// One match run: what it found and how long each side took.
public struct AidMatchRun: Sendable {
    public var year: Int
    public var entries: Int
    public var tally: AidMatchTally
    public var grantsCreated: Int
    public var yuanCreated: Int
    public var reviewsCreated: Int
    public var reviewsCleared: Int
    /// Reading entries joined to the registry, existing grants and queue (SQL).
    public var readSeconds: Double
    /// `AidMatcher.match` (Core, no database).
    public var matchSeconds: Double
    /// Writing grants, queue items and the log, and committing (SQL).
    public var writeSeconds: Double
}

public enum AidResolution: String, Sendable, CaseIterable {
    /// The reviewer confirmed the child: the grants are made.
    case grant
    /// No aid is due; a note says why.
    case dismiss
    /// The entry names a guardian: the grants go to the guardian's child at school chosen by the reviewer.
    case grantToChild = "grant-to-child"
}

public enum AidTotalsGrouping: String, Sendable, CaseIterable { case district, school, policy }

/// Aid policies, lists, grants, the review queue and the log. Every multi-row write is one transaction.
public struct AidStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    // MARK: Policies

    /// Creates or replaces policies by id (amounts replaced whole).
    public func save(policies: [AidPolicy], actor: String) async throws {
        try await transaction { tx in
            try await tx.sql.insertBatched(into: "aid_policies", policies.map(AidPolicyRecord.init), upsertOn: ["id"])
            for policy in policies {
                try await tx.sql.raw("DELETE FROM aid_policy_amounts WHERE policy_id = \(bind: policy.id)").run()
            }
            try await tx.sql.insertBatched(into: "aid_policy_amounts", policies.flatMap { policy in
                policy.yuanPerYear.map { AidPolicyAmountRecord(policyId: policy.id, stage: $0.key.rawValue, yuan: $0.value) }
            })
            try await tx.log([AidEventRecord(kind: "policies", actor: actor, detail: policies.map(\.id).joined(separator: ", "), at: AidClock.stamp())])
        }
    }

    public func policies() async throws -> [AidPolicy] {
        let records = try await sql.all("SELECT * FROM aid_policies ORDER BY id", as: AidPolicyRecord.self)
        let amounts = try await sql.all("SELECT * FROM aid_policy_amounts", as: AidPolicyAmountRecord.self)
        let byPolicy = Dictionary(grouping: amounts, by: \.policyId)
        return records.map { record in
            var yuan: [Stage: Int] = [:]
            for amount in byPolicy[record.id] ?? [] { if let stage = Stage(rawValue: amount.stage) { yuan[stage] = amount.yuan } }
            return AidPolicy(id: record.id, name: record.name, nameEN: record.nameEn,
                             lists: record.lists.split(separator: ";").compactMap { EligibilityList(rawValue: String($0)) },
                             yuanPerYear: yuan, firstYear: record.firstYear, lastYear: record.lastYear)
        }
    }

    // MARK: Eligibility lists

    /// Makes `entries` the whole current content of `list` (an agency sends its full list each
    /// time): new children are added, changed ones updated, and children no longer on it are
    /// removed, which stops their future grants; every removal and change is logged, and open
    /// review items of removed entries are withdrawn. One transaction.
    public func replaceList(_ list: EligibilityList, with entries: [EligibilityEntry], sourceFile: String,
                            actor: String) async throws -> AidListImport {
        try await transaction { tx in
            let at = AidClock.stamp()
            let current = try await tx.sql.all("""
                SELECT * FROM eligibility_entries WHERE list = \(bind: list.rawValue) AND removed_at IS NULL
                """, as: EligibilityEntryRecord.self)
            var remaining = Dictionary(uniqueKeysWithValues: current.map { ($0.nationalId, $0) })
            var summary = AidListImport()
            var inserts: [EligibilityEntryRecord] = [], events: [AidEventRecord] = []
            for entry in entries {
                guard let old = remaining.removeValue(forKey: entry.nationalID) else {
                    inserts.append(try EligibilityEntryRecord(entry, sourceFile: sourceFile, at: at))
                    continue
                }
                if old.entry?.hasSameData(as: entry) == true { summary.unchanged += 1; continue }
                summary.changed += 1
                try await tx.sql.raw("""
                    UPDATE eligibility_entries SET name = \(bind: entry.name), valid_from = \(bind: entry.validFrom),
                    valid_to = \(bind: entry.validTo), source_file = \(bind: sourceFile), source_row = \(bind: entry.sourceRow),
                    updated_at = \(bind: at) WHERE id = \(bind: old.id)
                    """).run()
                events.append(AidEventRecord(kind: "entry-changed", actor: actor, list: list.rawValue, entryId: old.id,
                                             detail: "\(old.name) \(old.validFrom)…\(old.validTo ?? "") → \(entry.name) \(entry.validFrom)…\(entry.validTo ?? "")",
                                             at: at))
            }
            try await tx.sql.insertBatched(into: "eligibility_entries", inserts)
            summary.added = inserts.count

            let removed = remaining.values.sorted { $0.nationalId < $1.nationalId }
            summary.removed = removed.count
            let students = try await RegistryStore(tx.database).ids(table: "students", nationalIDs: removed.map(\.nationalId))
            for batch in removed.map(\.id).chunks(of: 400) {
                var removal: SQLQueryString = "UPDATE eligibility_entries SET removed_at = \(bind: at) WHERE id IN ("
                removal.appendList(batch)
                removal.appendLiteral(")")
                try await tx.sql.raw(removal).run()
                var withdrawal: SQLQueryString = """
                    UPDATE aid_review_queue SET status = \(bind: AidReviewStatus.withdrawn.rawValue), resolved_at = \(bind: at),
                    resolved_by = \(bind: actor), note = \(bind: "removed from the list by \(sourceFile)")
                    WHERE status = \(bind: AidReviewStatus.open.rawValue) AND entry_id IN (
                    """
                withdrawal.appendList(batch)
                withdrawal.appendLiteral(")")
                try await tx.sql.raw(withdrawal).run()
            }
            events += removed.map {
                AidEventRecord(kind: "removed", actor: actor, list: list.rawValue, entryId: $0.id, studentId: students[$0.nationalId],
                               detail: "\($0.name): no longer on the list in \(sourceFile); no further grants", at: at)
            }
            events.append(AidEventRecord(kind: "import", actor: actor, list: list.rawValue,
                                         detail: "\(sourceFile): \(entries.count) rows; added \(summary.added), changed \(summary.changed), unchanged \(summary.unchanged), removed \(summary.removed)",
                                         at: at))
            try await tx.log(events)
            return summary
        }
    }

    /// Current entries joined to the registry pupil with the same ID number (one entry with `entryID`).
    func candidates(entryID: String? = nil) async throws -> [AidCandidate] {
        struct Row: Decodable {
            var entryId: String, list: String
            @Sealed var nationalId: String
            var entryName: String, validFrom: String
            var validTo: String?, sourceRow: Int
            var studentId: String?, studentName: String?, schoolId: String?, grade: String?
            var schoolStages: String?, schoolDistrict: String?, zoneDistrict: String?
        }
        var query: SQLQueryString = """
            SELECT e.id AS "entryId", e.list AS "list", e.national_id AS "nationalId", e.name AS "entryName",
                   e.valid_from AS "validFrom", e.valid_to AS "validTo", e.source_row AS "sourceRow",
                   s.id AS "studentId", s.name AS "studentName", s.school_id AS "schoolId", s.grade AS "grade",
                   sc.stages AS "schoolStages", sc.district_code AS "schoolDistrict", z.district_code AS "zoneDistrict"
            FROM eligibility_entries e
            LEFT JOIN students s ON s.national_id_index = e.national_id_index
            LEFT JOIN schools sc ON sc.id = s.school_id
            LEFT JOIN zones z ON z.id = s.zone_id
            WHERE e.removed_at IS NULL
            """
        if let entryID { query.appendLiteral(" AND e.id = "); query.appendInterpolation(bind: entryID) }
        return try await sql.allAsNamed(query, as: Row.self).compactMap { row in
            guard let list = EligibilityList(rawValue: row.list) else { return nil }
            let entry = EligibilityEntry(nationalID: row.nationalId, name: row.entryName, list: list, validFrom: row.validFrom,
                                         validTo: row.validTo, sourceRow: row.sourceRow)
            let pupil = row.studentId.map { studentID in
                let stages = row.schoolStages?.split(separator: ";").compactMap { Stage(rawValue: String($0)) } ?? []
                return AidPupil(studentID: studentID, name: row.studentName ?? "", schoolID: row.schoolId,
                                stage: row.schoolId == nil ? nil : AidPupil.stage(grade: row.grade.flatMap(Grade.init(rawValue:)), schoolStages: stages),
                                districtCode: row.schoolDistrict ?? row.zoneDistrict)
            }
            return AidCandidate(entryID: row.entryId, entry: entry, pupil: pupil)
        }
    }

    // MARK: Matching

    /// Grants for school year `year` from every current entry (`AidMatcher`), idempotent: a rerun
    /// adds only what changed since. Reads and writes in one transaction.
    public func match(year: Int, actor: String) async throws -> AidMatchRun {
        try await transaction { tx in
            let clock = ContinuousClock()
            let started = clock.now
            let candidates = try await tx.candidates()
            let policies = try await tx.policies()
            let existing = try await tx.grantKeys(year: year)
            struct QueueRow: Decodable { var entryId: String; var status: String }
            let queue = try await tx.sql.allAsNamed("""
                SELECT entry_id AS "entryId", status AS "status" FROM aid_review_queue WHERE year = \(bind: year)
                """, as: QueueRow.self)
            let read = clock.now

            let result = AidMatcher.match(candidates, policies: policies, year: year, existingGrants: existing,
                                          queuedEntryIDs: Set(queue.map(\.entryId)))
            let matched = clock.now

            let at = AidClock.stamp()
            try await tx.sql.insertBatched(into: "aid_grants", result.grants.map { AidGrantRecord($0, at: at) })
            try await tx.sql.insertBatched(into: "aid_review_queue", result.reviews.map { AidReviewRecord($0, at: at) })
            let open = Set(queue.filter { $0.status == AidReviewStatus.open.rawValue }.map(\.entryId))
            let cleared = result.passedEntryIDs.filter(open.contains)
            for batch in cleared.chunks(of: 400) {
                var update: SQLQueryString = """
                    UPDATE aid_review_queue SET status = \(bind: AidReviewStatus.cleared.rawValue), resolved_at = \(bind: at),
                    resolved_by = \(bind: actor), note = \(bind: "passed the match of \(at)")
                    WHERE year = \(bind: year) AND status = \(bind: AidReviewStatus.open.rawValue) AND entry_id IN (
                    """
                update.appendList(batch)
                update.appendLiteral(")")
                try await tx.sql.raw(update).run()
            }
            let yuan = result.grants.reduce(0) { $0 + $1.yuan }
            let reasons = AidReviewReason.allCases.map { "\($0.rawValue) \(result.tally.review[$0] ?? 0)" }.joined(separator: ", ")
            try await tx.log([AidEventRecord(kind: "match", actor: actor, year: year, detail: """
                \(candidates.count) entries: \(result.grants.count) grants made (\(yuan) yuan) for \(result.tally.granted) entries, \
                \(result.tally.alreadyGranted) already granted, \(result.tally.coveredByOtherList) covered by another list, \
                \(result.tally.notValidThisYear) not valid this year; review: \(reasons); \(result.reviews.count) new review items, \(cleared.count) cleared
                """, at: at)])
            let written = clock.now
            return AidMatchRun(year: year, entries: candidates.count, tally: result.tally, grantsCreated: result.grants.count,
                               yuanCreated: yuan, reviewsCreated: result.reviews.count, reviewsCleared: cleared.count,
                               readSeconds: (read - started).inSeconds, matchSeconds: (matched - read).inSeconds,
                               writeSeconds: (written - matched).inSeconds)
        }
    }

    func grantKeys(year: Int, studentID: String? = nil) async throws -> Set<AidMatcher.GrantKey> {
        struct Row: Decodable { var studentId: String; var policyId: String }
        var query: SQLQueryString = "SELECT student_id AS \"studentId\", policy_id AS \"policyId\" FROM aid_grants WHERE year = \(bind: year)"
        if let studentID { query.appendLiteral(" AND student_id = "); query.appendInterpolation(bind: studentID) }
        return Set(try await sql.allAsNamed(query, as: Row.self).map { AidMatcher.GrantKey(studentID: $0.studentId, policyID: $0.policyId) })
    }

    // MARK: Review queue

    static let reviewSelect: SQLQueryString = """
        SELECT q.id, q.entry_id, q.year, q.reason, q.detail, q.status, q.note, q.resolved_by, q.resolved_at,
               e.list, e.name AS entry_name, e.national_id, q.student_id, s.name AS student_name,
               q.school_id, sc.name AS school_name, q.district_code
        FROM aid_review_queue q
        JOIN eligibility_entries e ON e.id = q.entry_id
        LEFT JOIN students s ON s.id = q.student_id
        LEFT JOIN schools sc ON sc.id = q.school_id
        """

    /// The queue of a school year within `filter`; `status` nil: every status.
    public func reviewItems(year: Int, filter: AidScopeFilter, status: AidReviewStatus?, page: PageQuery) async throws -> Page<AidReviewRow> {
        var conditions: SQLQueryString = "q.year = \(bind: year)"
        conditions.appendInterpolation(filter.conditions("q"))
        if let status { conditions.appendLiteral(" AND q.status = "); conditions.appendInterpolation(bind: status.rawValue) }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM aid_review_queue q WHERE \(conditions)").first(decoding: CountRow.self)?.n ?? 0
        var query = Self.reviewSelect
        query.appendLiteral(" WHERE ")
        query.appendInterpolation(conditions)
        query.appendLiteral(" ORDER BY q.reason, q.district_code, q.school_id, e.name, q.id LIMIT ")
        query.appendInterpolation(literal: page.perPage)
        query.appendLiteral(" OFFSET ")
        query.appendInterpolation(literal: page.offset)
        return Page(items: try await sql.all(query, as: AidReviewRow.self), total: total, request: page)
    }

    public func reviewItem(id: String) async throws -> AidReviewRow? {
        var query = Self.reviewSelect
        query.appendLiteral(" WHERE q.id = ")
        query.appendInterpolation(bind: id)
        return try await sql.all(query, as: AidReviewRow.self).first
    }

    /// The children at school of the registered guardian whose ID number an entry carries (for an
    /// entry listed under a parent's number).
    public func childrenAtSchool(ofGuardianNationalID nationalID: String) async throws -> [(studentID: String, name: String)] {
        struct Row: Decodable { var id: String; var name: String }
        return try await sql.all("""
            SELECT s.id, s.name FROM guardians g JOIN guardian_children gc ON gc.guardian_id = g.id JOIN students s ON s.id = gc.student_id
            WHERE g.national_id_index = \(bind: try FieldProtection.blindIndex(nationalID)) AND s.school_id IS NOT NULL ORDER BY s.name, s.id
            """, as: Row.self).map { ($0.id, $0.name) }
    }

    /// A pupil as the matcher sees them (school, stage, district).
    func pupil(studentID: String) async throws -> AidPupil? {
        struct Row: Decodable { var id: String; var name: String; var schoolId: String?; var grade: String?; var stages: String?; var districtCode: String? }
        guard let row = try await sql.all("""
            SELECT s.id, s.name, s.school_id, s.grade, sc.stages, sc.district_code FROM students s
            LEFT JOIN schools sc ON sc.id = s.school_id WHERE s.id = \(bind: studentID)
            """, as: Row.self).first else { return nil }
        let stages = row.stages?.split(separator: ";").compactMap { Stage(rawValue: String($0)) } ?? []
        return AidPupil(studentID: row.id, name: row.name, schoolID: row.schoolId,
                        stage: row.schoolId == nil ? nil : AidPupil.stage(grade: row.grade.flatMap(Grade.init(rawValue:)), schoolStages: stages),
                        districtCode: row.districtCode)
    }

    /// A reviewer's decision on an open item: `grant` (only for a name that differs: the reviewer
    /// confirms the child, every other check still applies) or `dismiss` (a note says why).
    /// `childID`: with `.grantToChild`, the guardian's child who receives the grants.
    /// - Returns: the grants made.
    @discardableResult
    public func resolve(reviewID: String, as resolution: AidResolution, note: String, actor: String, childID: String? = nil) async throws -> Int {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await transaction { tx in
            guard let item = try await tx.reviewItem(id: reviewID) else {
                throw AidRefusal("没有这条待审核记录。", "No such review item.")
            }
            guard item.statusValue == .open else {
                throw AidRefusal("这条记录已处理（\(item.status)）。", "This item was already decided (\(item.status)).")
            }
            var grants: [AidGrant] = []
            switch resolution {
            case .dismiss:
                guard !note.isEmpty else { throw AidRefusal("请填写不予资助的理由。", "Give the reason in the note.") }
            case .grant:
                guard item.reasonValue == .nameMismatch else {
                    throw AidRefusal("只有“姓名与学籍不符”的记录可以确认后资助；其他问题请先更正名单或学籍。",
                                     "Only a name that differs can be confirmed; correct the list or the registry for other problems.")
                }
                guard let candidate = try await tx.candidates(entryID: item.entryId).first, let studentID = candidate.pupil?.studentID else {
                    throw AidRefusal("名单记录已不在当前名单中。", "The entry is no longer on the current list.")
                }
                do {
                    grants = try AidMatcher.confirm(candidate, policies: try await tx.policies(), year: item.year,
                                                    existingGrants: try await tx.grantKeys(year: item.year, studentID: studentID))
                } catch let problem as AidMatcher.AidProblem {
                    throw AidRefusal("无法资助：\(problem.reason.labelZH)。", "Cannot grant: \(problem.reason.labelEN).")
                }
            case .grantToChild:
                guard item.reasonValue == .adultID, let childID,
                      try await tx.childrenAtSchool(ofGuardianNationalID: item.nationalId).contains(where: { $0.studentID == childID }),
                      let child = try await tx.pupil(studentID: childID) else {
                    throw AidRefusal("只能资助名单上这位监护人在读的孩子。", "Only a child at school of the guardian on the list can be granted.")
                }
                guard let candidate = try await tx.candidates(entryID: item.entryId).first else {
                    throw AidRefusal("名单记录已不在当前名单中。", "The entry is no longer on the current list.")
                }
                do {
                    grants = try AidMatcher.confirm(candidate, forChild: child, policies: try await tx.policies(), year: item.year,
                                                    existingGrants: try await tx.grantKeys(year: item.year, studentID: childID))
                } catch let problem as AidMatcher.AidProblem {
                    throw AidRefusal("无法资助：\(problem.reason.labelZH)。", "Cannot grant: \(problem.reason.labelEN).")
                }
            }
            let at = AidClock.stamp()
            try await tx.sql.insertBatched(into: "aid_grants", grants.map { AidGrantRecord($0, at: at) })
            let status: AidReviewStatus = resolution == .dismiss ? .dismissed : .granted
            try await tx.sql.raw("""
                UPDATE aid_review_queue SET status = \(bind: status.rawValue), note = \(bind: note), resolved_by = \(bind: actor),
                resolved_at = \(bind: at) WHERE id = \(bind: reviewID)
                """).run()
            try await tx.log([AidEventRecord(kind: "review-\(resolution.rawValue)", actor: actor, year: item.year, list: item.list,
                                             entryId: item.entryId, studentId: item.studentId ?? childID,
                                             detail: "\(item.reason): \(grants.count) grants; \(note)", at: at)])
            return grants.count
        }
    }

    // MARK: Grants

    /// Pupils and yuan per district, school or policy in a school year, within `filter`.
    /// Kept per data version: the city's overview sums every grant of the year (about 50,000 at city
    /// scale) twice per view.
    public func totals(year: Int, by grouping: AidTotalsGrouping, filter: AidScopeFilter) async throws -> [AidTotal] {
        try await ComputedFigures.shared.value("aid.totals.\(year).\(grouping).\(String(describing: filter.districtCode)).\(String(describing: filter.schoolID))",
                                               reading: [.aid, .registry], on: database) {
            try await AidStore($0).countTotals(year: year, by: grouping, filter: filter)
        }
    }

    private func countTotals(year: Int, by grouping: AidTotalsGrouping, filter: AidScopeFilter) async throws -> [AidTotal] {
        let (key, name, join): (String, String, String)
        switch grouping {
        case .district: (key, name, join) = ("g.district_code", "d.name", "JOIN districts d ON d.code = g.district_code")
        case .school: (key, name, join) = ("g.school_id", "sc.name", "JOIN schools sc ON sc.id = g.school_id")
        case .policy: (key, name, join) = ("g.policy_id", "p.name", "JOIN aid_policies p ON p.id = g.policy_id")
        }
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: key) AS "key", \(unsafeRaw: name) AS "name", COUNT(DISTINCT g.student_id) AS pupils, COUNT(*) AS grants,
                   CAST(COALESCE(SUM(CASE WHEN g.declined THEN 0 ELSE g.yuan END), 0) AS BIGINT) AS yuan,
                   CAST(COALESCE(SUM(CASE WHEN g.declined THEN 1 ELSE 0 END), 0) AS BIGINT) AS declined
            FROM aid_grants g \(unsafeRaw: join) WHERE g.year = \(bind: year)
            """
        query.appendInterpolation(filter.conditions("g"))
        query.appendLiteral(" GROUP BY \(key), \(name) ORDER BY \(key)")
        return try await sql.all(query, as: AidTotal.self)
    }

    /// A school's grants as published (no ID number, address, birth date or bank details).
    public func publishedGrants(year: Int, schoolID: String) async throws -> [AidPublishedGrant] {
        struct Row: Decodable {
            var grantId: String, studentId: String, studentName: String, schoolId: String, schoolName: String
            var grade: String?, classNo: Int?, policyId: String, policyName: String, yuan: Int, declined: Bool
        }
        return try await sql.all("""
            SELECT g.id AS grant_id, s.id AS student_id, s.name AS student_name, g.school_id, sc.name AS school_name, s.grade, s.class_no,
                   g.policy_id, p.name AS policy_name, g.yuan, g.declined
            FROM aid_grants g JOIN students s ON s.id = g.student_id JOIN schools sc ON sc.id = g.school_id
            JOIN aid_policies p ON p.id = g.policy_id
            WHERE g.year = \(bind: year) AND g.school_id = \(bind: schoolID)
            """, as: Row.self).map {
            AidPublishedGrant(grantID: $0.grantId, studentID: $0.studentId, studentName: $0.studentName, schoolID: $0.schoolId,
                              schoolName: $0.schoolName, grade: $0.grade.flatMap(Grade.init(rawValue:)), classNumber: $0.classNo,
                              policyID: $0.policyId, policyName: $0.policyName, yuan: $0.yuan, declined: $0.declined)
        }.sorted { ($0.grade?.index ?? 99, $0.classNumber ?? 0, $0.studentName, $0.policyID) < ($1.grade?.index ?? 99, $1.classNumber ?? 0, $1.studentName, $1.policyID) }
    }

    /// The grants of these pupils (a family's children), newest school year first.
    public func notices(studentIDs: [String]) async throws -> [AidNotice] {
        guard !studentIDs.isEmpty else { return [] }
        var query: SQLQueryString = """
            SELECT g.id AS grant_id, g.student_id, s.name AS student_name, g.year, g.policy_id, p.name AS policy_name,
                   p.name_en AS policy_name_en, g.yuan, g.declined, g.declined_at
            FROM aid_grants g JOIN students s ON s.id = g.student_id JOIN aid_policies p ON p.id = g.policy_id
            WHERE g.student_id IN (
            """
        query.appendList(studentIDs)
        query.appendLiteral(") ORDER BY g.year DESC, s.name, g.policy_id")
        return try await sql.all(query, as: AidNotice.self)
    }

    public func grant(id: String) async throws -> AidGrantRecord? {
        try await sql.all("SELECT * FROM aid_grants WHERE id = \(bind: id)", as: AidGrantRecord.self).first
    }

    /// The guardian's decline: the grant stays, flagged, so no rerun makes it again and no payment goes out.
    /// - Returns: false when it was declined already.
    @discardableResult
    public func decline(grantID: String, actor: String) async throws -> Bool {
        try await transaction { tx in
            guard let grant = try await tx.grant(id: grantID), !grant.declined else { return false }
            let at = AidClock.stamp()
            try await tx.sql.raw("""
                UPDATE aid_grants SET declined = \(bind: true), declined_at = \(bind: at), declined_by = \(bind: actor) WHERE id = \(bind: grantID)
                """).run()
            try await tx.log([AidEventRecord(kind: "declined", actor: actor, year: grant.year, list: grant.list, entryId: grant.entryId,
                                             studentId: grant.studentId, detail: "\(grant.policyId): \(grant.yuan) yuan", at: at)])
            return true
        }
    }

    /// The payment file of a school year: grants not declined, within `filter`, with full ID numbers.
    public func payments(year: Int, filter: AidScopeFilter) async throws -> [AidPayment] {
        struct Row: Decodable {
            var id: String, year: Int, policyId: String, policyName: String, yuan: Int, districtCode: String
            var schoolId: String, schoolName: String, studentId: String, studentName: String
            @Sealed var nationalId: String
        }
        var query: SQLQueryString = """
            SELECT g.id AS "id", g.year AS "year", g.policy_id AS "policyId", p.name AS "policyName", g.yuan AS "yuan",
                   g.district_code AS "districtCode", g.school_id AS "schoolId", sc.name AS "schoolName",
                   s.id AS "studentId", s.name AS "studentName", s.national_id AS "nationalId"
            FROM aid_grants g JOIN students s ON s.id = g.student_id JOIN schools sc ON sc.id = g.school_id
            JOIN aid_policies p ON p.id = g.policy_id
            WHERE g.year = \(bind: year) AND g.declined = \(bind: false)
            """
        query.appendInterpolation(filter.conditions("g"))
        query.appendLiteral(" ORDER BY g.district_code, g.school_id, s.name, g.id")
        return try await sql.allAsNamed(query, as: Row.self).map {
            AidPayment(grantID: $0.id, year: $0.year, policyID: $0.policyId, policyName: $0.policyName, yuan: $0.yuan,
                       districtCode: $0.districtCode, schoolID: $0.schoolId, schoolName: $0.schoolName, studentID: $0.studentId,
                       studentName: $0.studentName, nationalID: $0.nationalId)
        }
    }

    /// School years with grants or review items, newest first.
    public func years() async throws -> [Int] {
        struct Row: Decodable { var year: Int }
        let rows = try await sql.all("""
            SELECT DISTINCT year FROM aid_grants UNION SELECT DISTINCT year FROM aid_review_queue
            """, as: Row.self)
        return rows.map(\.year).sorted(by: >)
    }

    // MARK: Log

    func log(_ events: [AidEventRecord]) async throws {
        try await sql.insertBatched(into: "aid_events", events)
    }

    public func events(kind: String? = nil, limit: Int = 200) async throws -> [AidEventRecord] {
        var query: SQLQueryString = "SELECT * FROM aid_events"
        if let kind { query.appendLiteral(" WHERE kind = "); query.appendInterpolation(bind: kind) }
        query.appendLiteral(" ORDER BY at DESC, id LIMIT ")
        query.appendInterpolation(literal: limit)
        return try await sql.all(query, as: AidEventRecord.self)
    }
}

extension SQLDatabase {
    /// Rows whose columns are aliased to the property names (`AS "entryId"`): decoding without a
    /// key strategy, because converting every key from snake_case took 60% of a 100,000-entry match.
    func allAsNamed<Row: Decodable>(_ query: SQLQueryString, as type: Row.Type) async throws -> [Row] {
        try await raw(query).all(decoding: Row.self)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (IN lists stay under the placeholder limits).
    func chunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension Duration {
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
