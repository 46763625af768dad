import Intl
import Testing
@testable import VaryKit

@Suite("Publishing bundles")
struct BundleTests {
    typealias F = StoreFixture

    static let products = [
        F.product("shell", prices: ["EUR": F.eur("100.00"), "JPY": F.money("15000", F.jpy)], stock: ["de": 4, "jp": 2]),
        F.product("socks", category: "apparel/socks", prices: ["EUR": F.eur("12.50")], stock: ["de": 0, "jp": 9]),
        F.product("boots", category: "footwear/boots", prices: ["EUR": F.eur("150.00")], regionPrices: ["at": F.eur("140.00")], stock: ["de": 3, "at": 1]),
        F.product("phone-x", category: "electronics", prices: ["EUR": F.eur("300.00"), "JPY": F.money("45000", F.jpy)], stock: ["de": 1]),
    ]

    func publish(
        _ bundles: [ProductBundle], region: Region = F.region(), segment: Segment? = nil, promotions: [Promotion] = []
    ) -> (published: [PricedBundle], skipped: [(bundle: String, reason: BundleSkip)]) {
        let content = F.content(products: Self.products, promotions: promotions, bundles: bundles)
        return publishBundles(content, region: region, segment: segment)
    }

    @Test("a percent bundle costs its items' sum less the rounded percent")
    func percentPricing() throws {
        let result = publish([F.bundle("rain-kit", items: [("shell", 1), ("socks", 2)], pricing: .percent(10))])
        let bundle = try #require(result.published.first)
        #expect(result.skipped.isEmpty)
        #expect(bundle.original == F.eur("125.00"))
        #expect(bundle.price == F.eur("112.50"))
        #expect(bundle.saving == F.eur("12.50"))
        #expect(bundle.itemCount == 3)
        #expect(bundle.items.map(\.product.id) == ["shell", "socks"])
        #expect(bundle.items.map(\.unitPrice) == [F.eur("100.00"), F.eur("12.50")])
    }

    @Test("a percent bundle rounds its saving half away from zero once")
    func percentRounding() throws {
        let products = [F.product("patch", prices: ["EUR": F.eur("0.75")])]
        let content = F.content(products: products, bundles: [F.bundle("patches", items: [("patch", 2)], pricing: .percent(15))])
        let bundle = try #require(publishBundles(content, region: F.region(), segment: nil).published.first)
        #expect(bundle.saving == F.eur("0.23"))  // 15% of 1.50 = 22.5 cents
        #expect(bundle.price == F.eur("1.27"))
    }

    @Test("a fixed bundle costs its amount in the region's currency")
    func fixedPricing() throws {
        let pricing = BundlePricing.fixed(["EUR": F.eur("99.00"), "JPY": F.money("14000", F.jpy)])
        let bundle = F.bundle("shell-socks", items: [("shell", 1), ("socks", 1)], pricing: pricing)
        let de = try #require(publish([bundle]).published.first)
        #expect(de.price == F.eur("99.00"))
        #expect(de.saving == F.eur("13.50"))
        let jp = F.region("jp", currency: F.jpy, locales: ["ja-JP"])
        let shellOnly = F.bundle("shell-only", items: [("shell", 1)], pricing: pricing)
        let yen = try #require(publish([shellOnly], region: jp).published.first)
        #expect(yen.original == F.money("15000", F.jpy))
        #expect(yen.price == F.money("14000", F.jpy))
        #expect(yen.saving.minorUnits == 1000)
    }

    @Test("a fixed bundle without an amount in the region's currency is skipped")
    func noFixedPrice() {
        let jp = F.region("jp", currency: F.jpy, locales: ["ja-JP"])
        let bundle = F.bundle("euro-deal", items: [("shell", 1)], pricing: .fixed(["EUR": F.eur("90.00")]))
        let result = publish([bundle], region: jp)
        #expect(result.published.isEmpty)
        #expect(result.skipped.map(\.reason) == [.noFixedPrice(currency: "JPY")])
        #expect(result.skipped.first?.reason.description == "the fixed price has no amount in JPY")
    }

    @Test("a fixed price above the items' sum saves nothing rather than a negative amount")
    func fixedAboveOriginal() throws {
        let bundle = F.bundle("pricey", items: [("socks", 1)], pricing: .fixed(["EUR": F.eur("20.00")]))
        let priced = try #require(publish([bundle]).published.first)
        #expect(priced.price == F.eur("20.00"))
        #expect(priced.saving == F.eur("0.00"))
    }

    @Test("a bundle with an item not sold in the region is skipped, naming the item and region")
    func notSold() {
        let jp = F.region("jp", currency: F.jpy, locales: ["ja-JP"])
        let bundle = F.bundle("travel", items: [("shell", 1), ("phone-x", 1)], pricing: .percent(5))
        let result = publish([bundle], region: jp)
        #expect(result.published.isEmpty)
        #expect(result.skipped.map(\.bundle) == ["travel"])
        #expect(result.skipped.map(\.reason) == [.notSold(product: "phone-x", region: "jp")])
        #expect(result.skipped[0].reason.description == "item 'phone-x' is not sold in region 'jp'")
    }

