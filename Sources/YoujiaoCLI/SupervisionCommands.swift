import ArgumentParser
import Foundation
import YoujiaoCore
import YoujiaoStore
import YoujiaoWeb

/// `youjiao indicators`: the supervision targets computed from the registry and the reports.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Supervision (督导): compute every indicator, or print a district's 优质均衡 report.",
        discussion: "Indicators and their formulas: docs/supervision.md. Pupil and teacher counts come from the registry as it stands; floor areas, timetables and the other yearly facts from `youjiao import school-reports`.",
        subcommands: [Compute.self, Balance.self])

    /// The year must be one reports can be given for, else every figure would read "no data".
    static func checkYear(_ year: Int, _ store: SupervisionStore) async throws {
        let known = try await store.knownYears()
        guard known.contains(year) else {
            printError("--year \(year): unknown school year (known: \(known.sorted().map(String.init).joined(separator: ", ")))")
            throw ExitCode(2)
        }
    }

    struct Compute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every indicator at school, district and city level: indicator,level,scope_id,value,target,status.")
        enum Format: String, ExpressibleByArgument { case csv, json }
        @ArgumentParser.Option(help: "School year (autumn start: 2025 = 2025–26).") var year: Int
        @ArgumentParser.Option(help: "csv or json.") var format: Format = .csv
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await withRuntime(options) { runtime in
                let store = SupervisionStore(runtime.registry.database)
                try await IndicatorsCommand.checkYear(year, store)
                let started = Date()
                let input = try await store.input(year: year)
                let read = Date()
                let results = SupervisionEngine.compute(input: input)
                let computed = Date()
                let text = format == .csv ? SupervisionCSV.results(results) : try ResultJSON.document(results)
                FileHandle.standardOutput.write(Data(text.utf8))
                let written = Date()
                printError(String(format: "%d results for %d schools in %d districts, year %d: read %.2f s, computed %.2f s, written %.2f s, total %.2f s",
                                  results.count, input.schools.count, input.districtCodes.count, year,
                                  read.timeIntervalSince(started), computed.timeIntervalSince(read),
                                  written.timeIntervalSince(computed), written.timeIntervalSince(started)))
            }
        }
    }

    struct Balance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The 优质均衡 resource report of one district and stage: each school's seven values, how many meet, pass or fail, and the seven CVs.")
        enum Format: String, ExpressibleByArgument {
            /// Aligned text for reading in a terminal.
            case text
            /// One row per school with its seven values, then the CV row (as assessors read it).
            case table
            /// Every figure with its target and status (`SupervisionCSV.balance`).
            case csv
        }
        @ArgumentParser.Option(help: "School year (autumn start).") var year: Int
        @ArgumentParser.Option(help: "District code, e.g. 310101.") var district: String
        @ArgumentParser.Option(help: "primary or junior.") var stage: String
        @ArgumentParser.Option(help: "text, table or csv.") var format: Format = .text
        @OptionGroup var options: DatabaseOptions

        func validate() throws {
            guard stage == Stage.primary.rawValue || stage == Stage.junior.rawValue else {
                throw ValidationError("--stage must be primary or junior, not \(stage)")
            }
        }

        func run() async throws {
            try await withRuntime(options) { runtime in
                guard let place = try await runtime.registry.district(code: district) else {
                    printError("--district \(district): no such district in the registry")
                    throw ExitCode(2)
                }
                let store = SupervisionStore(runtime.registry.database)
                try await IndicatorsCommand.checkYear(year, store)
                let input = try await store.input(year: year, scope: .district(district))
                let report = QualityBalance.assess(districtCode: district, stage: Stage(rawValue: stage)!, input: input)
                switch format {
                case .csv: print(SupervisionCSV.balance(report), terminator: "")
                case .table: print(SupervisionCSV.balanceTable(report), terminator: "")
                case .text:
                    let names = Dictionary(uniqueKeysWithValues: try await runtime.registry.schools(ids: report.schools.map(\.schoolID)).map { ($0.id, $0.name) })
                    print(BalanceText.render(report, districtName: place.name, schoolNames: names), terminator: "")
                }
            }
        }
    }
}

