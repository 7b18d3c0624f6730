import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// The scenario editor's fields as typed, so a form with mistakes comes back as it was sent, and
/// their checks: every problem names its field; nothing is stored until all pass.
struct PlanningScenarioForm {
    struct Change {
        var kind = "opening", district = "", stage = Stage.primary.rawValue, year = "", seats = "", label = ""
        /// An untouched row (its selects always carry a value, so only the typed fields count).
        var isBlank: Bool { [year, seats, label].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }
    struct Problem: Sendable { var field: String; var message: String }
    struct Invalid: Error { var problems: [Problem] }

    static let maxChanges = 40
    static let blankRows = 3

    var name = ""
    var district = ""
    var years = String(PlanningContext.defaultYears)
    var births = "constant"
    var trendYears = "5"
    var birthsSeries = ""
    var changes: [Change] = []

    init() {}

    /// The posted fields: change rows are `kind_0`, `district_0`, `stage_0`, `year_0`, `seats_0`, `label_0`, …
    init(fields: [String: String]) {
        name = fields["name"] ?? ""
        district = fields["district"] ?? ""
        years = fields["years"] ?? ""
        births = fields["births"] ?? "constant"
        trendYears = fields["trend_years"] ?? ""
        birthsSeries = fields["births_series"] ?? ""
        for row in 0..<Self.maxChanges where fields["kind_\(row)"] != nil {
            let change = Change(kind: fields["kind_\(row)"] ?? "", district: fields["district_\(row)"] ?? "",
                                stage: fields["stage_\(row)"] ?? "", year: fields["year_\(row)"] ?? "",
                                seats: fields["seats_\(row)"] ?? "", label: fields["label_\(row)"] ?? "")
            if !change.isBlank { changes.append(change) }
        }
    }

    init(_ stored: StoredScenario) {
        let scenario = stored.scenario
        name = scenario.name
        district = stored.districtCode ?? ""
        years = String(stored.horizon)
        switch scenario.births {
        case .constant: births = "constant"
        case .linearTrend(let span): births = "trend"; trendYears = String(span)
        case .series(let series):
            births = "series"
            birthsSeries = CSVWriter.document(header: ["district", "year", "births"],
                                              rows: series.counts.map { [$0.districtCode, String($0.year), String($0.births)] })
        }
        changes = [("opening", scenario.openings), ("closure", scenario.closures)].flatMap { kind, list in
            list.map { Change(kind: kind, district: $0.districtCode, stage: $0.stage.rawValue, year: String($0.year),
                              seats: String($0.seats), label: $0.label) }
        }
    }

    // MARK: Checking

