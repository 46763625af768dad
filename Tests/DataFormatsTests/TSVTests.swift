import Testing
import DataFormats

@Suite("TSV")
struct TSVTests {
    @Test("a Merchant Center text feed parses with each cell's line and column")
    func feed() throws {
        let table = try TSV.parse("id\ttitle\tprice\nTS-1\tTee, blue\t15.00 USD\r\nTS-2\tMüsli\t3.50 EUR\n")
        #expect(table.header == ["id", "title", "price"])
        #expect(table.rows.map(\.cells) == [["TS-1", "Tee, blue", "15.00 USD"], ["TS-2", "Müsli", "3.50 EUR"]])
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(table.rows[1].positions[2] == TextPosition(line: 3, column: 12))
    }

    @Test("a quoted cell loses its quotes and a doubled quote becomes one")
    func quoted() throws {
        let table = try TSV.parse("id\ttitle\n1\t\"The \"\"Big\"\" One\"\n")
        #expect(table.rows[0].cells == ["1", "The \"Big\" One"])
    }

    @Test("blank lines are skipped and a short row is padded with empty cells")
    func blankAndShort() throws {
        let table = try TSV.parse("\u{FEFF}id\ttitle\tbrand\n\n1\tTee\n")
        #expect(table.rows.map(\.cells) == [["1", "Tee", ""]])
        #expect(table.rows[0].line == 3)
    }

    @Test("a row with more cells than the header is an error at its first extra cell")
    func longRow() {
        #expect(throws: SyntaxError(position: TextPosition(line: 2, column: 6), message: "row has 3 cells, header has 2")) {
            try TSV.parse("id\ttitle\n1\tab\tc\n")
        }
    }

    @Test("a column named twice and an unterminated quote are errors with their position")
    func badHeaderAndQuote() {
        #expect(throws: SyntaxError(position: TextPosition(line: 1, column: 4), message: "duplicate column 'id' in header")) {
            try TSV.parse("id\tid\n1\t2\n")
        }
        #expect(throws: SyntaxError.self) { try TSV.parse("id\ttitle\n1\t\"open\n") }
    }

    @Test("invalid UTF-8 is reported at its line and column")
    func invalidUTF8() {
        #expect(throws: SyntaxError(position: TextPosition(line: 2, column: 3), message: "invalid UTF-8")) {
            try TSV.parse(Array("id\n".utf8) + [0x41, 0x42, 0xFF, 0x0A])
        }
    }
}
