import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Growth records (综合素质评价) and their workflow. Each step locks the row it changes first (the
/// record, the display, the objection), so of two people acting at once one succeeds and the other
/// is told it changed; the unique keys decide between two displays of a class or two objections by
/// one person to one record.
public struct GrowthRecordStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    struct RecordRow: Codable, Sendable {
        var id: String; var studentId: String; var schoolId: String; var schoolYear: Int; var dimension: String; var kind: String
        var title: String; var detail: String; var date: String; var tenthHours: Int?; var awardLevel: String?; var healthGrade: String?
        var status: String; var writtenBy: String; var author: String

        init(_ r: GrowthRecord) {
            id = r.id; studentId = r.studentID; schoolId = r.schoolID; schoolYear = r.schoolYear; dimension = r.dimension.rawValue
            kind = r.kind.rawValue; title = r.title; detail = r.detail; date = r.date.description; tenthHours = r.tenthHours
            awardLevel = r.awardLevel?.rawValue; healthGrade = r.healthGrade?.rawValue; status = r.status.rawValue; writtenBy = r.writtenBy
            author = r.author.rawValue
        }
        var record: GrowthRecord? {
            guard let dimension = GrowthDimension(rawValue: dimension), let kind = GrowthRecordKind(rawValue: kind), let day = CaseDate(date),
                  let status = GrowthRecord.Status(rawValue: status), let author = GrowthRecord.Author(rawValue: author) else { return nil }
            return GrowthRecord(id: id, studentID: studentId, schoolID: schoolId, schoolYear: schoolYear, dimension: dimension, kind: kind, title: title,
                                detail: detail, date: day, tenthHours: tenthHours, awardLevel: awardLevel.flatMap(AwardLevel.init),
                                healthGrade: healthGrade.flatMap(HealthGrade.init), status: status, writtenBy: writtenBy, author: author)
        }
    }

    struct DisplayRow: Codable, Sendable {
        var id: String; var schoolId: String; var grade: String; var classNumber: Int; var schoolYear: Int; var opensOn: String; var endsOn: String
        var archivedOn: String?
        var display: GrowthDisplay? {
            guard let grade = Grade(rawValue: grade), let opens = CaseDate(opensOn), let ends = CaseDate(endsOn) else { return nil }
            return GrowthDisplay(id: id, schoolID: schoolId, grade: grade, classNumber: classNumber, schoolYear: schoolYear, opensOn: opens,
                                 endsOn: ends, archivedOn: archivedOn.flatMap(CaseDate.init))
        }
    }

    struct ObjectionRow: Codable, Sendable {
        var id: String; var recordId: String; var raisedBy: String; var reason: String; var raisedOn: String; var status: String
        var decisionNote: String?; var decidedBy: String?
        var objection: GrowthObjection? {
            guard let day = CaseDate(raisedOn), let status = GrowthObjection.Status(rawValue: status) else { return nil }
            return GrowthObjection(id: id, recordID: recordId, raisedBy: raisedBy, reason: reason, raisedOn: day, status: status,
                                   decisionNote: decisionNote, decidedBy: decidedBy)
        }
    }

    static let changedMeanwhile = GrowthProblem("record", .changedMeanwhile)

    // MARK: Records

    public func add(_ record: GrowthRecord) async throws {
        try await sql.insert(into: "growth_records").model(RecordRow(record), with: CampaignStore.encoder).run()
    }

    public func record(id: String) async throws -> GrowthRecord? {
        try await sql.all("SELECT * FROM growth_records WHERE id = \(bind: id)", as: RecordRow.self).first?.record
    }

    public func records(studentID: String) async throws -> [GrowthRecord] {
        try await sql.all("SELECT * FROM growth_records WHERE student_id = \(bind: studentID) ORDER BY date, id", as: RecordRow.self).compactMap(\.record)
    }

    /// A class's records of a school year (the pupils on the class's roll today).
    public func records(schoolID: String, year: Int, grade: Grade, classNumber: Int) async throws -> [GrowthRecord] {
        try await sql.all("""
            SELECT r.* FROM growth_records r JOIN students s ON s.id = r.student_id
            WHERE r.school_id = \(bind: schoolID) AND r.school_year = \(bind: year) AND s.school_id = \(bind: schoolID)
              AND s.grade = \(bind: grade.rawValue) AND s.class_no = \(bind: classNumber)
            ORDER BY s.name, r.dimension, r.date, r.id
            """, as: RecordRow.self).compactMap(\.record)
    }

    /// Selects a written record as representative, or puts it back; at most `limit` per pupil and
    /// dimension, and never once its class's display has opened.
    public func setSelected(recordID: String, _ selected: Bool, classDisplay: GrowthDisplay?, limit: Int) async throws {
        try await transaction { store in
            let record = try await store.lock(recordID)
            guard classDisplay == nil else { throw GrowthProblem("record", .displayRunning) }
            guard record.status == (selected ? .written : .selected) else { throw GrowthProblem("record", .notSelectable) }
            if selected {
                struct Count: Decodable { var n: Int }
                let chosen = try await store.sql.all("""
                    SELECT COUNT(*) AS n FROM growth_records WHERE student_id = \(bind: record.studentID) AND school_year = \(bind: record.schoolYear)
                    AND dimension = \(bind: record.dimension.rawValue) AND status = 'selected'
                    """, as: Count.self).first?.n ?? 0
                guard chosen < limit else { throw GrowthProblem("record", .selectionFull(limit)) }
            }
            try await store.sql.raw("UPDATE growth_records SET status = \(bind: selected ? "selected" : "written") WHERE id = \(bind: recordID)").run()
        }
    }

    private func lock(_ recordID: String) async throws -> GrowthRecord {
        try await takeLock(.growthRecord, "UPDATE growth_records SET status = status WHERE id = \(bind: recordID)")
        guard let record = try await record(id: recordID) else { throw Self.changedMeanwhile }
        return record
    }

    // MARK: Displays

    public func display(schoolID: String, year: Int, grade: Grade, classNumber: Int) async throws -> GrowthDisplay? {
        try await sql.all("""
            SELECT * FROM growth_displays WHERE school_id = \(bind: schoolID) AND school_year = \(bind: year) AND grade = \(bind: grade.rawValue)
            AND class_number = \(bind: classNumber)
            """, as: DisplayRow.self).first?.display
    }

    public func display(id: String) async throws -> GrowthDisplay? {
        try await sql.all("SELECT * FROM growth_displays WHERE id = \(bind: id)", as: DisplayRow.self).first?.display
    }

    /// Opens a class's display; the unique (school, year, grade, class) decides between two openings.
    public func open(_ display: GrowthDisplay) async throws {
        struct Count: Decodable { var n: Int }
        let selected = try await sql.all("""
            SELECT COUNT(*) AS n FROM growth_records r JOIN students s ON s.id = r.student_id
            WHERE r.school_id = \(bind: display.schoolID) AND r.school_year = \(bind: display.schoolYear) AND s.grade = \(bind: display.grade.rawValue)
            AND s.class_no = \(bind: display.classNumber) AND r.status = 'selected'
            """, as: Count.self).first?.n ?? 0
        guard selected > 0 else { throw GrowthProblem("display", .nothingSelected) }
        do {
            try await sql.insert(into: "growth_displays").model(DisplayRow(
                id: display.id, schoolId: display.schoolID, grade: display.grade.rawValue, classNumber: display.classNumber,
                schoolYear: display.schoolYear, opensOn: display.opensOn.description, endsOn: display.endsOn.description, archivedOn: nil),
                with: CampaignStore.encoder).run()
        } catch {
            if try await self.display(schoolID: display.schoolID, year: display.schoolYear, grade: display.grade, classNumber: display.classNumber) != nil {
                throw GrowthProblem("display", .displayExists)
            }
            throw error
        }
    }

    /// Archives a display that has ended with no objection open: its selected records become archived.
    public func archive(displayID: String, on day: CaseDate) async throws -> Int {
        try await transaction { store in
            try await store.sql.raw("UPDATE growth_displays SET ends_on = ends_on WHERE id = \(bind: displayID)").run()
            guard let display = try await store.display(id: displayID) else { throw Self.changedMeanwhile }
            switch display.phase(on: day) {
            case .archived: throw GrowthProblem("display", .changedMeanwhile)
            case .running: throw GrowthProblem("display", .displayNotOver)
            case .ended: break
            }
            let ids = try await store.records(schoolID: display.schoolID, year: display.schoolYear, grade: display.grade, classNumber: display.classNumber)
                .filter { $0.status == .selected }.map(\.id)
            guard try await store.objections(recordIDs: ids).allSatisfy({ $0.status != .open }) else { throw GrowthProblem("display", .objectionsOpen) }
            for id in ids { try await store.sql.raw("UPDATE growth_records SET status = 'archived' WHERE id = \(bind: id) AND status = 'selected'").run() }
            try await store.sql.raw("UPDATE growth_displays SET archived_on = \(bind: day.description) WHERE id = \(bind: displayID)").run()
            return ids.count
        }
    }

    // MARK: Objections

    public func objections(recordIDs: [String]) async throws -> [GrowthObjection] {
        guard !recordIDs.isEmpty else { return [] }
        var query: SQLQueryString = "SELECT * FROM growth_objections WHERE record_id IN ("
        query.appendList(recordIDs)
        query.appendLiteral(") ORDER BY raised_on, id")
        return try await sql.all(query, as: ObjectionRow.self).compactMap(\.objection)
    }

    public func objection(id: String) async throws -> GrowthObjection? {
        try await sql.all("SELECT * FROM growth_objections WHERE id = \(bind: id)", as: ObjectionRow.self).first?.objection
    }

    /// Raises an objection to a selected record while its class's display runs; once per person and record.
    public func object(_ objection: GrowthObjection, display: GrowthDisplay, on day: CaseDate) async throws {
        guard display.phase(on: day) == .running, display.opensOn <= day else { throw GrowthProblem("reason", .notOnDisplay) }
        guard let record = try await record(id: objection.recordID), record.status == .selected else { throw GrowthProblem("reason", .notOnDisplay) }
        do {
            try await sql.insert(into: "growth_objections").model(ObjectionRow(
                id: objection.id, recordId: objection.recordID, raisedBy: objection.raisedBy, reason: objection.reason,
                raisedOn: objection.raisedOn.description, status: GrowthObjection.Status.open.rawValue, decisionNote: nil, decidedBy: nil),
                with: CampaignStore.encoder).run()
        } catch {
            if try await objections(recordIDs: [objection.recordID]).contains(where: { $0.raisedBy == objection.raisedBy }) {
                throw GrowthProblem("reason", .objectionExists)
            }
            throw error
        }
    }

    /// The school's decision: upheld withdraws the record from the selection, dismissed keeps it.
    public func decide(objectionID: String, upheld: Bool, note: String, by decider: String) async throws -> GrowthObjection {
        try await transaction { store in
            try await store.takeLock(.growthObjection, "UPDATE growth_objections SET status = status WHERE id = \(bind: objectionID)")
            guard let objection = try await store.objection(id: objectionID) else { throw Self.changedMeanwhile }
            guard objection.status == .open else { throw GrowthProblem("decision", .alreadyDecided) }
            try await store.sql.raw("""
                UPDATE growth_objections SET status = \(bind: upheld ? "upheld" : "dismissed"), decision_note = \(bind: note), decided_by = \(bind: decider)
                WHERE id = \(bind: objectionID)
                """).run()
            if upheld {
                try await store.sql.raw("UPDATE growth_records SET status = 'withdrawn' WHERE id = \(bind: objection.recordID) AND status = 'selected'").run()
            }
            var decided = objection
            decided.status = upheld ? .upheld : .dismissed; decided.decisionNote = note; decided.decidedBy = decider
            return decided
        }
    }

    // MARK: Corrections

    public struct Correction: Sendable, Hashable {
        public var correctedBy: String
        public var correctedAt: String
        public var reason: String
        public var beforeTitle: String
        public var beforeDetail: String
    }

    /// Changes an archived record's title and detail, keeping what it said and why it changed.
    public func correct(recordID: String, title: String, detail: String, reason: String, by who: String, at now: Date = Date()) async throws {
        try await transaction { store in
            let record = try await store.lock(recordID)
            guard record.status == .archived else { throw GrowthProblem("record", .notArchived) }
            struct Row: Codable { var id: String; var recordId: String; var correctedBy: String; var correctedAt: String; var reason: String
                                  var beforeTitle: String; var beforeDetail: String }
            try await store.sql.insert(into: "growth_corrections").model(Row(
                id: UUID().uuidString.lowercased(), recordId: recordID, correctedBy: who, correctedAt: Timestamp.string(now), reason: reason,
                beforeTitle: record.title, beforeDetail: record.detail), with: CampaignStore.encoder).run()
            try await store.sql.raw("UPDATE growth_records SET title = \(bind: title), detail = \(bind: detail) WHERE id = \(bind: recordID)").run()
        }
    }

    public func corrections(recordIDs: [String]) async throws -> [String: [Correction]] {
        guard !recordIDs.isEmpty else { return [:] }
        struct Row: Decodable { var recordId: String; var correctedBy: String; var correctedAt: String; var reason: String; var beforeTitle: String
                                var beforeDetail: String }
        var query: SQLQueryString = "SELECT * FROM growth_corrections WHERE record_id IN ("
        query.appendList(recordIDs)
        query.appendLiteral(") ORDER BY corrected_at")
        return Dictionary(grouping: try await sql.all(query, as: Row.self), by: \.recordId).mapValues { rows in
            rows.map { Correction(correctedBy: $0.correctedBy, correctedAt: $0.correctedAt, reason: $0.reason, beforeTitle: $0.beforeTitle,
                                  beforeDetail: $0.beforeDetail) }
        }
    }

    // MARK: Completeness

    /// Every class of a school with pupils.
    public func classStandings(schoolID: String, year: Int) async throws -> [GrowthClassStanding] {
        try await classStandings(schoolIDs: [schoolID], year: year)[schoolID] ?? []
    }

    /// Every class with pupils of each school, by school id: four grouped queries, whatever the
    /// number and size of the schools (a district's page asks for all of its schools at once). The
    /// pupils' side names the schools too: without it PostgreSQL's planner misjudges the join and
    /// scans every pupil of the city (430 ms instead of 150 ms for a district at full scale).
    public func classStandings(schoolIDs: [String], year: Int) async throws -> [String: [GrowthClassStanding]] {
        guard !schoolIDs.isEmpty else { return [:] }
        struct Pupils: Decodable { var schoolId: String; var grade: String; var classNo: Int; var pupils: Int }
        struct Records: Decodable {
            var schoolId: String; var grade: String; var classNo: Int; var pupils: Int; var records: Int; var selected: Int; var archived: Int
        }
        struct Open: Decodable { var schoolId: String; var grade: String; var classNo: Int; var n: Int }
        func schools(_ column: String) -> SQLQueryString {
            var list: SQLQueryString = "\(unsafeRaw: column) IN ("
            list.appendList(schoolIDs)
            list.appendLiteral(")")
            return list
        }
        let pupils = try await sql.all("""
            SELECT school_id, grade, class_no, COUNT(*) AS pupils FROM students
            WHERE \(schools("school_id")) AND grade IS NOT NULL AND class_no IS NOT NULL
            GROUP BY school_id, grade, class_no
            """, as: Pupils.self)
        let records = try await sql.all("""
            SELECT r.school_id, s.grade, s.class_no, COUNT(DISTINCT r.student_id) AS pupils, COUNT(*) AS records,
                   SUM(CASE WHEN r.status = 'selected' THEN 1 ELSE 0 END) AS selected, SUM(CASE WHEN r.status = 'archived' THEN 1 ELSE 0 END) AS archived
            FROM growth_records r JOIN students s ON s.id = r.student_id
            WHERE \(schools("r.school_id")) AND r.school_year = \(bind: year) AND r.status <> 'withdrawn'
              AND \(schools("s.school_id")) AND s.school_id = r.school_id AND s.grade IS NOT NULL AND s.class_no IS NOT NULL
            GROUP BY r.school_id, s.grade, s.class_no
            """, as: Records.self)
        let open = try await sql.all("""
            SELECT r.school_id, s.grade, s.class_no, COUNT(*) AS n FROM growth_objections o JOIN growth_records r ON r.id = o.record_id
            JOIN students s ON s.id = r.student_id
            WHERE \(schools("r.school_id")) AND r.school_year = \(bind: year) AND o.status = 'open'
              AND \(schools("s.school_id")) AND s.school_id = r.school_id
            GROUP BY r.school_id, s.grade, s.class_no
            """, as: Open.self)
        let displays = try await sql.all("""
            SELECT * FROM growth_displays WHERE \(schools("school_id")) AND school_year = \(bind: year)
            """, as: DisplayRow.self).compactMap(\.display)
        struct Key: Hashable { var school: String; var grade: String; var classNo: Int }
        let recordsBy = Dictionary(records.map { (Key(school: $0.schoolId, grade: $0.grade, classNo: $0.classNo), $0) }, uniquingKeysWith: { a, _ in a })
        let openBy = Dictionary(open.map { (Key(school: $0.schoolId, grade: $0.grade, classNo: $0.classNo), $0.n) }, uniquingKeysWith: +)
        let displayBy = Dictionary(displays.map { (Key(school: $0.schoolID, grade: $0.grade.rawValue, classNo: $0.classNumber), $0) },
                                   uniquingKeysWith: { a, _ in a })
        var standings: [String: [GrowthClassStanding]] = [:]
        for row in pupils {
            guard let grade = Grade(rawValue: row.grade) else { continue }
            let key = Key(school: row.schoolId, grade: row.grade, classNo: row.classNo), r = recordsBy[key]
            standings[row.schoolId, default: []].append(GrowthClassStanding(
                grade: grade, classNumber: row.classNo, pupils: row.pupils, pupilsWithRecords: r?.pupils ?? 0, records: r?.records ?? 0,
                selected: r?.selected ?? 0, archived: r?.archived ?? 0, openObjections: openBy[key] ?? 0, display: displayBy[key]))
        }
        return standings.mapValues { $0.sorted { ($0.grade.index, $0.classNumber) < ($1.grade.index, $1.classNumber) } }
    }
}
