import Testing
import DataFormats

@Suite("CSV")
struct CSVTests {
    @Test("a file with a header, quoted cells and a multi-line cell parses with positions")
    func fixture() throws {
        let table = try CSV.parse(try Fixtures.bytes("products.csv"))
        #expect(table.header == ["id", "sku", "title", "title.fr", "prices.EUR", "tags"])
        #expect(table.headerLine == 1)
        #expect(table.column(named: "prices.EUR") == 4)
        #expect(table.column(named: "price") == nil)
        #expect(table.rows.map(\.line) == [2, 3, 4])
        #expect(table.rows[1].cells == ["scarf-2", "SKU-2", "Scarf, wool", "Écharpe \"laine\"", "24.50", ""])
        #expect(table.rows[1].columns == [1, 9, 15, 29, 49, 55])
        #expect(table.rows[2].cells[2] == "Boots\ntwo lines")
        #expect(table.rows[2].columns == [1, 9, 15, 12, 19, 25])
        #expect(table.rows[2].positions[3] == TextPosition(line: 5, column: 12))
        #expect(table.rows[2].positions[2] == TextPosition(line: 4, column: 15))
    }

    @Test("CRLF line ends, a CRLF inside quotes and a missing final line break are fine")
    func crlf() throws {
        let table = try CSV.parse("a,b\r\n1,\"x\r\ny\"\r\n2,3")
        #expect(table.rows.map(\.cells) == [["1", "x\r\ny"], ["2", "3"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test("empty cells, spaces and an empty quoted cell are kept as written")
    func emptyAndSpaces() throws {
        let table = try CSV.parse("a,b,c\n, x ,\"\"\n")
        #expect(table.rows[0].cells == ["", " x ", ""])
        #expect(table.rows[0].columns == [1, 2, 6])
    }

    @Test("a byte order mark is skipped and columns count Unicode scalars")
    func bomAndScalars() throws {
        let table = try CSV.parse([0xEF, 0xBB, 0xBF] + Array("名前,b\n電話,x\n".utf8))
        #expect(table.header == ["名前", "b"])
        #expect(table.rows[0].columns == [1, 4])
    }

    @Test("a blank line in the middle is a one-cell row")
    func blankMiddleLine() throws {
        #expect(try CSV.parse("a\n1\n\n2\n").rows.map(\.cells) == [["1"], [""], ["2"]])
        let error = syntaxError { () throws(CSVSyntaxError) in try CSV.parse("a,b\n1,2\n\n3,4\n") }
        #expect(error == CSVSyntaxError(position: TextPosition(line: 3, column: 1), message: "row has 1 cell, header has 2"))
    }

    @Test("blank lines before the header are skipped and a header with no rows is an empty table")
    func headerOnly() throws {
        let table = try CSV.parse("\n\r\nid,name\r\n\r\n")
        #expect(table.header == ["id", "name"])
        #expect(table.headerLine == 3)
        #expect(table.rows.isEmpty)
    }

    /// A bad input with the error it must produce.
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { input.debugDescription }
    }

    static let cases: [Case] = [
        Case(input: "a,b,c,d,e,f\n1,2,3,4,5\n", line: 2, column: 1, message: "row has 5 cells, header has 6"),
        Case(input: "a,b\n1,2\n3,4,5\n", line: 3, column: 1, message: "row has 3 cells, header has 2"),
        Case(input: "a,b\n1,\"open\n2,3\n", line: 2, column: 3, message: "unterminated quoted field"),
        Case(input: "a,b\n1,ab\"c\n", line: 2, column: 5, message: "quote inside an unquoted field (quote the whole field and write a quote as \"\")"),
        Case(input: "a,b\n1,\"x\"y\n", line: 2, column: 6, message: "unexpected 'y' after closing quote (expected ',' or a line break)"),
        Case(input: "a,b\n\"x\" ,2\n", line: 2, column: 4, message: "unexpected ' ' after closing quote (expected ',' or a line break)"),
        Case(input: "", line: 1, column: 1, message: "empty file: expected a header row"),
        Case(input: "\r\n\n", line: 1, column: 1, message: "empty file: expected a header row"),
        Case(input: "id,name,id\n", line: 1, column: 9, message: "duplicate column 'id' in header"),
        Case(input: "a,b\n\"multi\nline\",x\"\n", line: 3, column: 8, message: "quote inside an unquoted field (quote the whole field and write a quote as \"\")"),
    ]

    @Test("each bad input reports its exact message and position", arguments: cases)
    func badInput(_ bad: Case) {
        let error = syntaxError { () throws(CSVSyntaxError) in try CSV.parse(bad.input) }
        #expect(error == CSVSyntaxError(position: TextPosition(line: bad.line, column: bad.column), message: bad.message))
    }

    @Test("invalid UTF-8 is reported at the bad byte, quoted or not")
    func invalidUTF8() {
        let plain = syntaxError { () throws(CSVSyntaxError) in try CSV.parse(Array("a\nx".utf8) + [0xFF]) }
        #expect(plain == CSVSyntaxError(position: TextPosition(line: 2, column: 2), message: "invalid UTF-8"))
        let quoted = syntaxError { () throws(CSVSyntaxError) in try CSV.parse(Array("a\n\"\"\"".utf8) + [0xC3, 0x22]) }
        #expect(quoted == CSVSyntaxError(position: TextPosition(line: 2, column: 4), message: "invalid UTF-8"))
    }

    @Test("the description reads line:column: message")
    func description() {
        #expect(CSVSyntaxError(position: TextPosition(line: 3, column: 1), message: "row has 5 cells, header has 6").description
            == "3:1: row has 5 cells, header has 6")
    }

    /// Every record `CSVReader` hands over, or its error.
    static func readAll(_ bytes: [UInt8]) throws(CSVSyntaxError) -> CSVTable {
        var reader = try CSVReader(bytes: bytes)
        var rows: [CSVRow] = []
        while let row = try reader.next() { rows.append(row) }
        return CSVTable(header: reader.header, headerLine: reader.headerLine, rows: rows)
    }

    @Test("reading record by record gives the same header, cells and positions as parsing the whole table",
          arguments: ["a,b\r\n1,\"x\r\ny\"\r\n2,3", "\u{FEFF}\n\nid,\"na\"\"me\"\n\"é\",\n,\"\"\n\n\n", "a\n\nb\n"])
    func readerMatchesTable(_ text: String) throws {
        let streamed = try Self.readAll(Array(text.utf8))
        #expect(streamed == (try CSV.parse(text)))
        #expect(streamed.column(named: streamed.header[0]) == 0)
    }

    @Test("the fixture read record by record has its multi-line cell and positions")
    func readerFixture() throws {
        var reader = try CSVReader(bytes: try Fixtures.bytes("products.csv"))
        #expect(reader.column(named: "prices.EUR") == 4)
        #expect(reader.column(named: "price") == nil)
        var rows: [CSVRow] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows.map(\.line) == [2, 3, 4])
        #expect(rows[2].positions[3] == TextPosition(line: 5, column: 12))
        #expect(try reader.next() == nil)
    }

    @Test("reading record by record reports each bad input with the same message and position", arguments: cases)
    func readerBadInput(_ bad: Case) {
        let error = syntaxError { () throws(CSVSyntaxError) in _ = try Self.readAll(Array(bad.input.utf8)) }
        #expect(error == CSVSyntaxError(position: TextPosition(line: bad.line, column: bad.column), message: bad.message))
    }
}
