import Foundation

/// Where a redirect may go: only a path on this site. Browsers read `//host`, `/\host` and
/// `\\host` as another site, and some strip tabs and newlines before they do, so anything but a
/// plain path that starts with exactly one `/` is refused.
public enum SafeRedirect {
    public static func localPath(_ candidate: String?) -> String? {
        guard let candidate, candidate.utf8.count <= 2_000, candidate.hasPrefix("/") else { return nil }
        let bytes = Array(candidate.utf8)
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") || bytes[1] == UInt8(ascii: "\\") { return nil }
        // No backslash, control character or space anywhere; percent-encoded ones are only text.
        guard !bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x21 || $0 == 0x7F }) else { return nil }
        return candidate
    }

    /// The path and query of a Referer header, if it names a local path.
    public static func localPath(fromReferer referer: String?) -> String? {
        guard let referer, let components = URLComponents(string: referer) else { return nil }
        var path = components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        return localPath(path)
    }
}
