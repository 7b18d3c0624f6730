import Foundation
import Vapor
import YoujiaoCore

/// How supervision figures look on a page: coloured by status, never a zero for a missing figure.
enum SupervisionHTML {
    static let catalogue = IndicatorCatalogue.shanghai2024

    static func statusLabel(_ status: IndicatorStatus, _ req: Request) -> String {
        switch status {
        case .met: return req.t("达标", "met")
        case .notMet: return req.t("未达标", "not met")
        case .noData: return req.t("无数据", "no data")
        }
    }

    static func verdictLabel(_ verdict: BalanceVerdict, _ req: Request) -> String {
        switch verdict {
        case .pass: return req.t("通过", "pass")
        case .fail: return req.t("未通过", "fail")
        case .noData: return req.t("无数据", "no data")
        }
    }

    /// Shares with one decimal, money in whole yuan, everything else with up to two decimals.
    static func figure(_ value: Double?, unit: String) -> String {
        SupervisionFormat.number(value, decimals: unit == "%" ? 1 : unit == "元/生" ? 0 : 2)
    }

    /// A value coloured by its status, optionally linking to the records behind it.
    static func cell(_ value: Double?, unit: String, status: IndicatorStatus, _ req: Request, link: String? = nil) -> String {
        let text = value == nil ? statusLabel(.noData, req) : figure(value, unit: unit)
        let inner = link.map { "<a href=\"\(esc($0))\">\(esc(text))</a>" } ?? esc(text)
        return "<span class=\"status \(status.rawValue)\" title=\"\(esc(statusLabel(status, req)))\">\(inner)</span>"
    }

    static func cell(_ result: IndicatorResult?, _ req: Request, link: String? = nil) -> String {
        guard let result else { return "—" }
        // Still "no data" (a scope without such schools has no figure), but said plainly.
        if result.missing.count == 1, result.missing[0].scopeID == result.scopeID, result.missing[0].reason == "no school in scope" {
            return "<span class=\"status no-data\" title=\"\(esc(statusLabel(.noData, req)))\">\(req.t("无此类学校", "none"))</span>"
        }
        return cell(result.value, unit: result.unit, status: result.status, req, link: link)
    }

    static func verdictCell(_ verdict: BalanceVerdict, _ req: Request) -> String {
        let status: IndicatorStatus = verdict == .pass ? .met : verdict == .fail ? .notMet : .noData
        return "<span class=\"status \(status.rawValue)\">\(esc(verdictLabel(verdict, req)))</span>"
    }

    /// "≥ 80 %", the target at the result's level.
    static func target(_ comparison: IndicatorComparison, _ target: Double, unit: String) -> String {
        "\(comparison.symbol) \(figure(target, unit: unit)) \(unit)"
    }

    static func name(_ indicator: Indicator, _ req: Request) -> String { req.t(indicator.nameZh, indicator.nameEn) }

    static func name(code: String, _ req: Request) -> String {
        catalogue.indicator(code: code).map { name($0, req) } ?? code
    }

    /// The named figures a school value was computed from, e.g. "pupils 820; floor_area_m2 4,100".
    static func inputs(_ inputs: [IndicatorInput]) -> String {
        inputs.map { "\($0.name) \(SupervisionFormat.number($0.value, decimals: 2))" }.joined(separator: "; ")
    }

    static func missing(_ missing: [MissingInput]) -> String {
        missing.map { "\($0.scopeID): \($0.reason)" }.joined(separator: "; ")
    }

    /// A form that reloads the page for another school year.
    static func yearPicker(_ req: Request, year: Int, known: Set<Int>, keep: [String: String] = [:]) -> String {
        let options = known.sorted(by: >).map { "<option value=\"\($0)\"\($0 == year ? " selected" : "")>\($0)–\(($0 + 1) % 100)</option>" }.joined()
        let hidden = keep.sorted { $0.key < $1.key }.map { "<input type=\"hidden\" name=\"\(esc($0.key))\" value=\"\(esc($0.value))\">" }.joined()
        return """
        <form method="get" action="\(esc(req.url.path))" class="filters">\(hidden)
        <label>\(req.t("学年", "School year")) <select name="year">\(options)</select></label>
        <button type="submit">\(req.t("查看", "Show"))</button></form>
        """
    }

    static func legend(_ req: Request) -> String {
        IndicatorStatus.allCases.map { "<span class=\"status \($0.rawValue)\">\(esc(statusLabel($0, req)))</span>" }.joined(separator: " ")
    }

    /// Met / not met / no data per column, as stacked bars.
    static func statusChart(_ req: Request, categories: [String], results: [[IndicatorResult]], title: String) -> String {
        let colours: [IndicatorStatus: String] = [.met: "#2e8b57", .notMet: "#c0392b", .noData: "#9aa3ad"]
        let chart = BarChart(categories: categories, series: IndicatorStatus.allCases.map { status in
            BarChart.Series(name: statusLabel(status, req), colour: colours[status]!,
                            values: results.map { $0.count { $0.status == status } })
        }, title: title)
        return "<figure>\(chart.svg)</figure>"
    }

    /// `?year=Y` for links that keep the year on view.
    static func yearQuery(_ year: Int) -> String { "?year=\(year)" }
}
