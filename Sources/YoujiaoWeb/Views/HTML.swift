import Foundation
import Plot
import Vapor
import YoujiaoCore
import YoujiaoViews

extension Request {
    /// Simplified Chinese by default, English when chosen.
    var language: YoujiaoViews.Language { cookies["lang"]?.string == "en" ? .en : .zh }
    /// A catalogue phrase in the viewer's language (the reasons of refusals, which the error page shows).
    func t(_ phrase: Phrase) -> String { language(phrase) }
}

enum Layout {
    static func error(_ req: Request, status: HTTPStatus, message: String) -> Response {
        req.page(ErrorPage.View(chrome: req.chrome(), model: ErrorPage.Model(status: Int(status.code), message: .verbatim(message))), status: status)
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
