import Vapor

/// Pages may load only the app's own assets; personal data is never cached. Outermost, so error
/// pages carry the same headers.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.application.youjiaoSettings.strictTransportSecurity {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        response.headers.replaceOrAdd(name: "Content-Security-Policy",
                                      value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if !request.url.path.hasPrefix("/static/") {
            // Every dynamic page or API answer may hold personal data or depend on who asks.
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}

/// Serves the bundled CSS, JS and favicon under /static (no CDN, no outside asset).
struct StaticAssetsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .GET, request.url.path.hasPrefix("/static/") else {
            return try await next.respond(to: request)
        }
        let name = String(request.url.path.dropFirst("/static/".count))
        guard !name.contains(".."), !name.contains("/"),
              let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Public"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw Abort(.notFound)
        }
        let type: HTTPMediaType = name.hasSuffix(".css") ? .css : name.hasSuffix(".js") ? HTTPMediaType(type: "application", subType: "javascript") : name.hasSuffix(".svg") ? .svg : .binary
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
