import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// The pages of 入学报名.
enum EnrollmentView {
    static func statusLabel(_ req: Request, _ status: CampaignStatus) -> String {
        switch status {
        case .draft: return req.t("草稿", "draft")
        case .open: return req.t("报名中", "open")
        case .frozen: return req.t("名单已冻结", "list frozen")
        case .drawn: return req.t("已派位（待发布）", "drawn")
        case .published: return req.t("结果已发布", "published")
        }
    }

    /// The campaign's name for families, with the district's name rather than its code.
    static func titlePhrase(_ req: Request, _ c: Campaign) async throws -> Phrase {
        let district = try await c.districtCode.asyncFlatMap { try await req.registry.district(code: $0) }
        let grade = Phrase.grade(c.grade)
        let entry = c.stage == .kindergarten ? Phrase(zh: "入园", en: "entry") : Phrase(zh: "入学", en: "entry")
        let place = district.map { Phrase.verbatim($0.name) } ?? Phrase(zh: "全市", en: "city-wide")
        return Phrase(zh: "\(c.year) 年\(place.zh)\(grade.zh)\(entry.zh)", en: "\(place.en) \(grade.en) \(entry.en) \(c.year)")
    }

    static func title(_ req: Request, _ c: Campaign) -> String {
        // Kindergarten entry is 入园, school entry 入学.
        let entry = c.stage == .kindergarten ? "入园" : "入学"
        let district = c.districtCode.map { req.districtNames[$0] ?? $0 }
        return req.t("\(c.year) 年\(district ?? "全市")\(c.grade.label(req))\(entry)", "\(district ?? "City-wide") \(c.grade.label(req)) entry \(c.year)")
    }

    static func problemBox(_ req: Request, _ problem: CampaignProblem?) -> String {
        problem.map { "<p class=\"error\" data-field=\"\(esc($0.field))\">\(esc(req.t($0.zh, $0.en)))</p>" } ?? ""
    }

    static func csrf(_ req: Request) -> String { "<input type=\"hidden\" name=\"_csrf\" value=\"\(esc(req.csrfToken))\">" }

    static func button(_ req: Request, _ action: String, _ label: String, fields: String = "") -> String {
        "<form method=\"post\" action=\"\(esc(action))\" class=\"inline\">\(csrf(req))\(fields)<button type=\"submit\">\(esc(label))</button></form>"
    }

    // MARK: Staff

    static func list(_ req: Request, viewer: Viewer, campaigns: [Campaign], problem: CampaignProblem?) -> Response {
        let rows = campaigns.map { c in
            ["<a href=\"/enrollment/\(esc(c.id))\">\(esc(title(req, c)))</a>", esc(statusLabel(req, c.status)),
             esc("\(c.opensOn) – \(c.closesOn)"), c.listHash.map { "<code>\(esc(String($0.prefix(16))))…</code>" } ?? "—"]
        }
        let gradeOptions = Campaign.entryGrades.map { grade in
            "<option value=\"\(grade.rawValue)\"\(grade == .g1 ? " selected" : "")>\(grade.label(req))</option>"
        }.joined()
        let form = """
            <h2>\(req.t("新建招生", "New campaign"))</h2>\(problemBox(req, problem))
            <form method="post" action="/enrollment" class="stacked">\(csrf(req))
            <label>\(req.t("入学年份", "Year")) <input name="year" value="\(CaseDate.today().schoolYear + 1)"></label>
            <label>\(req.t("年级", "Grade")) <select name="grade">\(gradeOptions)</select></label>
            <label>\(req.t("报名开始", "Opens")) <input name="opens_on" value="\(CaseDate.today())"></label>
            <label>\(req.t("报名截止", "Closes")) <input name="closes_on" value="\(CaseDate.today().adding(days: 30))"></label>
            <label>\(req.t("公开随机数来源（事先公布）", "Beacon round (named in advance)")) <input name="beacon_round" size="50"></label>
            <label>\(req.t("公证密钥的 SHA-256", "SHA-256 of the notary's secret")) <input name="notary_commitment" size="70"></label>
            <button type="submit">\(req.t("创建", "Create"))</button></form>
            """
        return Layout.render(req, title: req.t("入学招生", "Enrollment campaigns"), body: Table(headers: [
            req.t("招生", "Campaign"), req.t("状态", "Status"), req.t("报名期", "Window"), req.t("名单哈希", "List hash")], rows: rows).html + form,
                             status: problem == nil ? .ok : .badRequest)
    }

