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

extension Array where Element == UInt8 {
    /// The first range of these bytes that equals `pattern`, as `firstRange(of:)` finds it, its first byte looked
    /// for with `memchr`: a report's skeleton is searched for the place of its warnings.
    public func firstRange(ofBytes pattern: [UInt8]) -> Range<Int>? {
        guard let head = pattern.first else { return 0..<0 }
        return withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress else { return nil }
                var start = 0
                while haystack.count - start >= needle.count {
                    guard let found = memchr(base + start, Int32(head), haystack.count - start - needle.count + 1) else {
                        return nil
                    }
                    let offset = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + offset, needle.baseAddress!, needle.count) == 0 { return offset..<(offset + needle.count) }
                    start = offset + 1
                }
                return nil
            }
        }
    }
}
