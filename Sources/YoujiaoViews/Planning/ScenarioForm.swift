import Plot
import YoujiaoCore

/// The scenario editor: its fields as typed (so a form with mistakes comes back as it was sent),
/// the problems found in them, and the form drawn with each problem beside its field.
public enum ScenarioForm {
    /// The posted fields. Change rows are `kind_0`, `district_0`, `stage_0`, `year_0`, `seats_0`, `label_0`, …
    public struct Values: Sendable, Hashable {
        public struct Change: Sendable, Hashable {
            public var kind: String, district: String, stage: String, year: String, seats: String, label: String
            public init(kind: String = "opening", district: String = "", stage: String = Stage.primary.rawValue,
                        year: String = "", seats: String = "", label: String = "") {
                self.kind = kind; self.district = district; self.stage = stage; self.year = year; self.seats = seats; self.label = label
            }
            /// An untouched row (its selects always carry a value, so only the typed fields count).
            public var isBlank: Bool { [year, seats, label].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        }

        public var name: String
        /// The district the scenario plans; empty for the whole city.
        public var district: String
        public var years: String
        /// constant, trend or series.
        public var births: String
        public var trendYears: String
        public var birthsSeries: String
        public var changes: [Change]

        public init(name: String = "", district: String = "", years: String = "10", births: String = "constant", trendYears: String = "5",
                    birthsSeries: String = "", changes: [Change] = []) {
            self.name = name; self.district = district; self.years = years; self.births = births
            self.trendYears = trendYears; self.birthsSeries = birthsSeries; self.changes = changes
        }

        /// The form as posted; blank change rows are dropped, at most `maxChanges` rows are read.
        public init(fields: [String: String]) {
            self.init(name: fields["name"] ?? "", district: fields["district"] ?? "", years: fields["years"] ?? "",
                      births: fields["births"] ?? "constant", trendYears: fields["trend_years"] ?? "",
                      birthsSeries: fields["births_series"] ?? "")
            for row in 0..<ScenarioForm.maxChanges where fields["kind_\(row)"] != nil {
                let change = Change(kind: fields["kind_\(row)"] ?? "", district: fields["district_\(row)"] ?? "",
                                    stage: fields["stage_\(row)"] ?? "", year: fields["year_\(row)"] ?? "",
                                    seats: fields["seats_\(row)"] ?? "", label: fields["label_\(row)"] ?? "")
                if !change.isBlank { changes.append(change) }
            }
        }
    }

    /// A problem with one field (`year_0`, `name`, or `scenario` for the scenario as a whole), in words.
    public struct Problem: Sendable, Hashable {
        public var field: String
        public var message: Phrase
        public init(field: String, message: Phrase) { self.field = field; self.message = message }
    }

    public struct DistrictChoice: Sendable, Hashable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    public struct Model: Sendable, Hashable {
        public var values: Values
        public var problems: [Problem]
        /// Where the form posts.
        public var action: String
        /// The last year whose births are known.
        public var baseYear: Int
        public var districts: [DistrictChoice]
        /// City planners may plan the whole city; district planners only their district.
        public var mayPlanWholeCity: Bool

        public init(values: Values, problems: [Problem] = [], action: String, baseYear: Int, districts: [DistrictChoice], mayPlanWholeCity: Bool) {
            self.values = values; self.problems = problems; self.action = action; self.baseYear = baseYear
            self.districts = districts; self.mayPlanWholeCity = mayPlanWholeCity
        }

        func error(_ field: String) -> Phrase? {
            let messages = problems.filter { $0.field == field }.map(\.message)
            return messages.isEmpty ? nil : Phrase(zh: messages.map(\.zh).joined(separator: " "), en: messages.map(\.en).joined(separator: " "))
        }
    }

