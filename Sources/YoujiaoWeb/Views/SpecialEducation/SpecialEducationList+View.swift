import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// The list of case files with the monitoring figures: per district for the city, per school for a
/// district, the files of a school, or a family's children.
struct SpecialEducationListView {
    let req: Request
    let viewer: Viewer
    let listing: SpecialEducationController.Listing
    let districts: [District]

    var html: String {
        let role = viewer.scope.role
        var out = ""
        if role == .districtAdmin || role == .schoolAdmin {
            out += "<p class=\"summary\"><a href=\"/special-education/new\">\(req.t("新建档案", "New case file"))</a></p>"
        }
        if role != .guardian {
            out += "<h2>\(req.t("监测", "Monitoring")) · \(esc(scopeName))</h2>\(figures(SpecialEducationMonitoring.figures(listing.figureFiles, on: listing.today)))"
            out += "<p class=\"summary\"><a class=\"download\" href=\"/special-education/monitoring.csv\(query)\">\(req.t("下载监测 CSV", "Download the figures (CSV)"))</a></p>"
        }
        if role == .cityAdmin && listing.districtCode == nil {
            out += districtTable()
        } else if role == .cityAdmin || role == .districtAdmin {
            out += schoolTable()
        }
        guard listing.showsRows else { return out }
        let full = listing.files.filter { $0.access == .full }.map(\.file)
        if role == .districtAdmin {
            let unplaced = full.filter { $0.currentPlacement(on: listing.today) == nil }
            let overdue = full.filter { SpecialEducationMonitoring.overdueReview($0, on: listing.today) != nil }
            out += "<h2 id=\"unplaced\">\(req.t("未安置儿童", "Children without a placement")) (\(unplaced.count))</h2>\(caseTable(unplaced.map { ($0, .full) }).html)"
            out += "<h2 id=\"overdue\">\(req.t("复核逾期的计划", "Plans with overdue reviews")) (\(overdue.count))</h2>\(caseTable(overdue.map { ($0, .full) }).html)"
        }
        out += """
        <h2 id="files">\(req.t("档案", "Case files")) (\(listing.files.count))</h2>
        <p class="summary"><a class="download" href="/special-education.csv\(query)">\(req.t("下载 CSV", "Download CSV"))</a></p>
        \(caseTable(listing.files).html)
        """
        return out
    }

    var query: String {
        var items: [URLQueryItem] = []
        if viewer.scope.role == .cityAdmin, let district = listing.districtCode { items.append(URLQueryItem(name: "district", value: district)) }
        if viewer.scope.role != .schoolAdmin, let school = listing.schoolID { items.append(URLQueryItem(name: "school", value: school)) }
        var components = URLComponents()
        components.queryItems = items.isEmpty ? nil : items
        return esc(components.string ?? "")
    }

    var scopeName: String {
        if let school = listing.schoolID { return listing.schools[school]?.name ?? school }
        if let code = listing.districtCode { return districts.first { $0.code == code }?.name ?? code }
        return req.t("全市", "the city")
    }

    func figures(_ f: SpecialEducationMonitoring.Figures) -> String {
        let rate = f.enrollmentRate.map { String(format: "%.1f%%", $0) } ?? "—"
        let target = f.meetsEnrollmentTarget.map {
            $0 ? "<span class=\"ok\">\(req.t("达标", "meets the target"))</span>" : "<strong class=\"error\">\(req.t("未达 99% 目标", "below the 99% target"))</strong>"
        } ?? ""
        let visits = f.visitRate.map { String(format: "%.0f%%", $0) } ?? "—"
        let rows: [(String, String)] = [
            (req.t("档案数", "Case files"), esc(f.cases)),
            (req.t("适龄（6–14 岁）残疾儿童少年", "School-age (6–14) disabled children"), esc(f.schoolAge)),
            (req.t("其中接受义务教育", "Of them enrolled"), esc(f.schoolAgeEnrolled)),
            (req.t("入学率", "Enrollment rate"), "<span id=\"enrollment-rate\">\(rate)</span> \(target)"),
            (req.t("未安置", "Without a placement"), esc(f.withoutPlacement)),
            (req.t("安置方式", "Placements"), esc(PlacementKind.allCases.map { "\($0.label(req)) \(f.byPlacement[$0] ?? 0)" }.joined(separator: req.t("，", ", ")))),
            (req.t("执行中的计划", "Active plans"), esc(f.activePlans)),
            (req.t("复核逾期", "Reviews overdue"), esc(f.overdueReviews)),
            (req.t("送教上门完成情况", "Home-teaching visits"),
             esc(req.t("\(f.homeTeachingCases) 人，已送教 \(f.visitsDone) 次 / 计划 \(f.visitsPlanned) 次（\(visits)）",
                       "\(f.homeTeachingCases) children, \(f.visitsDone) of \(f.visitsPlanned) planned visits (\(visits))"))),
        ]
        return "<dl class=\"facts monitoring\">\(rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined())</dl>"
    }

