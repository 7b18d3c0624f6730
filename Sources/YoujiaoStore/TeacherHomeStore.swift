import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Where teachers live (`TeacherHome`), one sealed row per teacher: the employer's import or the
/// teacher's own entry, whichever came last.
public struct TeacherHomeStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    struct HomeRow: Codable, Sendable {
        var teacherId: String
        @Sealed var location: String
        var source: String
        var updatedOn: String
    }

    /// Whether a teacher's home is on file, and who gave it when; never the place itself.
    public struct Standing: Sendable, Hashable {
        public var source: TeacherHome.Source
        public var updatedOn: CaseDate
    }

    public func upsert(_ homes: [TeacherHome], source: TeacherHome.Source, on day: CaseDate = .today()) async throws {
        let ids = try await RegistryStore(database).ids(table: "teachers", nationalIDs: homes.map(\.teacherNationalID))
        try await sql.insertBatched(into: "teacher_homes", homes.compactMap { home in
            ids[home.teacherNationalID].map { HomeRow(teacherId: $0, location: home.storedText, source: source.rawValue, updatedOn: day.description) }
        }, upsertOn: ["teacher_id"])
    }

    /// A teacher's own entry on their page.
    public func set(teacherID: String, _ home: TeacherHome, on day: CaseDate = .today()) async throws {
        try await sql.insertBatched(into: "teacher_homes", [HomeRow(teacherId: teacherID, location: home.storedText, source: TeacherHome.Source.teacher.rawValue,
                                                                      updatedOn: day.description)], upsertOn: ["teacher_id"])
    }

    /// Removes a teacher's home; the planner then uses their current school again.
    public func clear(teacherID: String) async throws {
        try await sql.raw("DELETE FROM teacher_homes WHERE teacher_id = \(bind: teacherID)").run()
    }

    public func standing(teacherID: String) async throws -> Standing? {
        try await rows("SELECT * FROM teacher_homes WHERE teacher_id = \(bind: teacherID)").first.flatMap { row in
            guard let source = TeacherHome.Source(rawValue: row.source), let day = CaseDate(row.updatedOn) else { return nil }
            return Standing(source: source, updatedOn: day)
        }
    }

    /// The homes of these teachers by registry row id, for the rotation planner.
    public func homes(teacherIDs: [String]) async throws -> [String: TeacherHome] {
        var result: [String: TeacherHome] = [:]
        for chunk in stride(from: 0, to: teacherIDs.count, by: 500).map({ Array(teacherIDs[$0..<min($0 + 500, teacherIDs.count)]) }) {
            var query: SQLQueryString = "SELECT * FROM teacher_homes WHERE teacher_id IN ("
            query.appendList(chunk)
            query.appendLiteral(")")
            let rows = try await self.rows(query)
            for row in rows { result[row.teacherId] = TeacherHome.fromStored(row.location) }
        }
        return result
    }

    /// Every home with its teacher's ID number, in the teachers' index order (the export).
    public func all() async throws -> [TeacherHome] {
        struct Joined: Decodable { @Sealed var nationalId: String; @Sealed var location: String }
        return try await sql.all("""
            SELECT t.national_id, h.location FROM teacher_homes h JOIN teachers t ON t.id = h.teacher_id ORDER BY t.national_id_index
            """, as: Joined.self).compactMap { TeacherHome.fromStored($0.location, teacherNationalID: $0.nationalId) }
    }

    private func rows(_ query: SQLQueryString) async throws -> [HomeRow] {
        try await sql.all(query, as: HomeRow.self)
    }
}
