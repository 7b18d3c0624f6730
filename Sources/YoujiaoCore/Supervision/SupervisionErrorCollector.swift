import Foundation

/// Gathers every field error of a file instead of stopping at the first.
struct SupervisionErrorCollector {
    var errors: [FieldError] = []

    mutating func read<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as FieldError {
            errors.append(error)
        } catch let error as InputErrors {
            errors += error.errors
        } catch {
            errors.append(FieldError(file: "", reason: String(describing: error)))
        }
        return nil
    }

    /// Missing columns and unknown ones (a misspelt column would otherwise read as "not reported").
    static func requireExactly(_ names: [String], in table: CSVTable) throws {
        var errors: [FieldError] = []
        do { try table.requireColumns(names) } catch let missing as InputErrors { errors = missing.errors }
        errors += table.header.filter { !names.contains($0) }.map {
            FieldError(file: table.fileName, row: 1, field: $0,
                       reason: "unknown column\(CSVHeaderEncoding.lostCharactersNote($0)) (expected columns: \(names.joined(separator: ",")))")
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
    }
}
