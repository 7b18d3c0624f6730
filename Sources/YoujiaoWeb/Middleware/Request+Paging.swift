import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

extension Request {
    /// The `page` and `per_page` of the query, bounded (400 naming the field when out of range or
    /// not a whole number). Pages have a fixed `perPage`; the API lets callers choose up to `maxPerPage`.
    func pageRequest(perPage: Int, maxPerPage: Int? = nil) throws -> PageQuery {
        let perPageText = maxPerPage == nil ? nil : query[String.self, at: "per_page"]
        do {
            return try PageQuery(pageText: query[String.self, at: "page"], perPageText: perPageText,
                                   defaultPerPage: perPage, maxPerPage: maxPerPage ?? perPage)
        } catch .notANumber(let field) {
            throw FieldProblem(field: field, message: t(.refusal(.notAWholeNumber(Self.pagingParameter(field)))))
        } catch .outOfRange(let field, let allowed) {
            throw FieldProblem(field: field, message: t(.refusal(.outOfRange(Self.pagingParameter(field), allowed: allowed))))
        }
    }

    /// The query value as the sentence names it ("页码", not `page`).
    private static func pagingParameter(_ field: String) -> Catalogue.PagingParameter {
        field == "per_page" ? .perPage : .page
    }

    /// 404 for a page past the end of a list (page 999 of 3), so a stale link says so.
    func requirePageExists<Item>(_ page: Page<Item>) throws {
        guard page.page <= page.pageCount else {
            throw Abort(.notFound, reason: t(.refusal(.noSuchPage(page.page, of: page.pageCount))))
        }
    }
}
