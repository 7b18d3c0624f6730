import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

extension EnrollmentView {
    /// Seats against applications per district (chart and table), the seats per school (a form for
    /// the campaign's owner until the list is frozen), and the log of every change; CSV of each table.
    /// - Parameter values: what the owner typed, shown again when the form was refused.
    static func seats(_ req: Request, context c: EnrollmentController.SeatsContext, values: [String: String], saved: Int?,
                      problem: CampaignProblem?) -> Response {
        let base = "/enrollment/\(c.campaign.id)"
        var body = problemBox(req, problem)
        if let saved, problem == nil {
            body += "<p class=\"ok\" id=\"saved\">\(req.t("已保存：\(saved) 所学校的学位有修改。", "Saved: the seats of \(saved) schools changed."))</p>"
        }
        let seats = c.balance.reduce(0) { $0 + $1.seats }, applications = c.balance.reduce(0) { $0 + $1.applications }
        let split = "\(esc(c.balance.reduce(0) { $0 + $1.publicSeats })) + \(esc(c.balance.reduce(0) { $0 + $1.privateSeats }))"
        let facts: [(String, String)] = [
            (req.t("状态", "Status"), esc(statusLabel(req, c.campaign.status))),
            (req.t("学位合计（公办 + 民办）", "Seats (public + private)"),
             "<strong id=\"seat-total\">\(esc(seats))</strong>" + req.t("（\(split)）", " (\(split))")),
            (req.t("报名人数", "Applications"), "<span id=\"applications\">\(esc(applications))</span>"),
            (req.t("学位减报名", "Seats minus applications"), "<span id=\"seat-gap\">\(gap(req, seats - applications))</span>"),
        ]
        body += "<dl class=\"facts\">\(facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined())</dl>"

        let districtName = { (code: String) in c.districtNames[code] ?? code }
        body += "<h2>\(req.t("各区学位与报名", "Seats and applications per district"))</h2>"
        // Two bars per district, side by side (the chart stacks its series): seats, then applications.
        body += BarChart(categories: c.balance.flatMap { [districtName($0.districtCode) + req.t(" 学位", " seats"), districtName($0.districtCode) + req.t(" 报名", " applied")] },
                         series: [.init(name: req.t("学位", "seats"), colour: "#3b6ea5", values: c.balance.flatMap { [$0.seats, 0] }),
                                  .init(name: req.t("报名", "applications"), colour: "#e08a2c", values: c.balance.flatMap { [0, $0.applications] })],
                         title: req.t("学位与报名人数", "Seats and applications")).svg
        body += Table(headers: [req.t("区", "District"), req.t("公办学位", "Public seats"), req.t("民办学位", "Private seats"), req.t("学位合计", "Seats"),
                                req.t("报名", "Applications"), req.t("其中报名民办", "Private track"), req.t("学位减报名", "Seats − applications")],
                      rows: c.balance.map { b in
                          [esc(districtName(b.districtCode)), esc(b.publicSeats), esc(b.privateSeats), esc(b.seats), esc(b.applications),
                           esc(b.privateTrackApplications), gap(req, b.gap)]
                      }, numericColumns: [1, 2, 3, 4, 5, 6]).html
        body += csvLink(req, "\(base)/seat-balance.csv")

        body += "<h2>\(req.t("各校学位", "Seats per school"))</h2>"
        if !c.canEdit {
            body += "<p class=\"summary\">" + (c.campaign.acceptsSeatChanges
                ? req.t("学位由负责本次招生的教育局修改。", "The authority running this campaign edits the seats.")
                : req.t("名单已冻结，学位不能再修改；派位使用冻结时的学位。", "The list is frozen: the seats can no longer change; the draw uses the seats frozen with it.")) + "</p>"
        }
        var headers = [req.t("学校代码", "School id"), req.t("学校", "School"), req.t("区", "District"), req.t("性质", "Ownership"),
                       req.t("施教区数", "Zones"), req.t("登记学位（默认）", "Registry seats (default)"), req.t("本次学位", "Seats")]
        if c.canEdit { headers.append(req.t("修改为", "Change to")) }
        let rows = c.schools.map { s in
            var row = [esc(s.id), esc(s.name), esc(districtName(s.districtCode)), esc(s.ownership.label(req)), esc(s.zones.count),
                       c.registrySeats[s.id].map { esc($0) } ?? "—", esc(s.capacity)]
            if c.canEdit {
                let field = CampaignSeats.field(s.id)
                row.append("<input name=\"\(esc(field))\" value=\"\(esc(values[field] ?? String(s.capacity)))\" size=\"6\" inputmode=\"numeric\""
                           + " aria-label=\"\(esc(s.name))\"\(problem?.field == field ? " class=\"invalid\" autofocus" : "")>")
            }
            return row
        }
        let table = Table(headers: headers, rows: rows, numericColumns: [4, 5, 6]).html
        body += c.canEdit
            ? "<form method=\"post\" action=\"\(esc(base))/seats\" id=\"seats\">\(csrf(req))\(table)<p><button type=\"submit\">"
                + req.t("保存学位", "Save the seats") + "</button> <span class=\"summary\">"
                + req.t("每所学校 0–\(CampaignSeats.maximum) 的整数；全部保存或全部不保存。", "A whole number 0–\(CampaignSeats.maximum) per school; all saved or nothing.")
                + "</span></p></form>"
            : table
        body += csvLink(req, "\(base)/seats.csv")

        body += "<h2>\(req.t("修改记录", "Changes"))</h2>"
        let names = Dictionary(uniqueKeysWithValues: c.schools.map { ($0.id, $0.name) })
        body += Table(headers: [req.t("时间", "Time"), req.t("用户", "User"), req.t("学校代码", "School id"), req.t("学校", "School"),
                                req.t("原学位", "Old"), req.t("新学位", "New")],
                      rows: c.changes.map { [escTime($0.at), esc($0.actorName), esc($0.schoolId), esc(names[$0.schoolId] ?? ""), esc($0.oldSeats), esc($0.newSeats)] },
                      numericColumns: [4, 5]).html
        body += csvLink(req, "\(base)/seat-changes.csv")
        body += "<p><a href=\"\(esc(base))\">\(req.t("返回招生页", "Back to the campaign"))</a></p>"
        return Layout.render(req, title: req.t("学位：", "Seats: ") + title(req, c.campaign), body: body, status: problem == nil ? .ok : .badRequest)
    }

    /// Seats left over in blue, children without a seat in red.
    private static func gap(_ req: Request, _ value: Int) -> String {
        "<span class=\"\(value < 0 ? "gap-short-2" : "gap-surplus-1")\">\(value > 0 ? "+" : "")\(esc(value))</span>"
    }

    private static func csvLink(_ req: Request, _ href: String) -> String {
        "<p><a class=\"download\" href=\"\(esc(href))\">\(req.t("下载 CSV", "Download CSV"))</a></p>"
    }
}
