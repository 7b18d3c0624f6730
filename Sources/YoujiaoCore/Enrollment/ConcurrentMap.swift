import Foundation

extension Array where Element: Sendable {
    /// `map` spread over the cores, for independent pieces of work (lottery chunks, districts);
    /// the results keep the order of the elements.
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
