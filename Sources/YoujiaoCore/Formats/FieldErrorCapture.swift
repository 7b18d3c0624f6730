/// Reading a file cell by cell while collecting every problem: a read that fails adds its
/// errors and gives nil, so one pass reports every bad row and field of a file.

/// One cell's value, or nil with its `FieldError` added to `errors`.
func capture<T>(_ errors: inout [FieldError], _ read: () throws -> T) -> T? {
    do { return try read() } catch let error as FieldError {
        errors.append(error)
    } catch {
        errors.append(FieldError(file: "", reason: "\(error)"))
    }
    return nil
}

/// A whole file's values, or nil with all of its errors added to `errors`.
func collectingErrors<T>(into errors: inout [FieldError], _ read: () throws -> T) -> T? {
    do { return try read() } catch let error as InputErrors {
        errors += error.errors
    } catch let error as FieldError {
        errors.append(error)
    } catch {
        errors.append(FieldError(file: "", reason: "\(error)"))
    }
    return nil
}

/// Parses every row, gathering all field errors before throwing them together; each value comes
/// with its row number.
func parseRows<Value>(of table: CSVTable, _ parse: (CSVRow, inout [FieldError]) -> Value?) throws -> (values: [Value], rows: [Int]) {
    var values: [Value] = []
    var rows: [Int] = []
    var errors: [FieldError] = []
    values.reserveCapacity(table.rows.count)
    rows.reserveCapacity(table.rows.count)
    for row in table.rows {
        if let value = parse(row, &errors) {
            values.append(value)
            rows.append(row.number)
        }
    }
    guard errors.isEmpty else { throw InputErrors(errors: errors) }
    return (values, rows)
}

/// `parseRows` with the rows split over the cores, for files of a million rows; values and
/// errors keep the file's order. `parse` returns nil only after adding an error.
func parseRowsConcurrently<Value: Sendable>(
    of table: CSVTable, _ parse: @escaping @Sendable (CSVRow, inout [FieldError]) -> Value?
) throws -> (values: [Value], rows: [Int]) {
    let rows = table.rows
    // Each value is typed straight into its slot of the final array (no per-row result to copy
    // from); a chunk stops writing values at its first bad row and only gathers errors after it.
    let values = try [Value](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
        nonisolated(unsafe) let slots = buffer
        let chunks = (0..<rows.count).concurrentChunks { range -> (written: Range<Int>, errors: [FieldError]) in
            var errors: [FieldError] = []
            var written = range.lowerBound
            for index in range {
                let value = parse(rows[index], &errors)
                if let value, errors.isEmpty {
                    (slots.baseAddress! + index).initialize(to: value)
                    written = index + 1
                } else {
                    precondition(!errors.isEmpty, "a row that gives no value adds an error")
                }
            }
            return (range.lowerBound..<written, errors)
        }
        let errors = chunks.flatMap(\.errors)
        guard errors.isEmpty else {
            for chunk in chunks { (slots.baseAddress! + chunk.written.lowerBound).deinitialize(count: chunk.written.count) }
            initialized = 0
            throw InputErrors(errors: errors)
        }
        initialized = rows.count
    }
    // Every row gave a value.
    return (values, rows.numbers)
}
