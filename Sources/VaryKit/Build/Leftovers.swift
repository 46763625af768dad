import Dispatch

/// Values a build is done with, freed on a thread of their own while the build goes on: freeing a catalog, its
/// plan and the pages' records is tens of thousands of releases the commit need not wait for.
///
/// One serial queue frees them in the order they are handed over; work given to `queue` runs after what was handed
/// over before it, so that work which needs the memory back (the audit's warnings) comes after the free.
enum Leftovers {
    static let queue = DispatchQueue(label: "vary.leftovers")

    /// Frees `value` on the leftovers' thread. The caller gives up its binding (`consume`) and holds no other
    /// reference, so that thread's release is the last and the freeing happens there.
    static func free<Value>(_ value: consuming Value) {
        let box = Box(value)
        queue.async { box.value = nil }
    }

    /// The one reference to a value on its way to the leftovers' thread.
    private final class Box<Value>: @unchecked Sendable {
        // @unchecked: after `free` hands the box over, only the leftovers' thread touches `value`.
        var value: Value?
        init(_ value: consuming Value) { self.value = value }
    }
}
