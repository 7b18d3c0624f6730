import Synchronization
import Vapor

/// Counts the requests being answered, so that a stopping server closes its databases only after
/// the last one: when a client goes away its request still runs to the end, and one that reached
/// for a closed database stopped the process (`serve`'s SIGTERM under load). Once stopping, a
/// request that had not started yet is refused (503) rather than let in after the count.
final class RequestsInFlight: Sendable {
    private let state = Mutex((count: 0, stopping: false))

    /// Refuses new requests, then returns when none is left, or after `limit` (the databases' own
    /// 30-s pool wait bounds a request).
    func drained(within limit: Duration = .seconds(35)) async {
        state.withLock { $0.stopping = true }
        let deadline = ContinuousClock.now + limit
        while state.withLock({ $0.count }) > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    struct Counting: AsyncMiddleware {
        let requests: RequestsInFlight
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            let admitted = requests.state.withLock { state in
                guard !state.stopping else { return false }
                state.count += 1
                return true
            }
            guard admitted else { throw Abort(.serviceUnavailable) }
            defer { requests.state.withLock { $0.count -= 1 } }
            return try await next.respond(to: request)
        }
    }
}
