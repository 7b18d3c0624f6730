import Plot
import YoujiaoCore

/// One district, stage and year of a projection with its seats, in whole pupils, as every
/// planning page shows it.
public struct SeatGapFigure: Sendable, Hashable {
    public var districtCode: String
    public var districtName: String
    public var stage: Stage
    public var year: Int
    public var demand: Int
    public var seats: Int
    /// Demand − seats: positive is a shortfall, negative empty seats.
    public var gap: Int
    /// Standard schools needed to cover a shortfall (0 when there is none).
    public var schoolsShort: Int

    public init(districtCode: String, districtName: String, stage: Stage, year: Int, demand: Int, seats: Int, gap: Int, schoolsShort: Int) {
        self.districtCode = districtCode; self.districtName = districtName; self.stage = stage; self.year = year
        self.demand = demand; self.seats = seats; self.gap = gap; self.schoolsShort = schoolsShort
    }
}

/// A saved scenario offered in a select.
public struct ScenarioChoice: Sendable, Hashable {
    public var id: String
    public var name: String
    public init(id: String, name: String) { self.id = id; self.name = name }
}

/// How a gap is shaded: red for a shortfall, blue for a surplus, darker as it grows against the
/// seats (under 5 %, under 15 %, more).
public enum GapShade {
    public static func cssClass(gap: Int, seats: Int) -> String {
        if gap == 0 { return "gap-even" }
        let share = seats > 0 ? Double(gap.magnitude) / Double(seats) : 1
        let level = share < 0.05 ? 1 : share < 0.15 ? 2 : 3
        return (gap > 0 ? "gap-short-" : "gap-surplus-") + String(level)
    }

    public static func cell(gap: Int, seats: Int, note: Phrase? = nil) -> TableModel.Cell {
        .shaded(gap, shade: cssClass(gap: gap, seats: seats), note: note)
    }
}

/// The tables shared by the city page and a scenario's page.
public enum PlanningTables {
    /// Per stage: the districts that lack seats in some projected year (worst year first), and
    /// the districts where more than a tenth of the seats stand empty in the last year.
    public static func findings(_ gaps: [SeatGapFigure], stages: [Stage], lastYear: Int) -> TableModel {
        let rows: [[TableModel.Cell]] = stages.map { stage in
            let ofStage = gaps.filter { $0.stage == stage }
            let worst = Dictionary(grouping: ofStage.filter { $0.gap > 0 }, by: \.districtCode)
                .compactMap { _, cells in cells.max { ($0.gap, $1.year) < ($1.gap, $0.year) } }
                .sorted { ($0.gap, $1.districtCode) > ($1.gap, $0.districtCode) }
            let short = worst.map { Phrase.planningShortEntry(district: $0.districtName, gap: $0.gap, year: $0.year, schools: $0.schoolsShort) }
            let empty = ofStage.filter { $0.year == lastYear && $0.seats > 0 && -$0.gap * 10 > $0.seats }
                .map { (figure: $0, share: Double(-$0.gap) / Double($0.seats)) }
                .sorted { ($0.share, $1.figure.districtCode) > ($1.share, $0.figure.districtCode) }
                .map { Phrase.planningEmptyEntry(district: $0.figure.districtName, percent: Int(($0.share * 100).rounded())) }
            return [.phrase(.stage(stage)),
                    .phrase(short.isEmpty ? .planning(.none) : .joinedBySemicolons(short)),
                    .phrase(empty.isEmpty ? .planning(.none) : .joinedBySemicolons(empty))]
        }
        return TableModel(id: "findings", caption: .planning(.findingsTable),
                          columns: [TableModel.Column(.planning(.stage), key: "stage"),
                                    TableModel.Column(.planning(.shortDistricts), key: "short"),
                                    TableModel.Column(.planningEmptyDistricts(lastYear: lastYear), key: "empty")],
                          rows: rows)
    }

    /// The keys a stage table sorts by: the district (by code, the order of official statistics),
    /// today's seats, or the gap of one projected year (`y2030`).
    public static func stageSortKeys(years: ClosedRange<Int>) -> Set<String> { Set(["district", "seats"] + years.map { "y\($0)" }) }
    public static let defaultStageSort = TableSort(key: "district")

    /// District × year for one stage, each cell the gap shaded by its size against the seats.
    /// `districtHref` links a district's name to its page.
    public static func stageTable(_ gaps: [SeatGapFigure], stage: Stage, years: ClosedRange<Int>, sort: TableSort,
                                  districtHref: (String) -> String) -> TableModel {
        struct Row { var code: String; var name: String; var byYear: [Int: SeatGapFigure]; var seatsNow: Int }
        let byDistrict = Dictionary(grouping: gaps.filter { $0.stage == stage }, by: \.districtCode)
        var rows = byDistrict.map { code, cells in
            Row(code: code, name: cells[0].districtName, byYear: Dictionary(cells.map { ($0.year, $0) }) { a, _ in a },
                seatsNow: cells.min { $0.year < $1.year }?.seats ?? 0)
        }
        func value(_ row: Row) -> Int? {
            if sort.key == "seats" { return row.seatsNow }
            if sort.key.hasPrefix("y"), let year = Int(sort.key.dropFirst()) { return row.byYear[year]?.gap ?? 0 }
            return nil
        }
        rows.sort { a, b in
            guard let x = value(a), let y = value(b), x != y else {
                return sort.key == "district" && sort.direction == .descending ? a.code > b.code : a.code < b.code
            }
            return sort.direction == .ascending ? x < y : x > y
        }
        let columns = [TableModel.Column(.planning(.district), key: "district", isSortable: true),
                       TableModel.Column(.planning(.seatsNow), key: "seats", isNumeric: true, isSortable: true)]
            + years.map { TableModel.Column(.verbatim(String($0)), key: "y\($0)", isNumeric: true, isSortable: true) }
        let cells: [[TableModel.Cell]] = rows.map { row in
            [.link(row.name, href: districtHref(row.code)), .number(row.seatsNow)] + years.map { year in
                guard let figure = row.byYear[year] else { return .empty }
                return GapShade.cell(gap: figure.gap, seats: figure.seats, note: .planningGapNote(demand: figure.demand, seats: figure.seats))
            }
        }
        return TableModel(id: "gaps-\(stage.rawValue)", caption: .planningStageGapTable(stage), columns: columns, rows: cells, sort: sort)
    }