    @Test("a bundle with an item sold but not priced in the region's currency is skipped")
    func notPriced() {
        let jp = F.region("jp", currency: F.jpy, locales: ["ja-JP"])
        let bundle = F.bundle("sock-pack", items: [("socks", 3)], pricing: .percent(5))
        let result = publish([bundle], region: jp)
        #expect(result.skipped.map(\.reason) == [.notPriced(product: "socks", currency: "JPY")])
        #expect(result.skipped[0].reason.description == "item 'socks' has no price in JPY")
    }

    @Test("an item out of stock but sold in the region keeps the bundle published")
    func soldWithoutStock() {
        let result = publish([F.bundle("socks-deal", items: [("socks", 2)], pricing: .percent(10))])
        #expect(result.published.map(\.bundle.id) == ["socks-deal"])
    }

    @Test("an item missing from the catalog skips the bundle")
    func unknownProduct() {
        let result = publish([F.bundle("ghost", items: [("shell", 1), ("nothing", 1)], pricing: .percent(10))])
        #expect(result.skipped.map(\.reason) == [.unknownProduct(product: "nothing")])
    }

    @Test("promotions never apply inside bundles, while region prices do")
    func promotionsIgnored() throws {
        let promotions = [F.promotion("everything-half", .percent(50))]
        let bundle = F.bundle("boots-kit", items: [("boots", 1), ("shell", 1)], pricing: .percent(10))
        let at = F.region("at")
        var shell = Self.products[0]
        shell.stock["at"] = 1
        let content = F.content(
            products: [shell, Self.products[2]], regions: [at], promotions: promotions, bundles: [bundle])
        let priced = try #require(publishBundles(content, region: at, segment: nil).published.first)
        #expect(priced.items.map(\.unitPrice) == [F.eur("140.00"), F.eur("100.00")])
        #expect(priced.original == F.eur("240.00"))
        #expect(priced.price == F.eur("216.00"))
        let inGermany = try #require(publish([bundle], promotions: promotions).published.first)
        #expect(inGermany.original == F.eur("250.00"))
    }

    @Test("region targeting skips a bundle as not targeted")
    func regionTargeting() {
        let bundle = F.bundle("japan-only", items: [("shell", 1)], pricing: .percent(10), regions: ["jp"])
        let result = publish([bundle])
        #expect(result.published.isEmpty)
        #expect(result.skipped.map(\.reason) == [.notTargeted])
    }

    @Test("segment targeting applies on a segment's page and is ignored on a region's bundle pages")
    func segmentTargeting() {
        let bundle = F.bundle("for-hikers", items: [("shell", 1)], pricing: .percent(10), segments: ["hikers"])
        #expect(publish([bundle], segment: F.segment("hikers")).published.count == 1)
        #expect(publish([bundle], segment: F.segment("runners")).skipped.map(\.reason) == [.notTargeted])
        #expect(publish([bundle], segment: nil).published.count == 1)
    }

    @Test("published and skipped bundles are sorted by id")
    func sortedById() {
        let bundles = [
            F.bundle("zulu", items: [("shell", 1)], pricing: .percent(10)),
            F.bundle("yankee", items: [("nothing", 1)], pricing: .percent(10)),
            F.bundle("alpha", items: [("shell", 1)], pricing: .percent(20)),
            F.bundle("bravo", items: [("shell", 1)], pricing: .percent(10), regions: ["us"]),
        ]
        let result = publish(bundles)
        #expect(result.published.map(\.bundle.id) == ["alpha", "zulu"])
        #expect(result.skipped.map(\.bundle) == ["bravo", "yankee"])
    }
}

@Suite("Products bought together")
struct BoughtTogetherTests {
    typealias F = StoreFixture

    @Test("products in the same order are complements, most shared orders first, then by id")
    func coOccurrence() {
        let orders = [
            F.order("o1", "shell", daysAgo: 1), F.order("o1", "socks", daysAgo: 1), F.order("o1", "boots", daysAgo: 1),
            F.order("o2", "shell", daysAgo: 2), F.order("o2", "boots", daysAgo: 2),
            F.order("o3", "shell", quantity: 5, daysAgo: 3), F.order("o3", "tent", daysAgo: 3),
            F.order("o4", "stove", daysAgo: 4),
        ]
        let together = boughtTogether(orders)
        #expect(together["shell"] == ["boots", "socks", "tent"])
        #expect(together["boots"] == ["shell", "socks"])
        #expect(together["tent"] == ["shell"])
        #expect(together["stove"] == nil)
    }

    @Test("a product listed twice in one order is not its own complement and counts once")
    func duplicatesInOrder() {
        let orders = [
            F.order("o1", "shell", daysAgo: 1), F.order("o1", "shell", daysAgo: 1), F.order("o1", "socks", daysAgo: 1),
            F.order("o2", "shell", daysAgo: 1), F.order("o2", "tent", daysAgo: 1),
            F.order("o3", "shell", daysAgo: 1), F.order("o3", "tent", daysAgo: 1),
        ]
        let together = boughtTogether(orders)
        #expect(together["shell"] == ["tent", "socks"])
        #expect(together["socks"] == ["shell"])
        #expect(boughtTogether([]).isEmpty)
    }
}
