extension Array where Element == UInt64 {
    /// Sorts ascending by the low `bits` bits (higher bits must be zero), 11 bits a pass: for the millions of packed
    /// keys learning sorts, several times faster than a comparison sort, and the same result.
    mutating func radixSort(bits: Int) {
        precondition(bits >= 0 && bits <= 64)
        guard count > 1 else { return }
        let digitBits = 11, buckets = 1 << digitBits, mask = UInt64(buckets - 1)
        var other = [UInt64](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: buckets)
        var shift = 0
        while shift < bits {
            for i in counts.indices { counts[i] = 0 }
            for value in self { counts[Int(value >> UInt64(shift) & mask)] += 1 }
            var offset = 0
            for i in counts.indices {
                let n = counts[i]
                counts[i] = offset
                offset += n
            }
            for value in self {
                let digit = Int(value >> UInt64(shift) & mask)
                other[counts[digit]] = value
                counts[digit] += 1
            }
            swap(&self, &other)
            shift += digitBits
        }
    }
}
