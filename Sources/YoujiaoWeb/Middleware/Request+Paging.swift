import Vapor
import YoujiaoCore
import YoujiaoStore

extension Request {
    /// The `page` and `per_page` of the query, bounded (400 naming the field when out of range or
    /// not a whole number). Pages have a fixed `perPage`; the API lets callers choose up to `maxPerPage`.
    func pageRequest(perPage: Int, maxPerPage: Int? = nil) throws -> PageQuery {
        let perPageText = maxPerPage == nil ? nil : query[String.self, at: "per_page"]
        do {
            return try PageQuery(pageText: query[String.self, at: "page"], perPageText: perPageText,
                                   defaultPerPage: perPage, maxPerPage: maxPerPage ?? perPage)
        } catch .notANumber(let field) {
            throw FieldProblem(field: field, message: t("\(field) 须为整数。", "\(field) must be a whole number."))
        } catch .outOfRange(let field, let allowed) {
            throw FieldProblem(field: field, message: t("\(field) 须在 \(allowed.lowerBound)–\(allowed.upperBound) 之间。",
                                                        "\(field) must be from \(allowed.lowerBound) to \(allowed.upperBound)."))
        }
    }

    /// 404 for a page past the end of a list (page 999 of 3), so a stale link says so.
    func requirePageExists<Item>(_ page: Page<Item>) throws {
        guard page.page <= page.pageCount else {
            throw Abort(.notFound, reason: t("没有第 \(page.page) 页；共 \(page.pageCount) 页。", "There is no page \(page.page); there are \(page.pageCount)."))
        }
    }
}
