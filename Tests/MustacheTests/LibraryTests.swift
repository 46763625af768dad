import Testing
@testable import Mustache

@Suite("Template library")
struct LibraryTests {
    static let storefront = [
        "layouts/base": """
            <html lang="{{lang}}">
            <head><title>{{$title}}Shop{{/title}}</title></head>
            <body>
              {{$content}}{{/content}}
            </body>
            </html>

            """,
        "pages/landing": """
            {{<layouts/base}}
            {{$title}}{{headline}} – Shop{{/title}}
            {{$content}}
              <ul>
                {{#products}}
                {{> partials/card}}
                {{/products}}
              </ul>
            {{/content}}
            {{/layouts/base}}

            """,
        "partials/card": """
            <li>
              <h2>{{title}}</h2>
            </li>

            """,
    ]

    @Test("a page fills its layout's blocks and its partials keep the page's indentation")
    func layoutWithBlocksAndPartials() throws {
        let library = try TemplateLibrary(sources: Self.storefront, requireKnownPartials: true)
        let output = try library.renderString("pages/landing", ["lang": "de", "headline": "Jacken & Mäntel",
                                                                "products": [["title": "Storm"], ["title": "Breeze"]]], strict: true)
        #expect(output == """
            <html lang="de">
            <head><title>Jacken &amp; Mäntel – Shop</title></head>
            <body>
              <ul>
                <li>
                  <h2>Storm</h2>
                </li>
                <li>
                  <h2>Breeze</h2>
                </li>
              </ul>

            </body>
            </html>

            """)
    }

    @Test("a layout rendered on its own uses its blocks' default content")
    func layoutDefaults() throws {
        let library = try TemplateLibrary(sources: Self.storefront)
        #expect(try library.renderString("layouts/base", ["lang": "en"]).contains("<title>Shop</title>"))
    }

    @Test("rendering appends to the caller's buffer")
    func renderIntoBuffer() throws {
        let library = try TemplateLibrary(sources: ["p": "<b>{{x}}</b>"])
        var buffer = Array("before:".utf8)
        try library.render("p", ["x": "1"], into: &buffer)
        try library.render("p", ["x": "2"], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "before:<b>1</b><b>2</b>")
    }

    @Test("the library lists its templates sorted and knows which it holds")
    func names() throws {
        let library = try TemplateLibrary(sources: Self.storefront)
        #expect(library.names == ["layouts/base", "pages/landing", "partials/card"])
        #expect(library.contains("partials/card"))
        #expect(!library.contains("partials/missing"))
    }

    @Test("rendering a template the library does not hold is an error")
    func unknownTemplate() throws {
        let library = try TemplateLibrary(sources: ["p": ""])
        #expect(throws: RenderError(name: "pages/x", line: 0, column: 0, message: "no template named 'pages/x' in the library")) {
            try library.render("pages/x", [:])
        }
        #expect(RenderError(name: "pages/x", line: 0, column: 0, message: "m").description == "pages/x: m")
    }

    @Test("a partial that includes itself without end stops with an error instead of crashing")
    func endlessRecursion() throws {
        let library = try TemplateLibrary(sources: ["loop": "x{{> loop}}"])
        #expect(throws: RenderError(name: "loop", line: 1, column: 2,
                                    message: "partials nested more than 100 deep: does 'loop' include itself without end?")) {
            try library.render("loop", [:])
        }
    }

    @Test("a partial recursing over data renders every level")
    func recursionOverData() throws {
        let library = try TemplateLibrary(sources: ["tree": "{{name}}({{#children}}{{> tree}}{{/children}})"])
        // Every level has its own `children`: a missing one would be found further down the stack, as Mustache specifies.
        let data: Value = ["name": "a", "children": [["name": "b", "children": [["name": "c", "children": []]]], ["name": "d", "children": []]]]
        #expect(try library.renderString("tree", data) == "a(b(c())d())")
    }

    @Test("a dynamic partial picks its template by a name in the context")
    func dynamicPartial() throws {
        let library = try TemplateLibrary(sources: ["p": "{{#blocks}}{{>*kind}}{{/blocks}}", "blocks/text": "[{{text}}]", "blocks/image": "<img src=\"{{src}}\">"])
        let data: Value = ["blocks": [["kind": "blocks/text", "text": "Hi"], ["kind": "blocks/image", "src": "a.png"]]]
        #expect(try library.renderString("p", data, strict: true) == "[Hi]<img src=\"a.png\">")
    }

    @Test("a dynamic parent picks its layout by a name in the context")
    func dynamicParent() throws {
        let library = try TemplateLibrary(sources: ["p": "{{<*layout}}{{$body}}x{{/body}}{{/*layout}}",
                                                    "narrow": "<n>{{$body}}{{/body}}</n>", "wide": "<w>{{$body}}{{/body}}</w>"])
        #expect(try library.renderString("p", ["layout": "wide"]) == "<w>x</w>")
        #expect(try library.renderString("p", ["layout": "narrow"]) == "<n>x</n>")
    }

    @Test("the same compiled library renders different contexts independently")
    func reuse() throws {
        let library = try TemplateLibrary(sources: ["p": "{{#items}}{{.}},{{/items}}"])
        #expect(try library.renderString("p", ["items": [1, 2]]) == "1,2,")
        #expect(try library.renderString("p", ["items": ["a"]]) == "a,")
        #expect(try library.renderString("p", [:]) == "")
    }
}
