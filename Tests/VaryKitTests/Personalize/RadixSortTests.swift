import Testing
@testable import VaryKit

@Suite("Radix sort of packed keys")
struct RadixSortTests {
    /// A fixed pseudo-random series (SplitMix64), so the test is the same on every run.
    static func values(_ count: Int, bits: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return bits == 64 ? z : z & (1 << UInt64(bits) - 1)
        }
    }

    @Test("packed keys come out in the same order as a comparison sort gives", arguments: [(41, 1), (53, 2), (64, 3), (5, 4)])
    func matchesSort(_ bits: Int, _ seed: UInt64) {
        var keys = Self.values(20_000, bits: bits, seed: seed)
        // Many repeats, as co-purchase pairs have.
        keys += keys.prefix(5_000)
        let expected = keys.sorted()
        keys.radixSort(bits: bits)
        #expect(keys == expected)
    }

    @Test("empty and one-element arrays stay as they are")
    func small() {
        var empty: [UInt64] = []
        empty.radixSort(bits: 53)
        #expect(empty.isEmpty)
        var one: [UInt64] = [42]
        one.radixSort(bits: 53)
        #expect(one == [42])
    }
}
