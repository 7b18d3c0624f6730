import Foundation
import YoujiaoCore

/// Reads every cell of every row in each typed way the importers use (and a column the file lacks).
/// Thrown errors are the expected answer to bad cells: only a trap is a finding.
public func readEveryCell(of table: CSVTable) {
    for row in table.rows {
        for column in table.header + ["no such column"] {
            _ = try? row.raw(column)
            _ = try? row.string(column)
            _ = row.optionalString(column)
            _ = row.hasColumn(column)
            _ = try? row.int(column)
            _ = try? row.int(column, in: 0...100_000)
            _ = try? row.optionalInt(column, in: 1...99)
            _ = try? row.double(column)
            _ = try? row.double(column, in: -90...90)
            _ = try? row.optionalDouble(column, in: -180...180)
            _ = try? row.bool(column)
            _ = try? row.optionalBool(column)
            _ = try? row.value(column, as: Stage.self)
            _ = try? row.value(column, as: Grade.self)
            _ = try? row.value(column, as: Gender.self)
            _ = try? row.value(column, as: Hukou.self)
            _ = try? row.value(column, as: Ownership.self)
            _ = try? row.value(column, as: EnrollmentTrack.self)
        }
    }
    _ = try? table.requireColumns(table.header + ["no such column"])
}
