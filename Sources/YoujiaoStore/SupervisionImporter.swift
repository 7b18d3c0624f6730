import Foundation
import SQLKit
import YoujiaoCore

/// The report files of supervision (`youjiao import school-reports|district-reports|rotation FILE`).
public enum SupervisionReportKind: String, Sendable, CaseIterable {
    case schoolReports = "school-reports"
    case districtReports = "district-reports"
    case rotation
}

/// Validates a whole report file against the registry (known schools, districts and years), then
/// stores it in one transaction; a report replaces an earlier one of the same school (district) and year.
public struct SupervisionImporter: Sendable {
    public let store: SupervisionStore
    public init(store: SupervisionStore) { self.store = store }

    /// - Returns: reports stored. Throws `InputErrors` (row, field, reason for each problem) and stores nothing.
    public func importTable(_ table: CSVTable, as kind: SupervisionReportKind, submittedBy: String) async throws -> Int {
        let years = try await store.knownYears()
        let keys = try await RegistryStore(store.database).knownKeys()
        switch kind {
        case .schoolReports:
            let reports = try SchoolReportCSV.parse(table, knownSchoolIDs: Set(keys.schoolStages.keys), knownYears: years)
            try await store.transaction { try await $0.replace(schoolReports: reports, submittedBy: submittedBy) }
            return reports.count
        case .rotation:
            let reports = try RotationCSV.parse(table, knownSchoolIDs: Set(keys.schoolStages.keys), knownYears: years)
            try await store.transaction { try await $0.replace(rotations: reports, submittedBy: submittedBy) }
            return reports.count
        case .districtReports:
            let reports = try DistrictReportCSV.parse(table, knownDistrictCodes: keys.districtCodes, knownYears: years)
            try await store.transaction { try await $0.replace(districtReports: reports, submittedBy: submittedBy) }
            return reports.count
        }
    }
}
