import Testing
@testable import Mustache

@Suite("Whitespace and indentation")
struct WhitespaceTests {
    @Test("standalone partials inside standalone partials add up their indentation")
    func nestedIndentation() throws {
        let output = try render("<body>\n  {{> a}}\n</body>\n", partials: ["a": "<a>\n  {{> b}}\n</a>\n", "b": "<b/>\n<c/>\n"])
        #expect(output == "<body>\n  <a>\n    <b/>\n    <c/>\n  </a>\n</body>\n")
    }

    @Test("a partial used inline is not indented, even inside an indented partial")
    func inlinePartial() throws {
        let output = try render("  {{> a}}\n", partials: ["a": "x{{> b}}\n", "b": "1\n2"])
        #expect(output == "  x1\n2\n")
    }

    @Test("interpolated text containing line breaks is not indented")
    func interpolatedLinesKeepTheirIndentation() throws {
        let output = try render("<pre>\n  {{> p}}\n</pre>", ["code": "a\nb"], partials: ["p": "{{code}}\n"])
        #expect(output == "<pre>\n  a\nb\n</pre>")
    }

    @Test("blank lines in an indented partial stay empty")
    func blankLines() throws {
        #expect(try render("  {{> p}}", partials: ["p": "a\n\nb\n"]) == "  a\n\n  b\n")
    }

    @Test("standalone tags on CRLF lines take the CRLF with them")
    func crlf() throws {
        let output = try render("<ul>\r\n  {{#items}}\r\n  <li>{{.}}</li>\r\n  {{/items}}\r\n</ul>\r\n", ["items": ["a", "b"]])
        #expect(output == "<ul>\r\n  <li>a</li>\r\n  <li>b</li>\r\n</ul>\r\n")
    }

    @Test("a block passed by a page reaches a partial its layout includes")
    func blockThroughPartial() throws {
        let sources = [
            "page": "{{<layout}}{{$extraHead}}<meta name=\"x\">{{/extraHead}}{{/layout}}",
            "layout": "<head>{{> head}}</head>",
            "head": "<title>t</title>{{$extraHead}}{{/extraHead}}",
        ]
        #expect(try TemplateLibrary(sources: sources).renderString("page", [:]) == "<head><title>t</title><meta name=\"x\"></head>")
    }

    @Test("a page's block content is re-indented to where its layout places the block")
    func blockReindentation() throws {
        let sources = [
            "page": "{{<layout}}\n{{$main}}\n    <p>one</p>\n    <p>two</p>\n{{/main}}\n{{/layout}}\n",
            "layout": "<body>\n  <main>\n    {{$main}}\n    {{/main}}\n  </main>\n</body>\n",
        ]
        #expect(try TemplateLibrary(sources: sources).renderString("page", [:])
            == "<body>\n  <main>\n    <p>one</p>\n    <p>two</p>\n  </main>\n</body>\n")
    }

    @Test("a block pair written on one line keeps its line break, as the specification requires")
    func blockPairKeepsLineBreak() throws {
        let sources = [
            "page": "{{<layout}}\n{{$main}}\n<p>one</p>\n{{/main}}\n{{/layout}}\n",
            "layout": "<main>\n  {{$main}}{{/main}}\n</main>\n",
        ]
        #expect(try TemplateLibrary(sources: sources).renderString("page", [:]) == "<main>\n  <p>one</p>\n\n</main>\n")
        #expect(try TemplateLibrary(sources: sources).renderString("layout", [:]) == "<main>\n\n</main>\n")
    }
}
