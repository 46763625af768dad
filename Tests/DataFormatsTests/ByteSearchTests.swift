import DataFormats
import Testing

@Suite("Byte search")
struct ByteSearchTests {
    @Test("parts between separator bytes are the standard library's split, with and without empty parts")
    func matchesSplit() {
        let samples: [[UInt8]] = [
            [], [9], [9, 9], [1, 2, 3], [9, 1, 2, 9, 9, 3, 9], Array("a\tbb\t\tccc\t".utf8), Array(repeating: 9, count: 70),
            (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) },
        ]
        for bytes in samples {
            // A slice that does not start at zero, as records are parts of a larger line.
            let framed = [0x41] + bytes + [0x41]
            for slice in [bytes[...], framed[1..<(framed.count - 1)]] {
                for omitting in [false, true] {
                    let expected = slice.split(separator: 9, omittingEmptySubsequences: omitting)
                    let found = slice.parts(separatedBy: 9, omittingEmpty: omitting)
                    #expect(found.map(Array.init) == expected.map(Array.init))
                    #expect(found.map(\.startIndex) == expected.map(\.startIndex))
                }
            }
        }
    }

    @Test("the first range of a byte pattern is the standard library's, at the start, the end, overlapping or absent")
    func firstRangeMatchesStandardLibrary() {
        let text = Array("ab\n  \"warnings\" : [\n  \"warnings\" : [ aaab".utf8)
        let patterns = ["a", "ab", "aab", "aaab", "\"warnings\" : [", "b", "zz", "ab\n", "aaaab"].map { Array($0.utf8) }
        for pattern in patterns {
            #expect(text.firstRange(ofBytes: pattern) == text.firstRange(of: pattern), "\(pattern)")
        }
        #expect([UInt8]().firstRange(ofBytes: [1]) == nil)
        #expect([UInt8]([1, 2]).firstRange(ofBytes: [1, 2, 3]) == nil)
    }
}
