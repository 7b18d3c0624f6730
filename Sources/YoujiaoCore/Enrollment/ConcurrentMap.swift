import Foundation

/// Runs `first` and `second` at the same time and returns both results: a part that runs on one
/// core beside one that uses every core (each may spread its own work over the cores).
func concurrently<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                    _ second: @Sendable () -> Second) -> (First, Second) {
    nonisolated(unsafe) var firstResult: First?
    nonisolated(unsafe) var secondResult: Second?
    DispatchQueue.concurrentPerform(iterations: 2) { part in
        if part == 0 { firstResult = first() } else { secondResult = second() }
    }
    return (firstResult!, secondResult!)
}

extension Array where Element: Sendable {
    /// `map` spread over the cores, for independent pieces of work (districts); the results keep
    /// the order of the elements.
    func concurrentMap<Result>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (slots.baseAddress! + index).initialize(to: transform(self[index]))
            }
            initialized = count
        }
    }
}

extension Range where Bound == Int {
    /// `map` over the range spread over the cores, in consecutive chunks (a few per core, so that
    /// a busy core delays little) written straight into the result. Each chunk starts from its own
    /// `makeState()`: scratch space, or a hash state that threads may not share.
    func concurrentMap<State, Result>(makeState: @Sendable () -> State,
                                      _ transform: @Sendable (inout State, Int) -> Result) -> [Result] {
        let chunks = Swift.max(1, Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4))
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var state = makeState()
                for offset in count * chunk / chunks..<count * (chunk + 1) / chunks {
                    (slots.baseAddress! + offset).initialize(to: transform(&state, lowerBound + offset))
                }
            }
            initialized = count
        }
    }

    func concurrentMap<Result>(_ transform: @Sendable (Int) -> Result) -> [Result] {
        concurrentMap(makeState: {}) { _, index in transform(index) }
    }

    /// The range cut into consecutive chunks as `concurrentMap` cuts it, `body` run on each over
    /// the cores; one result per chunk, in order (for work that writes its per-index results
    /// itself and gathers a little per chunk, such as errors).
    func concurrentChunks<Result>(_ body: @Sendable (Range<Int>) -> Result) -> [Result] {
        let chunks = Swift.max(1, Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4))
        return (0..<chunks).concurrentMap { chunk in
            body(lowerBound + count * chunk / chunks..<lowerBound + count * (chunk + 1) / chunks)
        }
    }
}
