import Foundation

/// Reading planning inputs from CSV files and writing the results, through the shared CSV layer.
///
/// births.csv `district,year,births` · enrollment.csv `district,year,grade,students` (grades K1 K2 K3
/// 1…12) · capacity.csv `district,year,stage,seats` · districts.csv `code` (optional list) ·
/// a births scenario file has the columns of births.csv.
public enum PlanningFiles {
    /// A national input has about 650,000 enrollment rows, more than an upload may carry.
    public static let limits = CSVLimits(maxBytes: 512 << 20, maxRows: 5_000_000)
    static let years = 1900...2200

    /// Reads every given file, collecting the problems of all rows before throwing them.
    public static func inputs(births birthsPath: String, enrollment enrollmentPath: String,
                              capacity capacityPath: String? = nil, districts districtsPath: String? = nil) throws -> PlanInputs {
        let (births, birthsSource) = try readBirths(try CSVTable.read(path: birthsPath, limits: limits))
        let (enrollment, enrollmentSource) = try read(path: enrollmentPath, columns: ["district", "year", "grade", "students"]) { row in
            EnrollmentCount(districtCode: try row.string("district"), year: try row.int("year", in: years),
                            grade: try row.value("grade", as: Grade.self), students: try row.int("students"))
        }
        let (capacity, capacitySource) = try capacityPath.map { path in
            try read(path: path, columns: ["district", "year", "stage", "seats"]) { row in
                SeatCapacity(districtCode: try row.string("district"), year: try row.int("year", in: years),
                             stage: try row.value("stage", as: Stage.self), seats: try row.int("seats"))
            }
        } ?? ([], TableSource(name: "capacity"))
        let districtCodes = try districtsPath.map { path in
            try read(path: path, columns: ["code"]) { try $0.string("code") }.records
        }
        return PlanInputs(births: births, enrollment: enrollment, capacity: capacity, districtCodes: districtCodes,
                          birthsSource: birthsSource, enrollmentSource: enrollmentSource, capacitySource: capacitySource)
    }

    /// A planner's births file for the years after the known ones.
    public static func birthSeries(path: String) throws -> BirthSeries {
        let (counts, source) = try readBirths(try CSVTable.read(path: path, limits: limits))
        return BirthSeries(counts: counts, source: source)
    }

    /// The same from text (a form field), with the columns of births.csv; errors name `name`.
    public static func birthSeries(text: String, name: String) throws -> BirthSeries {
        let (counts, source) = try readBirths(try CSVTable.parse(text: text, fileName: name))
        return BirthSeries(counts: counts, source: source)
    }

    /// `district,year,stage,grade,projected,low,high`, in pupils rounded to whole children.
    public static func projectionDocument(_ projection: Projection) -> String {
        CSVWriter.document(header: ["district", "year", "stage", "grade", "projected", "low", "high"],
                           rows: projection.counts.map { count in
            [count.districtCode, String(count.year), count.stage.rawValue, count.grade.rawValue,
             pupils(count.projected), pupils(count.low), pupils(count.high)]
        })
    }

    /// `district,year,stage,demand,seats,gap` with gap = demand − seats (positive = shortfall).
    public static func gapsDocument(_ gaps: [SeatGap]) -> String {
        CSVWriter.document(header: ["district", "year", "stage", "demand", "seats", "gap"], rows: gaps.map { gap in
            let demand = gap.demand.rounded()
            return [gap.districtCode, String(gap.year), gap.stage.rawValue, pupils(demand), String(gap.seats),
                    pupils(demand - Double(gap.seats))]
        })
    }

    /// `scope,district,stage,horizon,n,mape_percent,mean_error`; empty cells mean "all".
    public static func backtestDocument(_ report: BacktestReport) -> String {
        CSVWriter.document(header: ["scope", "district", "stage", "horizon", "n", "mape_percent", "mean_error"],
                           rows: report.summaries.map { row in
            [row.scope.rawValue, row.districtCode ?? (row.scope == .city ? "city" : ""), row.stage?.rawValue ?? "",
             row.horizon.map(String.init) ?? "", String(row.count), String(format: "%.2f", row.mape),
             String(format: "%.1f", row.meanError)]
        })
    }

    /// Projects and writes `projection.csv` (and `gaps.csv` when `writeGaps`) into `directory`:
    /// nothing is written unless the projection succeeds and every file can be written.
    @discardableResult
    public static func writeProjection(_ inputs: PlanInputs, options: ProjectionOptions, scenario: PlanningScenario,
                                       writeGaps: Bool, to directory: String) throws -> PlanResult {
        let result = try PlanningEngine.project(inputs, options: options, scenario: scenario)
        var documents = [(name: "projection.csv", contents: projectionDocument(result.projection))]
        if writeGaps { documents.append((name: "gaps.csv", contents: gapsDocument(result.gaps))) }
        try write(documents, to: directory)
        return result
    }

    /// Writes every document into `directory` or none of them: each goes to a temporary file first
    /// and is renamed over its final name only when all were written.
    static func write(_ documents: [(name: String, contents: String)], to directory: String) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FieldError(file: directory, reason: "cannot create the output directory: \(error.localizedDescription)")
        }
        let staged = documents.map {
            (temporary: "\(directory)/.\($0.name).partial", final: "\(directory)/\($0.name)", contents: $0.contents)
        }
        defer { for file in staged { try? manager.removeItem(atPath: file.temporary) } }
        for file in staged {
            do {
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: file.temporary))
            } catch {
                throw FieldError(file: file.final, reason: "cannot write: \(error.localizedDescription)")
            }
        }
        // Renames within one directory do not fail once every final name is free or a plain file.
        for file in staged {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: file.final, isDirectory: &isDirectory), isDirectory.boolValue {
                throw FieldError(file: file.final, reason: "a directory is in the way; nothing was written")
            }
        }
        for file in staged where rename(file.temporary, file.final) != 0 {
            throw FieldError(file: file.final, reason: "cannot replace the file (error \(errno))")
        }
    }

    static func pupils(_ value: Double) -> String { String(Int(value.rounded())) }

    private static func readBirths(_ table: CSVTable) throws -> ([BirthCount], TableSource) {
        try read(table, columns: ["district", "year", "births"]) { row in
            BirthCount(districtCode: try row.string("district"), year: try row.int("year", in: years),
                       births: try row.int("births"))
        }
    }

    private static func read<Record>(path: String, columns: [String],
                                     make: (CSVRow) throws -> Record) throws -> (records: [Record], source: TableSource) {
        try read(try CSVTable.read(path: path, limits: limits), columns: columns, make: make)
    }

    /// Parses every row with `make`, gathering all row errors, and remembers each record's row.
    private static func read<Record>(_ table: CSVTable, columns: [String],
                                     make: (CSVRow) throws -> Record) throws -> (records: [Record], source: TableSource) {
        try table.requireColumns(columns)
        var records: [Record] = [], rows: [Int] = [], errors: [FieldError] = []
        records.reserveCapacity(table.rows.count)
        rows.reserveCapacity(table.rows.count)
        for row in table.rows {
            do {
                records.append(try make(row))
                rows.append(row.number)
            } catch let error as FieldError {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
        return (records, TableSource(name: table.fileName, rows: rows))
    }
}
