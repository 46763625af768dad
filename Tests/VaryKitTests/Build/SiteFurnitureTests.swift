import DataFormats
import Foundation
import Testing
@testable import VaryKit

/// The `<meta property|name content>` pairs of a page, in order.
private func metaTags(_ html: String) -> [(key: String, content: String)] {
    let pattern = try! NSRegularExpression(pattern: #"<meta (?:property|name)="([^"]*)" content="([^"]*)">"#)
    return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
        (String(html[Range(match.range(at: 1), in: html)!]), String(html[Range(match.range(at: 2), in: html)!]))
    }
}

/// The mini store with the Open Graph and Twitter tags in its layout, as the sample store and `vary init` have them.
private func buildWithOpenGraph(_ edit: (TestBuild) -> Void = { _ in }) -> TestBuild {
    let build = TestBuild()
    let layout = build.templates.appendingPathComponent("layouts/base.mustache")
    let text = try! String(contentsOf: layout, encoding: .utf8).replacingOccurrences(of: "</head>", with: """
        {{#page.openGraph}}<meta property="{{property}}" content="{{content}}">
        {{/page.openGraph}}{{#page.twitter}}<meta name="{{name}}" content="{{content}}">
        {{/page.twitter}}</head>
        """)
    build.write("site-templates/layouts/base.mustache", text)
    edit(build)
    return build
}

@Suite("Site furniture: the not-found page and the tags of shared links")
struct SiteFurnitureTests {
    @Test("the build writes one 404.html in the chooser's default locale, noindex, linking to the chooser, in manifest and report but not in the sitemap")
    func notFoundPage() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let page = try #require(build.read("404.html"))
        #expect(page.contains(#"<html lang="en" dir="ltr">"#))
        #expect(page.contains("<title>Page not found – Mini Outfitters</title>"))
        #expect(page.contains("<h1>Page not found</h1>"))
        #expect(page.contains(#"<a href="/">Choose a region and language</a>"#))
        #expect(page.contains(#"<meta name="robots" content="noindex">"#))
        #expect(!page.contains(#"rel="alternate""#))
        #expect(build.tree().keys.filter { $0.hasSuffix("404.html") } == ["404.html"])

        let manifest = try JSON.parse(Array(try #require(build.read("_vary/manifest.json")).utf8))
        let entry = try #require(manifest["files"]?.array?.first { $0["path"]?.string == "404.html" })
        #expect(entry["contentType"]?.string == "text/html; charset=utf-8")
        let report = try JSON.parse(Array(try #require(build.read("_vary/report.json")).utf8))
        #expect(report["pagesByKind"]?["not-found"]?.int == 1)
        let sitemap = try #require(build.read("sitemap.xml"))
        #expect(!sitemap.contains("404"))
    }

    @Test("every page kind carries og:type, site_name, title, description, url, image, locale and twitter:card")
    func openGraphOnEveryPage() throws {
        let build = buildWithOpenGraph()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let pages = build.tree().filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 10)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            let tags = metaTags(html)
            let values = Dictionary(tags.map { ($0.key, $0.content) }, uniquingKeysWith: { first, _ in first })
            for key in ["og:type", "og:site_name", "og:title", "og:description", "og:url", "og:locale", "twitter:card"] {
                #expect(values[key]?.isEmpty == false, "\(path): \(key)")
            }
            #expect(values["og:type"] == "website", "\(path)")
            #expect(values["og:site_name"] == "Mini Outfitters", "\(path)")
            #expect(values["og:url"]?.hasPrefix("https://mini.example.com/") == true, "\(path)")
            if let image = values["og:image"] {
                #expect(image.hasPrefix("https://mini.example.com/assets/"), "\(path)")
                #expect(values["twitter:card"] == "summary_large_image", "\(path)")
            } else {
                #expect(values["twitter:card"] == "summary", "\(path)")
            }
        }
        let landing = metaTags(try #require(build.read("de/de-de/index.html")))
        #expect(landing.contains { $0 == ("og:locale", "de_DE") })
        #expect(landing.contains { $0 == ("og:url", "https://mini.example.com/de/de-de/") })
        #expect(landing.contains { $0.key == "og:image" })
        // The same page in the store's other region-locales; the page's own locale is not repeated.
        let alternates = landing.filter { $0.key == "og:locale:alternate" }.map(\.content)
        #expect(alternates.contains("en_US") && alternates.contains("ja_JP") && !alternates.contains("de_DE"))
        #expect(alternates == alternates.sorted())
        // A segment page is shared by its canonical, the default landing.
        let segment = metaTags(try #require(build.read("de/de-de/for/climbers/index.html")))
        #expect(segment.contains { $0 == ("og:url", "https://mini.example.com/de/de-de/") })
        #expect(segment.contains { $0 == ("og:title", "Go vertical") })
        let notFound = metaTags(try #require(build.read("404.html")))
        #expect(notFound.contains { $0 == ("og:title", "Page not found") })
        #expect(notFound.contains { $0 == ("og:locale", "en_US") })
    }

    @Test("site.json's shareImage is og:image where a page shows no product; an unknown asset is an error with a suggestion")
    func shareImage() throws {
        let build = buildWithOpenGraph { build in
            let site = try! String(contentsOf: build.content.appendingPathComponent("site.json"), encoding: .utf8)
            build.write("content/site.json", site.replacingOccurrences(
                of: #""routing""#, with: #""shareImage": {"src": "products/rope.svg", "alt": "Mini"}, "routing""#))
        }
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let chooser = metaTags(try #require(build.read("index.html")))
        #expect(chooser.contains { $0.key == "og:image" && $0.content.hasPrefix("https://mini.example.com/assets/products/rope.") })
        #expect(chooser.contains { $0 == ("og:image:alt", "Mini") })

        let errors = MiniStore.errors(content: ["site.json": """
            {"name": "Mini", "baseURL": "https://mini.example.com", "defaultRegion": "us", "defaultSegment": "everyone",
             "defaultLocale": "en", "shareImage": {"src": "products/rop.svg", "alt": "Mini"}}
            """])
        #expect(errors.contains { $0.contains("site.json:2:") && $0.contains("image 'products/rop.svg' is not in site-templates/assets/") && $0.contains("products/rope.svg") })
    }

    @Test("text from content in og: tags is escaped for the attribute")
    func openGraphEscaping() throws {
        let build = buildWithOpenGraph { build in
            let segments = try! String(contentsOf: build.content.appendingPathComponent("segments.json"), encoding: .utf8)
            build.write("content/segments.json", segments.replacingOccurrences(
                of: #""headline": "Go vertical""#, with: #""headline": "Go \"up\" <now> & stay""#))
        }
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let page = try #require(build.read("de/de-de/for/climbers/index.html"))
        #expect(page.contains(#"<meta property="og:title" content="Go &quot;up&quot; &lt;now&gt; &amp; stay">"#))
    }
}
