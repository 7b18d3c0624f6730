import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Kindergarten fees made public (docs/kindergarten-fees.md): caps and grades, each kindergarten's
/// fee items, parents' complaints and the district's decisions. A decision locks its complaint's
/// row and the unique (complaint, step) backs it, so two officials deciding at once get one
/// success and one refusal.
public struct KindergartenFeeStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    /// An item as stored, with the id its form's delete button names.
    public struct StoredItem: Sendable, Hashable {
        public var id: String
        public var item: KindergartenFeeItem
        public var updatedAt: Date
    }

    struct ItemRow: Codable, Sendable {
        var id: String; var schoolId: String; var category: String; var name: String; var amountFen: Int; var period: String; var covers: String
        var updatedAt: String
        var stored: StoredItem? {
            guard let category = KindergartenFeeCategory(rawValue: category), let period = KindergartenFeePeriod(rawValue: period),
                  let amount = FeeAmount(fen: amountFen) else { return nil }
            return StoredItem(id: id, item: KindergartenFeeItem(schoolID: schoolId, category: category, name: name, amount: amount, period: period, covers: covers),
                              updatedAt: Self.date(updatedAt))
        }
        static func date(_ text: String) -> Date { Timestamp.date(text) ?? Date(timeIntervalSince1970: 0) }
    }

    struct ComplaintRow: Codable, Sendable {
        var reference: String; var schoolId: String; var districtCode: String; var category: String; var itemName: String; var amountFen: Int?
        var description: String
        /// A parent's phone or e-mail: sealed like ID numbers.
        @SealedOptional var contact: String?
        var status: String; var filedAt: String; var updatedAt: String
        var complaint: FeeComplaint? {
            guard let category = KindergartenFeeCategory(rawValue: category), let status = FeeComplaint.Status(rawValue: status) else { return nil }
            return FeeComplaint(reference: reference, schoolID: schoolId, districtCode: districtCode, category: category, itemName: itemName,
                                amount: amountFen.flatMap { FeeAmount(fen: $0) }, description: description, contact: contact, status: status,
                                filedAt: Timestamp.date(filedAt) ?? Date(timeIntervalSince1970: 0))
        }
    }

    struct DecisionRow: Codable, Sendable {
        var id: String; var reference: String; var step: String; var note: String; var reply: String?; var actorId: String?; var actorName: String
        var decidedAt: String
        var decision: FeeComplaintDecision? {
            FeeComplaint.Status(rawValue: step).map {
                FeeComplaintDecision(reference: reference, step: $0, note: note, reply: reply, actorName: actorName,
                                     decidedAt: Timestamp.date(decidedAt) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    // MARK: Caps and grades

    /// The caps in force: the district's own rows, and the default for any district and grade it
    /// has not entered (`KindergartenFeeCap.defaultMonthlyYuan`).
    public func caps() async throws -> [KindergartenFeeCap] {
        struct Row: Decodable { var districtCode: String; var grade: String; var maxFen: Int }
        struct Code: Decodable { var code: String }
        let stored = try await sql.all("SELECT * FROM kindergarten_fee_caps", as: Row.self).compactMap { row in
            KindergartenGrade(rawValue: row.grade).flatMap { grade in
                FeeAmount(fen: row.maxFen).map { KindergartenFeeCap(districtCode: row.districtCode, grade: grade, monthlyMaximum: $0) }
            }
        }
        let codes = try await sql.all("SELECT code FROM districts ORDER BY code", as: Code.self).map(\.code)
        let entered = Set(stored.map { "\($0.districtCode)|\($0.grade.rawValue)" })
        return stored + KindergartenFeeCap.defaults(districtCodes: codes).filter { !entered.contains("\($0.districtCode)|\($0.grade.rawValue)") }
    }

    /// Replaces the rows of each (district, grade) in `caps`; the others stay.
    public func upsert(caps: [KindergartenFeeCap]) async throws {
        struct Row: Codable, Sendable { var districtCode: String; var grade: String; var maxFen: Int }
        try await sql.insertBatched(into: "kindergarten_fee_caps", caps.map { Row(districtCode: $0.districtCode, grade: $0.grade.rawValue, maxFen: $0.monthlyMaximum.fen) },
                                    upsertOn: ["district_code", "grade"])
    }

    public func grades() async throws -> [String: KindergartenGrade] {
        struct Row: Decodable { var schoolId: String; var grade: String }
        return Dictionary(try await sql.all("SELECT * FROM kindergarten_grades", as: Row.self).compactMap { row in
            KindergartenGrade(rawValue: row.grade).map { (row.schoolId, $0) }
        }, uniquingKeysWith: { a, _ in a })
    }

    public func upsert(grades: [(schoolID: String, grade: KindergartenGrade)]) async throws {
        struct Row: Codable, Sendable { var schoolId: String; var grade: String }
        try await sql.insertBatched(into: "kindergarten_grades", grades.map { Row(schoolId: $0.schoolID, grade: $0.grade.rawValue) }, upsertOn: ["school_id"])
    }

    /// Every kindergarten of the registry (one district's when given), as the fee rules see it.
    public func kindergartens(districtCode: String? = nil) async throws -> [(school: School, rules: FeeKindergarten)] {
        let schools = try await RegistryStore(database).schools(SchoolFilter(districtCode: districtCode, stage: .kindergarten), page: .everything,
                                                                 orderBy: .name).items
        let grades = try await grades()
        return schools.map { ($0, FeeKindergarten($0, grade: grades[$0.id])) }
    }

    public func kindergarten(id: String) async throws -> (school: School, rules: FeeKindergarten)? {
        guard let school = try await RegistryStore(database).school(id: id), school.stages.contains(.kindergarten) else { return nil }
        return (school, FeeKindergarten(school, grade: try await grades()[id]))
    }

    // MARK: Fee items

    /// The items of the kindergartens named (all when nil), by school, in category then name order.
    public func items(schoolIDs: [String]? = nil) async throws -> [String: [StoredItem]] {
        if let schoolIDs, schoolIDs.isEmpty { return [:] }
        var query: SQLQueryString = "SELECT * FROM kindergarten_fee_items"
        if let schoolIDs { query += " WHERE school_id IN ("; query.appendList(schoolIDs); query += ")" }
        query += " ORDER BY school_id, category, name"
        let rows = try await sql.all(query, as: ItemRow.self).compactMap(\.stored)
        let order = KindergartenFeeCategory.allCases
        return Dictionary(grouping: rows, by: \.item.schoolID).mapValues { items in
            items.sorted { (order.firstIndex(of: $0.item.category)!, $0.item.name) < (order.firstIndex(of: $1.item.category)!, $1.item.name) }
        }
    }

    /// A new item of one kindergarten; the unique (school, category, name) refuses a second one.
    public func add(_ item: KindergartenFeeItem, at now: Date = Date()) async throws -> String {
        let id = UUID().uuidString.lowercased()
        do {
            try await sql.insert(into: "kindergarten_fee_items").model(row(item, id: id, now: now), with: CampaignStore.encoder).run()
        } catch {
            if try await items(schoolIDs: [item.schoolID])[item.schoolID, default: []].contains(where: { $0.item.category == item.category && $0.item.name == item.name }) {
                throw CampaignProblem("name", zh: "本园已公示同名的收费项目；请先删除原项目再重新填写。",
                                      en: "This kindergarten already publishes an item of that name; remove it first.")
            }
            throw error
        }
        return id
    }

    /// Removes one item of `schoolID`; false when it was not there (removed meanwhile).
    public func remove(itemID: String, schoolID: String) async throws -> Bool {
        guard try await items(schoolIDs: [schoolID])[schoolID, default: []].contains(where: { $0.id == itemID }) else { return false }
        try await sql.delete(from: "kindergarten_fee_items").where("id", .equal, itemID).where("school_id", .equal, schoolID).run()
        return true
    }

    /// The import: every kindergarten named in `items` publishes exactly these items afterwards.
    /// Runs in the caller's transaction.
    public func replaceItems(of schoolIDs: Set<String>, with items: [KindergartenFeeItem], at now: Date = Date()) async throws {
        let ids = schoolIDs.sorted()
        var start = 0
        while start < ids.count {
            var query: SQLQueryString = "DELETE FROM kindergarten_fee_items WHERE school_id IN ("
            query.appendList(Array(ids[start..<min(start + 400, ids.count)]))
            query += ")"
            try await sql.raw(query).run()
            start += 400
        }
        try await sql.insertBatched(into: "kindergarten_fee_items", items.map { row($0, id: UUID().uuidString.lowercased(), now: now) })
    }

    private func row(_ item: KindergartenFeeItem, id: String, now: Date) -> ItemRow {
        ItemRow(id: id, schoolId: item.schoolID, category: item.category.rawValue, name: item.name, amountFen: item.amount.fen, period: item.period.rawValue,
                covers: item.covers, updatedAt: Timestamp.string(now))
    }

    // MARK: The public list

    public enum ListOrder: String, Sendable, CaseIterable { case name, district, fee }

    /// One page of kindergartens for the public list, searched by district and name on the server;
    /// `fee` sorts by the monthly care-and-education fee (kindergartens without one last).
    public func publicPage(districtCode: String?, text: String?, order: ListOrder, ascending: Bool, page: PageQuery) async throws -> Page<School> {
        var conditions: SQLQueryString = "(';' || s.stages || ';') LIKE '%;kindergarten;%'"
        if let districtCode { conditions += " AND s.district_code = \(bind: districtCode)" }
        if let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty { conditions += " AND s.name LIKE \(bind: "%\(text)%")" }
        struct Count: Decodable { var n: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM schools s WHERE \(conditions)").first(decoding: Count.self)?.n ?? 0
        let direction = ascending ? " ASC" : " DESC"
        let orderSQL = switch order {
        case .name: "s.name" + direction
        case .district: "s.district_code" + direction + ", s.name"
        case .fee: "COALESCE(c.fen, \(ascending ? 100000000 : -1))" + direction + ", s.name"
        }
        var query: SQLQueryString = """
            SELECT s.id FROM schools s LEFT JOIN (SELECT school_id, MAX(amount_fen) AS fen FROM kindergarten_fee_items
            WHERE category = 'care-education' GROUP BY school_id) c ON c.school_id = s.id WHERE \(conditions) ORDER BY
            """
        query.appendLiteral(" " + orderSQL + ", s.id LIMIT ")
        query.appendInterpolation(literal: page.perPage)
        query.appendLiteral(" OFFSET ")
        query.appendInterpolation(literal: page.offset)
        struct ID: Decodable { var id: String }
        let ids = try await sql.all(query, as: ID.self).map(\.id)
        let schools = Dictionary(uniqueKeysWithValues: try await RegistryStore(database).schools(ids: ids).map { ($0.id, $0) })
        return Page(items: ids.compactMap { schools[$0] }, total: total, request: page)
    }

    // MARK: Complaints

    /// Counts one complaint from `addressKey` in the hour `hour` and says how many that address
    /// filed in it so far (every app instance shares the row).
    public func countComplaint(addressKey: String, hour: Int64) async throws -> Int {
        struct Count: Decodable { var complaints: Int }
        let counted = try await sql.raw("""
            INSERT INTO fee_complaint_windows (address_key, window_start, complaints) VALUES (\(bind: addressKey), \(bind: hour), 1)
            ON CONFLICT (address_key, window_start) DO UPDATE SET complaints = fee_complaint_windows.complaints + 1 RETURNING complaints
            """).first(decoding: Count.self)?.complaints ?? 1
        if counted == 1 {
            try await sql.raw("DELETE FROM fee_complaint_windows WHERE address_key = \(bind: addressKey) AND window_start < \(bind: hour - 24)").run()
        }
        return counted
    }

    public func file(_ complaint: FeeComplaint) async throws {
        let stamp = Timestamp.string(complaint.filedAt)
        try await sql.insert(into: "fee_complaints").model(ComplaintRow(
            reference: complaint.reference, schoolId: complaint.schoolID, districtCode: complaint.districtCode, category: complaint.category.rawValue,
            itemName: complaint.itemName, amountFen: complaint.amount?.fen, description: complaint.description, contact: complaint.contact,
            status: complaint.status.rawValue, filedAt: stamp, updatedAt: stamp), with: CampaignStore.encoder).run()
    }

    public func complaint(reference: String) async throws -> FeeComplaint? {
        try await sql.all("SELECT * FROM fee_complaints WHERE reference = \(bind: reference)", as: ComplaintRow.self).first?.complaint
    }

    public func decisions(reference: String) async throws -> [FeeComplaintDecision] {
        try await sql.all("SELECT * FROM fee_complaint_decisions WHERE reference = \(bind: reference) ORDER BY decided_at, id", as: DecisionRow.self)
            .compactMap(\.decision)
    }

    public enum ComplaintOrder: String, Sendable, CaseIterable { case filed, status, school }

    /// A district's complaints (every district's for nil), filtered by status and kindergarten
    /// name, sorted and paged on the server.
    public func complaints(districtCode: String?, status: FeeComplaint.Status?, text: String?, order: ComplaintOrder, ascending: Bool,
                           page: PageQuery) async throws -> Page<FeeComplaint> {
        var conditions: SQLQueryString = "1 = 1"
        if let districtCode { conditions += " AND c.district_code = \(bind: districtCode)" }
        if let status { conditions += " AND c.status = \(bind: status.rawValue)" }
        if let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            conditions += " AND (s.name LIKE \(bind: "%\(text)%") OR c.reference = \(bind: text.uppercased()))"
        }
        struct Count: Decodable { var n: Int }
        let from: SQLQueryString = "FROM fee_complaints c JOIN schools s ON s.id = c.school_id WHERE \(conditions)"
        let total = try await sql.raw("SELECT COUNT(*) AS n \(from)").first(decoding: Count.self)?.n ?? 0
        let direction = ascending ? " ASC" : " DESC"
        let statusOrder = "CASE c.status " + FeeComplaint.Status.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ") + " END"
        let orderSQL = switch order {
        case .filed: "c.filed_at" + direction
        case .status: statusOrder + direction + ", c.filed_at DESC"
        case .school: "s.name" + direction + ", c.filed_at DESC"
        }
        var query: SQLQueryString = "SELECT c.* \(from) ORDER BY "
        query.appendLiteral(orderSQL + ", c.reference LIMIT ")
        query.appendInterpolation(literal: page.perPage)
        query.appendLiteral(" OFFSET ")
        query.appendInterpolation(literal: page.offset)
        return Page(items: try await sql.all(query, as: ComplaintRow.self).compactMap(\.complaint), total: total, request: page)
    }

    /// Complaints per status of one district (every district's for nil).
    public func complaintCounts(districtCode: String?) async throws -> [FeeComplaint.Status: Int] {
        struct Row: Decodable { var status: String; var n: Int }
        var query: SQLQueryString = "SELECT status, COUNT(*) AS n FROM fee_complaints"
        if let districtCode { query += " WHERE district_code = \(bind: districtCode)" }
        query += " GROUP BY status"
        var counts: [FeeComplaint.Status: Int] = [:]
        for row in try await sql.all(query, as: Row.self) { if let status = FeeComplaint.Status(rawValue: row.status) { counts[status] = row.n } }
        return counts
    }

    /// Records a decision typed from the status the official saw: the complaint's row is locked,
    /// its status read again, and a step that no longer follows from it is refused.
    public func decide(reference: String, seen: FeeComplaint.Status, actorID: String?,
                       make: @escaping @Sendable (FeeComplaint.Status) throws -> FeeComplaintDecision) async throws -> FeeComplaintDecision {
        try await transaction { tx in
            try await tx.takeLock(.feeComplaint, "UPDATE fee_complaints SET status = status WHERE reference = \(bind: reference)")
            guard let current = try await tx.complaint(reference: reference), current.status == seen else { throw FeeComplaintRules.changedMeanwhile }
            let decision = try make(current.status)
            do {
                try await tx.sql.insert(into: "fee_complaint_decisions").model(DecisionRow(
                    id: UUID().uuidString.lowercased(), reference: reference, step: decision.step.rawValue, note: decision.note, reply: decision.reply,
                    actorId: actorID, actorName: decision.actorName, decidedAt: Timestamp.string(decision.decidedAt)), with: CampaignStore.encoder).run()
            } catch {
                throw FeeComplaintRules.changedMeanwhile
            }
            try await tx.sql.update("fee_complaints").set("status", to: decision.step.rawValue)
                .set("updated_at", to: Timestamp.string(decision.decidedAt)).where("reference", .equal, reference).run()
            return decision
        }
    }

    /// The demo's complaints with their decisions, stored as they were taken.
    public func load(complaint: FeeComplaint, decisions: [FeeComplaintDecision]) async throws {
        try await transaction { tx in
            try await tx.file(complaint)
            for decision in decisions {
                try await tx.sql.insert(into: "fee_complaint_decisions").model(DecisionRow(
                    id: UUID().uuidString.lowercased(), reference: decision.reference, step: decision.step.rawValue, note: decision.note,
                    reply: decision.reply, actorId: nil, actorName: decision.actorName, decidedAt: Timestamp.string(decision.decidedAt)),
                    with: CampaignStore.encoder).run()
            }
        }
    }
}

/// `youjiao import kindergarten-fees|kindergarten-fee-caps|kindergarten-grades`: each file checked
/// whole against the registry and the rules, then stored in one transaction.
public enum KindergartenFeeImporter {
    public enum Kind: String, Sendable, CaseIterable {
        case fees = "kindergarten-fees"
        case caps = "kindergarten-fee-caps"
        case grades = "kindergarten-grades"
    }

    public static func importTable(_ table: CSVTable, as kind: Kind, into database: any Database) async throws -> Int {
        let store = KindergartenFeeStore(database)
        switch kind {
        case .fees:
            let kindergartens = Dictionary(uniqueKeysWithValues: try await store.kindergartens().map { ($0.school.id, $0.rules) })
            let items = try KindergartenFeeCSV.parseItems(table, kindergartens: kindergartens, caps: try await store.caps())
            try await store.transaction { try await $0.replaceItems(of: Set(items.map(\.schoolID)), with: items) }
            return items.count
        case .caps:
            struct Code: Decodable { var code: String }
            let codes = try await store.sql.all("SELECT code FROM districts", as: Code.self).map(\.code)
            let caps = try KindergartenFeeCSV.parseCaps(table, districtCodes: Set(codes))
            try await store.transaction { try await $0.upsert(caps: caps) }
            return caps.count
        case .grades:
            let ids = Set(try await store.kindergartens().map(\.school.id))
            let grades = try KindergartenFeeCSV.parseGrades(table, kindergartenIDs: ids)
            try await store.transaction { try await $0.upsert(grades: grades) }
            return grades.count
        }
    }
}

/// The demo city's fees: grades, items, a few complaints (`KindergartenFeeDemo`).
public enum KindergartenFeeDemoLoader {
    public static func load(into database: any Database, seed: UInt64, now: Date = Date()) async throws -> (items: Int, complaints: Int) {
        let store = KindergartenFeeStore(database)
        let kindergartens = try await store.kindergartens()
        let demo = KindergartenFeeDemo.make(kindergartens.map(\.rules), caps: try await store.caps(), seed: seed, now: now)
        try await store.transaction { tx in
            try await tx.upsert(grades: demo.grades)
            try await tx.replaceItems(of: Set(demo.items.map(\.schoolID)), with: demo.items, at: now)
        }
        for (complaint, decisions) in demo.complaints { try await store.load(complaint: complaint, decisions: decisions) }
        return (demo.items.count, demo.complaints.count)
    }
}