    public static let maxChanges = 40
    /// Empty rows offered under the typed ones.
    public static let blankRows = 3
    public static let stages: [Stage] = [.kindergarten, .primary, .junior, .senior]
}

/// The scenario form: a list of the problems (each a link to its field), then the fields with
/// their own messages.
struct ScenarioFormView: Component {
    var model: ScenarioForm.Model
    var csrfToken: String
    var language: Language

    var body: Component {
        let t = language, values = model.values
        let districtOptions = model.districts.map { Choice(value: $0.code, label: .verbatim($0.name)) }
        let scopeOptions = (model.mayPlanWholeCity ? [Choice(value: "", label: .planning(.wholeCity))] : []) + districtOptions
        let onlyDistrict = model.districts.count == 1 ? model.districts[0].code : ""
        let rows = values.changes + Array(repeating: ScenarioForm.Values.Change(district: onlyDistrict), 
                                                    count: max(0, min(ScenarioForm.blankRows, ScenarioForm.maxChanges - values.changes.count)))
        // Figures are text inputs: a number input would drop what was typed when it is not a number.
        func field(_ name: String, _ label: Phrase, _ kind: FormField.Kind = .text, _ value: String, hint: Phrase? = nil,
                   required: Bool = false) -> Node<HTML.FormContext> {
            .component(FormField(name: name, label: label, kind: kind, value: value, error: model.error(name), hint: hint,
                                 isRequired: required, language: t))
        }
        return Node<HTML.BodyContext>.group(
            .if(!model.problems.isEmpty, .ul(.class("errors"), .attr("role", "alert"), .forEach(model.problems) { problem in
                .li(.attr("data-field", problem.field),
                    problem.field == "scenario" ? .words(t(problem.message)) : .a(.attr("href", "#\(problem.field)"), .words(t(problem.message))))
            })),
            .form(
                .attr("method", "post"), .attr("action", model.action), .class("scenario"),
                .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", csrfToken)),
                field("name", .planning(.name), .text, values.name, required: true),
                field("district", .planning(.scope), .select(scopeOptions), values.district),
                field("years", .planning(.horizonYears), .text, values.years),
                .fieldset(
                    .element(named: "legend", nodes: [.words(t(.planningBirthsLegend(baseYear: model.baseYear)))]),
                    field("births", .planning(.birthsAssumption),
                          .select([Choice(value: "constant", label: .planning(.birthsHeldChoice)),
                                   Choice(value: "trend", label: .planning(.birthsTrendChoice)),
                                   Choice(value: "series", label: .planning(.birthsSeriesChoice))]), values.births),
                    field("trend_years", .planning(.trendYears), .text, values.trendYears),
                    field("births_series", .planning(.birthsSeries), .textarea(rows: 5), values.birthsSeries, hint: .planning(.birthsSeriesHint))
                ),
                .h3(.words(t(.planning(.changesHeading)))),
                .forEach(Array(rows.enumerated())) { row, change in
                    .fieldset(
                        .class("change"),
                        .element(named: "legend", nodes: [.words(t(.planningChangeRow(row + 1)))]),
                        field("kind_\(row)", .planning(.changeKind),
                              .select([Choice(value: "opening", label: .planning(.opening)), Choice(value: "closure", label: .planning(.closure))]),
                              change.kind),
                        field("district_\(row)", .planning(.district),
                              .select([Choice(value: "", label: .planning(.noDistrictChosen))] + districtOptions), change.district),
                        field("stage_\(row)", .planning(.stage), .select(ScenarioForm.stages.map { Choice(value: $0.rawValue, label: .stage($0)) }),
                              change.stage),
                        field("year_\(row)", .planning(.changeYear), .text, change.year),
                        field("seats_\(row)", .planning(.changeSeats), .text, change.seats),
                        field("label_\(row)", .planning(.changeLabel), .text, change.label)
                    )
                },
                .p(.button(.attr("type", "submit"), .id("save-scenario"), .words(t(.planning(.saveScenario)))))
            )
        )
    }
}
