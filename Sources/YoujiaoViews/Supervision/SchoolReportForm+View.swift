import Plot
import YoujiaoCore

extension SchoolReportFormPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) {
            self.chrome = chrome; self.model = model
        }

        public var title: Phrase { .reportFormTitle(model.schoolName) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .if(!model.problems.isEmpty, .div(
                    .class("error"), .attr("role", "alert"), .id("report-errors"),
                    .p(.words(t(.supervision(.formHasErrors)))),
                    .ul(.forEach(model.problems) { problem in
                        .li(.a(.attr("href", "#\(problem.field)"), .words(t(problem.label))), .words((t == .zh ? "：" : ": ") + t(problem.message)))
                    }))),
                .p(.class("summary"), .words(supervisionSentences(t, .supervision(.formIntro), .supervision(.blankMeansNotReported)))),
                .form(
                    .attr("method", "post"), .attr("action", "\(model.base)/report"), .class("report"), .attr("novalidate", "novalidate"),
                    .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                    .input(.attr("type", "hidden"), .attr("name", "year"), .attr("value", String(model.year))),
                    .p(.words(t(.schoolYearLabel(model.year)))),
                    .div(.class("fields"), .forEach(model.fields) { .component(formField($0)) }),
                    .if(!model.grades.isEmpty, .group(
                        .h2(.words(t(.supervision(.timetable)))),
                        .forEach(model.grades) { grade in
                            .fieldset(.class("grade"), .element(named: "legend", nodes: [.words(t(.gradeFields(grade)))]),
                                      .forEach(gradeCells) { cell in
                                          let name = SchoolReportFormPage.gradeField(cell.column, grade)
                                          return .component(FormField(name: name, label: .inputGrade(cell.label, grade), value: model.values[name] ?? "",
                                                                      error: model.problem(name), hint: cell.hint, language: t))
                                      })
                        })),
                    .p(.class("actions"),
                       .button(.attr("type", "submit"), .attr("id", "save"), .words(t(.supervision(.save)))), .text(" "),
                       .a(.attr("href", "\(model.base)?year=\(model.year)"), .words(t(.supervision(.cancel)))))
                )
            )
        }

        /// The cells of one grade: its three kinds of lesson, then its periods (optional).
        private var gradeCells: [(column: String, label: Phrase, hint: Phrase?)] {
            SchoolReportFormPage.lessonFields.map { (column: $0.column, label: $0.label, hint: nil) }
                + [(column: "weekly_periods", label: .supervision(.weeklyPeriods), hint: .supervision(.periodsOptional))]
        }

        private func formField(_ field: Field) -> FormField {
            let t = chrome.language
            if field.kind == .yesNo {
                return FormField(name: field.name, label: field.label,
                                 kind: .select([Choice(value: "", label: .supervision(.notReported)), Choice(value: "yes", label: .supervision(.yes)),
                                                Choice(value: "no", label: .supervision(.no))]),
                                 value: model.values[field.name] ?? "", error: model.problem(field.name), language: t)
            }
            return FormField(name: field.name, label: field.label, value: model.values[field.name] ?? "", error: model.problem(field.name),
                             hint: field.hint, language: t)
        }
    }
}
