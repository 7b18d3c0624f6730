import Foundation
import Vapor
import YoujiaoCore

/// The fields of a posted case-file form. Malformed values are refused as `CaseFileProblem`s
/// naming the field, like the rules' own refusals, so the page shows both the same way.
struct SpecialEducationForm {
    let values: [String: String]

    init(_ req: Request) {
        values = (try? req.content.decode([String: String].self)) ?? [:]
    }

    init(values: [String: String]) { self.values = values }

    /// The trimmed text, empty when absent.
    func text(_ name: String) -> String { (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    func required(_ name: String) throws(CaseFileProblem) -> String {
        let value = text(name)
        if value.isEmpty { throw CaseFileProblem(name, zh: "必填。", en: "required, but empty") }
        return value
    }

    func date(_ name: String) throws(CaseFileProblem) -> CaseDate {
        let value = try required(name)
        guard let date = CaseDate(value) else {
            throw CaseFileProblem(name, zh: "“\(value)”不是有效日期（yyyy-MM-dd）。", en: "'\(value)' is not a date (yyyy-MM-dd)")
        }
        return date
    }

    func optionalDate(_ name: String) throws(CaseFileProblem) -> CaseDate? {
        text(name).isEmpty ? nil : try date(name)
    }

    /// Dates separated by spaces, commas, semicolons or 、.
    func dates(_ name: String) throws(CaseFileProblem) -> [CaseDate] {
        var dates: [CaseDate] = []
        for part in text(name).split(whereSeparator: { " ,;，；、\n".contains($0) }) {
            guard let date = CaseDate(String(part)) else {
                throw CaseFileProblem(name, zh: "“\(part)”不是有效日期（yyyy-MM-dd）。", en: "'\(part)' is not a date (yyyy-MM-dd)")
            }
            dates.append(date)
        }
        return dates
    }

    func int(_ name: String) throws(CaseFileProblem) -> Int {
        let value = try required(name)
        guard let number = Int(value) else { throw CaseFileProblem(name, zh: "“\(value)”不是整数。", en: "'\(value)' is not a whole number") }
        return number
    }

    func optionalInt(_ name: String) throws(CaseFileProblem) -> Int? {
        text(name).isEmpty ? nil : try int(name)
    }

    func value<E: RawRepresentable & CaseIterable>(_ name: String, as type: E.Type) throws(CaseFileProblem) -> E where E.RawValue == String {
        let value = try required(name)
        guard let parsed = E(rawValue: value) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw CaseFileProblem(name, zh: "“\(value)”不是可选值之一（\(allowed)）。", en: "'\(value)' is not one of \(allowed)")
        }
        return parsed
    }

    func level(_ name: String) throws(CaseFileProblem) -> DisabilityLevel {
        guard let level = Int(text(name)).flatMap(DisabilityLevel.init(rawValue:)) else {
            throw CaseFileProblem(name, zh: "残疾等级须为 1–4。", en: "the level is 1–4")
        }
        return level
    }
}

/// Chinese label and English name of the case-file enumerations.
protocol CaseFileLabel {
    var labelZH: String { get }
    var englishLabel: String { get }
}

extension CaseFileLabel {
    func label(_ req: Request) -> String { req.t(labelZH, englishLabel) }
}

extension CaseFileLabel where Self: RawRepresentable, RawValue == String {
    var englishLabel: String { rawValue }
}

extension DisabilityCategory: CaseFileLabel {}
extension PlacementKind: CaseFileLabel {}
extension AssessmentKind: CaseFileLabel {}
extension ServiceDomain: CaseFileLabel {}
extension GoalResult: CaseFileLabel {}
extension ReviewOutcome: CaseFileLabel {}
extension DisabilityLevel: CaseFileLabel {
    var englishLabel: String { "level \(rawValue)" }
}