    /// The city: one row per district, and a chart of enrolled and not enrolled school-age children.
    func districtTable() -> String {
        let byDistrict = SpecialEducationMonitoring.figuresByDistrict(listing.allFiles, districtCodes: districts.map(\.code), on: listing.today)
        let chart = BarChart(categories: districts.map(\.name), series: [
            BarChart.Series(name: req.t("已入学", "enrolled"), colour: "#00a65a", values: districts.map { byDistrict[$0.code]?.schoolAgeEnrolled ?? 0 }),
            BarChart.Series(name: req.t("未入学", "not enrolled"), colour: "#e74c3c",
                            values: districts.map { (byDistrict[$0.code]?.schoolAge ?? 0) - (byDistrict[$0.code]?.schoolAgeEnrolled ?? 0) }),
        ], title: req.t("各区适龄残疾儿童少年入学情况", "School-age disabled children by district"))
        let rows = districts.map { district in
            figureRow(name: "<a href=\"/special-education?district=\(esc(district.code))\">\(esc(district.name))</a>", byDistrict[district.code] ?? .init())
        }
        return "<figure>\(chart.svg)</figure>" + Table(headers: figureHeaders(req.t("区", "District")), rows: rows, numericColumns: Set(1...9)).html
    }

    /// A district: one row per school the files are placed at (and one for files without a placement).
    func schoolTable() -> String {
        let grouped = Dictionary(grouping: listing.allFiles) { $0.currentPlacement(on: listing.today)?.schoolID ?? "" }
        let rows = grouped.keys.sorted().map { id in
            let name = id.isEmpty ? req.t("（未安置）", "(no placement)")
                : "<a href=\"/special-education?school=\(esc(id))\(viewer.scope.role == .cityAdmin ? "&amp;district=\(esc(listing.districtCode ?? ""))" : "")\">\(esc(listing.schools[id]?.name ?? id))</a>"
            return figureRow(name: name, SpecialEducationMonitoring.figures(grouped[id] ?? [], on: listing.today))
        }
        return "<h2>\(req.t("各校", "By school"))</h2>" + Table(headers: figureHeaders(req.t("学校", "School")), rows: rows, numericColumns: Set(1...9)).html
    }

    func figureHeaders(_ first: String) -> [String] {
        [first, req.t("档案", "Files"), req.t("适龄", "School-age"), req.t("已入学", "Enrolled"), req.t("入学率", "Rate"),
         req.t("未安置", "No placement"), req.t("随班就读", "Mainstream"), req.t("特教班/特教学校", "Special class/school"),
         req.t("复核逾期", "Overdue reviews"), req.t("送教 完成/计划", "Visits done/planned")]
    }

    func figureRow(name: String, _ f: SpecialEducationMonitoring.Figures) -> [String] {
        [name, esc(f.cases), esc(f.schoolAge), esc(f.schoolAgeEnrolled), f.enrollmentRate.map { String(format: "%.1f%%", $0) } ?? "—",
         esc(f.withoutPlacement), esc(f.byPlacement[.mainstream] ?? 0), esc((f.byPlacement[.specialClass] ?? 0) + (f.byPlacement[.specialSchool] ?? 0)),
         esc(f.overdueReviews), "\(f.visitsDone) / \(f.visitsPlanned)"]
    }

