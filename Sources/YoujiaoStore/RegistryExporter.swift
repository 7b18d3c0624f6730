import Foundation
import SQLKit
import YoujiaoCore

/// Reads a whole entity in a stable order, a few thousand rows at a time, so exports of millions of
/// pupils never sit in memory at once.
public struct RegistryExporter: Sendable {
    public let store: RegistryStore
    public init(store: RegistryStore) { self.store = store }
    static let batchSize = 5_000

    public func forEachBatch(of kind: RegistryEntityKind, _ body: ([any RegistryCSVRecord]) async throws -> Void) async throws {
        let sql = store.sql
        switch kind {
        case .districts: try await body(try await store.districts())
        case .zones: try await body(try await sql.all("SELECT * FROM zones ORDER BY id", as: ZoneRecord.self).map(\.zone))
        case .schools: try await body(try await sql.all("SELECT * FROM schools ORDER BY id", as: SchoolRecord.self).map(\.school))
        case .enrollment: try await body(try await store.enrollmentHistory())
        case .births: try await body(try await store.births())
        case .students:
            try await pages(table: "students", as: StudentRecord.self, key: \.nationalIdIndex) { try await body($0.map(\.student)) }
        case .teachers:
            try await pages(table: "teachers", as: TeacherRecord.self, key: \.nationalIdIndex) { try await body($0.map(\.teacher)) }
        case .appointments, .qualifications, .training, .rotations:
            try await TeacherHistoryStore(store.database).forEachBatch(of: kind, body)
        case .teacherHomes:
            try await body(try await TeacherHomeStore(store.database).all())
        case .guardians:
            try await pages(table: "guardians", as: GuardianRecord.self, key: \.nationalIdIndex) { guardians in
                let children = try await childrenByGuardian(guardians.map(\.id))
                try await body(guardians.map { g in
                    Guardian(nationalID: g.nationalId, name: g.name, phone: g.phone, relation: g.relation, childNationalIDs: children[g.id] ?? [])
                })
            }
        }
    }

    /// Keyset pages ordered by the ID number's blind index (no OFFSET, so the last page costs what the
    /// first does; the numbers themselves are sealed and have no order in the database).
    private func pages<Row: Decodable>(table: String, as type: Row.Type, key: KeyPath<Row, String>,
                                       _ body: ([Row]) async throws -> Void) async throws {
        var after = ""
        while true {
            var query: SQLQueryString = "SELECT * FROM \(unsafeRaw: table) WHERE national_id_index > \(bind: after) ORDER BY national_id_index LIMIT "
            query.appendInterpolation(literal: Self.batchSize)
            let rows = try await store.sql.all(query, as: Row.self)
            guard let last = rows.last else { return }
            try await body(rows)
            after = last[keyPath: key]
        }
    }

    private func childrenByGuardian(_ guardianIDs: [String]) async throws -> [String: [String]] {
        struct Row: Decodable { var guardianId: String; @Sealed var nationalId: String }
        var result: [String: [String]] = [:]
        for start in stride(from: 0, to: guardianIDs.count, by: 400) {
            var query: SQLQueryString = "SELECT gc.guardian_id, st.national_id FROM guardian_children gc JOIN students st ON st.id = gc.student_id WHERE gc.guardian_id IN ("
            query.appendList(Array(guardianIDs[start..<min(start + 400, guardianIDs.count)]))
            query.appendLiteral(")")
            for row in try await store.sql.all(query, as: Row.self) { result[row.guardianId, default: []].append(row.nationalId) }
        }
        return result.mapValues { $0.sorted() }
    }
}
