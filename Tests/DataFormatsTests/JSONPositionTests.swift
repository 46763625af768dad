import Testing
@testable import DataFormats

@Suite("JSON positions")
struct JSONPositionTests {
    @Test("nested values and keys in a multi-line file carry their line and column")
    func nestedPositions() throws {
        let root = try JSON.parse(try Fixtures.bytes("bundles.json"))
        #expect(root.position == TextPosition(line: 1, column: 1))
        let bundle = try #require(root.array?[1])
        #expect(bundle.position == TextPosition(line: 8, column: 3))
        let item = try #require(bundle["items"]?.array?[0])
        #expect(item.position == TextPosition(line: 12, column: 7))
        #expect(item["product"]?.position == TextPosition(line: 12, column: 19))
        #expect(item["product"]?.string == "phone-xx")
        #expect(item["quantity"]?.position == TextPosition(line: 12, column: 43))
        let keys = try #require(item.members).map(\.keyPosition)
        #expect(keys == [TextPosition(line: 12, column: 8), TextPosition(line: 12, column: 31)])
        #expect(bundle["title"]?["ja"]?.position == TextPosition(line: 10, column: 40))
    }

    @Test("columns after non-ASCII text count Unicode scalars, not bytes")
    func columnsCountScalars() throws {
        let root = try JSON.parse(#"{"ja": "電話", "emoji": "😀", "n": 1}"#)
        #expect(root["ja"]?.position == TextPosition(line: 1, column: 8))
        #expect(root["emoji"]?.position == TextPosition(line: 1, column: 23))
        #expect(root["n"]?.position == TextPosition(line: 1, column: 33))
    }

    @Test("a tab counts as one column")
    func tabCountsOne() throws {
        let root = try JSON.parse("{\n\t\"a\":\t1\n}")
        #expect(root.members?[0].keyPosition == TextPosition(line: 2, column: 2))
        #expect(root["a"]?.position == TextPosition(line: 2, column: 7))
    }

    @Test("CRLF and lone CR line ends each start one new line")
    func lineEnds() throws {
        let root = try JSON.parse("[\r\n1,\r2,\n\r\n3]")
        let lines = try #require(root.array).map(\.position)
        #expect(lines == [TextPosition(line: 2, column: 1), TextPosition(line: 3, column: 1), TextPosition(line: 5, column: 1)])
    }

    @Test("a leading byte order mark is skipped and takes no column")
    func byteOrderMark() throws {
        let root = try JSON.parse([0xEF, 0xBB, 0xBF] + Array(#"  {"a": true}"#.utf8))
        #expect(root.position == TextPosition(line: 1, column: 3))
        #expect(root["a"]?.bool == true)
        #expect(root["a"]?.position == TextPosition(line: 1, column: 9))
    }

    @Test("positions on a long single line match the slow line-and-column count")
    func singleLineAgreesWithSlowCount() throws {
        let elements = (0..<300).map { #"{"k\#($0)": "é\#($0)", "v": [\#($0), null]}"# }
        let text = "[" + elements.joined(separator: ", ") + "]"
        let bytes = Array(text.utf8)
        let root = try JSON.parse(bytes)
        for element in try #require(root.array) {
            let value = try #require(element["v"]?.array?[1])
            let offset = try #require(byteOffset(of: value.position, in: text))
            #expect(LineTracker.position(of: offset, in: bytes, from: 0) == value.position)
            #expect(bytes[offset] == UInt8(ascii: "n"))
        }
    }

    @Test("positions are ordered by line, then column")
    func ordering() {
        #expect(TextPosition(line: 1, column: 9) < TextPosition(line: 2, column: 1))
        #expect(TextPosition(line: 2, column: 1) < TextPosition(line: 2, column: 3))
        #expect(!(TextPosition(line: 2, column: 3) < TextPosition(line: 2, column: 3)))
    }

    /// The byte offset of a one-line position, counting scalars.
    private func byteOffset(of position: TextPosition, in text: String) -> Int? {
        var column = 1
        var offset = 0
        for scalar in text.unicodeScalars {
            if column == position.column { return offset }
            column += 1
            offset += String(scalar).utf8.count
        }
        return nil
    }
}
