/// A table as values: the same model draws the page's table and writes its CSV and XLSX, so a
/// download always has the columns, words and rows the page shows (the whole filtered list when
/// the controller passes every row).
public struct TableModel: Sendable {
    public struct Column: Sendable, Hashable {
        public var title: Phrase
        /// The value of `sort=` for this column; also its stable name.
        public var key: String
        public var isNumeric: Bool
        public var isSortable: Bool
        public init(_ title: Phrase, key: String, isNumeric: Bool = false, isSortable: Bool = false) {
            self.title = title; self.key = key; self.isNumeric = isNumeric; self.isSortable = isSortable
        }
    }

    public enum Tone: String, Sendable, Hashable { case good, bad, warning, neutral }

    public enum Cell: Sendable, Hashable {
        case text(String)
        case phrase(Phrase)
        case number(Int)
        /// A figure with decimals (a ratio, a coefficient); non-finite values show as empty.
        case decimal(Double, digits: Int)
        case link(String, href: String)
        /// A link whose text is a phrase of the catalogue (报名, 修改), not a name.
        case phraseLink(Phrase, href: String)
        /// An ID number already masked by Core; shown in a fixed-width font, never translated.
        case maskedID(String)
        /// A status word in a coloured box; the colour repeats the word, never replaces it.
        case badge(Phrase, tone: Tone)
        /// A signed whole figure (+200, -35, 0) on a background whose CSS class says how large it
        /// is (the planning gaps), with an optional note on hover; downloads as the number.
        case shaded(Int, shade: String, note: Phrase?)
        /// Any other cell (a figure, a link to what it is made of) in a box of the tone's colour,
        /// with the tone's word (达标, 未达标) for screen readers; a download holds the inner cell.
        indirect case toned(Cell, tone: Tone, note: Phrase)
        /// A whole-number field of the form the table sits in (the seats a school is given),
        /// labelled by the row's name for screen readers; a download holds what it contains.
        case input(name: String, value: String, label: String, isInvalid: Bool)
        case empty
    }

    /// Distinguishes the tables of one page (the caption's id, the scroll box's label).
    public var id: String
    public var caption: Phrase
    public var columns: [Column]
    public var rows: [[Cell]]
    public var totals: [Cell]?
    public var sort: TableSort?
    /// The sentence shown instead of the table when there are no rows.
    public var emptyState: Phrase

    public init(id: String, caption: Phrase, columns: [Column], rows: [[Cell]], totals: [Cell]? = nil,
                sort: TableSort? = nil, emptyState: Phrase = .tables(.noRows)) {
        self.id = id; self.caption = caption; self.columns = columns; self.rows = rows
        self.totals = totals; self.sort = sort; self.emptyState = emptyState
    }
}

/// The sort a page was asked for: `sort=<column key>&dir=asc|desc`.
public struct TableSort: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case ascending = "asc", descending = "desc"
        public var reversed: Direction { self == .ascending ? .descending : .ascending }
    }

    public var key: String
    public var direction: Direction

    public init(key: String, direction: Direction = .ascending) {
        self.key = key
        self.direction = direction
    }

    /// The sort in `address`, `fallback` when the page was not asked to sort, nil when it names
    /// a column that cannot be sorted or a direction other than asc/desc (a 400 for the controller).
    public static func requested(in address: PageAddress, sortableKeys: Set<String>, fallback: TableSort) -> TableSort? {
        guard let key = address.value("sort"), !key.isEmpty else { return fallback }
        guard sortableKeys.contains(key) else { return nil }
        guard let raw = address.value("dir") else { return TableSort(key: key) }
        return Direction(rawValue: raw).map { TableSort(key: key, direction: $0) }
    }
}

extension TableModel.Cell {
    /// What a download holds for this cell: numbers stay numbers, everything else is the text
    /// the page shows in `language`.
    public func exportValue(_ language: Language) -> ExportValue {
        switch self {
        case .text(let text), .link(let text, _), .maskedID(let text): return .text(text)
        case .phrase(let phrase), .badge(let phrase, _), .phraseLink(let phrase, _): return .text(language(phrase))
        case .number(let value), .shaded(let value, _, _): return .integer(value)
        case .decimal(let value, _): return value.isFinite ? .decimal(value) : .text("")
        case .toned(let inner, _, _): return inner.exportValue(language)
        case .input(_, let value, _, _): return Int(value).map { .integer($0) } ?? .text(value)
        case .empty: return .text("")
        }
    }
}

/// One cell of a CSV or XLSX download.
public enum ExportValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// Always finite (`exportValue` turns a non-finite figure into empty text).
    case decimal(Double)
}

extension TableModel {
    /// Header, rows and the totals row as download cells, headers in `language`.
    public func exportRows(_ language: Language) -> [[ExportValue]] {
        var out: [[ExportValue]] = [columns.map { .text(language($0.title)) }]
        out += rows.map { $0.map { $0.exportValue(language) } }
        if let totals { out.append(totals.map { $0.exportValue(language) }) }
        return out
    }
}
