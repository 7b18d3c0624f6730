import Foundation
import SQLKit
import YoujiaoCore

/// Gives the demo city's junior and senior pupils their records (`GrowthRecordDemo`), one transaction.
public enum GrowthRecordDemoLoader {
    public static func load(into registry: RegistryStore, seed: UInt64, today: CaseDate) async throws -> Int {
        struct Row: Decodable { var id: String; var schoolId: String }
        let grades = Grade.allCases.filter { $0.stage == .junior || $0.stage == .senior }.map(\.rawValue)
        var query: SQLQueryString = "SELECT id, school_id FROM students WHERE school_id IS NOT NULL AND class_no IS NOT NULL AND grade IN ("
        query.appendList(grades)
        query.appendLiteral(") ORDER BY id")
        let pupils = try await registry.sql.all(query, as: Row.self)
        let records = GrowthRecordDemo.generate(pupils.map { .init(studentID: $0.id, schoolID: $0.schoolId) }, today: today, seed: seed)
        try await registry.transaction { tx in try await BulkWriter(database: tx.database).withLargeCache {
            var ids = RowIDs()   // counting keys: each row lands at the end of the primary-key index
            try await tx.sql.insertBatched(into: "growth_records", records.map { record in
                var row = GrowthRecordStore.RecordRow(record)
                row.id = ids.next()
                return row
            })
        } }
        return records.count
    }
}
