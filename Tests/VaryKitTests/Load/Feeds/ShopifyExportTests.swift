import Intl
import Testing
@testable import VaryKit

@Suite("Shopify product exports")
struct ShopifyExportTests {
    private func usd(_ text: String) -> Money { try! Money.parse(text, currency: Currency(code: "USD")!).get() }
    private func eur(_ text: String) -> Money { try! Money.parse(text, currency: Currency(code: "EUR")!).get() }

    @Test("an older export's rows grouped by Handle make one product with its variants, options and images")
    func olderColumns() throws {
        let shirt = try #require(FeedStore.product("example-t-shirt"))
        #expect(shirt.title.entries == ["": "Short sleeve t-shirt"])
        #expect(shirt.description.entries == ["": "Our best-selling tee & a wardrobe staple."])
        #expect(shirt.brand == "Acme" && shirt.category == "shirts" && shirt.tags == ["mens-t-shirt", "example"])
        #expect(shirt.options.map(\.key) == ["size", "color"])
        #expect(shirt.variants.map(\.sku) == ["example-shirt-s", "example-shirt-m", "example-shirt-l"])
        #expect(shirt.variants.map { $0.regionPrices["us"] } == [usd("19.99"), usd("19.99"), usd("21.99")])
        #expect(shirt.variants.map { $0.stock["us"] } == [12, 0, 4])
        // The image-only row adds a second picture; it is no variant.
        #expect(shirt.image.src == "https://burst.shopifycdn.com/photos/black-tee.jpg")
        #expect(shirt.additionalImages == ["https://burst.shopifycdn.com/photos/black-tee-back.jpg"])
    }

    @Test("a compare-at price above the price is the regular price shown, with the saving")
    func compareAt() throws {
        let shirt = try #require(FeedStore.product("example-t-shirt"))
        #expect(shirt.regionPrices["us"] == usd("19.99"))
        #expect(shirt.regionCompareAtPrices["us"] == usd("24.99"))
        let content = try #require(FeedStore.load().content)
        let region = try #require(content.regions.first { $0.id == "us" })
        let audience = PageAudience(region: region, localeTag: "en-US", segment: content.segments[0])
        let priced = try #require(price(shirt, audience: audience, promotions: []))
        #expect(priced.regular == usd("24.99") && priced.final == usd("19.99") && priced.saving == usd("5.00"))
    }

    @Test("a product whose only option is Title: Default Title has no variants")
    func defaultTitle() throws {
        let top = try #require(FeedStore.product("example-pants"))
        #expect(top.variants.isEmpty)
        #expect(top.regionPrices == ["us": usd("49.99")] && top.stock == ["us": 7] && top.gtin == "0123456789012")
        #expect(top.category == "womens/tops")
    }

    @Test("the current export's column names, and its Price / <market> columns, map to the market's region")
    func currentColumns() throws {
        let hoodie = try #require(FeedStore.product("hoodie-wool"))
        #expect(hoodie.category == "apparel-accessories/clothing/activewear")
        #expect(hoodie.variants.map(\.sku) == ["HW-S", "HW-M"])
        #expect(hoodie.variants[0].regionPrices == ["us": usd("89.00"), "de": eur("85.00")])
        #expect(hoodie.variants[0].regionCompareAtPrices == ["de": eur("99.00")])
        #expect(hoodie.variants[1].stock == ["us": 0, "de": 0])
        #expect(hoodie.variants[1].image?.src == "https://cdn.example.com/hoodie-m.jpg")
        #expect(hoodie.variantPricesDiffer(in: FeedStore.load().content!.regions.first { $0.id == "us" }!))
    }

    @Test("unpublished and draft products are left out")
    func drafts() {
        #expect(FeedStore.product("draft-thing") == nil)
    }
}
