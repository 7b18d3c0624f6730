import ArgumentParser
import Foundation
import YoujiaoCore
import YoujiaoStore
import YoujiaoWeb

/// What `youjiao import` takes: a registry entity, existing special-education case files
/// (一人一案, docs/special-education.md), or supervision reports (docs/supervision.md).
enum ImportTarget: Equatable, ExpressibleByArgument {
    case registry(RegistryEntityKind)
    case specialEducation
    case supervision(SupervisionReportKind)

    init?(argument: String) {
        if argument == "special-education" { self = .specialEducation } else if let kind = RegistryEntityKind(rawValue: argument) {
            self = .registry(kind)
        } else if let kind = SupervisionReportKind(rawValue: argument) {
            self = .supervision(kind)
        } else { return nil }
    }
    static var allValueStrings: [String] {
        RegistryEntityKind.allCases.map(\.rawValue) + ["special-education"] + SupervisionReportKind.allCases.map(\.rawValue)
    }
    var rawValue: String {
        switch self {
        case .registry(let kind): kind.rawValue
        case .specialEducation: "special-education"
        case .supervision(let kind): kind.rawValue
        }
    }

    /// Rows (registry) or case files (special education) stored; throws `InputErrors` and stores
    /// nothing when any row is bad.
    func importTable(_ table: CSVTable, runtime: YoujiaoRuntime) async throws -> Int {
        switch self {
        case .registry(let kind):
            return try await RegistryImporter(store: runtime.registry).importTable(table, as: kind)
        case .specialEducation:
            // The rules count today in Shanghai, as the web forms do.
            return try await SpecialEducationImporter(runtime.registry.database).importTable(table, today: .today())
        case .supervision(let kind):
            return try await SupervisionImporter(store: SupervisionStore(runtime.registry.database))
                .importTable(table, as: kind, submittedBy: "cli:\(NSUserName())")
        }
    }
}
