import Testing
@testable import VaryKit

@Suite("Check: the scanner's line numbers")
struct PageScannerLineTests {
    /// The newlines of `bytes` counted one byte at a time.
    private func plainCount(_ bytes: [UInt8]) -> Int { bytes.filter { $0 == 0x0A }.count }

    @Test("newlines counted a word at a time are the bytes equal to a newline, whatever bytes surround them")
    func newlinesAreCountedExactly() {
        // Bytes next to 0x0A in value, with its high bit set, and zero are the ones a word trick can miscount.
        let tricky: [UInt8] = [0x0A, 0x0B, 0x09, 0x8A, 0x00, 0xFF, 0x7F, 0x80, 0x0A, 0x0A]
        var generator = SystemRandomNumberGenerator()
        var cases: [[UInt8]] = (0...24).map { length in (0..<length).map { tricky[$0 % tricky.count] } }
        cases.append((0...255).map { UInt8($0) })
        cases.append([UInt8](repeating: 0x0A, count: 37))
        // Past the 255 words whose counts the lanes hold before they are summed.
        cases.append([UInt8](repeating: 0x0A, count: 255 * 8 * 2 + 13))
        cases.append((0..<5000).map { tricky[$0 % tricky.count] })
        for _ in 0..<200 {
            cases.append((0..<Int.random(in: 0...70, using: &generator)).map { _ in tricky.randomElement(using: &generator)! })
        }
        for bytes in cases {
            let counted = bytes.withUnsafeBufferPointer { PageScanner.newlines(in: $0) }
            #expect(counted == plainCount(bytes), "\(bytes)")
        }
    }

    @Test("an element's line is the line its tag starts on, past lines of any length")
    func elementLines() {
        let page = "<!doctype html>\n<html lang=\"en\">\n<head><title>T</title></head>\n<body>\n\n"
            + String(repeating: "x", count: 13) + "\n" + String(repeating: "y\n", count: 9) + "<h1>A</h1><img src=\"/a.png\" alt=\"\">\n</body></html>\n"
        let tree = PageScanner.scan(Array(page.utf8))
        let lines = Dictionary(tree.elements.map { ($0.name, $0.line) }, uniquingKeysWith: { first, _ in first })
        #expect(lines["html"] == 2)
        #expect(lines["title"] == 3)
        #expect(lines["h1"] == 16)
        #expect(lines["img"] == 16)
    }
}
