import Foundation
import Vapor
import YoujiaoCore

/// Text made safe for HTML. Every value from the database passes through `esc` before it reaches a page.
func esc(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(ch)
        }
    }
    return out
}

func esc(_ number: Int) -> String { number.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) }

/// A stored ISO 8601 timestamp (UTC) as officials read it: Beijing time to the minute, escaped.
/// Anything that does not parse is shown as stored.
func escTime(_ iso: String) -> String {
    let parser = ISO8601DateFormatter()
    parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    guard let date = parser.date(from: iso) ?? ISO8601DateFormatter().date(from: iso) else { return esc(iso) }
    var beijing = Calendar(identifier: .gregorian)
    beijing.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    let c = beijing.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
}

/// Language of the page: Simplified Chinese by default, English when chosen.
enum Language: String, Sendable { case zh, en }

extension Request {
    var language: Language { cookies["lang"]?.string == "en" ? .en : .zh }
    /// Chinese or English text for the viewer's language.
    func t(_ zh: String, _ en: String) -> String { language == .en ? en : zh }

    /// A child's age in whole years, the most of a birth date shown beside a masked ID (MaskedBirth).
    func age(birthDate: String) -> String {
        MaskedBirth.age(birthDate: birthDate).map { t("\($0) 岁", "\($0) years") } ?? "—"
    }
}

/// A sortable table: headers and rows of already-escaped HTML cells.
struct Table {
    var headers: [String]
    var rows: [[String]]
    var numericColumns: Set<Int> = []

