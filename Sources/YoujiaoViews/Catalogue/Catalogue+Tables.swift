extension Catalogue {
    /// Tables, their pages, filters and downloads.
    public enum Tables: PhraseBook {
        case total, previousPage, nextPage, pages, downloadCSV, downloadXLSX, downloads
        case filter, search, all, noRows, sortAscending, sortDescending, sortedAscending, sortedDescending

        public var phrase: Phrase {
            switch self {
            case .total: return Phrase(zh: "合计", en: "Total")
            case .previousPage: return Phrase(zh: "上一页", en: "Previous")
            case .nextPage: return Phrase(zh: "下一页", en: "Next")
            case .pages: return Phrase(zh: "分页", en: "Pages")
            case .downloadCSV: return Phrase(zh: "下载 CSV", en: "Download CSV")
            case .downloadXLSX: return Phrase(zh: "下载 Excel（XLSX）", en: "Download Excel (XLSX)")
            case .downloads: return Phrase(zh: "下载全部筛选结果", en: "Download the whole filtered list")
            case .filter: return Phrase(zh: "筛选", en: "Filter")
            case .search: return Phrase(zh: "查询", en: "Search")
            case .all: return Phrase(zh: "全部", en: "All")
            case .noRows: return Phrase(zh: "没有符合条件的记录。", en: "Nothing matches these filters.")
            case .sortAscending: return Phrase(zh: "点击按升序排列", en: "sort ascending")
            case .sortDescending: return Phrase(zh: "点击按降序排列", en: "sort descending")
            case .sortedAscending: return Phrase(zh: "当前为升序", en: "sorted ascending")
            case .sortedDescending: return Phrase(zh: "当前为降序", en: "sorted descending")
            }
        }

        public static var parameterisedExamples: [Phrase] { [.pageOf(2, 7), .rowCount(1_234), .sortHint(current: .tables(.sortedAscending), action: .tables(.sortDescending))] }
    }
}

extension Phrase {
    /// "第 2 / 7 页" / "Page 2 of 7".
    public static func pageOf(_ page: Int, _ pageCount: Int) -> Phrase {
        Phrase(zh: "第 \(Format.number(page)) / \(Format.number(pageCount)) 页",
               en: "Page \(Format.number(page)) of \(Format.number(pageCount))")
    }

    /// "共 1,234 条" / "1,234 rows".
    public static func rowCount(_ count: Int) -> Phrase {
        Phrase(zh: "共 \(Format.number(count)) 条", en: count == 1 ? "1 row" : "\(Format.number(count)) rows")
    }
}

extension Phrase {
    /// What a screen reader hears after a sortable header: its state, then what a click does.
    public static func sortHint(current: Phrase?, action: Phrase) -> Phrase {
        Phrase(zh: "（" + (current.map { $0.zh + "，" } ?? "") + action.zh + "）",
               en: " (" + (current.map { $0.en + ", " } ?? "") + action.en + ")")
    }
}
