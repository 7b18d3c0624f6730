/// A published results file against results recomputed from the same inputs, row by row: what
/// `enroll verify` and `zhongkao verify` report. Rows may be in any order; every recomputed row
/// must appear once.
public struct ResultsComparison: Sendable {
    /// How the messages name a row's subject, its input file and the computation ("applicant",
    /// "applicants file", "draw").
    public var subject: String
    public var inputFile: String
    public var computation: String

    public init(subject: String, inputFile: String, computation: String) {
        self.subject = subject; self.inputFile = inputFile; self.computation = computation
    }

    /// The differences in file order, then the recomputed rows the file lacks; empty when it matches.
    /// - Parameter expected: each recomputed row's cells under `columns`, the first cell its id.
    public func differences(results table: CSVTable, columns: [String], expected: [[String]]) throws -> [String] {
        try table.requireColumns(columns)
        let resolved = try columns.map(table.column)
        var expectedCells: [String: [String]] = [:]
        expectedCells.reserveCapacity(expected.count)
        for cells in expected { expectedCells[cells[0]] = cells }
        var differences: [String] = []
        var seen = Set<String>()
        for row in table.rows {
            let cells = resolved.map { row.raw($0) }
            let id = cells[0]
            guard let recomputedRow = expectedCells[id] else {
                differences.append("\(table.fileName): row \(row.number): \(subject) '\(id)' is not in the \(inputFile)")
                continue
            }
            guard seen.insert(id).inserted else {
                differences.append("\(table.fileName): row \(row.number): \(subject) \(id) appears again")
                continue
            }
            for (column, (found, recomputed)) in zip(columns, zip(cells, recomputedRow)) where found != recomputed {
                differences.append("\(table.fileName): row \(row.number), \(subject) \(id), field \(column): "
                                   + "'\(found)' but the recomputed \(computation) gives '\(recomputed)'")
            }
        }
        for cells in expected where !seen.contains(cells[0]) {
            differences.append("\(table.fileName): \(subject) \(cells[0]) has no row")
        }
        return differences
    }
}