    /// Every figure in one long table (district, stage, year): the download of the city page.
    public static func seatGaps(_ gaps: [SeatGapFigure]) -> TableModel {
        let stageOrder = Dictionary(uniqueKeysWithValues: Stage.allCases.enumerated().map { ($1, $0) })
        let ordered = gaps.sorted {
            ($0.districtCode, stageOrder[$0.stage] ?? 0, $0.year) < ($1.districtCode, stageOrder[$1.stage] ?? 0, $1.year)
        }
        return TableModel(
            id: "seat-gaps", caption: .planning(.seatGapsTable),
            columns: [TableModel.Column(.planning(.district), key: "district"), TableModel.Column(.planning(.stage), key: "stage"),
                      TableModel.Column(.planning(.year), key: "year", isNumeric: true),
                      TableModel.Column(.planning(.demand), key: "demand", isNumeric: true),
                      TableModel.Column(.planning(.seats), key: "seats", isNumeric: true),
                      TableModel.Column(.planning(.gap), key: "gap", isNumeric: true),
                      TableModel.Column(.planning(.schoolsShort), key: "schools", isNumeric: true)],
            rows: ordered.map { [.text($0.districtName), .phrase(.stage($0.stage)), .text(String($0.year)), .number($0.demand),
                                 .number($0.seats), .number($0.gap), .number($0.schoolsShort)] })
    }
}

extension Phrase {
    /// Several findings in one cell, "；" between them in Chinese.
    static func joinedBySemicolons(_ phrases: [Phrase]) -> Phrase {
        Phrase(zh: phrases.map(\.zh).joined(separator: "；"), en: phrases.map(\.en).joined(separator: "; "))
    }
}

/// What the colours of the gap tables mean.
struct GapLegend: Component {
    var language: Language
    var body: Component {
        let t = language
        return Node<HTML.BodyContext>.p(
            .class("legend"),
            .span(.class("gap-short-3"), .words(t(.planning(.legendShort)))), .text(" "),
            .span(.class("gap-surplus-3"), .words(t(.planning(.legendSurplus)))), .text(" "),
            .words(t(.planning(.legendDarker))))
    }
}

/// A table with its downloads (CSV and XLSX of the same table, whole) under it, at
/// `downloadBase/<table id>.csv|.xlsx` with the page's query.
struct TableWithDownloads: Component {
    var table: TableModel
    var address: PageAddress
    var downloadBase: String
    var language: Language
    var body: Component {
        Node<HTML.BodyContext>.group(
            .component(DataTable(table, address: address, language: language)),
            .if(!table.rows.isEmpty, .component(DownloadLinks(for: address, csvPath: "\(downloadBase)/\(table.id).csv",
                                                               xlsxPath: "\(downloadBase)/\(table.id).xlsx", language: language)))
        )
    }
}

/// The GET form above the city and district tables: which scenario, how many years.
struct ScenarioPicker: Component {
    var action: String
    var choices: [ScenarioChoice]
    var selected: String?
    var years: Int
    var language: Language
    var body: Component {
        let t = language
        let options = [Choice(value: "baseline", label: .planning(.baselineChoice))]
            + choices.map { Choice(value: $0.id, label: .verbatim($0.name)) }
        return Node<HTML.BodyContext>.form(
            .attr("method", "get"), .attr("action", action), .class("filters"),
            .component(FormField(name: "scenario", label: .planning(.scenario), kind: .select(options), value: selected ?? "baseline", language: t)),
            .component(FormField(name: "years", label: .planning(.years), kind: .number, value: String(years), language: t)),
            .button(.attr("type", "submit"), .words(t(.planning(.project))))
        )
    }
}

/// Links in a row, separated by a middle dot.
struct LinkRow: Component {
    var links: [(Phrase, String)]
    var language: Language
    var body: Component {
        Node<HTML.BodyContext>.p(.class("links"), .forEach(Array(links.enumerated())) { index, link in
            .group(.if(index > 0, .text(" · ")), .a(.attr("href", link.1), .words(language(link.0))))
        })
    }
}

extension Format {
    /// "+1,234" (short), "-567" (spare) or "0", in whole pupils: the planning gaps.
    public static func signed(_ value: Int) -> String { (value > 0 ? "+" : "") + number(value) }
}
