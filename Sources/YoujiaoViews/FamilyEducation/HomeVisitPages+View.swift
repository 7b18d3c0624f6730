import Plot
import YoujiaoCore

extension HomeVisitsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .homeVisits(.title(school: model.schoolName, year: model.year)) }

        public var content: Component {
            let t = chrome.language
            let total = model.total
            let facts: [FactList.Fact] = [
                .init(.homeVisits(.pupils), .number(total.pupils)), .init(.homeVisits(.visited), .number(total.visited)),
                .init(.homeVisits(.percent), .toned(.phrase(.homeVisits(.percent(total.percent))), tone: total.isComplete ? .good : .bad,
                                                   note: .homeVisits(total.isComplete ? .complete : .incomplete))),
                .init(.homeVisits(.openFollowUps), .number(total.openFollowUps)),
                .init(.homeVisits(.activitiesCount), .phraseLink(.homeVisits(.countOfTarget(model.activities, target: FamilyEducationActivity.yearlyTarget)),
                                                                  href: "/schools/\(PageAddress.encode(model.schoolID))/family-education")),
            ]
            let classes = model.classes.sorted { HomeVisitsPage.classOrder($0.schoolClass, $1.schoolClass) }
            return Node<HTML.BodyContext>.group(
                problemSummary(model.problem, t),
                .div(.id("coverage"), .component(FactList(facts, language: t))),
                // The class picked comes first: its pupils, the form and its log are what a teacher came for.
                .unwrap(model.detail, { classSection($0, t) }, else: .p(.class("hint"), .words(t(.homeVisits(.pickClass))))),
                .if(!classes.isEmpty, .element(named: "figure", nodes: [.class("chart-box"), .component(BarChart(
                    title: .homeVisits(.chartTitle), categories: classes.map { t(.homeVisits(.schoolClass($0.schoolClass))) },
                    series: [.init(name: .homeVisits(.chartVisited), colour: "#2e7d4f", values: classes.map(\.coverage.visited)),
                             .init(name: .homeVisits(.chartNotVisited), colour: "#b0b7c3", values: classes.map(\.coverage.notVisited))],
                    language: t))])),
                .component(FilterForm(action: model.href, fields: [
                    FormField(name: "show", label: .homeVisits(.show),
                              kind: .select([Choice(value: "", label: .homeVisits(.showAll)), Choice(value: "incomplete", label: .homeVisits(.showIncomplete))]),
                              value: model.incompleteOnly ? "incomplete" : "", language: t)], keptSort: model.sort, language: t)),
                .component(DownloadLinks(for: address, csvPath: model.href + "/classes.csv", xlsxPath: model.href + "/classes.xlsx", language: t)),
                .component(DataTable(HomeVisitsPage.classTable(model), address: address, language: t)),
                .p(.a(.attr("href", "/schools/\(PageAddress.encode(model.schoolID))/family-education"), .words(t(.homeVisits(.activitiesLink)))))
            )
        }

        private func classSection(_ detail: ClassDetail, _ t: Language) -> Node<HTML.BodyContext> {
            let classValue = detail.schoolClass.map(\.description) ?? "none"
            let classAddress = PageAddress(path: model.href, query: [.init("class", classValue)])
            return .section(
                .id("class"), .attr("aria-labelledby", "class-heading"),
                .h2(.id("class-heading"), .words(t(.homeVisits(.schoolClass(detail.schoolClass))))),
                .p(.class("filters"),
                   detail.unvisitedOnly
                    ? .a(.id("all-pupils"), .attr("href", classAddress.href), .words(t(.homeVisits(.allPupils))))
                    : .a(.id("unvisited-only"), .attr("href", classAddress.setting("pupils", to: "unvisited").href), .words(t(.homeVisits(.unvisitedOnly))))),
                .component(DownloadLinks(for: address.keeping(["class", "pupils"]), csvPath: model.href + "/pupils.csv",
                                         xlsxPath: model.href + "/pupils.xlsx", language: t)),
                .component(DataTable(HomeVisitsPage.pupilTable(model, detail), address: address, language: t)),
                .if(model.mayLog && !detail.pupils.isEmpty, visitForm(detail, classValue, t)),
                .component(DataTable(HomeVisitsPage.visitTable(model, detail, withActions: model.mayLog), address: address, language: t)),
                .if(model.mayLog, .forEach(detail.visits.filter { $0.visit.followUpOpen }) { row in
                    .form(.attr("method", "post"), .attr("action", "\(model.href)/visits/\(PageAddress.encode(row.visit.id))/follow-up"), .class("inline"),
                          csrfField(chrome.csrfToken),
                          .button(.attr("type", "submit"), .class("secondary"),
                                  .words("\(t(.homeVisits(.closeFollowUp)))\(t == .zh ? "：" : ": ")\(row.pupilName), \(t(.day(row.visit.date)))")))
                })
            )
        }

        private func visitForm(_ detail: ClassDetail, _ classValue: String, _ t: Language) -> Node<HTML.BodyContext> {
            func value(_ name: String) -> String { model.values[name] ?? "" }
            return .form(
                .attr("method", "post"), .attr("action", "\(model.href)?class=\(classValue)"), .id("visit-form"),
                csrfField(chrome.csrfToken),
                .h3(.words(t(.homeVisits(.logVisit)))),
                .p(.class("hint"), .words(t(.homeVisits(.logHint)))),
                .component(FormField(name: "student", label: .homeVisits(.choosePupil),
                                     kind: .select(detail.pupils.map { Choice(value: $0.id, label: .verbatim($0.name)) }),
                                     value: value("student"), error: fieldError(model.problem, "student"), isRequired: true, language: t)),
                .component(FormField(name: "date", label: .homeVisits(.date), kind: .date, value: value("date").isEmpty ? model.today.description : value("date"),
                                     error: fieldError(model.problem, "date"), isRequired: true, language: t)),
                .component(FormField(name: "way", label: .homeVisits(.way),
                                     kind: .select(HomeVisit.Way.allCases.map { Choice(value: $0.rawValue, label: .homeVisits(.way($0))) }),
                                     value: value("way"), error: fieldError(model.problem, "way"), isRequired: true, language: t)),
                .component(FormField(name: "attendees", label: .homeVisits(.attendees), value: value("attendees"),
                                     error: fieldError(model.problem, "attendees"), isRequired: true, language: t)),
                .component(FormField(name: "note", label: .homeVisits(.note), kind: .textarea(rows: 4), value: value("note"),
                                     error: fieldError(model.problem, "note"), language: t)),
                .component(FormField(name: "follow_up", label: .homeVisits(.followUp),
                                     kind: .select([Choice(value: "no", label: .homeVisits(.followUpNo)), Choice(value: "yes", label: .homeVisits(.followUpYes))]),
                                     value: value("follow_up"), error: fieldError(model.problem, "follow_up"), language: t)),
                .component(FormField(name: "follow_up_text", label: .homeVisits(.followUpText), value: value("follow_up_text"),
                                     error: fieldError(model.problem, "follow_up_text"), language: t)),
                .button(.attr("type", "submit"), .id("save-visit"), .words(t(.homeVisits(.save)))))
        }
    }
}

