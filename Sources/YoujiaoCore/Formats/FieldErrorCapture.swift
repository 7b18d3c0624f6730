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
/// errors keep the file's order.
func parseRowsConcurrently<Value: Sendable>(
    of table: CSVTable, _ parse: @escaping @Sendable (CSVRow, inout [FieldError]) -> Value?
) throws -> (values: [Value], rows: [Int]) {
    let rows = table.rows
    let parsed = (0..<rows.count).concurrentMap { index -> (value: Value?, errors: [FieldError]) in
        var errors: [FieldError] = []
        let value = parse(rows[index], &errors)
        return (value, errors)
    }
    var values: [Value] = []
    var numbers: [Int] = []
    var errors: [FieldError] = []
    values.reserveCapacity(rows.count)
    numbers.reserveCapacity(rows.count)
    for (row, result) in zip(rows, parsed) {
        errors += result.errors
        if let value = result.value {
            values.append(value)
            numbers.append(row.number)
        }
    }
    guard errors.isEmpty else { throw InputErrors(errors: errors) }
    return (values, numbers)
}