    func caseTable(_ files: [(file: CaseFile, access: CaseFileAccess)]) -> Table {
        Table(headers: [req.t("姓名", "Name"), req.t("身份证件号", "ID number"), req.t("学段", "Stage"), req.t("残疾类别", "Category"),
                        req.t("安置", "Placement"), req.t("学校", "School"), req.t("计划复核", "Plan review"), req.t("送教 完成/计划", "Visits")],
              rows: files.map { entry in
                  let file = entry.file
                  let name = "<a href=\"/special-education/\(esc(file.id))\">\(esc(file.child.name))</a>"
                  let id = "<span class=\"id\">\(esc(file.child.maskedNationalID))</span>"
                  guard entry.access == .full else {
                      return [name, id, "", "", "", "", req.t("已建档；您未被指定为负责人，无权查看内容", "file exists; you are not named on it"), ""]
                  }
                  let placement = file.currentPlacement(on: listing.today)
                  let visits = SpecialEducationMonitoring.homeTeachingVisits(file, on: listing.today)
                  return [name, id, esc(file.caseRecord.stage.label(req)), esc(file.caseRecord.category.label(req) + " " + file.caseRecord.level.label(req)),
                          placement.map { esc($0.kind.label(req)) } ?? "<strong class=\"error\">\(req.t("未安置", "none"))</strong>",
                          esc(placement.map { listing.schools[$0.schoolID]?.name ?? $0.schoolID } ?? "—"), reviewCell(file),
                          visits.map { "\($0.done) / \($0.planned)" } ?? "—"]
              })
    }

    func reviewCell(_ file: CaseFile) -> String {
        if let overdue = SpecialEducationMonitoring.overdueReview(file, on: listing.today) {
            return "<strong class=\"error overdue\">\(req.t("逾期 \(overdue.daysOverdue) 天（\(overdue.due)）", "\(overdue.daysOverdue) days overdue (\(overdue.due))"))</strong>"
        }
        guard let plan = file.activePlan(on: listing.today)?.plan else { return req.t("无执行中的计划", "no active plan") }
        return esc(plan.reviewDates.first { $0 >= listing.today }.map { req.t("下次 \($0)", "next \($0)") } ?? req.t("已全部复核", "all held"))
    }

    // MARK: CSV

    static let csvHeader = ["case_id", "name", "national_id_masked", "district_code", "stage", "category", "level", "placement", "school_id",
                            "review_overdue_since", "visits_planned", "visits_done"]

    static func csvRow(file: CaseFile, access: CaseFileAccess, listing: SpecialEducationController.Listing) -> [String] {
        let head = [file.id, file.child.name, file.child.maskedNationalID]
        guard access == .full else { return head + Array(repeating: "", count: csvHeader.count - head.count) }
        let placement = file.currentPlacement(on: listing.today)
        let visits = SpecialEducationMonitoring.homeTeachingVisits(file, on: listing.today)
        return head + [file.caseRecord.districtCode, file.caseRecord.stage.rawValue, file.caseRecord.category.rawValue, String(file.caseRecord.level.rawValue),
                       placement?.kind.rawValue ?? "", placement?.schoolID ?? "",
                       SpecialEducationMonitoring.overdueReview(file, on: listing.today)?.due.description ?? "",
                       visits.map { String($0.planned) } ?? "", visits.map { String($0.done) } ?? ""]
    }

    static let monitoringHeader = ["scope", "cases", "school_age", "school_age_enrolled", "enrollment_rate", "meets_target", "without_placement",
                                   "special_school", "special_class", "mainstream", "home_teaching", "active_plans", "overdue_reviews",
                                   "visits_planned", "visits_done"]

    /// One row per district (city), or one for the district or school listed.
    static func monitoringRows(listing: SpecialEducationController.Listing, districts: [District]) -> [[String]] {
        func row(_ scope: String, _ f: SpecialEducationMonitoring.Figures) -> [String] {
            [scope, String(f.cases), String(f.schoolAge), String(f.schoolAgeEnrolled), f.enrollmentRate.map { String(format: "%.2f", $0) } ?? "",
             f.meetsEnrollmentTarget.map { $0 ? "yes" : "no" } ?? "", String(f.withoutPlacement)]
                + PlacementKind.allCases.map { String(f.byPlacement[$0] ?? 0) }
                + [String(f.activePlans), String(f.overdueReviews), String(f.visitsPlanned), String(f.visitsDone)]
        }
        if listing.districtCode == nil && listing.schoolID == nil {
            let byDistrict = SpecialEducationMonitoring.figuresByDistrict(listing.allFiles, districtCodes: districts.map(\.code), on: listing.today)
            return districts.map { row($0.code, byDistrict[$0.code] ?? .init()) }
        }
        return [row(listing.schoolID ?? listing.districtCode ?? "", SpecialEducationMonitoring.figures(listing.figureFiles, on: listing.today))]
    }
}
