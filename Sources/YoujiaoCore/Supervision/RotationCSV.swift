import Foundation

/// One school's 交流轮岗 figures for a school year, as the district reports them: the registry
/// holds no per-teacher rotation records (who rotated, from where, since when).
public struct RotationReport: Sendable, Hashable, Codable {
    public var schoolID: String
    public var year: Int
    public var counts: RotationCounts
    public init(schoolID: String, year: Int, counts: RotationCounts) {
        self.schoolID = schoolID; self.year = year; self.counts = counts
    }
}

/// Reads and writes the rotation file (`youjiao import rotation FILE`).
public enum RotationCSV {
    public static let csvColumns = [
        CSVColumn("school_id", "学校标识码"), CSVColumn("year", "学年"), CSVColumn("eligible_teachers", "符合交流条件教师数"),
        CSVColumn("rotated_teachers", "交流轮岗教师数"), CSVColumn("key_teachers_rotated", "其中骨干教师数"),
    ]
    public static let columns = csvColumns.map(\.name)

    public static func parse(data: Data, fileName: String, knownSchoolIDs: Set<String>, knownYears: Set<Int>,
                             limits: CSVLimits = .standard, encoding: TextEncodingChoice = .auto) throws -> [RotationReport] {
        try parse(CSVTable.parse(data: data, fileName: fileName, limits: limits, encoding: encoding),
                  knownSchoolIDs: knownSchoolIDs, knownYears: knownYears)
    }

    /// Every problem of the file in one `InputErrors`: unknown school or year, a count that is not a
    /// whole number ≥ 0, more rotated than eligible teachers, more key teachers than rotated, a second
    /// row for the same school and year.
    public static func parse(_ table: CSVTable, knownSchoolIDs: Set<String>, knownYears: Set<Int>) throws -> [RotationReport] {
        let table = try table.resolvingColumns(csvColumns)
        var reader = SupervisionErrorCollector()
        var reports: [RotationReport] = []
        var firstRow: [String: Int] = [:]
        for row in table.rows {
            let errorsBefore = reader.errors.count
            let schoolID = reader.read { try row.knownValue("school_id", in: knownSchoolIDs, what: "school") }
            let year = reader.read { try row.knownYear("year", in: knownYears) }
            let eligible = reader.read { try row.nonNegativeInt("eligible_teachers", required: true) } ?? nil
            let rotated = reader.read { try row.nonNegativeInt("rotated_teachers", required: true) } ?? nil
            let key = reader.read { try row.nonNegativeInt("key_teachers_rotated", required: true) } ?? nil
            if let eligible, let rotated, rotated > eligible {
                reader.errors.append(row.error("rotated_teachers", "\(rotated) rotated of \(eligible) eligible teachers"))
            }
            if let rotated, let key, key > rotated {
                reader.errors.append(row.error("key_teachers_rotated", "\(key) key teachers of \(rotated) rotated teachers"))
            }
            if let schoolID, let year {
                if let earlier = firstRow["\(schoolID)|\(year)"] {
                    reader.errors.append(row.error("school_id", "duplicate report: school \(schoolID) already reported for \(year) on row \(earlier)"))
                } else {
                    firstRow["\(schoolID)|\(year)"] = row.number
                }
            }
            if reader.errors.count == errorsBefore, let schoolID, let year, let eligible, let rotated, let key {
                reports.append(RotationReport(schoolID: schoolID, year: year,
                                              counts: RotationCounts(eligible: eligible, rotated: rotated, keyRotated: key)))
            }
        }
        if !reader.errors.isEmpty { throw InputErrors(errors: reader.errors) }
        return reports
    }

    public static func document(_ reports: [RotationReport]) -> String {
        CSVWriter.document(header: columns, rows: reports.map {
            [$0.schoolID, String($0.year), String($0.counts.eligible), String($0.counts.rotated), String($0.counts.keyRotated)]
        })
    }
}