    static func campaign(_ req: Request, campaign c: Campaign, canManage: Bool, schools: [EnrollmentSchool], applications: [ApplicationRecord],
                         report: EnrollmentReport.Part?, narrowedTo district: String? = nil, problem: CampaignProblem?) -> Response {
        let base = "/enrollment/\(c.id)"
        var body = problemBox(req, problem)
        if let district {
            body += "<p class=\"summary\" id=\"narrowed\">" + req.t("全市招生：您看到的是本区（\(district)）的学校、报名和派位结果；招生由市教委负责。",
                                                                  "A city-wide campaign: you see your district's (\(district)) schools, applications and results; the city runs it.") + "</p>"
        }
        let facts: [(String, String)] = [
            (req.t("状态", "Status"), "<strong id=\"status\">\(esc(statusLabel(req, c.status)))</strong>"),
            (req.t("报名期", "Window"), esc("\(c.opensOn) – \(c.closesOn)")),
            (req.t("报名人数", "Applications"), esc(applications.count)),
            (req.t("公开随机数来源", "Beacon round"), esc(c.beaconRound)),
            (req.t("公证密钥哈希", "Notary commitment"), "<code>\(esc(c.notaryCommitment))</code>"),
            (req.t("冻结名单哈希", "Frozen list hash"), c.listHash.map { "<code id=\"list-hash\">\(esc($0))</code>" } ?? "—"),
            (req.t("派位种子", "Seed"), c.seed.map { "<code>\(esc($0))</code>" } ?? "—"),
            (req.t("公开核验页", "Public page"), c.listHash == nil ? "—" : "<a href=\"/public/enrollment/\(esc(c.id))\">/public/enrollment/\(esc(c.id))</a>"),
        ]
        body += "<dl class=\"facts\">\(facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined())</dl>"
        if canManage {
            switch c.status {
            case .draft: body += button(req, base + "/open", req.t("开放报名", "Open registration"))
            // The irreversible steps open a page that says what will happen and asks to confirm.
            case .open: body += "<p><a class=\"button\" id=\"step-freeze\" href=\"\(esc(base))/freeze\">\(req.t("截止报名并冻结名单（公布哈希）…", "Close and freeze the list (publish its hash)…"))</a></p>"
            case .frozen: body += "<p><a class=\"button\" id=\"step-draw\" href=\"\(esc(base))/draw\">\(req.t("派位…", "Run the draw…"))</a></p>"
            case .drawn: body += "<p><a class=\"button\" id=\"step-publish\" href=\"\(esc(base))/publish\">\(req.t("发布结果…", "Publish the results…"))</a></p>"
            case .published: break
            }
        }
        if let report { body += review(req, campaign: c, schools: schools, report: report) }
        let seatRows = schools.map { s in [esc(s.id), esc(s.name), esc(s.ownership.label(req)), esc(s.capacity), esc(s.zones.count)] }
        body += "<h2>\(req.t("学位", "Seats"))</h2><p><a href=\"\(esc(base))/seats\" id=\"seats-link\">"
            + (canManage && c.acceptsSeatChanges ? req.t("修改各校学位", "Edit the seats per school") : req.t("各校学位与报名人数", "Seats per school against applications"))
            + "</a></p>" + Table(headers: [req.t("学校代码", "School id"), req.t("学校", "School"), req.t("性质", "Ownership"),
                                                                      req.t("学位", "Seats"), req.t("施教区数", "Zones")], rows: seatRows, numericColumns: [3, 4]).html
        return Layout.render(req, title: title(req, c), body: body, status: problem == nil ? .ok : .badRequest)
    }

