import Testing
@testable import Mustache

@Suite("Compile errors")
struct CompileErrorTests {
    @Test("an unclosed section is reported at its opening tag")
    func unclosedSection() {
        #expect(compileErrors(["pages/landing": "<ul>\n  {{#products}}\n  <li>{{title}}</li>\n</ul>\n"])
            == ["pages/landing:2:3: unclosed section 'products': expected {{/products}}"])
    }

    @Test("unclosed inverted sections, parents and blocks are named as such")
    func unclosedKinds() {
        #expect(compileErrors(["p": "{{^empty}}"]) == ["p:1:1: unclosed inverted section 'empty': expected {{/empty}}"])
        #expect(compileErrors(["p": "{{<layouts/base}}"]) == ["p:1:1: unclosed parent 'layouts/base': expected {{/layouts/base}}"])
        #expect(compileErrors(["p": "x {{$content}}"]) == ["p:1:3: unclosed block 'content': expected {{/content}}"])
    }

    @Test("a close tag that does not match the innermost section names both and where the open one is")
    func mismatchedClose() {
        #expect(compileErrors(["p": "{{#a}}\n  {{#b}}\n  {{/a}}\n"])
            == ["p:3:3: mismatched close tag {{/a}}: expected {{/b}} to close the section opened at 2:3"])
    }

    @Test("a close tag with nothing open is reported")
    func unexpectedClose() {
        #expect(compileErrors(["p": "text{{/a}}"]) == ["p:1:5: unexpected close tag {{/a}}: no section is open"])
    }

    @Test("a stray close tag inside a section is reported and the section still closes")
    func strayCloseInside() {
        #expect(compileErrors(["p": "{{#a}}{{/b}}{{/a}}"])
            == ["p:1:7: mismatched close tag {{/b}}: expected {{/a}} to close the section opened at 1:1"])
    }

    @Test("a delimiter change without two delimiters is an error", arguments: [
        ("{{= | =}}", "p:1:1: bad delimiter change '{{= | =}}': expected two delimiters separated by a space, like {{=<% %>=}}"),
        ("{{==}}", "p:1:1: bad delimiter change '{{==}}': expected two delimiters separated by a space, like {{=<% %>=}}"),
        ("{{=<% %> [ =}}", "p:1:1: bad delimiter change '{{=<% %> [ =}}': expected two delimiters separated by a space, like {{=<% %>=}}"),
        ("{{=<% %>}}", "p:1:1: bad delimiter change '{{=<% %>}}': it must end with '=}}', like {{=<% %>=}}"),
    ])
    func badDelimiters(source: String, expected: String) {
        #expect(compileErrors(["p": source]) == [expected])
    }

    @Test("after a bad delimiter change the old delimiters stay in force")
    func badDelimitersKeepOld() throws {
        #expect(compileErrors(["p": "{{= | =}}{{#a}}"]) == [
            "p:1:1: bad delimiter change '{{= | =}}': expected two delimiters separated by a space, like {{=<% %>=}}",
            "p:1:10: unclosed section 'a': expected {{/a}}",
        ])
    }

    @Test("a tag without its closing delimiter is reported and the next tags are still checked")
    func unclosedTag() {
        #expect(compileErrors(["p": "<h1>{{title</h1>\n{{#x}}"]) == [
            "p:1:5: unclosed tag '{{title</h1>': expected '}}'",
            "p:2:1: unclosed section 'x': expected {{/x}}",
        ])
        #expect(compileErrors(["p": "a {{{raw}} b"]) == ["p:1:3: unclosed tag '{{{raw}} b': expected '}}}'"])
        #expect(compileErrors(["p": "{{! never closed"]) == ["p:1:1: unclosed tag '{{! never closed': expected '}}'"])
    }

    @Test("empty tags and names with spaces or empty dotted parts are errors")
    func invalidNames() {
        #expect(compileErrors(["p": "{{}}"]) == ["p:1:1: empty tag '{{}}': expected a name"])
        #expect(compileErrors(["p": "{{#}}{{/}}"]).first == "p:1:1: empty tag '{{#}}': expected a name")
        #expect(compileErrors(["p": "{{first name}}"]) == ["p:1:1: invalid name in '{{first name}}': a name cannot contain spaces"])
        #expect(compileErrors(["p": "{{a..b}}"]) == ["p:1:1: invalid name in '{{a..b}}': a dotted name needs a name between every two dots"])
        #expect(compileErrors(["p": "{{#a.}}{{/a.}}"]) == ["p:1:1: invalid name in '{{#a.}}': a dotted name needs a name between every two dots"])
    }

    @Test("an unknown partial or parent is an error when partials must be known")
    func unknownPartial() {
        let sources = ["pages/landing": "{{<layouts/bse}}{{/layouts/bse}}\n  {{> partials/x}}\n", "layouts/base": ""]
        #expect(compileErrors(sources, requireKnownPartials: true) == [
            "pages/landing:1:1: unknown parent 'layouts/bse'",
            "pages/landing:2:3: unknown partial 'partials/x'",
        ])
        #expect(compileErrors(sources).isEmpty)
    }

    @Test("a dynamic partial name is not checked when compiling")
    func dynamicPartialNotChecked() {
        #expect(compileErrors(["p": "{{>*kind}}"], requireKnownPartials: true).isEmpty)
    }

    @Test("a block passed twice to the same parent is an error")
    func duplicateBlock() {
        #expect(compileErrors(["p": "{{<base}}\n{{$a}}1{{/a}}\n{{$a}}2{{/a}}\n{{/base}}", "base": "{{$a}}{{/a}}"])
            == ["p:3:1: block 'a' is passed twice to the same parent (first at 2:1)"])
    }

    @Test("all errors of all templates are reported at once, sorted by template, line and column")
    func allErrorsSorted() {
        let errors = compileErrors([
            "pages/b": "{{#open}}\n{{= x =}}\n{{/nothing}}",
            "pages/a": "{{> missing}}\n{{title\n",
        ], requireKnownPartials: true)
        #expect(errors == [
            "pages/a:1:1: unknown partial 'missing'",
            "pages/a:2:1: unclosed tag '{{title': expected '}}'",
            "pages/b:1:1: unclosed section 'open': expected {{/open}}",
            "pages/b:2:1: bad delimiter change '{{= x =}}': expected two delimiters separated by a space, like {{=<% %>=}}",
            "pages/b:3:1: mismatched close tag {{/nothing}}: expected {{/open}} to close the section opened at 1:1",
        ])
    }

    @Test("sections nested absurdly deep are reported once, at the first tag too deep")
    func nestingLimit() {
        let source = String(repeating: "{{#a}}", count: 150) + String(repeating: "{{/a}}", count: 150)
        #expect(compileErrors(["p": source]) == ["p:1:601: sections nested more than 100 deep"])
    }

    @Test("columns count characters, not bytes")
    func columnsCountCharacters() {
        #expect(compileErrors(["p": "Grüße {{#x}}"]) == ["p:1:7: unclosed section 'x': expected {{/x}}"])
    }

    @Test("errors after custom delimiters show the tag as written")
    func customDelimiterErrors() {
        #expect(compileErrors(["p": "{{=<% %>=}}\n<% a b %>"]) == ["p:2:1: invalid name in '<%a b%>': a name cannot contain spaces"])
    }

    @Test("the error carries its parts and prints as name:line:column: message")
    func errorFields() throws {
        do {
            _ = try TemplateLibrary(sources: ["p": "\n  {{#x}}"])
            Issue.record("expected an error")
        } catch {
            let first = try #require(error.errors.first)
            #expect(first.name == "p" && first.line == 2 && first.column == 3)
            #expect(first.message == "unclosed section 'x': expected {{/x}}")
            #expect(error.description == "p:2:3: unclosed section 'x': expected {{/x}}")
        }
    }
}
