import Foundation

/// A catalogue as CSV, so another city can supply its own targets without code.
/// Lists (levels, stages) are separated by ';'.
extension IndicatorCatalogue {
    public static let csvColumns = ["code", "name_zh", "name_en", "unit", "formula_zh", "formula_en", "measure", "comparison",
                                    "target", "levels", "stages", "plan_section"]

    public static func parse(data: Data, fileName: String, encoding: TextEncodingChoice = .auto) throws -> IndicatorCatalogue {
        try parse(CSVTable.parse(data: data, fileName: fileName, encoding: encoding))
    }

    public static func parse(_ table: CSVTable) throws -> IndicatorCatalogue {
        try SupervisionErrorCollector.requireExactly(csvColumns, in: table)
        var reader = SupervisionErrorCollector()
        var indicators: [Indicator] = []
        var firstRow: [String: Int] = [:]
        for row in table.rows {
            let errorsBefore = reader.errors.count
            let code = reader.read { try row.string("code") }
            let nameZh = reader.read { try row.string("name_zh") }
            let nameEn = reader.read { try row.string("name_en") }
            let unit = reader.read { try row.string("unit") }
            let formula = reader.read { try row.string("formula_zh") }
            let formulaEn = row.optionalString("formula_en") ?? ""
            let measure = reader.read { try row.value("measure", as: IndicatorMeasure.self) }
            let comparison = reader.read { () throws -> IndicatorComparison in
                let text = try row.string("comparison")
                guard let comparison = IndicatorComparison(text: text) else {
                    throw row.error("comparison", "'\(text)' is not one of >=, <=, =")
                }
                return comparison
            }
            let target = reader.read { try row.double("target") }
            let levels = reader.read { try row.list("levels", as: IndicatorLevel.self) }
            let stages = reader.read { try row.list("stages", as: Stage.self) }
            let section = reader.read { try row.string("plan_section") }
            if let measure, let levels {
                let impossible = levels.filter { !measure.possibleLevels.contains($0) }
                if !impossible.isEmpty {
                    reader.errors.append(row.error("levels", "\(measure.rawValue) has no \(impossible.map(\.rawValue).joined(separator: ", ")) value"))
                }
            }
            if let code {
                if let earlier = firstRow[code] {
                    reader.errors.append(row.error("code", "duplicate code \(code), first on row \(earlier)"))
                } else {
                    firstRow[code] = row.number
                }
            }
            guard reader.errors.count == errorsBefore, let code, let nameZh, let nameEn, let unit, let formula,
                  let measure, let comparison, let target, let levels, let stages, let section else { continue }
            indicators.append(Indicator(code: code, nameZh: nameZh, nameEn: nameEn, unit: unit, formulaZh: formula, formulaEn: formulaEn,
                                        measure: measure, comparison: comparison, target: target, levels: levels,
                                        stages: stages, planSection: section))
        }
        if !reader.errors.isEmpty { throw InputErrors(errors: reader.errors) }
        return IndicatorCatalogue(indicators: indicators)
    }

    /// The catalogue in the layout `parse` reads: Shanghai's exported as a template for another city.
    public func csvDocument() -> String {
        CSVWriter.document(header: Self.csvColumns, rows: indicators.map { indicator in
            [indicator.code, indicator.nameZh, indicator.nameEn, indicator.unit, indicator.formulaZh, indicator.formulaEn,
             indicator.measure.rawValue, indicator.comparison.rawValue, SupervisionFormat.number(indicator.target),
             indicator.levels.map(\.rawValue).joined(separator: ";"), indicator.stages.map(\.rawValue).joined(separator: ";"),
             indicator.planSection]
        })
    }
}

fileprivate extension CSVRow {
    /// A non-empty ';'-separated list of enumeration values.
    func list<E: RawRepresentable & CaseIterable>(_ column: String, as type: E.Type) throws -> [E] where E.RawValue == String {
        let items = try string(column).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if items.isEmpty { throw error(column, "required, but empty") }
        return try items.map { item in
            guard let value = E(rawValue: item) else {
                throw error(column, "'\(item)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }
    }
}
