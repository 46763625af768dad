import Intl
import Testing
@testable import VaryKit

@Suite("Ranking recommendations")
struct RankingTests {
    typealias F = StoreFixture

    func ranked(
        _ products: [Product], segment: Segment = F.segment(), region: Region = F.region(),
        promotions: [Promotion] = [], orders: [Order] = [], limit: Int = 24
    ) -> [RankedProduct] {
        let content = F.content(products: products, segments: [segment], regions: [region], orders: orders)
        return rank(
            content, audience: F.audience(region: region, locale: region.locales[0], segment: segment),
            promotions: promotions, popularity: RegionalPopularity(orders: orders, now: F.now), limit: limit)
    }

    func ids(_ ranked: [RankedProduct]) -> [String] { ranked.map(\.product.id) }

    @Test("the default segment ranks by catalog popularity")
    func defaultByPopularity() {
        let products = [
            F.product("tent", category: "camping/tents", brand: "basecamp", popularity: 0.7),
            F.product("shell", category: "apparel/jackets", brand: "alpine", popularity: 0.9),
            F.product("stove", category: "camping/cooking", brand: "flame", popularity: 0.4),
        ]
        let result = ranked(products)
        #expect(ids(result) == ["shell", "tent", "stove"])
        #expect(result.map(\.rank) == [1, 2, 3])
        #expect(result.allSatisfy { !$0.pinned && $0.breakdown.affinity == 0 })
    }

    @Test("a segment's affinity beats popularity")
    func affinityBeatsPopularity() {
        let hikers = F.segment("hikers", affinity: Affinity(categories: ["footwear": 1.0]))
        let products = [
            F.product("boots", category: "footwear/boots", brand: "trail", popularity: 0.2),
            F.product("shell", category: "apparel/jackets", brand: "alpine", popularity: 0.95),
        ]
        #expect(ids(ranked(products, segment: hikers)) == ["boots", "shell"])
        #expect(ids(ranked(products)) == ["shell", "boots"])
    }

    @Test("the score follows the documented formula")
    func breakdownFormula() throws {
        let segment = F.segment(
            "hikers", affinity: Affinity(categories: ["apparel": 0.8], tags: ["rain": 0.5, "light": 0.75], brands: ["alpine": 1]))
        let region = F.region(seasons: ["winter"])
        let product = F.product("shell", category: "apparel/jackets", tags: ["rain", "light", "winter"], popularity: 0.6)
        let item = try #require(ranked([product], segment: segment, region: region, promotions: [F.promotion("p", .percent(10))]).first)
        // A = (0.5·0.8 + 0.3·min(1, 1.25) + 0.2·1) / 1.0 = 0.9
        #expect(abs(item.breakdown.affinity - 0.65 * 0.9) < 1e-9)
        #expect(abs(item.breakdown.popularity - 0.35 * 0.6) < 1e-9)
        #expect(item.breakdown.trending == 0)
        #expect(item.breakdown.season == 0.10)
        #expect(item.breakdown.promotion == 0.05)
        #expect(item.breakdown.diversity == 1)
        #expect(abs(item.score - (0.585 + 0.21 + 0.15)) < 1e-9)
    }

    @Test("a segment that configures only categories reaches full affinity on a full category match")
    func affinityNormalizedOverConfiguredDimensions() throws {
        let segment = F.segment("hikers", affinity: Affinity(categories: ["apparel/jackets": 1.0]))
        let item = try #require(ranked([F.product("shell", popularity: 0)], segment: segment).first)
        #expect(abs(item.breakdown.affinity - 0.65) < 1e-9)
    }

    @Test("pinned products come first in the segment's order, skipping pins that are not candidates")
    func pinnedFirst() {
        let segment = F.segment("vip", pinned: ["stove", "gone", "tent"])
        let products = [
            F.product("shell", category: "apparel/jackets", brand: "alpine", popularity: 0.99),
            F.product("tent", category: "camping/tents", brand: "basecamp", popularity: 0.3),
            F.product("stove", category: "camping/cooking", brand: "flame", popularity: 0.1),
            F.product("gone", category: "camping/lights", brand: "glow", stock: ["de": 0], popularity: 1),
        ]
        let result = ranked(products, segment: segment)
        #expect(ids(result) == ["stove", "tent", "shell"])
        #expect(result.map(\.pinned) == [true, true, false])
        #expect(result[0].reasons.first == .pinned)
        #expect(result[2].reasons.first != .pinned)
    }

