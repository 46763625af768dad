import Testing
import DataFormats

@Suite("JSON syntax errors")
struct JSONSyntaxErrorTests {
    /// A bad input with the error it must produce.
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { input.debugDescription }
    }

    static let cases: [Case] = [
        Case(input: "{\"a\": 1\n \"b\": 2}", line: 1, column: 8,
             message: "expected ',' or '}' after the object member ending here (found '\"' at line 2)"),
        Case(input: "[\"x\",\r\n  {\"a\": [1]}\r\n\r\n  true]", line: 2, column: 13,
             message: "expected ',' or ']' after the array element ending here (found 't' at line 4)"),
        Case(input: "[1 2]", line: 1, column: 4, message: "expected ',' or ']' after array element"),
        Case(input: "[1,\n]", line: 1, column: 3, message: "trailing comma before ']'"),
        Case(input: "{\"a\": 1, }", line: 1, column: 8, message: "trailing comma before '}'"),
        Case(input: "{\"a\": \"abc}", line: 1, column: 7, message: "unterminated string"),
        Case(input: "[\"abc\n\"]", line: 1, column: 2, message: "unterminated string"),
        Case(input: "[\"a\\qb\"]", line: 1, column: 4, message: "invalid escape '\\q'"),
        Case(input: "[\"\\u12G4\"]", line: 1, column: 3, message: "invalid unicode escape '\\u12G4': expected 4 hex digits"),
        Case(input: "[\"x\\u12\"]", line: 1, column: 4, message: "invalid unicode escape '\\u12': expected 4 hex digits"),
        Case(input: "[\"\\uD83D\"]", line: 1, column: 3, message: "invalid unicode escape '\\uD83D': unpaired surrogate"),
        Case(input: "[\"\\uD83D\\u0041\"]", line: 1, column: 3, message: "invalid unicode escape '\\uD83D': unpaired surrogate"),
        Case(input: "[\"\\uDE00\"]", line: 1, column: 3, message: "invalid unicode escape '\\uDE00': unpaired surrogate"),
        Case(input: "[01]", line: 1, column: 2, message: "leading zeros are not allowed"),
        Case(input: "[-01]", line: 1, column: 2, message: "leading zeros are not allowed"),
        Case(input: "[1.]", line: 1, column: 4, message: "expected a digit after '.'"),
        Case(input: "[1e+]", line: 1, column: 5, message: "expected a digit in the exponent"),
        Case(input: "[-x]", line: 1, column: 3, message: "expected a digit after '-'"),
        Case(input: "[.5]", line: 1, column: 2, message: "expected a value, found '.'"),
        Case(input: "[+1]", line: 1, column: 2, message: "expected a value, found '+'"),
        Case(input: "{\"ok\": tru}", line: 1, column: 8, message: "invalid literal 'tru' (expected true, false, null, a number, a string, an array or an object)"),
        Case(input: "[NaN]", line: 1, column: 2, message: "invalid literal 'NaN' (expected true, false, null, a number, a string, an array or an object)"),
        Case(input: "{\"a\": 1} x", line: 1, column: 10, message: "trailing characters after the JSON value"),
        Case(input: "[1]]", line: 1, column: 4, message: "trailing characters after the JSON value"),
        Case(input: "", line: 1, column: 1, message: "unexpected end of input"),
        Case(input: "  \n ", line: 2, column: 2, message: "unexpected end of input"),
        Case(input: "{\"a\": [1, 2", line: 1, column: 12, message: "unexpected end of input"),
        Case(input: "{\"a\"", line: 1, column: 5, message: "unexpected end of input"),
        Case(input: "[\"a\tb\"]", line: 1, column: 4, message: "control character in string"),
        Case(input: "{\"a\" 1}", line: 1, column: 6, message: "expected ':' after object key"),
        Case(input: "{a: 1}", line: 1, column: 2, message: "expected a string key or '}', found 'a'"),
        Case(input: "{\"a\": 1, 2: 3}", line: 1, column: 10, message: "expected a string key, found '2'"),
        Case(input: "{'a': 1}", line: 1, column: 2, message: "expected a string key or '}', found '''"),
        Case(input: "[“quoted”]", line: 1, column: 2, message: "expected a value, found '“'"),
        Case(input: "[\u{7}]", line: 1, column: 2, message: "expected a value, found control character U+0007"),
        Case(input: "[\"é\", \"a\\x\"]", line: 1, column: 9, message: "invalid escape '\\x'"),
    ]

    @Test("each bad input reports its exact message and position", arguments: cases)
    func badInput(_ bad: Case) {
        let error = syntaxError { () throws(JSONSyntaxError) in try JSON.parse(bad.input) }
        #expect(error == JSONSyntaxError(position: TextPosition(line: bad.line, column: bad.column), message: bad.message))
    }

    @Test("invalid UTF-8 inside a string is reported at the bad byte")
    func invalidUTF8() {
        let plain = syntaxError { () throws(JSONSyntaxError) in try JSON.parse(Array("[\"ab".utf8) + [0xFF] + Array("\"]".utf8)) }
        #expect(plain == JSONSyntaxError(position: TextPosition(line: 1, column: 5), message: "invalid UTF-8 in string"))
        let escaped = syntaxError { () throws(JSONSyntaxError) in try JSON.parse(Array("[\"\\n".utf8) + [0xC3] + Array("\"]".utf8)) }
        #expect(escaped == JSONSyntaxError(position: TextPosition(line: 1, column: 5), message: "invalid UTF-8 in string"))
    }

    @Test("invalid UTF-8 outside a string is shown as a byte")
    func invalidByteOutsideString() {
        let error = syntaxError { () throws(JSONSyntaxError) in try JSON.parse([0x5B, 0xFE, 0x5D]) }
        #expect(error?.message == "expected a value, found byte 0xFE")
    }

    @Test("nesting 512 levels deep parses and 513 levels is an error at the opening bracket")
    func nestingLimit() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSON.parse(deepest).array?.count == 1)
        let tooDeep = "{\"a\":" + String(repeating: "[", count: 512) + String(repeating: "]", count: 512) + "}"
        let error = syntaxError { () throws(JSONSyntaxError) in try JSON.parse(tooDeep) }
        #expect(error == JSONSyntaxError(position: TextPosition(line: 1, column: 517), message: "nesting deeper than 512 arrays and objects"))
    }

    @Test("the description reads line:column: message")
    func description() {
        let error = JSONSyntaxError(position: TextPosition(line: 14, column: 18), message: "unterminated string")
        #expect(error.description == "14:18: unterminated string")
    }
}
