import Foundation
import YoujiaoCore

/// Validates a whole CSV file against the registry, then writes it in one transaction.
public struct RegistryImporter: Sendable {
    public let store: RegistryStore
    public init(store: RegistryStore) { self.store = store }

    /// - Returns: rows stored. Throws `InputErrors` (row, field, reason for each problem) and stores nothing.
    public func importTable(_ table: CSVTable, as kind: RegistryEntityKind) async throws -> Int {
        let known = try await store.knownKeys()
        var references = RegistryReferences(districtCodes: known.districtCodes, zoneIDs: known.zoneIDs, schoolStages: known.schoolStages)
        switch kind {
        case .districts:
            let rows = try District.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(districts: rows) }
            return rows.count
        case .zones:
            let rows = try CatchmentZone.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(zones: rows) }
            return rows.count
        case .schools:
            let rows = try School.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(schools: rows) }
            return rows.count
        case .students:
            let rows = try Student.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(students: rows) }
            return rows.count
        case .guardians:
            references.studentIDs = try await known.studentNationalIDs(childIDs(in: table))
            let rows = try Guardian.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(guardians: rows) }
            return rows.count
        case .teachers:
            let rows = try Teacher.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(teachers: rows) }
            return rows.count
        case .enrollment:
            let rows = try EnrollmentCount.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(history: rows) }
            return rows.count
        case .births:
            let rows = try BirthCount.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(births: rows) }
            return rows.count
        }
    }

    /// The children named in a guardians file, to look up only those among millions of pupils.
    private func childIDs(in table: CSVTable) -> [String] {
        guard let column = Guardian.csvColumns.first(where: { $0.name == "children" }),
              let index = table.header.firstIndex(where: { $0.lowercased() == column.name || $0 == column.label }) else { return [] }
        return table.rows.flatMap { row in
            row.values[index].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        }
    }
}