    @Test("pinned products count toward the limit")
    func pinnedWithinLimit() {
        let segment = F.segment("vip", pinned: ["c", "b"])
        let products = ["a", "b", "c"].map { F.product($0, category: "cat-\($0)", brand: $0, popularity: 0.5) }
        #expect(ids(ranked(products, segment: segment, limit: 1)) == ["c"])
    }

    @Test("excluded, unsold, out-of-stock, unpriced and too-dear products never appear")
    func ineligibleNeverAppear() {
        let segment = F.segment(
            "budget", priceCeiling: ["EUR": F.eur("50.00"), "USD": F.money("1.00", F.usd)],
            exclude: Exclusions(categories: ["camping"], tags: ["heavy"], products: [F.ref("banned")]))
        let products = [
            F.product("ok", category: "apparel/socks", prices: ["EUR": F.eur("50.00")], popularity: 0.1),
            F.product("banned", prices: ["EUR": F.eur("10.00")], popularity: 1),
            F.product("stove", category: "camping/cooking", prices: ["EUR": F.eur("10.00")], popularity: 1),
            F.product("anvil", category: "tools", tags: ["heavy"], prices: ["EUR": F.eur("10.00")], popularity: 1),
            F.product("us-only", prices: ["EUR": F.eur("10.00")], stock: ["us": 9], popularity: 1),
            F.product("sold-out", prices: ["EUR": F.eur("10.00")], stock: ["de": 0], popularity: 1),
            F.product("dollars", prices: ["USD": F.money("0.50", F.usd)], popularity: 1),
            F.product("dear", prices: ["EUR": F.eur("50.01")], popularity: 1),
        ]
        #expect(ids(ranked(products, segment: segment)) == ["ok"])
    }

    @Test("eligibility names the reason a product is left out")
    func eligibilityReasons() {
        let segment = F.segment(
            "budget", priceCeiling: ["EUR": F.eur("50.00")],
            exclude: Exclusions(categories: ["camping"], tags: ["heavy"], products: [F.ref("banned")]))
        let audience = F.audience(segment: segment)
        func reason(_ product: Product) -> Ineligibility? {
            if case .failure(let reason) = eligibility(of: product, audience: audience, promotions: []) { return reason }
            return nil
        }
        #expect(reason(F.product("a", stock: ["us": 1])) == .notSold(region: "de"))
        #expect(reason(F.product("a", stock: ["de": 0])) == .outOfStock(region: "de"))
        #expect(reason(F.product("banned")) == .excludedProduct(segment: "budget"))
        #expect(reason(F.product("a", category: "camping/cooking/stoves")) == .excludedCategory(segment: "budget", category: "camping"))
        #expect(reason(F.product("a", tags: ["light", "heavy"])) == .excludedTag(segment: "budget", tag: "heavy"))
        #expect(reason(F.product("a", prices: ["USD": F.money("1.00", F.usd)])) == .notPriced(currency: "EUR"))
        #expect(reason(F.product("a")) == .aboveCeiling(segment: "budget", price: F.eur("100.00"), ceiling: F.eur("50.00")))
        #expect(reason(F.product("a", prices: ["EUR": F.eur("50.00")])) == nil)
        #expect(Ineligibility.notSold(region: "jp").description == "not sold in region 'jp'")
    }

    @Test("the price ceiling applies to the price after promotions")
    func ceilingAfterPromotions() {
        let segment = F.segment("budget", priceCeiling: ["EUR": F.eur("60.00")])
        let products = [F.product("shell", prices: ["EUR": F.eur("100.00")])]
        #expect(ranked(products, segment: segment).isEmpty)
        let result = ranked(products, segment: segment, promotions: [F.promotion("half", .percent(50))])
        #expect(ids(result) == ["shell"])
        #expect(result[0].price.final == F.eur("50.00"))
    }

    @Test("a ceiling in another currency does not restrict the region")
    func ceilingOtherCurrency() {
        let segment = F.segment("budget", priceCeiling: ["USD": F.money("1.00", F.usd)])
        #expect(ids(ranked([F.product("shell")], segment: segment)) == ["shell"])
    }

