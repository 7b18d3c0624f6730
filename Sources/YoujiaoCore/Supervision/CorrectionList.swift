import Foundation

/// One target missed by one school, district or the city, and by how much.
public struct IndicatorCorrection: Sendable, Hashable, Codable {
    public var indicatorCode: String
    public var nameZh: String
    public var nameEn: String
    public var level: IndicatorLevel
    public var scopeID: String
    public var districtCode: String?
    public var value: Double
    public var target: Double
    public var comparison: IndicatorComparison
    public var unit: String
    /// Distance to the target in the unit (always positive).
    public var gap: Double
    /// The gap as a percentage of the target; nil when the target is 0.
    public var gapPercent: Double?
}

public enum CorrectionList {
    /// The "not met" results, city first, then districts, then schools (each by district and id, then catalogue order).
    /// "No data" results are not listed: they need a report, not a correction.
    public static func build(results: [IndicatorResult], catalogue: IndicatorCatalogue = .shanghai2024) -> [IndicatorCorrection] {
        let order = Dictionary(catalogue.indicators.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let corrections = results.compactMap { result -> IndicatorCorrection? in
            guard result.status == .notMet, let value = result.value, let position = order[result.indicatorCode] else { return nil }
            let indicator = catalogue.indicators[position]
            let gap = result.comparison.shortfall(value, target: result.target)
            return IndicatorCorrection(indicatorCode: result.indicatorCode, nameZh: indicator.nameZh, nameEn: indicator.nameEn,
                              level: result.level, scopeID: result.scopeID, districtCode: result.districtCode,
                              value: value, target: result.target, comparison: result.comparison, unit: result.unit,
                              gap: gap, gapPercent: result.target == 0 ? nil : gap / abs(result.target) * 100)
        }
        return corrections.sorted { a, b in
            if a.level != b.level { return a.level > b.level }
            if a.districtCode != b.districtCode { return (a.districtCode ?? "") < (b.districtCode ?? "") }
            if a.scopeID != b.scopeID { return a.scopeID < b.scopeID }
            return order[a.indicatorCode, default: .max] < order[b.indicatorCode, default: .max]
        }
    }

    public static let columns = ["indicator", "name_zh", "level", "scope_id", "district", "value", "target",
                                 "comparison", "unit", "gap", "gap_percent"]

    public static func document(_ corrections: [IndicatorCorrection]) -> String {
        CSVWriter.document(header: columns, rows: corrections.map { correction in
            [correction.indicatorCode, correction.nameZh, correction.level.rawValue, correction.scopeID,
             correction.districtCode ?? "", SupervisionFormat.number(correction.value), SupervisionFormat.number(correction.target),
             correction.comparison.rawValue, correction.unit, SupervisionFormat.number(correction.gap),
             SupervisionFormat.number(correction.gapPercent)]
        })
    }
}
