import Plot

/// A table drawn from a `TableModel`: sortable headers are links that sort on the server (the
/// current one carries `aria-sort`), the first cell of a row is its header, totals sit in the
/// footer, and the whole table scrolls inside its box with the first column held in place.
/// With no rows it is the model's empty-state sentence instead.
public struct DataTable: Component {
    public var model: TableModel
    public var address: PageAddress
    public var language: Language

    public init(_ model: TableModel, address: PageAddress, language: Language) {
        self.model = model
        self.address = address
        self.language = language
    }

    public var body: Component {
        let t = language
        guard !model.rows.isEmpty else {
            return Node<HTML.BodyContext>.p(.class("empty-state"), .words(t(model.emptyState)))
        }
        let captionID = "\(model.id)-caption"
        return Node<HTML.BodyContext>.div(
            .class("table-scroll"), .attr("role", "region"), .attr("aria-labelledby", captionID), .attr("tabindex", "0"),
            .table(
                .class("data-table"),
                .caption(.id(captionID), .words(t(model.caption))),
                .thead(.tr(.forEach(model.columns) { header($0) })),
                .tbody(.forEach(model.rows) { row($0) }),
                .unwrap(model.totals) { totals in
                    .tfoot(row(totals))
                }
            )
        )
    }

    private func header(_ column: TableModel.Column) -> Node<HTML.TableRowContext> {
        let t = language
        let isSorted = model.sort?.key == column.key
        let direction = isSorted ? model.sort?.direction : nil
        let ariaSort = direction.map { $0 == .ascending ? "ascending" : "descending" }
        guard column.isSortable else {
            return .th(.attr("scope", "col"), .if(column.isNumeric, .class("num")), .words(t(column.title)))
        }
        // Clicking the sorted column reverses it; another column starts ascending. A new order
        // starts again from page 1.
        let next = direction?.reversed ?? .ascending
        let target = address.setting("sort", to: column.key).setting("dir", to: next.rawValue).setting("page", to: nil)
        let state: Phrase? = direction.map { $0 == .ascending ? .tables(.sortedAscending) : .tables(.sortedDescending) }
        let action: Phrase = next == .ascending ? .tables(.sortAscending) : .tables(.sortDescending)
        return .th(
            .attr("scope", "col"),
            .if(column.isNumeric, .class("num sortable"), else: .class("sortable")),
            .unwrap(ariaSort) { .attr("aria-sort", $0) },
            .a(
                .attr("href", target.href),
                .words(t(column.title)),
                .span(.class("sort-mark"), .attr("aria-hidden", "true"),
                      .words(direction == .ascending ? "▲" : direction == .descending ? "▼" : "↕")),
                .span(.class("visually-hidden"), .words(t(.sortHint(current: state, action: action))))
            )
        )
    }

    private func row(_ cells: [TableModel.Cell]) -> Node<HTML.TableContext> {
        .tr(.forEach(Array(cells.enumerated())) { index, cell in
            let isNumeric = index < model.columns.count && model.columns[index].isNumeric
            let content = Self.content(of: cell, language: language)
            return index == 0
                ? .th(.attr("scope", "row"), .if(isNumeric, .class("num")), content)
                : .td(.if(isNumeric, .class("num")), content)
        })
    }

    static func content(of cell: TableModel.Cell, language t: Language) -> Node<HTML.BodyContext> {
        switch cell {
        case .text(let text): return .words(text)
        case .phrase(let phrase): return .words(t(phrase))
        case .number(let value): return .words(Format.number(value))
        case .decimal(let value, let digits): return .words(Format.decimal(value, digits: digits) ?? "")
        case .link(let text, let href): return .a(.attr("href", href), .words(text))
        case .phraseLink(let phrase, let href): return .a(.attr("href", href), .words(t(phrase)))
        case .maskedID(let id): return .span(.class("id"), .attr("translate", "no"), .words(id))
        case .badge(let phrase, let tone): return .span(.class("badge badge-\(tone.rawValue)"), .words(t(phrase)))
        case .shaded(let value, let shade, let note):
            return .span(.class(shade), .unwrap(note) { .attr("title", t($0)) }, .words(Format.signed(value)))
        case .toned(let inner, let tone, let note):
            return .span(.class("badge badge-\(tone.rawValue)"), content(of: inner, language: t),
                         .span(.class("visually-hidden"), .words((t == .zh ? "（" : " (") + t(note) + (t == .zh ? "）" : ")"))))
        case .input(let name, let value, let label, let isInvalid):
            return .input(.attr("name", name), .attr("value", value), .attr("inputmode", "numeric"), .attr("size", "6"),
                          .attr("aria-label", label), .attribute(named: "class", value: isInvalid ? "invalid" : nil),
                          .attribute(named: "aria-invalid", value: isInvalid ? "true" : nil),
                          .attribute(named: "autofocus", value: isInvalid ? "autofocus" : nil))
        case .empty: return .group([])
        }
    }
}
