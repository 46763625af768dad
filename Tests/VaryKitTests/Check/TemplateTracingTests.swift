import Foundation
import Testing
@testable import VaryKit

/// The error diagnostics of a build of the mini store with some templates or content files replaced.
private func buildErrors(_ replacements: [String: String]) -> (errors: [Diagnostic], build: TestBuild, exitCode: Int32) {
    let build = TestBuild()
    for (path, text) in replacements { build.write(path, text) }
    let outcome = build.run()
    return (outcome.diagnostics.filter { $0.severity == .error }, build, outcome.exitCode)
}

/// The output pages whose bytes contain `text`.
private func pages(containing text: String, in build: TestBuild) -> Set<String> {
    Set(build.tree().filter { $0.key.hasSuffix(".html") && String(decoding: $0.value, as: UTF8.self).contains(text) }.keys)
}

@Suite("Problems a template causes are reported once, at the template")
struct TemplateTracingTests {
    @Test("a second <h1> in a page template is one problem at its file:line:column, with the pages it is on and an example")
    func secondHeading() throws {
        let landing = """
            {{<layouts/base}}{{$content}}
            <h1>{{segment.headline}}</h1>
              <h1 class="extra">More</h1>
            <ul>{{#products}}{{>partials/card}}{{/products}}</ul>
            {{/content}}{{/layouts/base}}
            """
        let (errors, build, exitCode) = buildErrors(["site-templates/pages/landing.mustache": landing])
        defer { build.cleanUp() }
        #expect(exitCode == 1)
        #expect(errors.count == 1, "\(errors)")
        let problem = try #require(errors.first)
        #expect(problem.file == "site-templates/pages/landing.mustache" && problem.line == 3 && problem.column == 3)
        #expect(problem.message == "a second <h1> (the first is at site-templates/pages/landing.mustache:2:1); a page has exactly one <h1>")
        let affected = pages(containing: #"<h1 class="extra">"#, in: build)
        #expect(affected.count > 4)
        #expect(problem.pages == affected.count)
        #expect(problem.examplePage == "output/" + affected.min()!)
        #expect(problem.description.contains("[on \(affected.count) pages, e.g. output/\(affected.min()!)]"))
    }

    @Test("an empty alt written in a partial is one problem at the partial's <img>, however many cards and pages show it")
    func emptyAltInPartial() throws {
        let card = """
            <li data-rank="{{rank}}">{{! the card }}<img src="{{image.src}}" alt=""> {{title}} · {{price.text}}</li>
            """
        let (errors, build, exitCode) = buildErrors(["site-templates/partials/card.mustache": card])
        defer { build.cleanUp() }
        #expect(exitCode == 1)
        #expect(errors.count == 1, "\(errors)")
        let problem = try #require(errors.first)
        #expect(problem.file == "site-templates/partials/card.mustache" && problem.line == 1 && problem.column == 41)
        #expect(problem.message == #"<img src="{{…}}" alt=""> has an empty alt attribute"#)
        #expect(problem.hint == #"describe the image, or mark a decorative one with alt="" aria-hidden="true""#)
        let affected = pages(containing: #"alt="">"#, in: build)
        #expect(problem.pages == affected.count && affected.count > 4)
    }

    @Test("an empty alt text from the catalog is one problem at the product's image in the catalog, with its pages")
    func emptyAltFromContent() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let products = try #require(build.read("catalog/products.json", in: build.content))
        build.write("content/catalog/products.json", products.replacingOccurrences(
            of: #""alt": "Coiled blue rope""#, with: #""alt": """#))
        let outcome = build.run()
        #expect(outcome.exitCode == 1)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let problem = try #require(errors.first)
        #expect(problem.file == "content/catalog/products.json" && problem.line == 10 && problem.path.hasSuffix("image.src"))
        #expect(problem.message == "the product image has an empty alt text on its pages")
        let affected = pages(containing: #"rope"#, in: build).filter { build.read($0)?.contains(#"alt="""#) == true }
        #expect(problem.pages == affected.count && !affected.isEmpty)
    }

    @Test("the proof records each literal <img> and <h1> with its template, position and which attributes data writes")
    func recordedTags() {
        let sources = [
            "pages/landing": "<!DOCTYPE html>\n{{! note }}<main>\n  <h1 id=\"t\">{{title}}</h1>{{> partials/card}}</main>",
            "partials/card": "<p>{{#items}}\n   <img class=\"c\" src=\"{{src}}\" alt='' width=40>\n{{/items}}</p>",
        ]
        let tags = TemplateProof(sources: sources).prove(page: "pages/landing").tags
        #expect(tags.map(\.name) == ["h1", "img"])
        #expect(tags[0].template == "pages/landing" && tags[0].position.line == 3 && tags[0].position.column == 3)
        #expect(tags[0].attributes == [.init(name: "id", value: "t")])
        #expect(tags[1].template == "partials/card" && tags[1].position.line == 2 && tags[1].position.column == 4)
        #expect(tags[1].attributes == [
            .init(name: "class", value: "c"), .init(name: "src", value: nil), .init(name: "alt", value: ""), .init(name: "width", value: "40"),
        ])
    }

    @Test("merging counts the distinct pages of one template place and keeps the first page as the example")
    func merging() {
        func traced(_ page: String, line: Int = 5) -> Diagnostic {
            var diagnostic = Diagnostic(file: "site-templates/partials/card.mustache", line: line, column: 3, message: "m")
            diagnostic.pages = 1
            diagnostic.examplePage = page
            return diagnostic
        }
        let page = Diagnostic(file: "output/a/index.html", line: 9, message: "m")
        let merged = Diagnostic.mergingTemplatePlaces([traced("output/b.html"), traced("output/a.html"), traced("output/b.html"), page,
                                                       traced("output/c.html", line: 6)])
        #expect(merged.count == 3)
        #expect(merged.map(\.pages) == [0, 2, 1])
        #expect(merged[1].examplePage == "output/a.html")
        #expect(merged[1].description == "site-templates/partials/card.mustache:5:3: m [on 2 pages, e.g. output/a.html]")
        #expect(merged[2].description == "site-templates/partials/card.mustache:6:3: m [on 1 page, output/c.html]")
    }
}