extension FamilyActivitiesPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .homeVisits(.activitiesTitle(school: model.schoolName, year: model.year)) }

        public var content: Component {
            let t = chrome.language
            func value(_ name: String) -> String { model.values[name] ?? "" }
            let facts: [FactList.Fact] = [
                .init(.homeVisits(.activitiesCount), .toned(.phrase(.homeVisits(.countOfTarget(model.activities.count, target: FamilyEducationActivity.yearlyTarget))),
                                                            tone: model.met ? .good : .bad, note: .homeVisits(model.met ? .met : .notMet)))]
            return Node<HTML.BodyContext>.group(
                problemSummary(model.problem, t),
                .div(.id("activity-count"), .component(FactList(facts, language: t))),
                .if(!model.activities.isEmpty, .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t))),
                .component(DataTable(FamilyActivitiesPage.table(model, withActions: model.mayLog), address: address, language: t)),
                .if(model.mayLog, .form(
                    .attr("method", "post"), .attr("action", model.href), .id("activity-form"),
                    csrfField(chrome.csrfToken),
                    .h2(.words(t(.homeVisits(.logActivity)))),
                    .p(.class("hint"), .words(t(.homeVisits(.activityHint)))),
                    .component(FormField(name: "date", label: .homeVisits(.date), kind: .date, value: value("date").isEmpty ? model.today.description : value("date"),
                                         error: fieldError(model.problem, "date"), isRequired: true, language: t)),
                    .component(FormField(name: "kind", label: .homeVisits(.kind),
                                         kind: .select(FamilyEducationActivity.Kind.allCases.map { Choice(value: $0.rawValue, label: .homeVisits(.kind($0))) }),
                                         value: value("kind"), error: fieldError(model.problem, "kind"), isRequired: true, language: t)),
                    .component(FormField(name: "topic", label: .homeVisits(.topic), value: value("topic"), error: fieldError(model.problem, "topic"),
                                         isRequired: true, language: t)),
                    .component(FormField(name: "course", label: .homeVisits(.course), value: value("course"), error: fieldError(model.problem, "course"),
                                         hint: .homeVisits(.courseHint), language: t)),
                    .component(FormField(name: "attendance", label: .homeVisits(.attendance), kind: .number, value: value("attendance"),
                                         error: fieldError(model.problem, "attendance"), isRequired: true, language: t)),
                    .component(FormField(name: "grade", label: .homeVisits(.grade),
                                         kind: .select([Choice(value: "", label: .homeVisits(.wholeSchool))] + model.grades.map { Choice(value: $0.rawValue, label: .grade($0)) }),
                                         value: value("grade"), error: fieldError(model.problem, "grade"), language: t)),
                    .component(FormField(name: "class", label: .homeVisits(.classNumber), kind: .number, value: value("class"),
                                         error: fieldError(model.problem, "class"), language: t)),
                    .button(.attr("type", "submit"), .id("save-activity"), .words(t(.homeVisits(.saveActivity)))))),
                .p(.a(.attr("href", "/schools/\(PageAddress.encode(model.schoolID))/home-visits"), .words(t(.homeVisits(.backToVisits)))))
            )
        }
    }
}

