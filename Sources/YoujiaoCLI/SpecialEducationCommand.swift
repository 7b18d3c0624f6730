import ArgumentParser
import Foundation
import YoujiaoCore
import YoujiaoStore
import YoujiaoWeb

/// What `youjiao import` takes: a registry entity, or existing special-education case files
/// (一人一案, docs/special-education.md).
enum ImportTarget: Equatable, ExpressibleByArgument {
    case registry(RegistryEntityKind)
    case specialEducation

    init?(argument: String) {
        if argument == "special-education" { self = .specialEducation } else if let kind = RegistryEntityKind(rawValue: argument) {
            self = .registry(kind)
        } else { return nil }
    }
    static var allValueStrings: [String] { RegistryEntityKind.allCases.map(\.rawValue) + ["special-education"] }
    var rawValue: String { if case .registry(let kind) = self { kind.rawValue } else { "special-education" } }

    /// Rows (registry) or case files (special education) stored; throws `InputErrors` and stores
    /// nothing when any row is bad.
    func importTable(_ table: CSVTable, runtime: YoujiaoRuntime) async throws -> Int {
        switch self {
        case .registry(let kind):
            return try await RegistryImporter(store: runtime.registry).importTable(table, as: kind)
        case .specialEducation:
            // The rules count today in Shanghai, as the web forms do.
            return try await SpecialEducationImporter(runtime.registry.database).importTable(table, today: .today())
        }
    }
}