    /// The scenario these fields describe, checked against the planner's scope and the data: the
    /// fields one by one, then a projection of the scenario (which catches closures of more seats
    /// than there are, or a births series that does not reach the years needed).
    /// A district planner naming another district gets 403; every other problem is an `Invalid`.
    func scenario(_ req: Request, context: PlanningContext, id: String, ownerID: String, createdAt: String) throws -> StoredScenario {
        var problems: [Problem] = []
        func problem(_ field: String, _ zh: String, _ en: String) { problems.append(Problem(field: field, message: req.t(zh, en))) }

        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedName.isEmpty { problem("name", "请填写情景名称。", "Give the scenario a name.") }
        if trimmedName.count > 80 { problem("name", "名称不超过 80 个字。", "The name may have at most 80 characters.") }

        // Scope: a district planner plans their own district only.
        let scope: String? = district.isEmpty ? nil : district
        if context.viewer.scope.role == .districtAdmin, scope != context.viewer.scope.districtCode {
            throw Abort(.forbidden, reason: req.t("区级管理员只能为本区制定情景。", "A district planner plans their own district only."))
        }
        if let scope, context.district(scope) == nil {
            problem("district", "未知的区“\(scope)”。", "Unknown district '\(scope)'.")
        }

        let horizon = Int(years.trimmingCharacters(in: .whitespaces))
        if horizon == nil || !(1...ProjectionOptions.maximumYears).contains(horizon!) {
            problem("years", "预测年数须为 1–\(ProjectionOptions.maximumYears) 的整数，收到“\(years)”。",
                    "years must be a whole number from 1 to \(ProjectionOptions.maximumYears), not '\(years)'.")
        }

        var assumption = BirthsAssumption.constant
        switch births {
        case "constant": break
        case "trend":
            if let span = Int(trendYears.trimmingCharacters(in: .whitespaces)), (2...20).contains(span) {
                assumption = .linearTrend(years: span)
            } else {
                problem("trend_years", "趋势年数须为 2–20 的整数，收到“\(trendYears)”。", "trend_years must be a whole number from 2 to 20, not '\(trendYears)'.")
            }
        case "series":
            do {
                let series = try PlanningFiles.birthSeries(text: birthsSeries, name: "births_series")
                assumption = .series(BirthSeries(counts: series.counts, source: StoredScenario.birthsSource))
                for (index, count) in series.counts.enumerated() where scope != nil && count.districtCode != scope {
                    problem("births_series", "第 \(series.source.rows?[index] ?? index + 2) 行：\(count.districtCode) 不在本情景的范围内。",
                            "row \(series.source.rows?[index] ?? index + 2): \(count.districtCode) is outside the scenario's district.")
                }
            } catch let errors as InputErrors {
                for error in errors.errors { problems.append(Problem(field: "births_series", message: error.description)) }
            } catch let error as FieldError {
                problems.append(Problem(field: "births_series", message: error.description))
            }
        default:
            problem("births", "出生假设须为 constant、trend 或 series。", "births must be constant, trend or series.")
        }

        var openings: [SeatChange] = [], closures: [SeatChange] = []
        let changeYears = context.baseYear + 1...context.baseYear + ProjectionOptions.maximumYears
        for (row, change) in changes.enumerated() {
            let number = row + 1
            var valid = true
            func rowProblem(_ field: String, _ zh: String, _ en: String) {
                problem("\(field)_\(row)", "第 \(number) 行：\(zh)", "Row \(number): \(en)")
                valid = false
            }
            if change.kind != "opening" && change.kind != "closure" {
                rowProblem("kind", "类型须为新建（opening）或关停（closure）。", "kind must be opening or closure.")
            }
            if context.district(change.district) == nil {
                rowProblem("district", "未知的区“\(change.district)”。", "unknown district '\(change.district)'.")
            } else if let scope, change.district != scope {
                rowProblem("district", "\(context.name(of: change.district))不在本情景的范围（\(context.name(of: scope))）内。",
                           "\(change.district) is outside the scenario's district \(scope).")
            }
            let stage = Stage(rawValue: change.stage).flatMap { Projection.stages.contains($0) ? $0 : nil }
            if stage == nil { rowProblem("stage", "学段“\(change.stage)”无效。", "stage '\(change.stage)' is not kindergarten, primary, junior or senior.") }
            let year = Int(change.year.trimmingCharacters(in: .whitespaces))
            if year == nil || !changeYears.contains(year!) {
                rowProblem("year", "年份须为 \(changeYears.lowerBound)–\(changeYears.upperBound) 的整数，收到“\(change.year)”。",
                           "year must be a whole number from \(changeYears.lowerBound) to \(changeYears.upperBound), not '\(change.year)'.")
            }
            let seats = Int(change.seats.trimmingCharacters(in: .whitespaces))
            if seats == nil || !(1...SeatChange.maximumSeats).contains(seats!) {
                rowProblem("seats", "学位数须为 1–\(SeatChange.maximumSeats) 的整数，收到“\(change.seats)”。",
                           "seats must be a whole number from 1 to \(SeatChange.maximumSeats), not '\(change.seats)'.")
            }
            if change.label.count > 100 { rowProblem("label", "说明不超过 100 个字。", "the label may have at most 100 characters.") }
            guard valid, let stage, let year, let seats else { continue }
            let seatChange = SeatChange(districtCode: change.district, stage: stage, year: year, seats: seats,
                                        label: change.label.trimmingCharacters(in: .whitespaces))
            if change.kind == "opening" { openings.append(seatChange) } else { closures.append(seatChange) }
        }
        if !problems.isEmpty { throw Invalid(problems: problems) }

        let stored = StoredScenario(id: id, ownerUserID: ownerID, districtCode: scope, horizon: horizon!,
                                    scenario: PlanningScenario(name: trimmedName, births: assumption, openings: openings, closures: closures),
                                    createdAt: createdAt)
        do {
            _ = try context.project(req, stored.scenario, years: stored.horizon, scope: scope)
        } catch let abort as any AbortError {
            throw Invalid(problems: [Problem(field: "scenario", message: abort.reason)])
        }
        return stored
    }

