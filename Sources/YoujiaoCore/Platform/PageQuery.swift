import Foundation

/// One page of a long list, as asked for by a request. Both numbers are bounded when the value is
/// made, so the offset `(page - 1) × perPage` can never overflow: a trap there would stop the server
/// for everyone, and `page=9223372036854775807` once did.
public struct PageQuery: Sendable, Equatable {
    /// More pages than any list of a city can have (2.5 million pupils at 10 a page is 250,000).
    public static let maximumPage = 1_000_000
    /// The most rows one request may read, for downloads of a whole filtered list.
    public static let maximumRows = 10_000_000

    public let page: Int
    public let perPage: Int

    public enum Problem: Error, Equatable, Sendable {
        /// The field (`page` or `per_page`) and the bounds it must lie in.
        case outOfRange(field: String, allowed: ClosedRange<Int>)
        case notANumber(field: String)
    }

    public init(page: Int, perPage: Int, maxPerPage: Int = 500) throws(Problem) {
        let perPageBounds = 1...min(max(1, maxPerPage), PageQuery.maximumRows)
        guard (1...PageQuery.maximumPage).contains(page) else { throw .outOfRange(field: "page", allowed: 1...PageQuery.maximumPage) }
        guard perPageBounds.contains(perPage) else { throw .outOfRange(field: "per_page", allowed: perPageBounds) }
        self.page = page
        self.perPage = perPage
    }

    /// Reads the query's text values (nil when absent) with defaults; anything that is not a whole
    /// number in range is a problem naming the field, never a silent default.
    public init(pageText: String?, perPageText: String?, defaultPerPage: Int, maxPerPage: Int) throws(Problem) {
        func number(_ text: String?, field: String, default value: Int) throws(Problem) -> Int {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return value }
            guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 || $0 == 0x2D }) else { throw .notANumber(field: field) }
            // Too many digits for Int parses as nil: that is out of range, not "not a number".
            guard let parsed = Int(text) else {
                throw .outOfRange(field: field, allowed: field == "page" ? 1...PageQuery.maximumPage : 1...maxPerPage)
            }
            return parsed
        }
        try self.init(page: try number(pageText, field: "page", default: 1),
                      perPage: try number(perPageText, field: "per_page", default: defaultPerPage), maxPerPage: maxPerPage)
    }

    /// Every row at once (a CSV of the whole filtered list), still bounded.
    public static let everything = try! PageQuery(page: 1, perPage: maximumRows, maxPerPage: maximumRows)

    /// Rows to skip; at most 10^6 × 10^7, far inside Int64.
    public var offset: Int { (page - 1) * perPage }

    /// The number of pages `total` rows fill (at least one, so an empty list has page 1 of 1).
    public func pageCount(total: Int) -> Int { max(1, (max(0, total) + perPage - 1) / perPage) }
}
