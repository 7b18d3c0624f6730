import Metrics
import NIOCore
import Synchronization
import Vapor

/// The server's write transactions on one SQLite file, one at a time in arrival order.
///
/// SQLite lets one writer in at a time, and the driver's busy handler retries at once, forever: a
/// second transaction spun on one of the two database threads until the first committed, and the
/// first waited for a thread to run its next statement (a third of the CPU of a submission load
/// went to that spinning). Here the second transaction waits its turn before it borrows a
/// connection, holding no thread and no connection, so reads go on meanwhile. Another process
/// (an import from the command line) still meets the busy handler. The wait is the histogram
/// `youjiao_lock_wait_seconds{lock="sqlite_write"}`. A transaction that has waited `patience`
/// (the pools' own 30 s) is refused with 503 rather than kept waiting: one that started another
/// transaction on the pool, instead of on its own connection, would otherwise wait for itself.
final class SQLiteWriteTurns: Sendable {
    private struct State {
        var taken = false
        var waiting = CircularBuffer<(id: Int, turn: EventLoopPromise<Void>, limit: Scheduled<Void>)>()
        var nextID = 0
    }
    private let state = Mutex(State())
    private let waits = Metrics.Timer(label: "youjiao_lock_wait_seconds", dimensions: [("lock", "sqlite_write")])
    let patience: TimeAmount

    init(patience: TimeAmount = .seconds(30)) { self.patience = patience }

    /// The status's own words, so that a page says the catalogue's sentence for it.
    struct Busy: AbortError {
        var status: HTTPResponseStatus { .serviceUnavailable }
        var reason: String { status.reasonPhrase }
        var headers: HTTPHeaders { [HTTPHeaders.Name.retryAfter.description: "5"] }
    }

    /// Runs `transaction` when no other transaction of this server is writing, and hands the turn
    /// on when it ends, however it ends.
    func inTurn<T>(on eventLoop: any EventLoop, _ transaction: @escaping @Sendable () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let start = ContinuousClock.now
        let turn = eventLoop.makePromise(of: Void.self)
        let queued = state.withLock { state in
            guard state.taken else { state.taken = true; return false }
            state.nextID += 1
            let id = state.nextID
            state.waiting.append((id, turn, eventLoop.scheduleTask(in: patience) { self.giveUp(id) }))
            return true
        }
        if !queued { turn.succeed() }
        let result = eventLoop.makePromise(of: Passed<T>.self)
        turn.futureResult.whenComplete { given in
            self.waits.record(duration: ContinuousClock.now - start)
            guard case .success = given else { return result.fail(Busy()) }
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
        let next = state.withLock { state in
            guard let next = state.waiting.popFirst() else { state.taken = false; return nil as (turn: EventLoopPromise<Void>, limit: Scheduled<Void>)? }
            return (next.turn, next.limit)
        }
        next?.limit.cancel()
        next?.turn.succeed()
    }

    /// Refuses a transaction still waiting after `patience`; one whose turn came has left the queue.
    private func giveUp(_ id: Int) {
        let late = state.withLock { state -> EventLoopPromise<Void>? in
            guard let index = state.waiting.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiting.remove(at: index).turn
        }
        late?.fail(Busy())
    }
}