    @Test("diversity keeps one category from filling the top")
    func diversityByCategory() {
        let jackets = [0.90, 0.88, 0.86, 0.84].enumerated().map { index, popularity in
            F.product("jacket-\(index)", category: "apparel/jackets", brand: "brand-\(index)", popularity: popularity)
        }
        let boots = F.product("boots", category: "footwear/boots", brand: "trail", popularity: 0.70)
        let result = ranked(jackets + [boots])
        // jacket-1 would score 0.88 · 0.85 = 0.748 > 0.70; jacket-2 then 0.86 · 0.85² = 0.621 < 0.70.
        #expect(ids(result) == ["jacket-0", "jacket-1", "boots", "jacket-2", "jacket-3"])
        #expect(abs(result[3].breakdown.diversity - 0.85 * 0.85) < 1e-12)
        #expect(abs(result[3].score - 0.86 * 0.85 * 0.85) < 1e-12)
    }

    @Test("diversity also spreads brands across categories")
    func diversityByBrand() {
        let products = [
            F.product("a-shell", category: "apparel/jackets", brand: "alpine", popularity: 0.90),
            F.product("a-boots", category: "footwear/boots", brand: "alpine", popularity: 0.80),
            F.product("t-tent", category: "camping/tents", brand: "trail", popularity: 0.75),
        ]
        // a-boots: 0.80 · 0.9 = 0.72 < 0.75.
        #expect(ids(ranked(products)) == ["a-shell", "t-tent", "a-boots"])
    }

    @Test("equal scores are ordered by id whatever the catalog order")
    func tiesById() {
        let products = ["delta", "alpha", "charlie", "bravo"].map {
            F.product($0, category: "cat-\($0)", brand: "brand-\($0)", popularity: 0.5)
        }
        let content = F.content(products: products)
        var shuffled = content
        shuffled.products = products
        let audience = F.audience()
        let first = rank(content, audience: audience, promotions: [], popularity: .none, limit: 10)
        let second = rank(shuffled, audience: audience, promotions: [], popularity: .none, limit: 10)
        #expect(ids(first) == ["alpha", "bravo", "charlie", "delta"])
        #expect(first == second)
    }

    @Test("recent regional orders lift a product, and old orders count less")
    func regionalOrdersWithDecay() {
        let products = [
            F.product("classic", category: "apparel/jackets", brand: "alpine", popularity: 0.6),
            F.product("newcomer", category: "footwear/boots", brand: "trail", popularity: 0.5),
        ]
        #expect(ids(ranked(products)) == ["classic", "newcomer"])
        let orders = [
            F.order("o1", "newcomer", quantity: 3, daysAgo: 1),
            F.order("o2", "classic", quantity: 4, daysAgo: 90),  // 4 · 0.125 = 0.5
        ]
        let result = ranked(products, orders: orders)
        #expect(ids(result) == ["newcomer", "classic"])
        #expect(result[0].reasons.contains(.trending))
        #expect(!result[1].reasons.contains(.trending))
    }

    @Test("orders in another region or after now do not change a region's ranking")
    func ordersElsewhereIgnored() {
        let products = [
            F.product("classic", category: "apparel/jackets", brand: "alpine", popularity: 0.6),
            F.product("newcomer", category: "footwear/boots", brand: "trail", popularity: 0.5),
        ]
        let orders = [
            F.order("o1", "newcomer", quantity: 50, region: "jp", daysAgo: 1),
            F.order("o2", "newcomer", quantity: 50, daysAgo: -2),
        ]
        let result = ranked(products, orders: orders)
        #expect(ids(result) == ["classic", "newcomer"])
        #expect(result.allSatisfy { $0.breakdown.trending == 0 })
    }

    @Test("a product in the region's season is boosted above a slightly more popular one")
    func seasonBoost() {
        let region = F.region(seasons: ["winter"])
        let products = [
            F.product("sandals", category: "footwear/sandals", brand: "sun", tags: ["summer"], popularity: 0.7),
            F.product("parka", category: "apparel/jackets", brand: "alpine", tags: ["winter"], popularity: 0.65),
        ]
        let result = ranked(products, region: region)
        #expect(ids(result) == ["parka", "sandals"])
        #expect(result[0].reasons == [.season("winter")])
    }