    /// Counts per route (a chart), the what-if kilometres, and per school seats, admitted and cut-off.
    static func review(_ req: Request, campaign c: Campaign, schools: [EnrollmentSchool], report: EnrollmentReport.Part) -> String {
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.name) })
        let routes = [(req.t("民办摇号", "private"), report.routes.private), (req.t("施教区", "catchment"), report.routes.catchment),
                      (req.t("统筹", "coordinated"), report.routes.coordinated), (req.t("未安排", "unplaced"), report.routes.unplaced)]
        var out = "<h2>\(req.t("派位结果审核", "Review"))</h2>"
        out += BarChart(categories: routes.map(\.0), series: [.init(name: req.t("人数", "children"), colour: "#3b6ea5", values: routes.map(\.1))],
                        title: req.t("各途径人数", "Children per route")).svg
        out += Table(headers: [req.t("途径", "Route"), req.t("人数", "Children")], rows: routes.map { [esc($0.0), esc($0.1)] }, numericColumns: [1]).html
        let km = { (metres: Int) in String(format: "%.1f", Double(metres) / 1000) }
        out += "<p id=\"what-if\">" + req.t(
            "统筹安排 \(report.coordinatedPlaced) 人，按优先级总距离 \(km(report.totalDistanceM)) 公里；同样学位下总距离最小的安排为 \(km(report.optimalTotalDistanceM)) 公里。",
            "\(report.coordinatedPlaced) children coordinated: \(km(report.totalDistanceM)) km in priority order; the least total distance on the same seats is \(km(report.optimalTotalDistanceM)) km.") + "</p>"
        let rows = report.schools.map { s in
            [esc(s.schoolId), esc(names[s.schoolId] ?? ""), esc(s.ownership.label(req)), esc(s.seats), esc(s.applicants), esc(s.admitted),
             esc(s.highestAdmittedLottery ?? "—"), "<a href=\"/enrollment/\(esc(c.id))/results.csv?school=\(esc(s.schoolId))\">CSV</a>"]
        }
        out += Table(headers: [req.t("学校代码", "School id"), req.t("学校", "School"), req.t("性质", "Ownership"), req.t("学位", "Seats"),
                               req.t("申请", "Applicants"), req.t("录取", "Admitted"), req.t("最后录取号码", "Last admitted number"), req.t("名单", "List")],
                     rows: rows, numericColumns: [3, 4, 5]).html
        return out
    }

    /// The sentence in both languages (the API sends both).
    static func placementReason(_ req: Request, campaign: Campaign, application: ApplicationRecord, result: ResultRecord,
                                cutoffs: [String: UInt64]) async throws -> PlacementReason {
        let placement = result.placement
        let school = try await placement.schoolID.asyncFlatMap { try await req.registry.school(id: $0) }
        let zone = try await CampaignStore(req.db).zones(for: campaign).first { $0.id == application.zoneId }
        let catchmentID = zone?.servingSchoolID(for: campaign.grade)
        let catchment = try await catchmentID.asyncFlatMap { try await req.registry.school(id: $0) }
        let reason = PlacementReason(placement: placement, grade: campaign.grade, track: application.choice.track, schoolName: school?.name,
                                     cutoff: placement.schoolID.flatMap { cutoffs[$0] }, catchmentSchoolName: catchment?.name ?? "")
        return reason
    }

    static func values(of application: ApplicationRecord?, student: StudentRecord) -> [String: String] {
        guard let application else { return ["zone": student.zoneId ?? "", "tier": "1", "years": "0", "track": "public"] }
        let choices = application.choice.choices
        return ["application": application.id, "zone": application.zoneId, "tier": "\(application.tier)", "years": "\(application.years)",
                "track": application.track, "choice1": choices.first ?? "", "choice2": choices.dropFirst().first ?? ""]
    }
}
