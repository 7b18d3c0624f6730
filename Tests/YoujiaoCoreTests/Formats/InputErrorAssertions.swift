import Foundation
import Testing
@testable import YoujiaoCore

/// The FieldErrors inside whatever `body` throws (a single FieldError or InputErrors); none if it
/// does not throw.
func fieldErrors<T>(_ body: () throws -> T) -> [FieldError] {
    do {
        _ = try body()
        return []
    } catch let errors as InputErrors {
        return errors.errors
    } catch let error as FieldError {
        return [error]
    } catch {
        Issue.record("unexpected error type: \(error)")
        return []
    }
}

/// The problems `body` reports; records an issue when it accepts the input.
func problems<T>(_ body: () throws -> T) -> [FieldError] {
    let found = fieldErrors(body)
    if found.isEmpty { Issue.record("expected the input to be rejected") }
    return found
}

/// Expects a problem at exactly this file, row and field whose reason contains `reason`.
func expectProblem(_ problems: [FieldError], file: String, row: Int?, field: String?, reason: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let found = problems.contains {
        $0.file == file && $0.row == row && $0.field == field && $0.reason.contains(reason)
    }
    #expect(found, "no problem at \(file) row \(row.map(String.init) ?? "-") field \(field ?? "-") with '\(reason)' in \(problems)",
            sourceLocation: sourceLocation)
}
