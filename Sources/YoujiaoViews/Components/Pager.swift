import Plot

/// Previous / "page n of m" / next, each link keeping the rest of the query; nothing for one page.
public struct Pager: Component {
    public var page: Int
    public var pageCount: Int
    public var address: PageAddress
    public var language: Language

    /// `page` comes from the request, already bounded by the controller (Core's page query);
    /// both numbers are clamped again here so that `page ± 1` can never overflow.
    public init(page: Int, pageCount: Int, address: PageAddress, language: Language) {
        self.page = min(max(page, 1), 100_000_000)
        self.pageCount = min(max(pageCount, 1), 100_000_000)
        self.address = address
        self.language = language
    }

    public var body: Component {
        let t = language, page = self.page, count = pageCount
        guard count > 1 || page > 1 else { return Node<HTML.BodyContext>.group([]) }
        // A page past the end (the list shrank since the link was made) leads back to the last one.
        let previous = min(page - 1, count)
        return Node<HTML.BodyContext>.nav(
            .class("pager"), .attr("aria-label", t(.tables(.pages))),
            .if(page > 1, .a(.attr("href", address.setting("page", to: String(previous)).href), .attr("rel", "prev"),
                             .words(t(.tables(.previousPage))))),
            .span(.class("page-of"), .words(t(.pageOf(page, count)))),
            .if(page < count, .a(.attr("href", address.setting("page", to: String(page + 1)).href), .attr("rel", "next"),
                                 .words(t(.tables(.nextPage)))))
        )
    }
}

/// Links to the same table as CSV and XLSX: the whole filtered list, in the page's sort order.
public struct DownloadLinks: Component {
    public var csvHref: String
    public var xlsxHref: String
    public var language: Language

    public init(csvHref: String, xlsxHref: String, language: Language) {
        self.csvHref = csvHref
        self.xlsxHref = xlsxHref
        self.language = language
    }

    /// The page's filters and sort on the download routes, without the page number.
    public init(for address: PageAddress, csvPath: String, xlsxPath: String, language: Language) {
        let query = address.setting("page", to: nil)
        self.init(csvHref: query.moving(to: csvPath).href, xlsxHref: query.moving(to: xlsxPath).href, language: language)
    }

    public var body: Component {
        let t = language
        return Node<HTML.BodyContext>.p(
            .class("downloads"),
            .span(.words(t(.tables(.downloads)) + (t == .zh ? "：" : ": "))),
            .a(.attr("href", csvHref), .attribute(named: "download"), .words(t(.tables(.downloadCSV)))),
            .a(.attr("href", xlsxHref), .attribute(named: "download"), .words(t(.tables(.downloadXLSX))))
        )
    }
}
