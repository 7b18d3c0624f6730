import Foundation

/// One problem in an input file, pointing at the exact place an official must fix.
public struct FieldError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// Spreadsheet line number (the header is row 1); nil for a problem with the whole file.
    public var row: Int?
    public var field: String?
    public var reason: String

    public init(file: String, row: Int? = nil, field: String? = nil, reason: String) {
        self.file = file; self.row = row; self.field = field; self.reason = reason
    }

    public var description: String {
        var place = file
        if let row { place += ": row \(row)" }
        if let field { place += (row == nil ? ": " : ", ") + "field \(field)" }
        return "\(place): \(reason)"
    }
}

/// All the problems found in one input; an importer stores nothing when it is thrown.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [FieldError]
    public init(errors: [FieldError]) { self.errors = errors }

    /// The first problems, one per line, so a huge bad file still gives a readable message.
    public var description: String {
        let shown = errors.prefix(50).map(\.description)
        let more = errors.count > 50 ? ["… and \(errors.count - 50) more problems"] : []
        return (shown + more).joined(separator: "\n")
    }
}
