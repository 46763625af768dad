import Foundation

/// A dictionary shared between threads, guarded by a lock, for values that are costly to make
/// (formatters) or to recompute (formatted prices).
final class LockedCache<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    // @unchecked: every access to `storage` happens while holding `lock`.
    private let lock = NSLock()
    private var storage: [Key: Value] = [:]
    private let limit: Int

    /// A cache that stops remembering new entries once it holds `limit` of them.
    init(limit: Int = 100_000) {
        self.limit = limit
    }

    /// The cached value for `key`, made by `make` (under the lock) the first time.
    func value(for key: Key, orMake make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value = storage[key] { return value }
        let value = make()
        if storage.count < limit { storage[key] = value }
        return value
    }

    /// How many entries are cached.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return storage.count
    }
}
