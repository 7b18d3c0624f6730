import Metrics
import NIOCore
import Synchronization

/// The server's write transactions on one SQLite file, one at a time in arrival order.
///
/// SQLite lets one writer in at a time, and the driver's busy handler retries at once, forever: a
/// second transaction spun on one of the two database threads until the first committed, and the
/// first waited for a thread to run its next statement (a third of the CPU of a submission load
/// went to that spinning). Here the second transaction waits its turn before it borrows a
/// connection, holding no thread and no connection, so reads go on meanwhile. Another process
/// (an import from the command line) still meets the busy handler. The wait is the histogram
/// `youjiao_lock_wait_seconds{lock="sqlite_write"}`.
final class SQLiteWriteTurns: Sendable {
    private struct State {
        var taken = false
        var waiting = CircularBuffer<EventLoopPromise<Void>>()
    }
    private let state = Mutex(State())
    private let waits = Metrics.Timer(label: "youjiao_lock_wait_seconds", dimensions: [("lock", "sqlite_write")])

    /// Runs `transaction` when no other transaction of this server is writing, and hands the turn
    /// on when it ends, however it ends.
    func inTurn<T>(on eventLoop: any EventLoop, _ transaction: @escaping @Sendable () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let start = ContinuousClock.now
        let turn = eventLoop.makePromise(of: Void.self)
        let now = state.withLock { state in
            if state.taken { state.waiting.append(turn); return false }
            state.taken = true
            return true
        }
        if now { turn.succeed() }
        let result = eventLoop.makePromise(of: Passed<T>.self)
        turn.futureResult.whenSuccess {
            self.waits.record(duration: ContinuousClock.now - start)
            transaction().whenComplete { outcome in
                self.handOn()
                result.completeWith(outcome.map { Passed(value: $0) })
            }
        }
        return result.futureResult.map(\.value)
    }

    /// Fluent's transactions are generic over any T; NIO's promises want a Sendable one. The value
    /// only passes from the transaction's end to its caller, as it would without the turns.
    private struct Passed<T>: @unchecked Sendable { let value: T }

    private func handOn() {
        let next = state.withLock { state -> EventLoopPromise<Void>? in
            guard let next = state.waiting.popFirst() else { state.taken = false; return nil }
            return next
        }
        next?.succeed()
    }
}
