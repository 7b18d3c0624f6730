import Foundation
import Vapor

/// Errors as JSON `{"error": {"code", "message", "field"?}}` for the API and as a page otherwise;
/// never a stack trace.
struct YoujiaoErrorMiddleware: AsyncMiddleware {
    struct ErrorBody: Content { var error: Detail; struct Detail: Content { var code: String; var message: String; var field: String? } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError where abort.status.code >= 300 && abort.status.code < 400 {
            return request.redirect(to: abort.headers.first(name: .location) ?? "/")
        } catch {
            let (status, message, field) = describe(error)
            if status == .forbidden { await Audit.refusal(request, reason: message) }
            if status == .internalServerError {
                request.logger.error("request failed: \(String(reflecting: error))")
            }
            let response: Response
            if request.isAPI || request.headers.accept.mediaTypes.first == .json {
                response = Response(status: status)
                try response.content.encode(ErrorBody(error: .init(code: code(for: status), message: message, field: field)))
            } else {
                response = Layout.error(request, status: status, message: message)
            }
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            if let abort = error as? any AbortError, let retry = abort.headers.first(name: .retryAfter) {
                response.headers.replaceOrAdd(name: .retryAfter, value: retry)
            }
            return response
        }
    }

    private func describe(_ error: any Error) -> (HTTPStatus, String, String?) {
        switch error {
        case let field as FieldProblem: return (field.status, field.message, field.field)
        case let abort as any AbortError: return (abort.status, abort.reason, nil)
        default: return (.internalServerError, "服务器内部错误 (internal error)", nil)
        }
    }

    private func code(for status: HTTPStatus) -> String {
        switch status {
        case .badRequest: return "bad_request"
        case .unauthorized: return "unauthorized"
        case .forbidden: return "forbidden"
        case .notFound: return "not_found"
        case .tooManyRequests: return "too_many_requests"
        case .unprocessableEntity: return "invalid"
        default: return status.code >= 500 ? "internal" : "error"
        }
    }
}

/// A request problem that names the field at fault.
struct FieldProblem: Error {
    var status: HTTPStatus = .badRequest
    var field: String
    var message: String
}
