import Foundation
import Vapor
import YoujiaoViews

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
            let asJSON = request.isAPI || request.headers.accept.mediaTypes.first == .json
            let (status, message, field) = describe(error, for: request, asJSON: asJSON)
            if status == .forbidden { await Audit.refusal(request, reason: message) }
            if status == .internalServerError {
                request.logger.error("request failed: \(String(reflecting: error))")
            }
            let response: Response
            if asJSON {
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

    private func describe(_ error: any Error, for request: Request, asJSON: Bool) -> (HTTPStatus, String, String?) {
        switch error {
        case let field as FieldProblem: return (field.status, field.message, field.field)
        case let abort as any AbortError:
            // Vapor's own errors (no such route, a body it cannot read) and a bare `Abort(.forbidden)`
            // carry English words or none; a page says the catalogue's sentence for the status instead.
            let vaporWords = error is DecodingError || abort.reason == abort.status.reasonPhrase
            guard vaporWords, !asJSON else { return (abort.status, abort.reason, nil) }
            return (abort.status, request.t(Self.sentence(for: abort.status)), nil)
        default:
            return (.internalServerError, asJSON ? "internal error" : request.t(.errors(.serverErrorSentence)), nil)
        }
    }

    /// What a page says for a status when the code that refused gave no sentence of its own.
    static func sentence(for status: HTTPStatus) -> Phrase {
        switch status.code {
        case 400: return .errors(.badRequestSentence)
        case 403: return .errors(.forbiddenSentence)
        case 404: return .errors(.notFoundSentence)
        case 429: return .errors(.tooManyRequestsSentence)
        case 500...599: return .errors(.serverErrorSentence)
        default: return .errors(.otherErrorSentence)
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
