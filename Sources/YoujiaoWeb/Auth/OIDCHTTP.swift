import Foundation

/// One HTTP exchange with the provider, free of any HTTP library: the web app passes Vapor's client,
/// tests pass a closure that answers from memory. The closure owns timeouts and should stop reading
/// a body past `OIDCHTTPResponse.maximumBodySize`.
public struct OIDCHTTPRequest: Sendable, Equatable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    public var method: Method
    public var url: URL
    public var headers: [String: String]
    public var body: Data?

    public init(method: Method, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct OIDCHTTPResponse: Sendable, Equatable {
    /// Discovery documents, key sets and token responses are a few kilobytes; anything past this is
    /// refused rather than parsed.
    public static let maximumBodySize = 1 << 20

    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

public typealias OIDCHTTPClient = @Sendable (OIDCHTTPRequest) async throws -> OIDCHTTPResponse

/// Encoding and decoding shared by the flow; kept in one place so every value is escaped alike.
enum OIDCEncoding {
    /// RFC 3986 unreserved characters; everything else is percent-encoded, which every form and
    /// query parser decodes (so no `+` for space, whose meaning differs between the two).
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static func formEncoded(_ fields: [(String, String)]) -> String {
        fields.map { percentEncoded($0.0) + "=" + percentEncoded($0.1) }.joined(separator: "&")
    }

    static func base64URL<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func base64URLDecoded(_ text: Substring) -> Data? {
        guard text.utf8.allSatisfy({ byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }) else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        return Data(base64Encoded: standard)
    }

    /// A JSON object from a response body, or a reason fit for a log line.
    static func jsonObject(_ body: Data) -> Result<[String: Any], OIDCJSONProblem> {
        guard body.count <= OIDCHTTPResponse.maximumBodySize else { return .failure(.tooLarge) }
        guard let object = try? JSONSerialization.jsonObject(with: body), let dictionary = object as? [String: Any] else {
            return .failure(.notAnObject)
        }
        return .success(dictionary)
    }

    /// Compares secrets without an early exit, so timing tells nothing about how much matched.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8), b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// Provider-supplied text in an error message: printable, one line, bounded.
    static func loggable(_ text: String) -> String {
        let printable = text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : String($0) }.joined()
        return printable.count > 200 ? String(printable.prefix(200)) + "…" : printable
    }
}

enum OIDCJSONProblem: Error {
    case tooLarge, notAnObject

    var reason: String {
        switch self {
        case .tooLarge: return "the body is larger than \(OIDCHTTPResponse.maximumBodySize) bytes"
        case .notAnObject: return "the body is not a JSON object"
        }
    }
}
