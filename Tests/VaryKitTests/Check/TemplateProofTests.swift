import Foundation
import Mustache
import Testing
@testable import VaryKit

/// Runs the template proof over a page template and its partials and returns its problems as text.
private func problems(_ page: String, _ others: [String: String] = [:]) -> [String] {
    var sources = others
    sources["pages/landing"] = page
    return TemplateProof(sources: sources).prove(page: "pages/landing").problems.map(\.description)
}

@Suite("template proof: contexts")
struct TemplateContextTests {
    @Test("escaped values in text, quoted attributes and the title are proven safe")
    func safeContexts() {
        #expect(problems("<!DOCTYPE html>\n<html lang=\"{{locale.tag}}\"><head><title>{{page.title}}</title></head>"
                         + "<body><a href='{{url}}' class=\"x {{kind}}\">{{name}}</a></body></html>\n") == [])
    }

    @Test("triple mustaches in text are an error at their line and column")
    func rawInText() {
        let found = problems("<p>\n  {{{description}}}</p>")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("pages/landing:2:3: {{{description}}} writes data into the page as markup") == true)
    }

    @Test("an unquoted attribute value cannot take a tag")
    func unquoted() {
        #expect(problems("<a href={{url}}>x</a>").first?.contains("the value of href is not quoted") == true)
        #expect(problems("<a href=/x/{{url}}>x</a>").first?.contains("the value of href is not quoted") == true)
    }

    @Test("a JSON data block takes only Vary's script-safe configurator data, unescaped")
    func dataBlock() {
        #expect(problems("<script type=\"application/json\" data-configurator-data>{{{configurator.data}}}</script>") == [])
        #expect(problems("<script type=\"application/json\">{{configurator.data}}</script>").count == 1)
        #expect(problems("<script type=\"application/json\">{{{product.title}}}</script>").first?.contains(
            "only Vary's script-safe JSON may be written inside <script type=\"application/json\">") == true)
        #expect(problems("<script type=\"application/ld+json\">{{{configurator.data}}}</script>").count == 1)
        #expect(problems("<script>{{{configurator.data}}}</script>").count == 1)
    }

    @Test("event handlers, style and srcdoc attributes take no tags even when quoted")
    func scriptAttributes() {
        #expect(problems("<a onclick=\"go({{id}})\">x</a>").first?.contains("onclick=") == true)
        #expect(problems("<p style=\"color: {{color}}\">x</p>").first?.contains("style=") == true)
        #expect(problems("<iframe srcdoc=\"{{html}}\"></iframe>").first?.contains("srcdoc=") == true)
    }

    @Test("a tag cannot write a tag's name or attributes")
    func inTag() {
        #expect(problems("<a {{attributes}}>x</a>").first?.contains("a tag's name or attributes cannot come from data") == true)
        #expect(problems("<{{element}}>x</b>").isEmpty == false)
    }

    @Test("only script-safe JSON-LD goes into a script, and nothing into style or comments")
    func rawText() {
        #expect(problems("<script type=\"application/ld+json\">{{{page.jsonLD}}}</script>") == [])
        #expect(problems("<script type=\"application/ld+json\">{{page.jsonLD}}</script>").count == 1)
        #expect(problems("<script type=\"application/ld+json\">{{{page.title}}}</script>").count == 1)
        #expect(problems("<script>var x = \"{{name}}\";</script>").first?.contains("inside <script>") == true)
        #expect(problems("<style>p { color: {{color}} }</style>").first?.contains("inside <style>") == true)
        #expect(problems("<!-- built for {{name}} -->").first?.contains("comment") == true)
    }

    @Test("markup after a script's end tag is read as HTML again")
    func afterScript() {
        #expect(problems("<script type=\"application/ld+json\">{{{page.jsonLD}}}</script >\n<p>{{{x}}}</p>").count == 1)
    }
}

