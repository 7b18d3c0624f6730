import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Teachers' appointments, qualifications, training and rotations. Writes replace the row with the
/// same key (a file imported twice stores each row once); reads give Core's values with the
/// teacher's ID number.
public struct TeacherHistoryStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    struct AppointmentRow: Codable, Sendable {
        var id: String; var teacherId: String; var schoolId: String; var post: String; var startsOn: String; var endsOn: String?; var previousProvince: String?
    }
    struct QualificationRow: Codable, Sendable { var id: String; var teacherId: String; var kind: String; var value: String; var since: String }
    struct TrainingRow: Codable, Sendable {
        var id: String; var teacherId: String; var course: String; var provider: String; var tenthHours: Int; var date: String; var kind: String
    }
    struct RotationRow: Codable, Sendable {
        var id: String; var teacherId: String; var fromSchoolId: String; var toSchoolId: String; var start: String; var plannedEnd: String
        var kind: String; var status: String
    }

    /// The registry row ids of teachers by ID number; a number without a teacher is left out.
    func teacherRowIDs(_ nationalIDs: [String]) async throws -> [String: String] {
        try await RegistryStore(database).ids(table: "teachers", nationalIDs: nationalIDs)
    }

    public func upsert(appointments: [TeacherAppointment]) async throws {
        let ids = try await teacherRowIDs(appointments.map(\.teacherNationalID))
        var rowIDs = RowIDs()
        try await sql.insertBatched(into: "teacher_appointments", appointments.compactMap { a in
            ids[a.teacherNationalID].map { AppointmentRow(id: rowIDs.next(), teacherId: $0, schoolId: a.schoolID, post: a.post.rawValue,
                                                          startsOn: a.from.description, endsOn: a.until?.description, previousProvince: a.previousProvince) }
        }, upsertOn: ["teacher_id", "school_id", "starts_on"])
    }

    public func upsert(qualifications: [TeacherQualification]) async throws {
        let ids = try await teacherRowIDs(qualifications.map(\.teacherNationalID))
        var rowIDs = RowIDs()
        try await sql.insertBatched(into: "teacher_qualifications", qualifications.compactMap { q in
            ids[q.teacherNationalID].map { QualificationRow(id: rowIDs.next(), teacherId: $0, kind: q.kind.rawValue, value: q.value,
                                                            since: q.since.description) }
        }, upsertOn: ["teacher_id", "kind", "since"])
    }

    public func upsert(training: [TeacherTraining]) async throws {
        let ids = try await teacherRowIDs(training.map(\.teacherNationalID))
        var rowIDs = RowIDs()
        try await sql.insertBatched(into: "teacher_training", training.compactMap { t in
            ids[t.teacherNationalID].map { TrainingRow(id: rowIDs.next(), teacherId: $0, course: t.course, provider: t.provider,
                                                       tenthHours: t.tenthHours, date: t.date.description, kind: t.kind.rawValue) }
        }, upsertOn: ["teacher_id", "course", "date"])
    }

    public func upsert(rotations: [TeacherRotation]) async throws {
        let ids = try await teacherRowIDs(rotations.map(\.teacherNationalID))
        var rowIDs = RowIDs()
        try await sql.insertBatched(into: "teacher_rotation_terms", rotations.compactMap { r in
            ids[r.teacherNationalID].map { RotationRow(id: rowIDs.next(), teacherId: $0, fromSchoolId: r.fromSchoolID, toSchoolId: r.toSchoolID,
                                                       start: r.start.description, plannedEnd: r.plannedEnd.description, kind: r.kind.rawValue, status: r.status.rawValue) }
        }, upsertOn: ["teacher_id", "start"])
    }

    /// One teacher's whole record, each part in date order.
    public struct History: Sendable {
        public var appointments: [TeacherAppointment] = []
        public var qualifications: [TeacherQualification] = []
        public var training: [TeacherTraining] = []
        public var rotations: [TeacherRotation] = []
        public init() {}
    }

    /// Which of a history's records to read: a district's rotation pages need only the posts and
    /// rotations, not the training log (most of the rows).
    public struct HistoryParts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let appointments = HistoryParts(rawValue: 1)
        public static let qualifications = HistoryParts(rawValue: 2)
        public static let training = HistoryParts(rawValue: 4)
        public static let rotations = HistoryParts(rawValue: 8)
        public static let all: HistoryParts = [.appointments, .qualifications, .training, .rotations]
        /// What rotation eligibility and the district's reviews read.
        public static let postsAndRotations: HistoryParts = [.appointments, .rotations]
    }

    /// The records of the given teachers (registry row ids), keyed by row id; only `parts` are read.
    public func histories(teacherIDs: [String], parts: HistoryParts = .all) async throws -> [String: History] {
        guard !teacherIDs.isEmpty else { return [:] }
        struct Teacher: Decodable { var id: String; @Sealed var nationalId: String }
        var result: [String: History] = [:]
        for start in stride(from: 0, to: teacherIDs.count, by: 400) {
            let chunk = Array(teacherIDs[start..<min(start + 400, teacherIDs.count)])
            func list(_ table: String, order: String) -> SQLQueryString {
                var query: SQLQueryString = "SELECT * FROM \(unsafeRaw: table) WHERE teacher_id IN ("
                query.appendList(chunk)
                query.appendLiteral(") ORDER BY \(order)")
                return query
            }
            var teachersQuery: SQLQueryString = "SELECT id, national_id FROM teachers WHERE id IN ("
            teachersQuery.appendList(chunk)
            teachersQuery.appendLiteral(")")
            let national = Dictionary(uniqueKeysWithValues: try await sql.all(teachersQuery, as: Teacher.self).map { ($0.id, $0.nationalId) })
            for row in parts.contains(.appointments) ? try await sql.all(list("teacher_appointments", order: "starts_on"), as: AppointmentRow.self) : [] {
                guard let id = national[row.teacherId], let post = TeacherPost(rawValue: row.post), let from = CaseDate(row.startsOn) else { continue }
                result[row.teacherId, default: History()].appointments.append(TeacherAppointment(
                    teacherNationalID: id, schoolID: row.schoolId, post: post, from: from, until: row.endsOn.flatMap(CaseDate.init), previousProvince: row.previousProvince))
            }
            for row in parts.contains(.qualifications) ? try await sql.all(list("teacher_qualifications", order: "since"), as: QualificationRow.self) : [] {
                guard let id = national[row.teacherId], let kind = TeacherQualification.Kind(rawValue: row.kind), let since = CaseDate(row.since) else { continue }
                result[row.teacherId, default: History()].qualifications.append(TeacherQualification(teacherNationalID: id, kind: kind, value: row.value, since: since))
            }
            for row in parts.contains(.training) ? try await sql.all(list("teacher_training", order: "date"), as: TrainingRow.self) : [] {
                guard let id = national[row.teacherId], let kind = TeacherTraining.Kind(rawValue: row.kind), let date = CaseDate(row.date) else { continue }
                result[row.teacherId, default: History()].training.append(TeacherTraining(
                    teacherNationalID: id, course: row.course, provider: row.provider, tenthHours: row.tenthHours, date: date, kind: kind))
            }
            for row in parts.contains(.rotations) ? try await sql.all(list("teacher_rotation_terms", order: "start"), as: RotationRow.self) : [] {
                guard let id = national[row.teacherId], let kind = TeacherRotation.Kind(rawValue: row.kind), let status = TeacherRotation.Status(rawValue: row.status),
                      let start = CaseDate(row.start), let end = CaseDate(row.plannedEnd) else { continue }
                result[row.teacherId, default: History()].rotations.append(TeacherRotation(
                    teacherNationalID: id, fromSchoolID: row.fromSchoolId, toSchoolID: row.toSchoolId, start: start, plannedEnd: end, kind: kind, status: status))
            }
        }
        return result
    }

    /// The records of every teacher of `kind`, in pages of teachers (ID-number order) for export.
    public func forEachBatch(of kind: RegistryEntityKind, _ body: ([any RegistryCSVRecord]) async throws -> Void) async throws {
        struct Key: Decodable { var id: String; var nationalIdIndex: String }
        let part: HistoryParts
        switch kind {
        case .appointments: part = .appointments
        case .qualifications: part = .qualifications
        case .training: part = .training
        case .rotations: part = .rotations
        default: return
        }
        var after = ""
        while true {
            let teachers = try await sql.all("""
                SELECT id, national_id_index FROM teachers WHERE national_id_index > \(bind: after) ORDER BY national_id_index LIMIT 2000
                """, as: Key.self)
            guard let last = teachers.last else { return }
            let histories = try await histories(teacherIDs: teachers.map(\.id), parts: part)
            let ordered = teachers.compactMap { histories[$0.id] }
            switch kind {
            case .appointments: try await body(ordered.flatMap(\.appointments))
            case .qualifications: try await body(ordered.flatMap(\.qualifications))
            case .training: try await body(ordered.flatMap(\.training))
            case .rotations: try await body(ordered.flatMap(\.rotations))
            default: return
            }
            after = last.nationalIdIndex
        }
    }
}