    var html: String {
        var out = "<table class=\"sortable\"><thead><tr>"
        for (i, header) in headers.enumerated() {
            out += "<th\(numericColumns.contains(i) ? " class=\"num\" data-type=\"num\"" : "")>\(esc(header))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() { out += "<td\(numericColumns.contains(i) ? " class=\"num\"" : "")>\(cell)</td>" }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}

enum Layout {
    /// The common frame of every page: header with navigation, the body, a footer.
    static func render(_ req: Request, title: String, body: String, status: HTTPStatus = .ok) -> Response {
        let viewer = req.viewer
        var nav = ""
        if let viewer {
            let scope = viewer.scope
            switch scope.role {
            case .cityAdmin:
                nav += "<a href=\"/\">\(req.t("全市概览", "City"))</a><a href=\"/schools\">\(req.t("学校名录", "Schools"))</a><a href=\"/planning\">\(req.t("学位规划", "Planning"))</a>"
                nav += "<a href=\"/special-education\">\(req.t("特殊教育", "Special education"))</a>"
                nav += "<a href=\"/supervision\">\(req.t("督导", "Supervision"))</a>"
                nav += "<a href=\"/aid\">\(req.t("学生资助", "Student aid"))</a>"
                nav += "<a href=\"/enrollment\">\(req.t("入学招生", "Enrollment"))</a>"
            case .districtAdmin:
                nav += "<a href=\"/districts/\(esc(scope.districtCode ?? ""))\">\(req.t("本区概览", "District"))</a><a href=\"/schools\">\(req.t("学校名录", "Schools"))</a><a href=\"/planning\">\(req.t("学位规划", "Planning"))</a>"
                nav += "<a href=\"/special-education\">\(req.t("特殊教育", "Special education"))</a>"
                nav += "<a href=\"/supervision/districts/\(esc(scope.districtCode ?? ""))\">\(req.t("督导", "Supervision"))</a>"
                nav += "<a href=\"/aid\">\(req.t("学生资助", "Student aid"))</a>"
                nav += "<a href=\"/enrollment\">\(req.t("入学招生", "Enrollment"))</a>"
            case .schoolAdmin:
                nav += "<a href=\"/schools/\(esc(scope.schoolID ?? ""))\">\(req.t("本校", "My school"))</a>"
                nav += "<a href=\"/special-education\">\(req.t("特殊教育", "Special education"))</a>"
                nav += "<a href=\"/supervision/schools/\(esc(scope.schoolID ?? ""))\">\(req.t("督导", "Supervision"))</a>"
                nav += "<a href=\"/aid\">\(req.t("学生资助", "Student aid"))</a>"
            case .guardian:
                nav += "<a href=\"/family\">\(req.t("我的孩子", "My children"))</a>"
                nav += "<a href=\"/special-education\">\(req.t("特教档案", "Case files"))</a>"
                nav += "<a href=\"/enrollment\">\(req.t("入学报名", "School entry"))</a>"
            }
            nav += "<span class=\"who\">\(esc(viewer.user.displayName)) · \(esc(req.t(scope.role.labelZH, scope.role.rawValue)))</span>"
            nav += "<form method=\"post\" action=\"/logout\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"\(esc(req.csrfToken))\"><button type=\"submit\">\(req.t("退出", "Sign out"))</button></form>"
        }
        let other = req.language == .zh ? "<a href=\"/lang/en\">English</a>" : "<a href=\"/lang/zh\">中文</a>"
        let html = """
        <!doctype html>
        <html lang="\(req.language == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title)) · \(req.t("优教", "Youjiao"))</title>
        <link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
        <body><header><a class="brand" href="/">\(req.t("优教 · 基础教育扩优提质平台", "Youjiao · basic education platform"))</a>
        <nav>\(nav)\(other)</nav></header>
        <main><h1>\(esc(title))</h1>
        \(body)
        </main><footer>\(req.t("身份证件号默认脱敏显示；工作人员查看学生个人信息均记入审计日志。", "ID numbers are masked; every staff access to pupils' personal data is audited."))</footer></body></html>
        """
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    static func error(_ req: Request, status: HTTPStatus, message: String) -> Response {
        let title = status == .notFound ? req.t("未找到", "Not found") : status == .forbidden ? req.t("无权访问", "Forbidden") : req.t("出错了", "Error")
        return render(req, title: title, body: "<p class=\"error\">\(esc(message))</p><p><a href=\"/\">\(req.t("返回首页", "Home"))</a></p>", status: status)
    }

    /// Page links that keep the current query parameters.
    static func pager(_ req: Request, page: Int, pageCount: Int) -> String {
        guard pageCount > 1 else { return "" }
        func link(_ p: Int, _ label: String) -> String {
            var components = URLComponents()
            var items = (URLComponents(string: req.url.string)?.queryItems ?? []).filter { $0.name != "page" }
            items.append(URLQueryItem(name: "page", value: String(p)))
            components.queryItems = items
            return "<a href=\"\(esc(req.url.path + (components.string ?? "")))\">\(label)</a>"
        }
        var out = "<nav class=\"pager\">"
        if page > 1 { out += link(page - 1, req.t("上一页", "Previous")) }
        out += "<span>\(req.t("第 \(page) / \(pageCount) 页", "Page \(page) of \(pageCount)"))</span>"
        if page < pageCount { out += link(page + 1, req.t("下一页", "Next")) }
        return out + "</nav>"
    }

    static func csv(_ filename: String, header: [String], rows: [[String]]) -> Response {
        csv(filename, document: CSVWriter.document(header: header, rows: rows))
    }

    /// A CSV document already written (e.g. by PlanningFiles) as a download.
    static func csv(_ filename: String, document: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        // The BOM lets Excel on a Chinese Windows open UTF-8 correctly.
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + document))
    }
}

extension Stage {
    var labelZH: String {
        switch self {
        case .kindergarten: return "幼儿园"
        case .primary: return "小学"
        case .junior: return "初中"
        case .senior: return "高中"
        case .special: return "特殊教育"
        }
    }
    func label(_ req: Request) -> String { req.t(labelZH, rawValue) }
}

extension Ownership {
    func label(_ req: Request) -> String { self == .public ? req.t("公办", "public") : req.t("民办", "private") }
}

extension Grade {
    func label(_ req: Request) -> String {
        switch self {
        case .k1: return req.t("小班", "K1")
        case .k2: return req.t("中班", "K2")
        case .k3: return req.t("大班", "K3")
        default: return req.t("\(rawValue)年级", "Grade \(rawValue)")
        }
    }
}
