import Foundation
import Vapor
import YoujiaoCore
import YoujiaoViews

/// The fields of a posted case-file form. Malformed values are refused as `CaseFileProblem`s
/// naming the field, like the rules' own refusals, so the page shows both the same way: in
/// words, beside the field, with what was typed kept.
struct SpecialEducationForm {
    let values: [String: String]

    init(_ req: Request) {
        values = (try? req.content.decode([String: String].self)) ?? [:]
    }

    init(values: [String: String]) { self.values = values }

    /// What was typed, without the CSRF token and the confirmation flag, to fill the form again.
    var typed: [String: String] { values.filter { $0.key != "_csrf" && $0.key != "confirmed" } }

    var isConfirmed: Bool { values["confirmed"] == "yes" }

    static func problem(_ field: String, _ phrase: Phrase) -> CaseFileProblem { CaseFileProblem(field, zh: phrase.zh, en: phrase.en) }

    /// The trimmed text, empty when absent.
    func text(_ name: String) -> String { (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    func required(_ name: String) throws(CaseFileProblem) -> String {
        let value = text(name)
        if value.isEmpty { throw Self.problem(name, .specialEducation(.required)) }
        return value
    }

    func date(_ name: String) throws(CaseFileProblem) -> CaseDate {
        guard let date = CaseDate(try required(name)) else { throw Self.problem(name, .specialEducation(.notADate)) }
        return date
    }

    func optionalDate(_ name: String) throws(CaseFileProblem) -> CaseDate? {
        text(name).isEmpty ? nil : try date(name)
    }

    /// Dates separated by spaces, commas, semicolons or 、 (at most 24: two years of monthly reviews).
    func dates(_ name: String) throws(CaseFileProblem) -> [CaseDate] {
        var dates: [CaseDate] = []
        for part in text(name).split(whereSeparator: { " ,;，；、\n".contains($0) }) {
            guard let date = CaseDate(String(part)) else { throw Self.problem(name, .specialEducation(.notADate)) }
            dates.append(date)
        }
        if dates.count > 24 { throw Self.problem(name, .caseNumberRange(1, 24)) }
        return dates
    }

    /// A whole number within `range`; anything else (a word, a figure too large for Int) is refused before use.
    func int(_ name: String, in range: ClosedRange<Int>) throws(CaseFileProblem) -> Int {
        guard let number = Int(try required(name)), range.contains(number) else {
            throw Self.problem(name, .caseNumberRange(range.lowerBound, range.upperBound))
        }
        return number
    }

    func optionalInt(_ name: String, in range: ClosedRange<Int>) throws(CaseFileProblem) -> Int? {
        text(name).isEmpty ? nil : try int(name, in: range)
    }

    func value<E: RawRepresentable & CaseIterable>(_ name: String, as type: E.Type) throws(CaseFileProblem) -> E where E.RawValue == String {
        guard let parsed = E(rawValue: try required(name)) else { throw Self.problem(name, .specialEducation(.notAChoice)) }
        return parsed
    }

    func level(_ name: String) throws(CaseFileProblem) -> DisabilityLevel {
        guard let level = Int(text(name)).flatMap(DisabilityLevel.init(rawValue:)) else {
            throw Self.problem(name, .specialEducation(.levelRange))
        }
        return level
    }
}