@Suite("template proof: balanced fragments")
struct TemplateFragmentTests {
    @Test("sections that open and close their own elements are balanced, inside tags and attribute values too")
    func balanced() {
        #expect(problems("<ul>{{#items}}<li>{{name}}</li>{{/items}}</ul>"
                         + "<a href=\"{{url}}\"{{#isCurrent}} aria-current=\"page\"{{/isCurrent}}>x</a>"
                         + "<p class=\"card{{#sale}} card--sale{{/sale}}\">{{^sale}}<br>{{/sale}}</p>") == [])
    }

    @Test("a section that leaves an element open is an error at the section's tag")
    func leavesOpen() {
        let found = problems("<ul>\n{{#items}}<li><b>{{name}}</li>{{/items}}</ul>")
        #expect(found.contains { $0.hasPrefix("pages/landing:2:1: the section 'items' leaves <b> open") }
                || found.contains { $0.contains("does not close the open <b>") })
    }

    @Test("a section that closes an element it did not open is an error")
    func closesOutside() {
        let found = problems("<div>{{#done}}</div><div>{{/done}}</div>")
        #expect(found.contains { $0.contains("closes an element opened outside") })
    }

    @Test("a section that ends inside a tag or quote it did not start in is an error")
    func endsElsewhere() {
        #expect(problems("<p>{{#x}}<a href=\"{{/x}}\">y</a></p>").contains { $0.contains("starts in text but ends inside the value of href") })
        #expect(problems("<p {{#x}}class=\"a\">{{/x}}</p>").isEmpty == false)
    }

    @Test("partials and blocks are proven where they are included")
    func partialsAndBlocks() {
        let layout = "<!DOCTYPE html><html><body>{{$content}}{{/content}}</body></html>"
        #expect(problems("{{<layouts/base}}{{$content}}<p>{{x}}</p>{{> partials/card}}{{/content}}{{/layouts/base}}",
                         ["layouts/base": layout, "partials/card": "<li>{{name}}</li>"]) == [])
        let unbalanced = problems("{{<layouts/base}}{{$content}}{{> partials/card}}{{/content}}{{/layouts/base}}",
                                  ["layouts/base": layout, "partials/card": "<div>{{name}}"])
        #expect(unbalanced.contains { $0.contains("the partial 'partials/card' leaves <div> open") })
        let raw = problems("{{<layouts/base}}{{$content}}{{> partials/card}}{{/content}}{{/layouts/base}}",
                           ["layouts/base": layout, "partials/card": "<p>\n{{{name}}}</p>"])
        #expect(raw.first?.hasPrefix("partials/card:2:1: ") == true)
    }

    @Test("a dynamic partial cannot be proven")
    func dynamicPartial() {
        #expect(problems("<p>{{>*kind}}</p>").first?.contains("dynamic partial") == true)
    }

    @Test("the sample store's and the mini store's templates are proven")
    func sampleTemplates() throws {
        for root in [MiniStore.templatesURL, MiniStore.templatesURL.deletingLastPathComponent().deletingLastPathComponent()
                        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("site-templates")] {
            let files = try SourceFiles.read(directory: root, displayName: "site-templates")
            let (templates, diagnostics) = SiteTemplates.load(files)
            #expect(templates != nil, "\(diagnostics)")
        }
    }
}

@Suite("template proof: messages")
struct TemplateMessageUseTests {
    @Test("the proof lists the messages a page reads, by id and by section prefix")
    func messages() {
        var sources = ["pages/landing": "<p>{{t.offer.code}}{{#t.nav}}{{home}}{{/t.nav}}{{^t.x}}{{/t.x}}</p>"]
        let use = TemplateProof(sources: sources).prove(page: "pages/landing").messages
        #expect(use.contains("offer.code") && use.contains("nav.home") && use.contains("x"))
        #expect(!use.contains("offer.ends") && !use.contains("navigation") && !use.all)
        sources["pages/landing"] = "{{#t}}{{offer.code}}{{/t}}"
        #expect(TemplateProof(sources: sources).prove(page: "pages/landing").messages.contains("anything"))
    }
}

@Suite("check depth")
struct CheckDepthTests {
    @Test("the build's one-pass check finds what libxml2's finds on every page of a built store")
    func samePagesSameProblems() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        // Links to missing files, an image without alt text and a second <h1>, on pages of proven templates.
        build.write("site-templates/partials/card.mustache",
                    "<li data-rank=\"{{rank}}\"><img src=\"{{image.src}}\"><a href=\"/nowhere/{{id}}/\">{{title}}</a><h1>x</h1></li>\n")
        #expect(build.run().exitCode == 1)
        let files = build.tree()
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted().map {
            CheckedPage(path: $0, bytes: [UInt8](files[$0]!))
        }
        let paths = Set(files.keys)
        let full = SiteCheck.check(pages: pages, allPaths: paths, depth: .full)
        let data = SiteCheck.check(pages: pages, allPaths: paths, depth: .data)
        #expect(full.count > pages.count)
        #expect(data == full)
    }
}
