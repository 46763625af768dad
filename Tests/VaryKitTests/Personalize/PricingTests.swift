import Intl
import Testing
@testable import VaryKit

@Suite("Pricing with promotions")
struct PricingTests {
    typealias F = StoreFixture

    func priced(_ promotions: [Promotion]) -> PricedProduct? { priced(F.product("shell"), promotions) }

    func priced(
        _ product: Product, _ promotions: [Promotion],
        region: Region = F.region()
    ) -> PricedProduct? {
        price(product, audience: F.audience(region: region, locale: region.locales[0]), promotions: promotions)
    }

    @Test("without promotions the final price is the regular price and nothing is discounted")
    func noPromotions() throws {
        let result = try #require(priced([]))
        #expect(result.regular == F.eur("100.00"))
        #expect(result.final == F.eur("100.00"))
        #expect(result.applied.isEmpty)
        #expect(!result.isDiscounted)
        #expect(result.percentOff == 0)
    }

    @Test("a product with no price in the region's currency is not priced")
    func notPricedInCurrency() {
        let product = F.product("shell", prices: ["USD": F.money("120.00", F.usd)])
        #expect(priced(product, []) == nil)
    }

    @Test("a region price overrides the currency price")
    func regionPriceOverrides() throws {
        let product = F.product("shell", regionPrices: ["de": F.eur("89.90")])
        #expect(try #require(priced(product, [])).regular == F.eur("89.90"))
        #expect(try #require(priced(product, [], region: F.region("at"))).regular == F.eur("100.00"))
    }

    @Test("15% of 1.50 EUR saves 0.23: 22.5 cents round half away from zero")
    func halfCentRoundsUp() throws {
        let product = F.product("socks", prices: ["EUR": F.eur("1.50")])
        let result = try #require(priced(product, [F.promotion("p", .percent(15))]))
        #expect(result.applied == [AppliedPromotion(promotion: "p", saving: F.eur("0.23"))])
        #expect(result.final == F.eur("1.27"))
        #expect(result.percentOff == 15)
    }

    @Test("a percent below the half rounds down: 15% of 1.23 EUR saves 0.18")
    func belowHalfRoundsDown() throws {
        let product = F.product("socks", prices: ["EUR": F.eur("1.23")])  // 18.45 cents
        let result = try #require(priced(product, [F.promotion("p", .percent(15))]))
        #expect(result.final == F.eur("1.05"))
    }

    @Test("stacked percents round once per discount on the running price")
    func roundingOncePerDiscount() throws {
        let product = F.product("cap", prices: ["EUR": F.eur("12.35")])
        let promotions = [
            F.promotion("a", .percent(10), priority: 2, stackable: true),  // 123.5 → 124, running 1111
            F.promotion("b", .percent(10), priority: 1, stackable: true),  // 111.1 → 111, running 1000
        ]
        let result = try #require(priced(product, promotions))
        #expect(result.applied.map(\.saving) == [F.eur("1.24"), F.eur("1.11")])
        #expect(result.final == F.eur("10.00"))
        #expect(result.percentOff == 19)  // 235/1235 = 19.03 %
    }

    @Test("JPY has no minor digits: 15% of 1,850 yen saves 278 (277.5 rounds up)")
    func yen() throws {
        let jp = F.region("jp", currency: F.jpy, locales: ["ja-JP"])
        let product = F.product("shell", prices: ["JPY": F.money("1850", F.jpy)], stock: ["jp": 3])
        let result = try #require(priced(product, [F.promotion("p", .percent(15))], region: jp))
        #expect(result.final == F.money("1572", F.jpy))
        #expect(result.final.minorUnits == 1572)
    }

    @Test("KWD has three minor digits: 15% of 12.345 KWD saves 1.852 (1851.75 fils)")
    func kuwaitiDinar() throws {
        let kw = F.region("kw", currency: F.kwd, locales: ["ar-KW"])
        let product = F.product("shell", prices: ["KWD": F.money("12.345", F.kwd)], stock: ["kw": 3])
        let result = try #require(priced(product, [F.promotion("p", .percent(15))], region: kw))
        #expect(result.applied.first?.saving == F.money("1.852", F.kwd))
        #expect(result.final == F.money("10.493", F.kwd))
    }

    @Test("an amount discount larger than the price floors it at zero")
    func amountFloorsAtZero() throws {
        let product = F.product("socks", prices: ["EUR": F.eur("8.00")])
        let result = try #require(priced(product, [F.promotion("gift", .amount(["EUR": F.eur("10.00")]))]))
        #expect(result.final == F.eur("0.00"))
        #expect(result.applied == [AppliedPromotion(promotion: "gift", saving: F.eur("8.00"))])
        #expect(result.percentOff == 100)
    }

    @Test("an amount discount without an amount in the region's currency does not apply")
    func amountMissingCurrency() throws {
        let promotions = [F.promotion("usd-off", .amount(["USD": F.money("10.00", F.usd)]), priority: 9)]
        let result = try #require(priced(promotions))
        #expect(result.applied.isEmpty)
        #expect(result.final == F.eur("100.00"))
    }

    @Test("an amount discount in another currency does not shadow a lower-priority one that can price")
    func unpriceableDoesNotWinTheChoice() throws {
        let promotions = [
            F.promotion("usd-off", .amount(["USD": F.money("50.00", F.usd)]), priority: 9),
            F.promotion("ten", .percent(10), priority: 1),
        ]
        #expect(try #require(priced(promotions)).applied.map(\.promotion) == ["ten"])
    }

