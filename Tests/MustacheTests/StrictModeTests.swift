import Testing
@testable import Mustache

@Suite("Strict mode")
struct StrictModeTests {
    @Test("a misspelt dotted name is an error naming the template, line, column and name")
    func misspeltDottedName() throws {
        let page = String(repeating: "<p>\n", count: 11) + "<h1>  {{product.titel}}</h1>\n"
        let message = try renderError(["pages/landing": page], "pages/landing", ["product": ["title": "Jacket"]])
        #expect(message == "pages/landing:12:7: 'product.titel' is not defined")
    }

    @Test("a missing plain name and a missing first part of a dotted name are errors")
    func missingNames() throws {
        #expect(try renderError(["p": "{{title}}"], "p", [:]) == "p:1:1: 'title' is not defined")
        #expect(try renderError(["p": "x {{{page.title}}}"], "p", ["site": [:]]) == "p:1:3: 'page.title' is not defined")
        #expect(try renderError(["p": "{{& a.b.c}}"], "p", ["a": ["b": "text"]]) == "p:1:1: 'a.b.c' is not defined")
    }

    @Test("present values that are false, empty, zero or null render without error")
    func presentFalseyValues() throws {
        let output = try render("[{{flag}}|{{text}}|{{count}}|{{nothing}}]", ["flag": false, "text": "", "count": 0, "nothing": nil], strict: true)
        #expect(output == "[false||0|]")
    }

    @Test("a section or inverted section over a missing name is falsey, not an error")
    func sectionsOverMissingNames() throws {
        let output = try render("{{#promotion}}on sale{{/promotion}}{{^promotion}}full price{{/promotion}}{{#a.b}}x{{/a.b}}", [:], strict: true)
        #expect(output == "full price")
    }

    @Test("the implicit iterator is never undefined")
    func implicitIterator() throws {
        #expect(try render("{{#tags}}<{{.}}>{{/tags}}", ["tags": ["a", "b"]], strict: true) == "<a><b>")
    }

    @Test("names found lower in the context stack are defined")
    func contextStackLookup() throws {
        #expect(try render("{{#product}}{{site}}: {{title}}{{/product}}", ["site": "Shop", "product": ["title": "Jacket"]], strict: true)
            == "Shop: Jacket")
    }

    @Test("an error inside a partial names the partial and the tag's place in it")
    func errorInPartial() throws {
        let sources = ["pages/landing": "{{#products}}\n  {{> partials/card}}\n{{/products}}", "partials/card": "<li>\n  {{titel}}\n</li>"]
        #expect(try renderError(sources, "pages/landing", ["products": [["title": "Jacket"]]])
            == "partials/card:2:3: 'titel' is not defined")
    }

    @Test("an error inside content passed to a parent names the page that passed it")
    func errorInBlockContent() throws {
        let sources = ["pages/landing": "{{<layouts/base}}\n{{$content}}\n  <h1>{{headlin}}</h1>\n{{/content}}\n{{/layouts/base}}",
                       "layouts/base": "<main>{{$content}}{{/content}}</main>"]
        #expect(try renderError(sources, "pages/landing", ["headline": "Hi"]) == "pages/landing:3:7: 'headlin' is not defined")
    }

    @Test("interpolating a list or object is an error in strict mode and renders nothing otherwise")
    func interpolatingContainers() throws {
        #expect(try renderError(["p": "{{tags}}"], "p", ["tags": ["a"]]) == "p:1:1: 'tags' is a list, not text: use a section to render its fields")
        #expect(try renderError(["p": "{{price}}"], "p", ["price": ["text": "1 €"]]) == "p:1:1: 'price' is an object, not text: use a section to render its fields")
        #expect(try render("[{{tags}}{{price}}]", ["tags": ["a"], "price": ["text": "1 €"]]) == "[]")
    }

    @Test("a dynamic partial whose name is missing or unknown is an error in strict mode only")
    func dynamicPartials() throws {
        let sources = ["p": "{{>*card}}", "cards/wide": "wide"]
        #expect(try renderError(sources, "p", [:]) == "p:1:1: 'card' is not defined")
        #expect(try renderError(sources, "p", ["card": "cards/narrow"]) == "p:1:1: 'card' names no known template: it is 'cards/narrow'")
        #expect(try renderError(sources, "p", ["card": "cards/wide"]) == nil)
        #expect(try TemplateLibrary(sources: sources).renderString("p", ["card": "cards/narrow"]) == "")
    }

    @Test("without strict mode a missing name renders as nothing")
    func lenientMode() throws {
        #expect(try render("[{{product.titel}}]", ["product": ["title": "Jacket"]]) == "[]")
    }
}
