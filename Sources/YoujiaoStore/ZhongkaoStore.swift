import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// A `zhongkao_campaigns` row: the rules as rounds.csv and a comma-separated tie-break list.
struct ZhongkaoCampaignRecord: Codable, Sendable {
    var id: String
    var year: Int
    var status: String
    var rounds: String
    var tieBreakColumns: String
    var listHash: String?
    var beaconRound: String
    var beaconSource: String?
    var beaconRoundNumber: Int64?
    var frozenAt: String?
    var beaconValue: String?
    var notaryCommitment: String
    var notarySecret: String?
    var seed: String?

    init(_ c: ZhongkaoCampaign) {
        id = c.id; year = c.year; status = c.status.rawValue
        rounds = ZhongkaoCampaignFiles.roundsDocument(c.rules); tieBreakColumns = c.rules.tieBreakColumns.joined(separator: ",")
        listHash = c.listHash; beaconRound = c.beaconRound; beaconSource = c.beaconSourceID; beaconRoundNumber = c.beaconRoundNumber
        frozenAt = c.frozenAt.map { Timestamp.string($0) }; beaconValue = c.beaconValue
        notaryCommitment = c.notaryCommitment; notarySecret = c.notarySecret; seed = c.seed
    }

    func campaign() throws -> ZhongkaoCampaign {
        let rounds = try ZhongkaoCSV.rounds(from: CSVTable.parse(text: rounds, fileName: "rounds.csv"))
        return ZhongkaoCampaign(id: id, year: year, status: CampaignStatus(rawValue: status) ?? .draft,
                                rules: ZhongkaoRules(rounds: rounds, tieBreakColumns: ZhongkaoJob.tieBreakColumns(tieBreakColumns)),
                                listHash: listHash, beaconRound: beaconRound, beaconSourceID: beaconSource,
                                beaconRoundNumber: beaconRoundNumber, frozenAt: frozenAt.flatMap(Timestamp.date),
                                beaconValue: beaconValue, notaryCommitment: notaryCommitment, notarySecret: notarySecret, seed: seed)
    }
}

/// A candidate as stored: the engine's fields, and the registry pupil it stands for.
public struct ZhongkaoCandidateRecord: Codable, Sendable, Hashable {
    public var campaignId: String
    public var candidateId: String
    public var studentId: String?
    public var district: String
    public var juniorSchool: String
    public var quotaSchoolEligible: Bool
    public var total: Int
    /// Scores of the campaign's tie-break columns, `;`-separated, in their order.
    public var tieBreaks: String
    public var preAdmitted: Bool
    public var quotaDistrictChoices: String
    public var quotaSchoolChoices: String
    public var unifiedChoices: String

    public init(campaignID: String, studentID: String?, _ c: ZhongkaoCandidate) {
        campaignId = campaignID; candidateId = c.id; studentId = studentID; district = c.district; juniorSchool = c.juniorSchool
        quotaSchoolEligible = c.quotaSchoolEligible; total = c.total; tieBreaks = c.tieBreakScores.map(String.init).joined(separator: ";")
        preAdmitted = c.preAdmitted; quotaDistrictChoices = c.quotaDistrictChoices.joined(separator: ";")
        quotaSchoolChoices = c.quotaSchoolChoices.joined(separator: ";"); unifiedChoices = c.unifiedChoices.joined(separator: ";")
    }

    public var candidate: ZhongkaoCandidate {
        func list(_ text: String) -> [String] { text.split(separator: ";").map(String.init) }
        return ZhongkaoCandidate(id: candidateId, district: district, juniorSchool: juniorSchool, quotaSchoolEligible: quotaSchoolEligible,
                                 total: total, tieBreakScores: list(tieBreaks).compactMap { Int($0) }, preAdmitted: preAdmitted,
                                 quotaDistrictChoices: list(quotaDistrictChoices), quotaSchoolChoices: list(quotaSchoolChoices),
                                 unifiedChoices: list(unifiedChoices))
    }
}

/// One candidate's admission as stored, with the line of the seats that admitted them.
public struct ZhongkaoResultRecord: Codable, Sendable, Hashable {
    public var campaignId: String
    public var candidateId: String
    public var schoolId: String?
    public var route: String
    public var choiceRank: Int?
    public var lineTotal: Int?
    public var lottery: String

    public var reason: ZhongkaoResultReason {
        ZhongkaoResultReason(route: ZhongkaoOutcomeRoute(rawValue: route) ?? .unadmitted, choiceRank: choiceRank,
                             schoolName: nil, line: lineTotal)
    }
}

/// A candidate row of the list pages: who, from where, the score and (once drawn) the result.
public struct ZhongkaoCandidateRow: Codable, Sendable, Hashable {
    public var candidateId: String
    public var studentId: String?
    public var studentName: String?
    public var district: String
    public var juniorSchool: String
    public var juniorSchoolName: String?
    public var total: Int
    public var preAdmitted: Bool
    public var schoolId: String?
    public var schoolName: String?
    public var route: String?
    public var choiceRank: Int?
    public var lineTotal: Int?
}

