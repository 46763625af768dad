import Testing
import Intl

@Suite("MessageFormat errors")
struct MessageFormatErrorTests {
    func parseError(_ pattern: String) -> MessageFormatError? {
        do {
            _ = try MessageFormat(pattern, localeTag: "en")
            return nil
        } catch {
            return error
        }
    }

    @Test("malformed patterns are rejected with the message and the Character offset", arguments: [
        ("Hello {name", 11, "expected '}' to close argument 'name'"),
        ("{n, plurl, one {x} other {y}}", 4, "unknown argument type 'plurl'"),
        ("{n, plural, one {# item}}", 0, "plural needs an 'other' case"),
        ("{n, plural}", 0, "plural needs an 'other' case"),
        ("Hi } there", 3, "unmatched '}'"),
        ("{", 1, "unexpected end of message"),
        ("{n,", 3, "unexpected end of message"),
        ("{n, plural, one {# item} other {# items}", 40, "expected '}' to close argument 'n'"),
        ("{n, plural, other {# items", 26, "expected '}' to close case 'other' of argument 'n'"),
        ("{g, select, male {he}}", 0, "select needs an 'other' case"),
        ("{n, plural, ones {x} other {y}}", 12, "unknown plural category 'ones'"),
        ("{n, plural, one {a} one {b} other {c}}", 20, "duplicate case 'one'"),
        ("{n, plural, =1 {a} =1.0 {b} other {c}}", 19, "duplicate case '=1.0'"),
        ("{g, select, a {x} a {y} other {z}}", 18, "duplicate case 'a'"),
        ("{n, plural, =x {a} other {b}}", 13, "expected a number after '='"),
        ("{n, plural, offset:x other {b}}", 19, "expected a number after 'offset:'"),
        ("{}", 1, "expected an argument name"),
        ("{n, }", 4, "expected an argument type after 'n,'"),
        ("{n, select other {x}}", 11, "expected ',' after 'select'"),
        ("{n, plural, one x}", 16, "expected '{' after case 'one'"),
        ("{n, plural, {x} other {y}}", 12, "expected a plural case (zero, one, two, few, many, other or =number)"),
        ("{g, select, {x}}", 12, "expected a select case keyword"),
        ("{a-b}", 2, "expected '}' to close argument 'a'"),
        ("{n, selectordinal, one {#st} other {#th}}", 4, "argument type 'selectordinal' is not supported"),
        ("{d, date, short}", 4, "argument type 'date' is not supported"),
        ("{n, number, percent}", 10, "number styles are not supported (argument 'n')"),
        ("{n, number x}", 11, "expected '}' to close argument 'n'"),
        ("'{' {n, plural, other {'}' #}} }", 31, "unmatched '}'"),
    ])
    func malformed(pattern: String, offset: Int, message: String) throws {
        let error = try #require(parseError(pattern))
        #expect(error.message == message)
        #expect(error.offset == offset)
        #expect(error.line == 1 && error.column == offset + 1)
        #expect(error.description == "1:\(offset + 1): \(message)")
    }

    @Test("an error on a later line reports that line and the column within it")
    func lineAndColumn() throws {
        let pattern = "Line one\nand {n, plural,\n  one {x}\n  oter {y}}"
        let error = try #require(parseError(pattern))
        #expect(error.message == "unknown plural category 'oter'")
        #expect(error.line == 4 && error.column == 3)
        #expect(error.offset == 37)
        #expect(error.description == "4:3: unknown plural category 'oter'")
    }

    @Test("a CRLF line break counts as one Character and one line")
    func crlf() throws {
        let error = try #require(parseError("a\r\n}"))
        #expect(error.offset == 2 && error.line == 2 && error.column == 1)
    }

    @Test("offsets count Characters, so an emoji with a skin tone is one")
    func characterOffsets() throws {
        let error = try #require(parseError("Grüße 👋🏽 {x"))
        #expect(error.offset == 10)
        #expect(error.column == 11)
    }

    @Test("nesting deeper than 32 arguments is rejected instead of recursing on")
    func deepNesting() throws {
        let deep = String(repeating: "{g, select, other {", count: 40) + String(repeating: "}}", count: 40)
        let error = try #require(parseError(deep))
        #expect(error.message == "arguments nested too deeply")
        #expect(error.offset == 32 * 19)
        let fine = String(repeating: "{g, select, other {", count: 30) + "x" + String(repeating: "}}", count: 30)
        #expect(try MessageFormat(fine, localeTag: "en").format(["g": "a"]) == "x")
    }
}
