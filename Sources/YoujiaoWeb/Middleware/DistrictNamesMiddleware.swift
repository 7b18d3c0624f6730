import Vapor
import YoujiaoCore

/// Loads the districts' names for the request, so pages whose views still build their titles
/// synchronously name a district (黄浦区) rather than show its code (310101).
struct DistrictNamesMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.districtNames = Dictionary(uniqueKeysWithValues: try await request.registry.districts().map { ($0.code, $0.name) })
        return try await next.respond(to: request)
    }
}

extension Request {
    private struct DistrictNamesKey: StorageKey { typealias Value = [String: String] }
    /// District code → name, for routes behind `DistrictNamesMiddleware` (empty elsewhere).
    var districtNames: [String: String] {
        get { storage[DistrictNamesKey.self] ?? [:] }
        set { storage[DistrictNamesKey.self] = newValue }
    }
}