    // MARK: Rendering

    func html(_ req: Request, context: PlanningContext, action: String, problems: [Problem]) -> String {
        func option(_ value: String, _ label: String, selected: String) -> String {
            "<option value=\"\(esc(value))\"\(value == selected ? " selected" : "")>\(esc(label))</option>"
        }
        let scopeOptions = (context.viewer.scope.role == .cityAdmin ? [option("", req.t("全市", "Whole city"), selected: district)] : [])
            + context.districts.map { option($0.code, $0.name, selected: district) }
        let kinds = [("opening", req.t("新建/扩容", "opening")), ("closure", req.t("关停/缩减", "closure"))]
        let rows = (changes + Array(repeating: Change(district: context.districts.count == 1 ? context.districts[0].code : ""), count: Self.blankRows))
            .enumerated().map { row, change in
                """
                <tr><td><select name="kind_\(row)">\(kinds.map { option($0.0, $0.1, selected: change.kind) }.joined())</select></td>
                <td><select name="district_\(row)">\(option("", "—", selected: change.district))\(context.districts.map { option($0.code, $0.name, selected: change.district) }.joined())</select></td>
                <td><select name="stage_\(row)">\(Projection.stages.map { option($0.rawValue, $0.label(req), selected: change.stage) }.joined())</select></td>
                <td><input name="year_\(row)" inputmode="numeric" size="6" value="\(esc(change.year))"></td>
                <td><input name="seats_\(row)" inputmode="numeric" size="7" value="\(esc(change.seats))"></td>
                <td><input name="label_\(row)" size="24" value="\(esc(change.label))"></td></tr>
                """
            }
        let errorList = problems.isEmpty ? "" : "<ul class=\"errors\" role=\"alert\">"
            + problems.map { "<li data-field=\"\(esc($0.field))\"><strong>\(esc($0.field))</strong>: \(esc($0.message))</li>" }.joined() + "</ul>"
        let birthsChoice = [("constant", req.t("保持最近一年不变", "held at the last known year")),
                            ("trend", req.t("按最近 N 年线性趋势", "linear trend of the last N years")),
                            ("series", req.t("自定义序列（CSV：district,year,births，仅已知年份之后）", "own series (CSV district,year,births, later years only)"))]
        return """
        \(errorList)
        <form method="post" action="\(esc(action))" class="scenario">
        <input type="hidden" name="_csrf" value="\(esc(req.csrfToken))">
        <p><label>\(req.t("名称", "Name")) <input name="name" size="40" value="\(esc(name))" required></label>
        <label>\(req.t("范围", "Scope")) <select name="district">\(scopeOptions.joined())</select></label>
        <label>\(req.t("预测年数", "Years")) <input name="years" inputmode="numeric" size="4" value="\(esc(years))"></label></p>
        <fieldset><legend>\(req.t("出生假设（\(context.baseYear) 年后入学队列）", "Births after the last known year"))</legend>
        \(birthsChoice.map { "<label><input type=\"radio\" name=\"births\" value=\"\($0.0)\"\($0.0 == births ? " checked" : "")> \(esc($0.1))</label>" }.joined(separator: "<br>"))
        <p><label>N = <input name="trend_years" inputmode="numeric" size="3" value="\(esc(trendYears))"></label></p>
        <textarea name="births_series" rows="5" cols="50" placeholder="district,year,births">\(esc(birthsSeries))</textarea></fieldset>
        <h3>\(req.t("新建与关停（学位数为该学段全部年级的学位，自该学年起）", "Openings and closures (seats over all grades of the stage, from that school year)"))</h3>
        <table><thead><tr><th>\(req.t("类型", "Kind"))</th><th>\(req.t("区", "District"))</th><th>\(req.t("学段", "Stage"))</th>
        <th>\(req.t("学年", "Year"))</th><th>\(req.t("学位", "Seats"))</th><th>\(req.t("说明", "Label"))</th></tr></thead>
        <tbody>\(rows.joined())</tbody></table>
        <p><button type="submit" id="save-scenario">\(req.t("保存情景", "Save scenario"))</button></p>
        </form>
        """
    }
}
