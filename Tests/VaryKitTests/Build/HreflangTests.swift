import Foundation
import Testing
@testable import VaryKit

/// The `<link>` annotations of every page of a built mini store, by URL.
private struct Annotations {
    var noindex: Bool
    var canonical: String?
    var alternates: [String: String]  // hreflang → URL
}

private func annotations(of build: TestBuild, baseURL: String = "https://mini.example.com") -> [String: Annotations] {
    let pattern = try! NSRegularExpression(pattern: #"<link rel="(alternate|canonical)"(?: hreflang="([^"]*)")? href="([^"]*)">"#)
    var pages: [String: Annotations] = [:]
    for (path, data) in build.tree() where path.hasSuffix("index.html") {
        let html = String(decoding: data, as: UTF8.self)
        var found = Annotations(noindex: html.contains(#"<meta name="robots" content="noindex">"#), canonical: nil, alternates: [:])
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let group = { (index: Int) in Range(match.range(at: index), in: html).map { String(html[$0]) } }
            if group(1) == "canonical" { found.canonical = group(3) } else if let tag = group(2) { found.alternates[tag] = group(3) }
        }
        pages[baseURL + "/" + String(path.dropLast("index.html".count))] = found
    }
    return pages
}

@Suite("hreflang where search engines use it")
struct HreflangTests {
    @Test("no noindex page carries hreflang, and each keeps its canonical to an indexable page")
    func noindexPagesHaveNone() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let pages = annotations(of: build)
        let noindex = pages.filter { $0.value.noindex }
        #expect(noindex.count >= 4)
        for (url, page) in noindex {
            #expect(page.alternates.isEmpty, "\(url)")
            let canonical = try #require(page.canonical, "\(url)")
            #expect(canonical != url && pages[canonical]?.noindex == false, "\(url) → \(canonical)")
        }
    }

    @Test("every alternate is reciprocal, lists the page itself and includes an x-default of the same family")
    func reciprocal() {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let pages = annotations(of: build)
        let annotated = pages.filter { !$0.value.alternates.isEmpty }
        #expect(annotated.count >= 6)
        for (url, page) in annotated {
            #expect(page.alternates.values.contains(url), "\(url) does not list itself")
            let xDefault = page.alternates["x-default"]
            #expect(xDefault.map { page.alternates.filter { $0.key != "x-default" }.values.contains($0) } == true, "\(url)")
            for (tag, other) in page.alternates {
                #expect(pages[other]?.noindex == false, "\(url) → \(tag) \(other)")
                #expect(pages[other]?.alternates == page.alternates, "\(other) does not list \(url) back as \(url)'s alternates do")
            }
        }
    }

    @Test("the sitemap lists indexable pages only, each with the alternates its page carries")
    func sitemapCarriesThem() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let pages = annotations(of: build)
        let sitemap = try #require(build.read("sitemap.xml"))
        for (url, page) in pages {
            #expect(sitemap.contains("<loc>\(url)</loc>") == !page.noindex, "\(url)")
            for (tag, other) in page.alternates {
                #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"\(tag)\" href=\"\(other)\"/>"))
            }
        }
    }
}
