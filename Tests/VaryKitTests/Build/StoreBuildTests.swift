import Foundation
import Testing
@testable import VaryKit

@Suite("vary build")
struct StoreBuildTests {
    @Test("the mini store builds every page kind with exit code 0")
    func buildsEveryPageKind() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let outcome = build.run()
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        let files = build.tree()
        for path in [
            "index.html", "us/en-us/index.html", "us/en-us/for/climbers/index.html",
            "us/en-us/promotions/winter-sale/index.html", "us/en-us/bundles/first-climb/index.html",
            "de/de-de/index.html", "de/en/index.html", "jp/ja-jp/index.html", "kw/ar-kw/index.html",
            "sitemap.xml", "robots.txt", "_vary/manifest.json", "_vary/routes.json", "_vary/report.json",
        ] {
            #expect(files[path] != nil, "missing \(path)")
        }
        #expect(files.keys.contains { $0.hasPrefix("assets/css/store.") && $0.hasSuffix(".css") && $0 != "assets/css/store.css" })
        #expect(outcome.report?.pagesByKind["landing"] == 10)
        #expect(outcome.report?.pagesByKind["chooser"] == 1)
    }

    @Test("two builds with the same now give byte-identical output")
    func deterministic() {
        let build = TestBuild()
        defer { build.cleanUp() }
        let second = build.directory.appendingPathComponent("output-2")
        #expect(build.run().exitCode == 0)
        #expect(build.run(output: second).exitCode == 0)
        let first = build.tree(), again = build.tree(second)
        #expect(first.count > 20)
        #expect(first == again)
    }

    @Test("hostile catalog text is escaped in HTML and in JSON-LD")
    func escapesHostileText() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let page = try #require(build.read("us/en-us/index.html"))
        #expect(page.contains("Trail &quot;Pro&quot; Harness &amp; Belt &lt;b&gt;"))
        #expect(!page.contains("<b>"))
        #expect(!page.contains("<script>alert(1)"))
        #expect(page.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)"#))
        #expect(page.contains("Kids Snow Boot &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains(#"Kids Snow Boot \u003c/script\u003e\u003cimg src=x onerror=alert(1)\u003e"#))
        #expect(!page.contains("onerror=alert(1)>"))
        #expect(page.components(separatedBy: "</script>").count == 2)
    }

    @Test("segment variants are noindex with the default landing as canonical")
    func segmentVariant() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let page = try #require(build.read("us/en-us/for/climbers/index.html"))
        #expect(page.contains(#"<meta name="robots" content="noindex">"#))
        #expect(page.contains(#"<link rel="canonical" href="https://mini.example.com/us/en-us/">"#))
        let landing = try #require(build.read("us/en-us/index.html"))
        #expect(!landing.contains("noindex"))
        let sitemap = try #require(build.read("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://mini.example.com/us/en-us/</loc>"))
        #expect(!sitemap.contains("/for/climbers/"))
    }

    @Test("pages carry the locale's language, direction and money format")
    func localizedPages() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let arabic = try #require(build.read("kw/ar-kw/index.html"))
        #expect(arabic.contains(#"<html lang="ar-KW" dir="rtl">"#))
        let german = try #require(build.read("de/de-de/index.html"))
        #expect(german.contains(#"<html lang="de-DE" dir="ltr">"#))
        #expect(german.contains("Startseite"))
        #expect(german.contains("Sie sparen"))
        #expect(german.contains("Dynamikseil 9,5 mm"))
        let japanese = try #require(build.read("jp/ja-jp/index.html"))
        #expect(japanese.contains("26,000"))
        #expect(japanese.contains("いま人気の商品") || japanese.contains("スタッフのおすすめ"), "Vary's Japanese reasons, not English")
        #expect(!japanese.contains("Staff pick"))
    }

    @Test("bad input exits 2 and leaves the previous output untouched")
    func badInputKeepsOutput() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let before = build.tree()
        build.write("content/promotions.json", "[{\"id\": \"x\"")
        let outcome = build.run()
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics.map(\.description) == ["content/promotions.json:1:12: unexpected end of input"])
        #expect(build.tree() == before)
    }

    @Test("strict mode makes a misspelled template name an error naming file, line and column")
    func strictTemplateTypo() {
        let build = TestBuild()
        defer { build.cleanUp() }
        build.write("site-templates/pages/bundle.mustache", "{{<layouts/base}}{{$content}}\n<h1>{{bundle.titel}}</h1>{{/content}}{{/layouts/base}}")
        let outcome = build.run()
        #expect(outcome.exitCode == 2)
        let messages = outcome.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("site-templates/pages/bundle.mustache:2:5: ") && $0.contains("'bundle.titel' is not defined") }, "\(messages)")
        #expect(!FileManager.default.fileExists(atPath: build.output.path))
    }

    @Test("a promotion ending exactly at now has no page; one starting exactly at now has one")
    func promotionWindowEdges() {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run(now: .iso("2026-11-30T23:00:00Z")).exitCode == 0)
        #expect(build.read("us/en-us/promotions/winter-sale/index.html") == nil)
        #expect(build.read("us/en-us/promotions/ten-off/index.html") != nil)
        #expect(build.run(now: .iso("2026-11-25T00:00:00Z")).exitCode == 0)
        #expect(build.read("us/en-us/promotions/ten-off/index.html") != nil)
        #expect(build.run(now: .iso("2026-11-24T23:59:59Z")).exitCode == 0)
        #expect(build.read("us/en-us/promotions/ten-off/index.html") == nil)
    }

    @Test("a bundle with an item a region does not sell is skipped there, with the reason reported")
    func bundleSkipped() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let outcome = build.run()
        #expect(outcome.exitCode == 0)
        #expect(build.read("us/en-us/bundles/camp-kitchen/index.html") != nil)
        #expect(build.read("jp/ja-jp/bundles/camp-kitchen/index.html") == nil)
        let skipped = try #require(outcome.report?.skipped.first { $0.id == "camp-kitchen" && $0.region == "jp" })
        #expect(skipped.reason.contains("stove"))
    }
}

@Suite("vary build exit codes")
struct BuildExitCodeTests {
    @Test("a page that fails the checks still builds, with exit code 1 and the problem named")
    func checkProblemsExitOne() {
        let build = TestBuild()
        defer { build.cleanUp() }
        build.write("site-templates/partials/card.mustache", "<li><img src=\"{{image.src}}\">{{title}}</li>")
        let outcome = build.run()
        #expect(outcome.exitCode == 1)
        #expect(outcome.diagnostics.contains {
            $0.file == "site-templates/partials/card.mustache" && $0.message.contains("alt") && $0.examplePage?.hasPrefix("output/") == true
        })
        #expect(build.read("us/en-us/index.html") != nil)
    }

    @Test("an unreadable content folder is bad input, exit code 2")
    func missingContent() {
        let build = TestBuild()
        defer { build.cleanUp() }
        try? FileManager.default.removeItem(at: build.content)
        let outcome = build.run()
        #expect(outcome.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: build.output.path))
    }

    @Test("a second build of unchanged input writes nothing new and keeps modification times")
    func incrementalUnchanged() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let page = build.output.appendingPathComponent("us/en-us/index.html").path
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: page)
        let outcome = build.run()
        #expect(outcome.report?.written == 0)
        #expect(outcome.report?.removed == 0)
        let modified = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        #expect(modified == old)
    }
}
