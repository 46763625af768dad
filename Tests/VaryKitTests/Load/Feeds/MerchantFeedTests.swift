import Foundation
import Intl
import Testing
@testable import VaryKit

@Suite("Merchant Center feeds")
struct MerchantFeedTests {
    private let xml = "catalog/merchant/us.en-US.xml"
    private let tsv = "catalog/merchant/de.de-DE.tsv"
    private func usd(_ text: String) -> Money { try! Money.parse(text, currency: Currency(code: "USD")!).get() }
    private func eur(_ text: String) -> Money { try! Money.parse(text, currency: Currency(code: "EUR")!).get() }

    @Test("the feeds load next to the JSON and CSV catalog without errors")
    func loads() {
        let (content, diagnostics) = FeedStore.load()
        #expect(content != nil, "\(diagnostics.filter { $0.severity == .error })")
        #expect(diagnostics.filter { $0.file.contains("merchant") } .isEmpty, "\(diagnostics)")
        #expect(content?.products.contains { $0.id == "rope-9" } == true)
    }

    @Test("an id in an XML and a TSV feed is one product with each feed's locale texts and region price")
    func sameProductAcrossFeeds() throws {
        let tv = try #require(FeedStore.product("tv-123456"))
        #expect(tv.sku == "TV_123456")
        #expect(tv.title.entries["en-US"] == "LG 22LB4510 - 22\" LED TV - 1080p (FullHD)")
        #expect(tv.title.entries["de-DE"] == "LG 22LB4510 – 22″ LED-Fernseher – 1080p (Full HD)")
        #expect(tv.regionPrices == ["us": usd("159.00"), "de": eur("149.00")])
        #expect(tv.stock == ["us": 1, "de": 1])
        #expect(tv.brand == "LG" && tv.gtin == "8806084696345" && tv.mpn == "22LB4510/US")
        #expect(tv.link == "https://www.example.com/electronics/tv/22LB4510.html")
        #expect(tv.image.src == "https://images.example.com/TV_123456.png")
    }

    @Test("product_type becomes the category path, named per locale, and custom labels become named tags")
    func categoryAndTags() throws {
        let (content, _) = FeedStore.load()
        let tv = try #require(content?.products.first { $0.id == "tv-123456" })
        // The feed in the site's default language gives the ids.
        #expect(tv.category == "consumer-electronics/tvs/flat-panel-tvs")
        let names = try #require(content?.taxonomy.names[.categories])
        #expect(names["consumer-electronics/tvs"]?.text.entries == ["en-US": "TVs", "de-DE": "Fernseher"])
        #expect(tv.tags == ["bestseller"])
        #expect(tv.attributes.first { $0.name == "googleProductCategory" }?.value
            == "Electronics > Video > Televisions > Flat Panel Televisions")
    }

    @Test("shipping groups map country to price, in XML and in TSV's colon form")
    func shipping() throws {
        let tv = try #require(FeedStore.product("tv-123456"))
        #expect(tv.shipping == ["US": usd("14.95"), "DE": eur("9.95")])
    }

    @Test("an item_group_id makes one product whose items are variants with their options, prices and stock")
    func variants() throws {
        let shirt = try #require(FeedStore.product("9876"))
        #expect(shirt.options.map(\.key) == ["color", "size"])
        #expect(shirt.variants.map(\.id) == ["9876-S-GRN", "9876-M-GRN", "9876-M-BLU"])
        let blue = shirt.variants[2]
        #expect(blue.optionValues.map(\.entries) == [["en-US": "Blue", "de-DE": "Blau"], ["en-US": "M", "de-DE": "M"]])
        #expect(blue.regionPrices == ["us": usd("17.00"), "de": eur("16.00")])
        #expect(blue.stock == ["us": 1, "de": 0])
        #expect(blue.image?.src == "https://images.example.com/9876-BLU.png")
        #expect(shirt.variants[1].stock == ["us": 0])
        // The product's own price is the lowest variant price; its stock the variants' total.
        #expect(shirt.regionPrices == ["us": usd("15.00"), "de": eur("14.00")])
        #expect(shirt.stock == ["us": 2, "de": 1])
    }

    @Test("a sale price with an effective date becomes a promotion of that product in the feed's region")
    func timedSale() throws {
        let (content, _) = FeedStore.load()
        let sale = try #require(content?.promotions.first { $0.id == "sale-9876-us" })
        #expect(sale.discount == .amount(["USD": usd("3.00")]))
        #expect(sale.appliesTo.products.map(\.id) == ["9876"])
        #expect(sale.regions?.map(\.id) == ["us"])
        #expect(sale.starts == Instant.parse("2026-11-20T21:00:00Z"))
        #expect(sale.ends == Instant.parse("2026-11-29T23:30:00Z"))
        #expect(sale.location.file == "content/\(xml)")
    }

    @Test("a sale price without dates is the price, with the price shown as the regular one")
    func standingSale() throws {
        let oil = try #require(FeedStore.product("olive-oil-750"))
        #expect(oil.regionPrices == ["us": usd("9.90")])
        #expect(oil.regionCompareAtPrices == ["us": usd("12.40")])
        #expect(oil.unitPricing?.measure == Measure(digits: 750, unit: .ml))
        #expect(oil.unitPricing?.base == Measure(digits: 100, unit: .ml))
        // 9.90 USD for 750 ml is 1.32 USD per 100 ml.
        #expect(oil.unitPricing?.unitPrice(of: usd("9.90")) == usd("1.32"))
        #expect(oil.description.entries == ["en-US": ""])
    }
}
