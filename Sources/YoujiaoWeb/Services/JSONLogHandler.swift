import Foundation
import Logging
import Synchronization

/// The log as one JSON object a line (`youjiao serve --log-format json`), for a log collector:
///
///     {"time":"2027-05-20T01:02:03.456Z","level":"notice","label":"codes.vapor.application","source":"YoujiaoWeb","message":"…","metadata":{"request-id":"…"}}
///
/// Time in UTC (ISO 8601, milliseconds), every metadata value a string (a nested dictionary an
/// object, a list an array), `metadata` left out when there is none. It carries exactly what the
/// text format carries (swift-log's `StreamLogHandler`: the same merged metadata and error fields),
/// so nothing is logged that the text log did not already show. Control characters, U+2028 and
/// U+2029 are escaped, so that no tool splits an object across lines; other text stays UTF-8.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void

    /// `write` receives each line with its newline; standard error unless told otherwise (tests).
    public init(label: String, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider,
                write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let explicit = event.metadata { merged.merge(explicit) { $1 } }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        write(Self.line(time: Date(), level: event.level, label: label, source: event.source,
                        message: event.message.description, metadata: merged) + "\n")
    }

    /// One record as a JSON object, without the newline.
    static func line(time: Date, level: Logger.Level, label: String, source: String, message: String, metadata: Logger.Metadata) -> String {
        var out = "{\"time\":"
        appendString(time.formatted(timeFormat), to: &out)
        out += ",\"level\":"
        appendString(level.rawValue, to: &out)
        out += ",\"label\":"
        appendString(label, to: &out)
        out += ",\"source\":"
        appendString(source, to: &out)
        out += ",\"message\":"
        appendString(message, to: &out)
        if !metadata.isEmpty {
            out += ",\"metadata\":"
            append(.dictionary(metadata), to: &out)
        }
        out += "}"
        return out
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    private static func append(_ value: Logger.MetadataValue, to out: inout String) {
        switch value {
        case .string(let string): appendString(string, to: &out)
        case .stringConvertible(let convertible): appendString(convertible.description, to: &out)
        case .dictionary(let dictionary):
            out += "{"
            // Sorted keys: the same record always reads the same.
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                appendString(key, to: &out)
                out += ":"
                append(dictionary[key]!, to: &out)
            }
            out += "}"
        case .array(let values):
            out += "["
            for (index, element) in values.enumerated() {
                if index > 0 { out += "," }
                append(element, to: &out)
            }
            out += "]"
        }
    }

    /// A JSON string literal (RFC 8259).
    static func appendString(_ string: String, to out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // Other C0 and C1 controls, DEL, and the two separators some tools take for line ends.
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    private static let standardErrorLock = Mutex(())

    /// Writes a whole line at a time: lines of concurrent requests never interleave.
    public static let standardError: @Sendable (String) -> Void = { line in
        standardErrorLock.withLock { _ in try? FileHandle.standardError.write(contentsOf: Data(line.utf8)) }
    }
}