/// A high school's line in the campaign with its name, for the quota pages.
public struct ZhongkaoPlanRecord: Codable, Sendable, Hashable {
    public var schoolId: String
    public var name: String
    public var districtCode: String
    public var kind: String
    public var planSeats: Int

    public var line: ZhongkaoPlanLine { ZhongkaoPlanLine(schoolID: schoolId, name: name, district: districtCode, kind: kind, planSeats: planSeats) }
}

/// 中考 campaigns, their quota tables, candidates and admissions. Every multi-row write is one
/// transaction taken under the campaign's row lock, so concurrent steps get one answer.
public struct ZhongkaoStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    private static let noSuchCampaign = CampaignProblem("campaign", zh: "没有这次中考招生。", en: "no such senior-high admission")

    // MARK: Campaigns

    /// Stores a campaign with every senior high school of the registry and its grade-10 seats as plan.
    /// `kinds` names a school's kind (others get none).
    public func create(_ campaign: ZhongkaoCampaign, kinds: [String: String] = [:]) async throws {
        try await transaction { tx in
            try await tx.sql.insert(into: "zhongkao_campaigns").model(ZhongkaoCampaignRecord(campaign), with: CampaignStore.encoder).run()
            struct PlanRow: Codable, Sendable { var campaignId: String; var schoolId: String; var kind: String; var planSeats: Int }
            let schools = try await RegistryStore(tx.database).schools(SchoolFilter(stage: .senior), page: .everything).items
            try await tx.sql.insertBatched(into: "zhongkao_plans", schools.compactMap { school in
                school.entrySeats[.g10].map { PlanRow(campaignId: campaign.id, schoolId: school.id, kind: kinds[school.id] ?? "", planSeats: $0) }
            })
        }
    }

    public func campaigns() async throws -> [ZhongkaoCampaign] {
        try await sql.all("SELECT * FROM zhongkao_campaigns ORDER BY year DESC", as: ZhongkaoCampaignRecord.self).map { try $0.campaign() }
    }

    public func campaign(id: String) async throws -> ZhongkaoCampaign? {
        try await sql.all("SELECT * FROM zhongkao_campaigns WHERE id = \(bind: id)", as: ZhongkaoCampaignRecord.self).first?.campaign()
    }

    /// Waits for any other step on the same campaign to commit (a no-op update takes the row lock).
    func lock(_ id: String) async throws -> ZhongkaoCampaign {
        try await takeLock(.zhongkaoCampaign, "UPDATE zhongkao_campaigns SET status = status WHERE id = \(bind: id)")
        guard let campaign = try await campaign(id: id) else { throw Self.noSuchCampaign }
        return campaign
    }

    /// draft → open and drawn → published; freeze and draw have their own writes.
    public func advance(_ id: String, to status: CampaignStatus) async throws {
        try await transaction { tx in
            try await tx.lock(id).checkStep(to: status)
            try await tx.sql.update("zhongkao_campaigns").set("status", to: status.rawValue).where("id", .equal, id).run()
        }
    }

    // MARK: Plans and quotas

    /// The campaign's high schools in registry order of district and id, optionally one district's or one school's.
    public func plans(campaignID: String, district: String? = nil, school: String? = nil) async throws -> [ZhongkaoPlanRecord] {
        var query: SQLQueryString = """
            SELECT p.school_id, s.name, s.district_code, p.kind, p.plan_seats FROM zhongkao_plans p JOIN schools s ON s.id = p.school_id
            WHERE p.campaign_id = \(bind: campaignID)
            """
        if let district { query += " AND s.district_code = \(bind: district)" }
        if let school { query += " AND p.school_id = \(bind: school)" }
        query += " ORDER BY s.district_code, p.school_id"
        return try await sql.all(query, as: ZhongkaoPlanRecord.self)
    }

    public func quotas(campaignID: String, school: String? = nil) async throws -> [ZhongkaoQuota] {
        struct Row: Decodable { var schoolId: String; var round: String; var scope: String; var seats: Int }
        var query: SQLQueryString = "SELECT school_id, round, scope, seats FROM zhongkao_quotas WHERE campaign_id = \(bind: campaignID)"
        if let school { query += " AND school_id = \(bind: school)" }
        query += " ORDER BY school_id, round, scope"
        return try await sql.all(query, as: Row.self).compactMap { row in
            ZhongkaoRound(rawValue: row.round).map { ZhongkaoQuota(schoolID: row.schoolId, round: $0, scope: row.scope, seats: row.seats) }
        }
    }

    /// Replaces the seats of a school's existing quota lines (in `quotas(school:)` order) while the
    /// campaign is open; refuses a bad number or a total above the plan and stores nothing then.
    public func saveQuotaSeats(campaignID: String, schoolID: String, seats: [Int]) async throws {
        try await transaction { tx in
            let campaign = try await tx.lock(campaignID)
            guard campaign.status == .open else {
                throw CampaignProblem("status", zh: "名额分配表已冻结，不能再修改。", en: "The quota table is frozen and can no longer change.")
            }
            guard let plan = try await tx.plans(campaignID: campaignID, school: schoolID).first else {
                throw CampaignProblem("school", zh: "该校不在本次中考招生的学校名单中。", en: "This school is not part of the admission.")
            }
            let lines = try await tx.quotas(campaignID: campaignID, school: schoolID)
            guard lines.count == seats.count else {
                throw CampaignProblem("seats", zh: "名额分配表已被他人修改，请刷新后重试。", en: "The quota table changed meanwhile: reload and try again.")
            }
            try ZhongkaoQuotaCheck.check(planSeats: plan.planSeats, seats: seats)
            for (line, count) in zip(lines, seats) where line.seats != count {
                try await tx.sql.update("zhongkao_quotas").set("seats", to: count)
                    .where("campaign_id", .equal, campaignID).where("school_id", .equal, schoolID)
                    .where("round", .equal, line.round.rawValue).where("scope", .equal, line.scope).run()
            }
        }
    }

    /// Adds quota lines (the demo, or a city's import).
    public func addQuotas(campaignID: String, _ quotas: [ZhongkaoQuota]) async throws {
        struct Row: Codable, Sendable { var campaignId: String; var schoolId: String; var round: String; var scope: String; var seats: Int }
        try await sql.insertBatched(into: "zhongkao_quotas", quotas.map {
            Row(campaignId: campaignID, schoolId: $0.schoolID, round: $0.round.rawValue, scope: $0.scope, seats: $0.seats)
        })
    }

    // MARK: Candidates and results

    public func addCandidates(_ records: [ZhongkaoCandidateRecord]) async throws {
        try await transaction { tx in try await tx.sql.insertBatched(into: "zhongkao_candidates", records) }
    }

    public func candidateCount(campaignID: String) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM zhongkao_candidates WHERE campaign_id = \(bind: campaignID)").first(decoding: CountRow.self)?.n ?? 0
    }

    /// The candidates columns a list sorts by.
    public enum CandidateSort: String, Sendable, CaseIterable { case candidate, total, juniorSchool = "junior-school", result }

    /// A page of candidates (with results once drawn), one district's or one junior school's when given.
    public func candidates(campaignID: String, district: String?, juniorSchool: String?, sort: CandidateSort, descending: Bool,
                           page: PageQuery) async throws -> Page<ZhongkaoCandidateRow> {
        var from: SQLQueryString = """
            FROM zhongkao_candidates c LEFT JOIN students st ON st.id = c.student_id LEFT JOIN schools j ON j.id = c.junior_school
            LEFT JOIN zhongkao_results r ON r.campaign_id = c.campaign_id AND r.candidate_id = c.candidate_id
            LEFT JOIN schools h ON h.id = r.school_id WHERE c.campaign_id = \(bind: campaignID)
            """
        if let district { from += " AND c.district = \(bind: district)" }
        if let juniorSchool { from += " AND c.junior_school = \(bind: juniorSchool)" }
        let total = try await sql.raw("SELECT COUNT(*) AS n \(from)").first(decoding: CountRow.self)?.n ?? 0
        let direction = descending ? "DESC" : "ASC"
        let order = switch sort {
        case .candidate: "c.candidate_id \(direction)"
        case .total: "c.total \(direction), c.candidate_id"
        case .juniorSchool: "c.junior_school \(direction), c.candidate_id"
        case .result: "h.name \(direction), c.total DESC, c.candidate_id"
        }
        let query: SQLQueryString = """
            SELECT c.candidate_id, c.student_id, st.name AS student_name, c.district, c.junior_school, j.name AS junior_school_name, c.total,
            c.pre_admitted, r.school_id, h.name AS school_name, r.route, r.choice_rank, r.line_total \(from)
            ORDER BY \(unsafeRaw: order) LIMIT \(literal: page.perPage) OFFSET \(literal: page.offset)
            """
        return Page(items: try await sql.all(query, as: ZhongkaoCandidateRow.self), total: total, request: page)
    }

    /// A registry pupil's candidacy and result in a campaign (the family's view).
    public func candidate(campaignID: String, studentID: String) async throws -> ZhongkaoCandidateRow? {
        try await sql.all("""
            SELECT c.candidate_id, c.student_id, st.name AS student_name, c.district, c.junior_school, j.name AS junior_school_name, c.total,
            c.pre_admitted, r.school_id, h.name AS school_name, r.route, r.choice_rank, r.line_total
            FROM zhongkao_candidates c LEFT JOIN students st ON st.id = c.student_id LEFT JOIN schools j ON j.id = c.junior_school
            LEFT JOIN zhongkao_results r ON r.campaign_id = c.campaign_id AND r.candidate_id = c.candidate_id
            LEFT JOIN schools h ON h.id = r.school_id WHERE c.campaign_id = \(bind: campaignID) AND c.student_id = \(bind: studentID)
            """, as: ZhongkaoCandidateRow.self).first
    }

    // MARK: Freeze, draw, publish

    /// Builds and stores the four input files exactly as published, records the list's SHA-256
    /// and closes the quota table; returns the hash.
    public func freeze(_ id: String, at now: Date = Date()) async throws -> String {
        try await transaction { tx in
            let campaign = try await tx.lock(id)
            try campaign.checkStep(to: .frozen)
            try campaign.checkRoundStillAhead(now: now)
            let candidates = try await tx.sql.all("SELECT * FROM zhongkao_candidates WHERE campaign_id = \(bind: id)",
                                                  as: ZhongkaoCandidateRecord.self).map(\.candidate)
            guard !candidates.isEmpty else {
                throw CampaignProblem("candidates", zh: "还没有考生，不能冻结名单。", en: "There are no candidates yet: nothing to freeze.")
            }
            let documents = ZhongkaoCampaignFiles.documents(lines: try await tx.plans(campaignID: id).map(\.line),
                                                            quotas: try await tx.quotas(campaignID: id), candidates: candidates,
                                                            rules: campaign.rules)
            let hash = ZhongkaoCampaignFiles.listHash(documents["candidates.csv"]!)
            try await tx.storeFiles(id, documents)
            try await tx.sql.update("zhongkao_campaigns").set("status", to: CampaignStatus.frozen.rawValue).set("list_hash", to: hash)
                .set("frozen_at", to: Timestamp.string(now)).where("id", .equal, id).run()
            return hash
        }
    }

    private func storeFiles(_ id: String, _ documents: [String: String]) async throws {
        struct FileRow: Codable, Sendable { var campaignId: String; var name: String; var content: String }
        try await sql.insertBatched(into: "zhongkao_files", documents.sorted { $0.key < $1.key }.map {
            FileRow(campaignId: id, name: $0.key, content: $0.value)
        })
    }

    /// A published file: the four inputs once frozen, results.csv and report.json once drawn.
    public func file(_ name: String, campaignID: String) async throws -> String? {
        struct Row: Decodable { var content: String }
        return try await sql.all("SELECT content FROM zhongkao_files WHERE campaign_id = \(bind: campaignID) AND name = \(bind: name)",
                                 as: Row.self).first?.content
    }

    /// Admits from the frozen files with the seed from the beacon value and the notary's secret;
    /// stores every result, results.csv and report.json; one transaction.
    @discardableResult
    public func draw(_ id: String, beaconValue: String, notarySecret: String) async throws -> ZhongkaoReport {
        try await transaction { tx in
            let campaign = try await tx.lock(id)
            try campaign.checkStep(to: .drawn)
            let seed = try campaign.seed(beaconValue: beaconValue, notarySecret: notarySecret)
            var documents: [String: String] = [:]
            for name in ZhongkaoCampaignFiles.names { documents[name] = try await tx.file(name, campaignID: id) }
            let output = try ZhongkaoCampaignFiles.compute(documents: documents, seed: seed, tieBreakColumns: campaign.rules.tieBreakColumns)
            let lines = output.admissionLines()
            try await tx.sql.insertBatched(into: "zhongkao_results", output.outcome.admissions.enumerated().map { index, admission in
                ZhongkaoResultRecord(campaignId: id, candidateId: admission.candidateID, schoolId: admission.schoolID,
                                     route: admission.route.rawValue, choiceRank: admission.choiceRank, lineTotal: lines[index],
                                     lottery: Lottery.hex(admission.lottery))
            })
            let results = String(decoding: ZhongkaoCSV.resultsDocument(output.outcome.admissions), as: UTF8.self)
            let report = String(decoding: try output.report.json(), as: UTF8.self)
            try await tx.storeFiles(id, ["results.csv": results, "report.json": report])
            try await tx.sql.update("zhongkao_campaigns").set("status", to: CampaignStatus.drawn.rawValue).set("beacon_value", to: beaconValue)
                .set("notary_secret", to: notarySecret).set("seed", to: seed.hex).where("id", .equal, id).run()
            return output.report
        }
    }

    /// The stored report.json of a drawn campaign (never recomputed on a page view).
    public func report(campaignID: String) async throws -> ZhongkaoReport? {
        guard let json = try await file("report.json", campaignID: campaignID) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ZhongkaoReport.self, from: Data(json.utf8))
    }
}
