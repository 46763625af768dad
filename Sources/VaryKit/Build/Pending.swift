import Dispatch
import Foundation

/// A value worked out apart from the code that needs it: on `queue` while the caller goes on, or, without a queue,
/// the first time it is asked for. `value` waits for it.
final class Pending<Value>: @unchecked Sendable {
    // @unchecked: `work` and `result` are read and written only while holding `lock`.
    private let lock = NSLock()
    private let done = DispatchGroup()
    private var work: (@Sendable () -> Value)?
    private var result: Value?

    /// Starts `work` on `queue`, or keeps it for the first `value` when `queue` is nil.
    init(on queue: DispatchQueue? = .global(), _ work: @escaping @Sendable () -> Value) {
        self.work = work
        queue?.async(group: done) { [self] in _ = make() }
    }

    /// The value: waited for when it is being made on a queue, else made now by the first caller.
    var value: Value {
        done.wait()
        return make()
    }

    private func make() -> Value {
        lock.withLock {
            if let result { return result }
            let made = work!()
            result = made
            work = nil
            return made
        }
    }
}
