import Testing
import DataFormats

@Suite("source excerpts")
struct SourceExcerptTests {
    @Test("the excerpt shows the position's line with a caret under its column")
    func caret() {
        let text = Array("{\n  \"a\": 1\n  \"b\": 2\n}".utf8)
        #expect(SourceExcerpt.excerpt(of: text, at: TextPosition(line: 2, column: 9)) == "    2 |   \"a\": 1\n      |         ^")
    }

    @Test("the caret counts characters, not bytes, and keeps tabs so that it lines up")
    func charactersAndTabs() {
        let text = Array("x\n\t\"näme\": é\n".utf8)
        #expect(SourceExcerpt.excerpt(of: text, at: TextPosition(line: 2, column: 10)) == "    2 | \t\"näme\": é\n      | \t        ^")
    }

    @Test("CRLF and lone CR end lines, and a position outside the text has no excerpt")
    func lineBreaks() {
        let text = Array("a\r\nb\rc".utf8)
        #expect(SourceExcerpt.excerpt(of: text, at: TextPosition(line: 3, column: 1)) == "    3 | c\n      | ^")
        #expect(SourceExcerpt.excerpt(of: text, at: TextPosition(line: 4, column: 1)) == nil)
        #expect(SourceExcerpt.excerpt(of: text, at: .none) == nil)
    }

    @Test("a syntax error's excerpt at the end of the value a comma is missing after points just past it")
    func missingComma() throws {
        let text = Array("{\n  \"price\": \"12.00\"\n  \"stock\": 3\n}".utf8)
        let error = #expect(throws: SyntaxError.self) { try JSON.parse(text) }
        let position = try #require(error?.position)
        #expect(position == TextPosition(line: 2, column: 19))
        #expect(SourceExcerpt.excerpt(of: text, at: position) == "    2 |   \"price\": \"12.00\"\n      |                   ^")
    }
}