    @Test("the non-stackable promotion with the highest priority wins even when it saves less")
    func priorityBeatsSaving() throws {
        let promotions = [F.promotion("big", .percent(40), priority: 1), F.promotion("small", .percent(10), priority: 5)]
        let result = try #require(priced(promotions))
        #expect(result.applied.map(\.promotion) == ["small"])
        #expect(result.final == F.eur("90.00"))
    }

    @Test("between equal priorities the larger saving wins")
    func savingBreaksPriorityTie() throws {
        let promotions = [
            F.promotion("pct", .percent(10), priority: 3),
            F.promotion("amt", .amount(["EUR": F.eur("15.00")]), priority: 3),
        ]
        #expect(try #require(priced(promotions)).applied.map(\.promotion) == ["amt"])
    }

    @Test("between equal priorities and savings the smaller id wins")
    func idBreaksSavingTie() throws {
        let promotions = [
            F.promotion("zeta", .percent(10), priority: 3),
            F.promotion("alpha", .amount(["EUR": F.eur("10.00")]), priority: 3),
        ]
        #expect(try #require(priced(promotions)).applied.map(\.promotion) == ["alpha"])
    }

    @Test("only one non-stackable promotion applies, then stackables in priority order, ties by id")
    func stackingOrder() throws {
        let promotions = [
            F.promotion("late", .amount(["EUR": F.eur("5.00")]), priority: 1, stackable: true),
            F.promotion("first", .percent(20), priority: 2),
            F.promotion("second", .percent(50), priority: 1),
            F.promotion("b-stack", .percent(10), priority: 4, stackable: true),
            F.promotion("a-stack", .percent(10), priority: 4, stackable: true),
        ]
        let result = try #require(priced(promotions))
        // 100 → 80 (first) → 72 (a-stack) → 64.80 (b-stack) → 59.80 (late)
        #expect(result.applied.map(\.promotion) == ["first", "a-stack", "b-stack", "late"])
        #expect(result.applied.map(\.saving) == [F.eur("20.00"), F.eur("8.00"), F.eur("7.20"), F.eur("5.00")])
        #expect(result.final == F.eur("59.80"))
        #expect(result.percentOff == 40)  // 40.2 %
    }

    @Test("stackable promotions stop at zero and are not listed once nothing is left to save")
    func stackingFloorsAtZero() throws {
        let product = F.product("socks", prices: ["EUR": F.eur("6.00")])
        let promotions = [
            F.promotion("five", .amount(["EUR": F.eur("5.00")]), priority: 2, stackable: true),
            F.promotion("more", .amount(["EUR": F.eur("5.00")]), priority: 1, stackable: true),
            F.promotion("rest", .percent(50), priority: 0, stackable: true),
        ]
        let result = try #require(priced(product, promotions))
        #expect(result.final == F.eur("0.00"))
        #expect(result.applied.map(\.promotion) == ["five", "more"])
        #expect(result.applied.map(\.saving) == [F.eur("5.00"), F.eur("1.00")])
    }

    @Test("promotions apply only to the products their selection contains")
    func selection() throws {
        let shell = F.product("shell", category: "apparel/jackets/shell", tags: ["rain"])
        let boots = F.product("boots", category: "footwear", tags: ["winter"])
        let promotions = [
            F.promotion("jackets", .percent(10), appliesTo: ProductSelection(categories: ["apparel/jackets"])),
            F.promotion("winter", .percent(20), appliesTo: ProductSelection(tags: ["winter"]), stackable: true),
            F.promotion("just-boots", .percent(30), appliesTo: ProductSelection(products: [F.ref("boots")]), priority: 1),
        ]
        #expect(try #require(priced(shell, promotions)).applied.map(\.promotion) == ["jackets"])
        #expect(try #require(priced(boots, promotions)).applied.map(\.promotion) == ["just-boots", "winter"])
    }

    @Test("a percent that rounds to a zero saving is not listed as applied")
    func zeroSavingNotApplied() throws {
        let product = F.product("sticker", prices: ["EUR": F.eur("0.04")])  // 10% = 0.4 cent → 0
        let result = try #require(priced(product, [F.promotion("p", .percent(10))]))
        #expect(result.applied.isEmpty)
        #expect(!result.isDiscounted)
    }

    @Test("percent off rounds half away from zero: 1 of 8 is 12.5 %, shown as 13")
    func percentOffRounding() {
        let priced = PricedProduct(regular: F.eur("0.08"), final: F.eur("0.07"), applied: [])
        #expect(priced.percentOff == 13)
        #expect(priced.saving == F.eur("0.01"))
        let third = PricedProduct(regular: F.eur("3.00"), final: F.eur("2.00"), applied: [])
        #expect(third.percentOff == 33)
    }

    @Test("the pricing fast path selects exactly the products ProductSelection.contains selects")
    func selectionFastPathAgrees() {
        let products = [
            F.product("a", category: "apparel/jackets/shell", tags: ["rain"]),
            F.product("b", category: "apparel", tags: []),
            F.product("c", category: "footwear/boots", tags: ["winter", "rain"]),
            F.product("d", category: "", tags: ["gift"]),
        ]
        let selections = [
            ProductSelection(),
            ProductSelection(categories: ["apparel"]),
            ProductSelection(categories: ["apparel/jackets"]),
            ProductSelection(categories: ["apparel/jack"]),
            ProductSelection(tags: ["rain"]),
            ProductSelection(products: [F.ref("d")], categories: ["footwear"]),
            ProductSelection(categories: [""]),
        ]
        for selection in selections {
            for product in products {
                #expect(
                    selection.contains(product, ancestry: product.categoryAncestry) == selection.contains(product),
                    "\(selection) on \(product.id)")
            }
        }
    }
}
