import DataFormats
import Testing

@Suite("Byte splitting")
struct ByteSplitTests {
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
}
