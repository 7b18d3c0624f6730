import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

extension ScenarioForm {
    /// The problems of a form that cannot be stored; the page shows each beside its field.
    struct Invalid: Error { var problems: [Problem] }
}

extension ScenarioForm.Values {
    /// A stored scenario's fields, as the edit form starts.
    init(_ stored: StoredScenario) {
        let scenario = stored.scenario
        var births = "constant", trendYears = "5", series = ""
        switch scenario.births {
        case .constant: break
        case .linearTrend(let span): births = "trend"; trendYears = String(span)
        case .series(let list):
            births = "series"
            // The rows only: the header is the file format's, added back when the form is read.
            series = list.counts.map { "\($0.districtCode),\($0.year),\($0.births)\n" }.joined()
        }
        let changes = [("opening", scenario.openings), ("closure", scenario.closures)].flatMap { kind, list in
            list.map { Change(kind: kind, district: $0.districtCode, stage: $0.stage.rawValue, year: String($0.year),
                              seats: String($0.seats), label: $0.label) }
        }
        self.init(name: scenario.name, district: stored.districtCode ?? "", years: String(stored.horizon), births: births,
                  trendYears: trendYears, birthsSeries: series, changes: changes)
    }

    /// The series as typed, with the header line of the file format added when the planner left
    /// it out; `headerAdded` says so, so that row numbers count the lines the planner typed.
    static func seriesDocument(_ typed: String) -> (text: String, headerAdded: Bool) {
        let first = typed.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return first.hasPrefix("district") ? (typed, false) : ("district,year,births\n" + typed, true)
    }

    /// The scenario these fields describe, checked against the planner's scope and the data: the
    /// fields one by one (every number range-checked before use), then a projection of the
    /// scenario (which catches closures of more seats than there are, or a births series that
    /// does not reach the years needed). A district planner naming another district gets 403;
    /// every other problem is an `Invalid` naming its field.
    func scenario(_ req: Request, context: PlanningContext, id: String, ownerID: String, createdAt: String) throws -> StoredScenario {
        var problems: [ScenarioForm.Problem] = []
        func problem(_ field: String, _ message: Phrase) { problems.append(ScenarioForm.Problem(field: field, message: message)) }

        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedName.isEmpty { problem("name", .planning(.nameMissing)) }
        if trimmedName.count > 80 { problem("name", .planning(.nameTooLong)) }

        // Scope: a district planner plans their own district only.
        let scope: String? = district.isEmpty ? nil : district
        if context.viewer.scope.role == .districtAdmin, scope != context.viewer.scope.districtCode {
            throw Abort(.forbidden, reason: req.language(.planningOwnDistrictOnly))
        }
        if let scope, context.district(scope) == nil { problem("district", .planning(.unknownDistrict)) }

        let horizon = Int(years.trimmingCharacters(in: .whitespaces)).flatMap { (1...ProjectionOptions.maximumYears).contains($0) ? $0 : nil }
        if horizon == nil { problem("years", .planningYearsRange(maximum: ProjectionOptions.maximumYears, typed: years)) }

        var assumption = BirthsAssumption.constant
        switch births {
        case "constant": break
        case "trend":
            if let span = Int(trendYears.trimmingCharacters(in: .whitespaces)), (2...20).contains(span) {
                assumption = .linearTrend(years: span)
            } else {
                problem("trend_years", .planningTrendYearsRange(typed: trendYears))
            }
        case "series":
            do {
                let document = Self.seriesDocument(birthsSeries)
                let series = try PlanningFiles.birthSeries(text: document.text, name: "births_series")
                assumption = .series(BirthSeries(counts: series.counts, source: StoredScenario.birthsSource))
                for (index, count) in series.counts.enumerated() where scope != nil && count.districtCode != scope {
                    let line = (series.source.rows?[index] ?? index + 2) - (document.headerAdded ? 1 : 0)
                    problem("births_series", .planningSeriesOutside(row: line, district: context.name(of: count.districtCode)))
                }
            } catch let errors as InputErrors {
                problem("births_series", .planningSeriesUnreadable(detail: errors.errors.map(\.description).joined(separator: "; ")))
            } catch let error as FieldError {
                problem("births_series", .planningSeriesUnreadable(detail: error.description))
            }
        default:
            problem("births", .planning(.birthsChoiceInvalid))
        }

        var openings: [SeatChange] = [], closures: [SeatChange] = []
        let changeYears = context.baseYear + 1...context.baseYear + ProjectionOptions.maximumYears
        for (row, change) in changes.enumerated() {
            var valid = true
            func rowProblem(_ field: String, _ message: Phrase) {
                problem("\(field)_\(row)", .planningChangeProblem(row: row + 1, message))
                valid = false
            }
            if change.kind != "opening" && change.kind != "closure" { rowProblem("kind", .planningKindInvalid) }
            if context.district(change.district) == nil {
                rowProblem("district", .planning(.unknownDistrict))
            } else if let scope, change.district != scope {
                rowProblem("district", .planningChangeOutside(district: context.name(of: change.district), scope: context.name(of: scope)))
            }
            let stage = Stage(rawValue: change.stage).flatMap { Projection.stages.contains($0) ? $0 : nil }
            if stage == nil { rowProblem("stage", .planningStageInvalid) }
            let year = Int(change.year.trimmingCharacters(in: .whitespaces)).flatMap { changeYears.contains($0) ? $0 : nil }
            if year == nil {
                rowProblem("year", .planningChangeYearRange(first: changeYears.lowerBound, last: changeYears.upperBound, typed: change.year))
            }
            let seats = Int(change.seats.trimmingCharacters(in: .whitespaces)).flatMap { (1...SeatChange.maximumSeats).contains($0) ? $0 : nil }
            if seats == nil { rowProblem("seats", .planningSeatsRange(maximum: SeatChange.maximumSeats, typed: change.seats)) }
            if change.label.count > 100 { rowProblem("label", .planningLabelTooLong) }
            guard valid, let stage, let year, let seats else { continue }
            let seatChange = SeatChange(districtCode: change.district, stage: stage, year: year, seats: seats,
                                        label: change.label.trimmingCharacters(in: .whitespaces))
            if change.kind == "opening" { openings.append(seatChange) } else { closures.append(seatChange) }
        }
        guard problems.isEmpty, let horizon else { throw ScenarioForm.Invalid(problems: problems) }

        let stored = StoredScenario(id: id, ownerUserID: ownerID, districtCode: scope, horizon: horizon,
                                    scenario: PlanningScenario(name: trimmedName, births: assumption, openings: openings, closures: closures),
                                    createdAt: createdAt)
        do {
            _ = try PlanningEngine.project(context.restricted(stored.scenario, to: scope).0.inputs(seatsFrom: context.baseYear),
                                           options: context.options(years: horizon), scenario: context.restricted(stored.scenario, to: scope).1)
        } catch let errors as InputErrors {
            throw ScenarioForm.Invalid(problems: [.init(field: "scenario", message: .planningCannotProject(
                detail: errors.errors.map(\.description).joined(separator: "; ")))])
        } catch let error as FieldError {
            throw ScenarioForm.Invalid(problems: [.init(field: "scenario", message: .planningCannotProject(detail: error.description))])
        }
        return stored
    }
}
