import Foundation

/// How supervision figures are written: in report files (four decimals) and on pages (fewer).
public enum SupervisionFormat {
    /// Up to `decimals` decimals (0…6), trailing zeros dropped; empty for a missing value (never "0").
    public static func number(_ value: Double?, decimals: Int = 4) -> String {
        guard let value else { return "" }
        // Integer arithmetic: String(format:) is slow on Linux and reports have ~10⁵ cells.
        let unit = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000][min(max(decimals, 0), 6)]
        let scaledValue = (value * Double(unit)).rounded()
        guard abs(scaledValue) < 1e17 else { return String(value) }
        let scaled = Int(scaledValue)
        let whole = String(abs(scaled) / unit)
        guard unit > 1 else { return (scaled < 0 ? "-" : "") + whole }
        var fraction = String(abs(scaled) % unit)
        fraction = String(repeating: "0", count: String(unit).count - 1 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = scaled < 0 ? "-" : ""
        return fraction.isEmpty ? sign + whole : sign + whole + "." + fraction
    }
}

/// The report files of `youjiao indicators compute` and `youjiao indicators balance`.
public enum SupervisionCSV {
    public static let resultColumns = ["indicator", "level", "scope_id", "value", "target", "status"]

    /// `indicator,level,scope_id,value,target,status`; the value is empty when the status is no-data.
    public static func results(_ results: [IndicatorResult]) -> String {
        CSVWriter.document(header: resultColumns, rows: results.map { result in
            [result.indicatorCode, result.level.rawValue, result.scopeID, SupervisionFormat.number(result.value),
             SupervisionFormat.number(result.target), result.status.rawValue]
        })
    }

    public static let balanceColumns = ["district", "stage", "section", "scope_id", "indicator", "value", "target", "status"]

    /// The 优质均衡 report as rows: each school's values (`school`), its count of indicators met
    /// (`school-summary`), schools left out (`excluded`), the coefficients of variation (`cv`) and
    /// the district verdict (`district`: schools passing of schools judged).
    public static func balance(_ report: QualityBalanceReport) -> String {
        func row(_ section: String, _ scope: String, _ indicator: String, _ value: Double?, _ target: Double?, _ status: String) -> [String] {
            [report.districtCode, report.stage.rawValue, section, scope, indicator,
             SupervisionFormat.number(value), SupervisionFormat.number(target), status]
        }
        var rows: [[String]] = []
        for school in report.schools {
            rows += school.values.map { row("school", school.schoolID, $0.indicatorCode, $0.value, $0.standard, $0.status.rawValue) }
            rows.append(row("school-summary", school.schoolID, "indicators-met", Double(school.indicatorsMet),
                            Double(report.rules.minimumIndicatorsMet), school.verdict.rawValue))
        }
        rows += report.excludedSchools.map { row("excluded", $0.scopeID, "", nil, nil, "excluded") }
        rows += report.dispersions.map { row("cv", report.districtCode, $0.indicatorCode, $0.coefficientOfVariation, $0.limit, $0.verdict.rawValue) }
        rows.append(row("district", report.districtCode, "quality-balance", Double(report.schoolsPassing),
                        Double(report.schools.count), report.verdict.rawValue))
        return CSVWriter.document(header: balanceColumns, rows: rows)
    }

    /// The report as assessors read it: one row per school with its seven values, then the CV row.
    public static func balanceTable(_ report: QualityBalanceReport) -> String {
        let codes = report.dispersions.map(\.indicatorCode)
        var rows = report.schools.map { school in
            [school.schoolID, String(school.stagePupils)] + school.values.map { SupervisionFormat.number($0.value) }
                + [String(school.indicatorsMet), school.verdict.rawValue]
        }
        rows.append(["CV", ""] + report.dispersions.map { SupervisionFormat.number($0.coefficientOfVariation) }
            + ["", BalanceVerdict(knownFailure: report.dispersions.contains { $0.verdict == .fail },
                                  anyMissing: report.dispersions.contains { $0.verdict == .noData }).rawValue])
        return CSVWriter.document(header: ["school_id", "pupils"] + codes + ["indicators_met", "result"], rows: rows)
    }
}
