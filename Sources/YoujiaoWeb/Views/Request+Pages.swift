import Plot
import Vapor
import YoujiaoCore
import YoujiaoViews

extension Request {
    /// The page's address as the views read it (path and query, for sort and page links).
    var address: PageAddress { PageAddress(path: url.path, rawQuery: url.query) }

    /// The frame of the page for this viewer: language, menu, who is signed in, the sign-out token.
    func chrome(flash: Flash? = nil) -> Chrome {
        Chrome(language: language,
               navigation: viewer.map { NavItem.menu(for: $0.scope, currentPath: url.path) } ?? [],
               viewer: viewer.map { Chrome.Viewer(displayName: $0.user.displayName, role: .role($0.scope.role)) },
               csrfToken: csrfToken, flash: flash)
    }

    /// A rendered page as an HTML response.
    func page(_ view: some PageView, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: view.render()))
    }
}

extension Request {
    /// The table's sort from `sort` and `dir`, or a 400 naming the field for a column it does not have.
    func tableSort(keys: Set<String>, fallback: TableSort) throws -> TableSort {
        guard let sort = TableSort.requested(in: address, sortableKeys: keys, fallback: fallback) else {
            throw FieldProblem(field: "sort", message: t(.refusal(.cannotSortByColumn)))
        }
        return sort
    }

    /// The whole table as a download: CSV (UTF-8 with a BOM, the page's language) or XLSX.
    func download(_ table: TableModel, name: String, as format: DownloadFormat) throws -> Response {
        var headers = HTTPHeaders()
        let data: Data
        switch format {
        case .csv:
            data = TableCSV.document(table, language: language)
            headers.replaceOrAdd(name: .contentType, value: TableCSV.contentType)
        case .xlsx:
            do { data = try XLSXWriter.workbook(table, language: language) } catch {
                logger.error("the workbook \(name).xlsx could not be written: \(error)")
                throw Abort(.internalServerError, reason: t(.errors(.serverErrorSentence)))
            }
            headers.replaceOrAdd(name: .contentType, value: XLSXWriter.contentType)
        }
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).\(format.rawValue)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

enum DownloadFormat: String { case csv, xlsx }