extension DistrictVisitsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .homeVisits(.districtTitle(district: model.districtName, year: model.year)) }

        public var content: Component {
            let t = chrome.language
            let rows = model.shownRows.sorted { ($0.coverage.percent ?? 101, $0.schoolID) < ($1.coverage.percent ?? 101, $1.schoolID) }
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(t(.homeVisits(.logsNote)))),
                .if(!rows.isEmpty, .element(named: "figure", nodes: [.class("chart-box"), .component(BarChart(
                    title: .homeVisits(.chartTitle), categories: rows.map { DistrictVisitsPage.shortName($0.schoolName, district: model.districtName) },
                    series: [.init(name: .homeVisits(.chartVisited), colour: "#2e7d4f", values: rows.map(\.coverage.visited)),
                             .init(name: .homeVisits(.chartNotVisited), colour: "#b0b7c3", values: rows.map(\.coverage.notVisited))],
                    language: t))])),
                .component(FilterForm(action: model.href, fields: [
                    FormField(name: "show", label: .homeVisits(.show),
                              kind: .select([Choice(value: "", label: .homeVisits(.showAll)), Choice(value: "incomplete", label: .homeVisits(.showIncomplete))]),
                              value: model.incompleteOnly ? "incomplete" : "", language: t)], keptSort: model.sort, language: t)),
                .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t)),
                .component(DataTable(DistrictVisitsPage.table(model), address: address, language: t))
            )
        }
    }
}

/// The family page's section: visits to the children and the schools' activities.
public struct FamilyEducationSectionView: Component {
    public var section: FamilyEducationSection
    public var language: Language
    public init(section: FamilyEducationSection, language: Language) { self.section = section; self.language = language }

    public var body: Component {
        let t = language
        return Node<HTML.BodyContext>.section(
            .id("family-education"), .attr("aria-labelledby", "family-education-heading"),
            .h2(.id("family-education-heading"), .words(t(.homeVisits(.familyVisitsCaption)))),
            .if(!section.visits.isEmpty, .group(
                .p(.class("hint"), .words(t(.homeVisits(.noteHidden)))),
                .component(DataTable(TableModel(
                    id: "family-visits", caption: .homeVisits(.familyVisitsCaption),
                    columns: [.init(.homeVisits(.child), key: "child"), .init(.homeVisits(.date), key: "date"), .init(.homeVisits(.way), key: "way"),
                              .init(.homeVisits(.visitedBy), key: "by")],
                    rows: section.visits.map { [.text($0.childName), .phrase(.day($0.date)), .phrase(.homeVisits(.way($0.way))), .text($0.visitedBy)] }),
                    address: PageAddress(path: "/family"), language: t)))),
            .if(!section.activities.isEmpty, .component(DataTable(TableModel(
                id: "family-activities", caption: .homeVisits(.familyActivitiesCaption),
                columns: [.init(.homeVisits(.school), key: "school"), .init(.homeVisits(.date), key: "date"), .init(.homeVisits(.kind), key: "kind"),
                          .init(.homeVisits(.topic), key: "topic"), .init(.homeVisits(.scope), key: "scope")],
                rows: section.activities.map { row in
                    let a = row.activity
                    let topic = a.course.map { "\($0)\(t == .zh ? "：" : ": ")\(a.topic)" } ?? a.topic
                    return [.text(row.schoolName), .phrase(.day(a.date)), .phrase(.homeVisits(.kind(a.kind))), .text(topic), FamilyActivitiesPage.scopeCell(a)]
                }), address: PageAddress(path: "/family"), language: t)))
        )
    }
}
