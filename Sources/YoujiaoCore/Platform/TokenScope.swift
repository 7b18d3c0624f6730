import Foundation

/// What an API token may read. Tokens are for systems, not people: they work on `/api/v1` only,
/// each within one scope, until they expire or are revoked.
public enum TokenScope: String, Sendable, CaseIterable, Codable {
    /// Districts, schools and pupils (`/api/v1/districts`, `/api/v1/schools…`).
    case registryRead = "registry:read"
    /// School-entry campaigns and their results (`/api/v1/campaigns…`).
    case campaignsRead = "campaigns:read"

    /// The scope an API path needs; nil for the public description of the API.
    public static func required(forAPIPath path: String) -> TokenScope? {
        let rest = path.hasPrefix("/api/v1/") ? String(path.dropFirst("/api/v1/".count)) : path
        let first = rest.split(separator: "/").first.map(String.init) ?? ""
        switch first {
        case "openapi.json": return nil
        case "campaigns": return .campaignsRead
        default: return .registryRead
        }
    }

    /// The longest life a token may be given, in days.
    public static let longestLifeDays = 366

    /// Requests one token may make in a minute: a system syncing the registry pages through it well
    /// within this; a loop gone wrong, or a stolen token, is slowed down.
    public static let requestsPerMinute = 600
}
