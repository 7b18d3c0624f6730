import Foundation
import Testing
@testable import YoujiaoCore

/// The problems `body` reports, whether it throws one `FieldError` or an `InputErrors` list.
func problems<T>(_ body: () throws -> T) -> [FieldError] {
    do {
        _ = try body()
        Issue.record("expected the input to be rejected")
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

/// Expects a problem at exactly this file, row and field whose reason contains `reason`.
func expectProblem(_ problems: [FieldError], file: String, row: Int?, field: String?, reason: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let found = problems.contains {
        $0.file == file && $0.row == row && $0.field == field && $0.reason.contains(reason)
    }
    #expect(found, "no problem at \(file) row \(row.map(String.init) ?? "-") field \(field ?? "-") with '\(reason)' in \(problems)",
            sourceLocation: sourceLocation)
}