    @Test("a discounted product gets a small boost and the promotion as a reason")
    func promotionBoost() {
        let products = [
            F.product("tent", category: "camping/tents", brand: "basecamp", popularity: 0.52),
            F.product("stove", category: "camping/cooking", brand: "flame", popularity: 0.5),
        ]
        let promotion = F.promotion("cook-week", .percent(20), appliesTo: ProductSelection(products: [F.ref("stove")]))
        let result = ranked(products, promotions: [promotion])
        #expect(ids(result) == ["stove", "tent"])
        #expect(result[0].reasons == [.promotion("cook-week")])
        #expect(result[0].price.final == F.eur("80.00"))
    }

    @Test("reasons name the segment's matched key, strongest interest first, at most three")
    func reasonsContent() throws {
        let segment = F.segment(
            "hikers",
            affinity: Affinity(
                categories: ["apparel": 0.6, "footwear": 1.0], tags: ["rain": 0.9, "light": 0.4, "unused": 1],
                brands: ["alpine": 0.7]))
        let shell = F.product("shell", category: "apparel/jackets/shell", brand: "alpine", tags: ["light", "rain"], popularity: 0.9)
        let item = try #require(ranked([shell], segment: segment).first)
        #expect(item.reasons == [.tag("rain"), .brand("alpine"), .category("apparel")])
    }

    @Test("every product has at least one reason, popular by default")
    func fallbackReason() throws {
        let item = try #require(ranked([F.product("plain", popularity: 0.1)]).first)
        #expect(item.reasons == [.popular])
        let loved = try #require(ranked([F.product("loved", popularity: 0.85)]).first)
        #expect(loved.reasons == [.popular])
    }

    @Test("a pinned product's reasons start with pinned and keep its other reasons")
    func pinnedReasons() throws {
        let segment = F.segment("hikers", affinity: Affinity(brands: ["alpine": 0.5]), pinned: ["shell"])
        let region = F.region(seasons: ["winter"])
        let shell = F.product("shell", brand: "alpine", tags: ["winter"], popularity: 0.9)
        let item = try #require(ranked([shell], segment: segment, region: region).first)
        #expect(item.reasons == [.pinned, .brand("alpine"), .season("winter")])
    }

    @Test("the limit caps the page and a non-positive limit gives nothing")
    func limit() {
        let products = (0..<10).map { F.product("p\($0)", category: "c\($0)", brand: "b\($0)", popularity: Double($0) / 10) }
        let result = ranked(products, limit: 3)
        #expect(ids(result) == ["p9", "p8", "p7"])
        #expect(ranked(products, limit: 0).isEmpty)
        #expect(ranked(products, limit: -1).isEmpty)
        #expect(ranked(products, limit: 100).count == 10)
    }

    @Test("a product pinned twice is placed once")
    func duplicatePin() {
        let segment = F.segment("vip", pinned: ["b", "b", "a"])
        let products = ["a", "b", "c"].map { F.product($0, category: "cat-\($0)", brand: $0, popularity: 0.5) }
        let result = ranked(products, segment: segment)
        #expect(ids(result) == ["b", "a", "c"])
        #expect(result.map(\.pinned) == [true, true, false])
    }

    @Test("with regional orders, popularity is half catalog and half recent orders, under the affinity share")
    func breakdownWithOrders() throws {
        let segment = F.segment("hikers", affinity: Affinity(brands: ["trail": 1]))
        let products = [
            F.product("shell", category: "apparel/jackets", brand: "alpine", popularity: 0.4),
            F.product("boots", category: "footwear/boots", brand: "trail", popularity: 0.8),
        ]
        let orders = [F.order("o1", "shell", quantity: 2, daysAgo: 0), F.order("o2", "boots", quantity: 1, daysAgo: 0)]
        let result = ranked(products, segment: segment, orders: orders)
        #expect(ids(result) == ["boots", "shell"])
        let shell = try #require(result.first { $0.product.id == "shell" })
        #expect(shell.breakdown.affinity == 0)
        #expect(abs(shell.breakdown.popularity - 0.35 * 0.5 * 0.4) < 1e-12)
        #expect(abs(shell.breakdown.trending - 0.35 * 0.5 * 1.0) < 1e-12)
        let boots = try #require(result.first { $0.product.id == "boots" })
        #expect(abs(boots.breakdown.trending - 0.35 * 0.5 * 0.5) < 1e-12)
        #expect(boots.reasons == [.brand("trail"), .trending, .popular])
    }
}
