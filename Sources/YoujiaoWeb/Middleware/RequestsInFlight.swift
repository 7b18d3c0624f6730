import Synchronization
import Vapor

/// Counts the requests being answered, so that a stopping server closes its databases only after
/// the last one: when a client goes away its request still runs to the end, and one that reached
/// for a closed database stopped the process (`serve`'s SIGTERM under load).
final class RequestsInFlight: Sendable {
    private let count = Atomic<Int>(0)

    var now: Int { count.load(ordering: .relaxed) }

    /// Returns when none is left, or after `limit` (the databases' own 30-s pool wait bounds a request).
    func drained(within limit: Duration = .seconds(35)) async {
        let deadline = ContinuousClock.now + limit
        while now > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    struct Counting: AsyncMiddleware {
        let requests: RequestsInFlight
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            requests.count.add(1, ordering: .relaxed)
            defer { requests.count.subtract(1, ordering: .relaxed) }
            return try await next.respond(to: request)
        }
    }
}