/// A district's teachers with their posts and rotations, and the names of its schools: what its
/// rotation list, teacher reviews and rotation rounds start from. Reading it costs a quarter of a
/// second at city scale (about 9,000 teachers a district), so it is kept per data version.
public struct DistrictTeacherCareers: Sendable {
    public var teachers: [TeacherRecord]
    public var histories: [String: TeacherHistoryStore.History]
    public var schoolNames: [String: String]

    public func history(of teacherID: String) -> TeacherHistoryStore.History { histories[teacherID] ?? TeacherHistoryStore.History() }
}

extension TeacherHistoryStore {
    public func districtCareers(districtCode: String) async throws -> DistrictTeacherCareers {
        try await ComputedFigures.shared.value("teachers.districtCareers.\(districtCode)", reading: [.registry, .supervision, .teacherPosts],
                                               on: database) { database in
            let registry = RegistryStore(database)
            let teachers = try await registry.teachers(districtCode: districtCode)
            let histories = try await TeacherHistoryStore(database).histories(teacherIDs: teachers.map(\.id), parts: .postsAndRotations)
            let schools = try await registry.schools(SchoolFilter(districtCode: districtCode), page: .everything).items
            return DistrictTeacherCareers(teachers: teachers, histories: histories,
                                          schoolNames: Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.name) }))
        }
    }
}
