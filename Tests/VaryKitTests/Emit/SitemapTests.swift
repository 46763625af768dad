import Foundation
import Testing
@testable import VaryKit

@Suite("Sitemap and robots.txt")
struct SitemapTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/emit")

    let alternates = [
        SitemapEntry.Alternate(hreflang: "x-default", url: "https://shop.example/"),
        SitemapEntry.Alternate(hreflang: "de-DE", url: "https://shop.example/de/de-de/"),
        SitemapEntry.Alternate(hreflang: "de-AT", url: "https://shop.example/at/de-at/"),
    ]

    @Test("the sitemap sorts pages and alternates, escapes URLs and declares the xhtml namespace")
    func golden() throws {
        let entries = [
            SitemapEntry(url: "https://shop.example/us/en-us/promotions/fall-sale/?a=1&b=<2>"),
            SitemapEntry(url: "https://shop.example/de/de-de/", alternates: alternates),
            SitemapEntry(url: "https://shop.example/at/de-at/", alternates: alternates.reversed()),
        ]
        let expected = try Data(contentsOf: Self.fixtures.appendingPathComponent("sitemap.xml"))
        #expect(String(decoding: Sitemap.xml(entries: entries), as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test("the sitemap does not depend on the order of its entries")
    func orderIndependent() {
        let entries = (0..<20).map { SitemapEntry(url: "https://shop.example/p\($0)/", alternates: alternates) }
        #expect(Sitemap.xml(entries: entries) == Sitemap.xml(entries: entries.reversed()))
    }

    @Test("an empty sitemap is a valid empty urlset")
    func empty() {
        let text = String(decoding: Sitemap.xml(entries: []), as: UTF8.self)
        #expect(text.hasSuffix("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n</urlset>\n"))
    }

    @Test("quotes and apostrophes in hreflang and URLs are escaped in attributes")
    func attributeEscaping() {
        let entry = SitemapEntry(url: "https://x/", alternates: [.init(hreflang: "en\"", url: "https://x/it's")])
        let text = String(decoding: Sitemap.xml(entries: [entry]), as: UTF8.self)
        #expect(text.contains("hreflang=\"en&quot;\" href=\"https://x/it&#39;s\"/>"))
    }

    @Test("robots.txt allows everything and names the sitemap under the base URL")
    func robotsAllowAll() {
        let text = String(decoding: Robots.text(baseURL: "https://shop.example/"), as: UTF8.self)
        #expect(text == "User-agent: *\nAllow: /\n\nSitemap: https://shop.example/sitemap.xml\n")
    }

    @Test("robots.txt lists disallowed paths sorted and once each")
    func robotsDisallow() {
        let text = String(decoding: Robots.text(baseURL: "https://shop.example", disallow: ["/b/", "/a/", "/b/"]), as: UTF8.self)
        #expect(text == "User-agent: *\nDisallow: /a/\nDisallow: /b/\n\nSitemap: https://shop.example/sitemap.xml\n")
    }
}

@Suite("Sitemap index")
struct SitemapIndexTests {
    /// A large store's indexable pages: every page in 2 locales, each listing both (about 25 MB of sitemap).
    static let entries: [SitemapEntry] = (0..<60_001).map { index in
        let page = "p\(index)/"
        return SitemapEntry(
            url: "https://shop.example/de/de-de/" + page,
            alternates: [.init(hreflang: "de-DE", url: "https://shop.example/de/de-de/" + page), .init(hreflang: "x-default", url: "https://shop.example/de/de-de/" + page)])
    }

    private func locs(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test("above 50,000 URLs sitemap.xml becomes an index of parts that hold every URL once, in order")
    func urlLimit() throws {
        let files = Sitemap.files(entries: Self.entries, baseURL: "https://shop.example/")
        #expect(files.map(\.0) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"])
        let index = String(decoding: files[0].1, as: UTF8.self)
        #expect(index.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"))
        #expect(locs(files[0].1) == ["https://shop.example/sitemap-1.xml", "https://shop.example/sitemap-2.xml"])
        let parts = files.dropFirst().map { locs($0.1) }
        #expect(parts.map(\.count) == [50_000, 10_001])
        #expect(parts.joined().elementsEqual(Self.entries.map(\.url).sorted()))
        for (_, bytes) in files.dropFirst() {
            #expect(bytes.count <= Sitemap.byteLimit)
            #expect(String(decoding: bytes.suffix(20), as: UTF8.self).hasSuffix("</url>\n</urlset>\n"))
        }
    }

    @Test("a part never exceeds the byte limit, and a site within both limits keeps one sitemap.xml")
    func byteLimit() {
        let small = Array(Self.entries.prefix(1_000))
        let files = Sitemap.files(entries: small, baseURL: "https://shop.example", byteLimit: 40_000)
        #expect(files.count > 2)
        #expect(files.dropFirst().allSatisfy { $0.1.count <= 40_000 })
        #expect(files.dropFirst().map { locs($0.1) }.joined().elementsEqual(small.map(\.url).sorted()))
        let single = Sitemap.files(entries: small, baseURL: "https://shop.example")
        #expect(single.map(\.0) == ["sitemap.xml"] && single[0].1 == Sitemap.xml(entries: small))
    }
}
