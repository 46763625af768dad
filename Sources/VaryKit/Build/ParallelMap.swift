import Dispatch
import Foundation

/// `transform` over `items` on every core, results in the items' order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in results.store(transform(items[index]), at: index) }
    return results.values
}

/// One slot per parallel task, each written once by its task.
final class ResultSlots<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [R?]

    init(count: Int) { slots = [R?](repeating: nil, count: count) }

    func store(_ value: R, at index: Int) { lock.withLock { slots[index] = value } }

    var values: [R] { lock.withLock { slots.map { $0! } } }

    /// The value stored at `index`, if its task stored one.
    func value(at index: Int) -> R? { lock.withLock { slots[index] } }
}