/// A result as JSON: the CSV's fields plus what a reader needs to check them.
struct ResultJSON: Encodable {
    var indicator: String
    var level: String
    var scopeID: String
    var district: String?
    var value: Double?
    var target: Double
    var comparison: String
    var unit: String
    var status: String
    var numerator: Double?
    var denominator: Double?
    var missing: [String]

    enum CodingKeys: String, CodingKey {
        case indicator, level, scopeID = "scope_id", district, value, target, comparison, unit, status, numerator, denominator, missing
    }

    init(_ result: IndicatorResult) {
        indicator = result.indicatorCode; level = result.level.rawValue; scopeID = result.scopeID
        district = result.districtCode; value = result.value; target = result.target
        comparison = result.comparison.rawValue; unit = result.unit; status = result.status.rawValue
        numerator = result.numerator; denominator = result.denominator
        missing = result.missing.map { "\($0.scopeID): \($0.reason)" }
    }

    /// Missing figures are written as null, never left out, so every object has every key.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicator, forKey: .indicator)
        try container.encode(level, forKey: .level)
        try container.encode(scopeID, forKey: .scopeID)
        try container.encode(district, forKey: .district)
        try container.encode(value, forKey: .value)
        try container.encode(target, forKey: .target)
        try container.encode(comparison, forKey: .comparison)
        try container.encode(unit, forKey: .unit)
        try container.encode(status, forKey: .status)
        try container.encode(numerator, forKey: .numerator)
        try container.encode(denominator, forKey: .denominator)
        try container.encode(missing, forKey: .missing)
    }

    static func document(_ results: [IndicatorResult]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(results.map(ResultJSON.init)), as: UTF8.self) + "\n"
    }
}

/// The 优质均衡 report as aligned text.
enum BalanceText {
    static func render(_ report: QualityBalanceReport, districtName: String, schoolNames: [String: String]) -> String {
        let codes = report.dispersions.map(\.indicatorCode)
        var rows: [[String]] = [["school_id", "pupils"] + codes + ["met", "result", "name"]]
        for school in report.schools {
            rows.append([school.schoolID, String(school.stagePupils)]
                + school.values.map { value in
                    // An asterisk marks a value under its standard.
                    value.value.map { SupervisionFormat.number($0, decimals: 2) + (value.status == .notMet ? "*" : "") } ?? "no data"
                }
                + ["\(school.indicatorsMet)/\(school.values.count)", school.verdict.rawValue, schoolNames[school.schoolID] ?? ""])
        }
        let standards = IndicatorCatalogue.shanghai2024.qualityBalanceIndicators(for: report.stage).map(\.target)
        rows.append(["standard", ""] + standards.map { SupervisionFormat.number($0, decimals: 2) } + ["", "", ""])
        rows.append(["CV", ""] + report.dispersions.map { $0.coefficientOfVariation.map { SupervisionFormat.number($0, decimals: 3) } ?? "no data" } + ["", "", ""])
        rows.append(["CV limit", ""] + report.dispersions.map { SupervisionFormat.number($0.limit, decimals: 2) } + ["", "", ""])
        rows.append(["CV result", ""] + report.dispersions.map(\.verdict.rawValue) + ["", "", ""])
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max()! }
        var out = "优质均衡 \(report.districtCode) \(districtName), \(report.stage.rawValue), school year \(report.year)\n"
        for row in rows {
            out += zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces) + "\n"
        }
        for excluded in report.excludedSchools { out += "excluded: \(excluded.scopeID) (\(excluded.reason))\n" }
        out += "schools passing: \(report.schoolsPassing) of \(report.schools.count); district: \(report.verdict.rawValue)\n"
        return out
    }
}
