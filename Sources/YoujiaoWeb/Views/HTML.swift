import Foundation
import Plot
import Vapor
import YoujiaoCore
import YoujiaoViews

/// Text made safe for HTML, for pages still written as strings (the same escaping the views use).
func esc(_ text: String) -> String { HTMLEscaping.attribute(text) }

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

extension Request {
    /// Simplified Chinese by default, English when chosen.
    var language: YoujiaoViews.Language { cookies["lang"]?.string == "en" ? .en : .zh }
    /// Chinese or English text for the viewer's language.
    func t(_ zh: String, _ en: String) -> String { language == .en ? en : zh }
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
    /// A page whose body is still written as an HTML string (escaped with `esc`), in the frame every
    /// page shares. Pages move to a Model and a Plot View one area at a time (YoujiaoViews).
    static func render(_ req: Request, title: String, body: String, status: HTTPStatus = .ok) -> Response {
        req.page(LegacyPage(chrome: req.chrome(), title: .verbatim(title), content: Node<HTML.BodyContext>.raw(body)), status: status)
    }

    static func error(_ req: Request, status: HTTPStatus, message: String) -> Response {
        req.page(ErrorPage.View(chrome: req.chrome(), model: ErrorPage.Model(status: Int(status.code), message: .verbatim(message))), status: status)
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
