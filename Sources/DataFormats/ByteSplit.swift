#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ArraySlice where Element == UInt8 {
    /// The parts between `separator` bytes, as `split(separator:omittingEmptySubsequences:)` makes them, found
    /// with `memchr` many bytes at a time: records read back from caches are megabytes of short fields.
    public func parts(separatedBy separator: UInt8, omittingEmpty: Bool = false) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while true {
                let rest = buffer.count - start
                let found = rest > 0 ? memchr(base + start, Int32(separator), rest) : nil
                let end = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? buffer.count
                if !omittingEmpty || end > start { parts.append(self[(startIndex + start)..<(startIndex + end)]) }
                guard found != nil else { break }
                start = end + 1
            }
        }
        if isEmpty, !omittingEmpty, parts.isEmpty { parts.append(self) }
        return parts
    }
}
