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
