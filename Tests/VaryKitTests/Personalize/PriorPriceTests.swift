import Foundation
import Intl
import Testing
@testable import VaryKit

/// The EU 30-day prior price (Directive 98/6/EC Art. 6a): the lowest price applied before a reduction started.
@Suite("Prior price under the EU 30-day rule")
struct PriorPriceTests {
    typealias F = StoreFixture

    static func euRegion(_ id: String = "de", currency: Currency = F.eur, timeZone: String = "UTC") -> Region {
        var region = F.region(id, currency: currency)
        region.priceReductionRule = .eu30Day
        region.timeZone = timeZone
        return region
    }

    static func row(_ product: String, _ price: Money, from: String, region: String = "de") -> PriceChange {
        PriceChange(product: F.ref(product), region: region, price: price, from: F.instant(from), location: F.here)
    }

    /// What the rule makes of the product's price today under these promotions (all of the store's, any date).
    func prior(
        _ product: Product = F.product("shell"), promotions: [Promotion], history: [PriceChange],
        region: Region = euRegion(), segment: Segment = F.segment()
    ) -> (priced: PricedProduct?, prior: PriorPrice?) {
        let audience = F.audience(region: region, locale: region.locales[0], segment: segment)
        let active = activePromotions(promotions, for: audience, at: F.now)
        guard let priced = price(product, audience: audience, promotions: active) else { return (nil, nil) }
        let prior = priorPrice(
            product, ancestry: product.categoryAncestry, priced: priced, audience: audience, promotions: promotions,
            history: PriceHistory(history), rule: .eu30Day)
        return (priced, prior)
    }

    @Test("the prior price is the lowest regular price of the 30 days before the reduction started")
    func lowestRegularPrice() {
        let cut = F.promotion("cut", .percent(20), starts: F.instant("2026-11-20T00:00:00Z"))
        let result = prior(promotions: [cut], history: [
            Self.row("shell", F.eur("110.00"), from: "2026-09-01T00:00:00Z"),
            Self.row("shell", F.eur("105.00"), from: "2026-10-25T00:00:00Z"),
            Self.row("shell", F.eur("100.00"), from: "2026-11-10T00:00:00Z"),
        ])
        #expect(result.priced?.final == F.eur("80.00"))
        #expect(result.prior == .lowest(F.eur("100.00"), reductionStart: F.instant("2026-11-20T00:00:00Z")))
    }

    @Test("a price before the window does not count, even when it was lower")
    func beforeWindow() {
        let cut = F.promotion("cut", .percent(20), starts: F.instant("2026-11-20T00:00:00Z"))
        let result = prior(promotions: [cut], history: [
            Self.row("shell", F.eur("90.00"), from: "2026-09-01T00:00:00Z"),
            Self.row("shell", F.eur("100.00"), from: "2026-10-21T00:00:00Z"),
        ])
        #expect(result.prior?.announced == F.eur("100.00"))
    }

    @Test("an earlier promotion inside the window is a price applied, so it is the prior price")
    func earlierPromotionCounts() {
        let earlier = F.promotion(
            "autumn", .percent(10), starts: F.instant("2026-11-01T00:00:00Z"), ends: F.instant("2026-11-10T00:00:00Z"))
        let cut = F.promotion("cut", .percent(20), starts: F.instant("2026-11-20T00:00:00Z"))
        let result = prior(promotions: [earlier, cut], history: [Self.row("shell", F.eur("100.00"), from: "2026-09-01T00:00:00Z")])
        #expect(result.prior?.announced == F.eur("90.00"))
        let shown = PricedProduct(regular: F.eur("90.00"), final: result.priced!.final, applied: [])
        #expect(shown.percentOff == 11)
        #expect(shown.saving == F.eur("10.00"))
    }

    @Test("history shorter than 30 days gives no prior price")
    func shortHistory() {
        let cut = F.promotion("cut", .percent(20), starts: F.instant("2026-11-20T00:00:00Z"))
        let result = prior(promotions: [cut], history: [Self.row("shell", F.eur("100.00"), from: "2026-10-22T00:00:00Z")])
        #expect(result.prior == .unknown(
            windowStart: F.instant("2026-10-21T00:00:00Z"), reductionStart: F.instant("2026-11-20T00:00:00Z")))
        #expect(result.prior?.announced == nil)
    }

    @Test("a product without any history gives no prior price")
    func noHistory() {
        let cut = F.promotion("cut", .percent(20), starts: F.instant("2026-11-20T00:00:00Z"))
        #expect(prior(promotions: [cut], history: []).prior?.announced == nil)
    }

    @Test("a price raised, then cut back to no less than before, announces no reduction")
    func raisedThenCut() {
        let cut = F.promotion("cut", .percent(15), starts: F.instant("2026-11-20T00:00:00Z"))
        let result = prior(promotions: [cut], history: [
            Self.row("shell", F.eur("80.00"), from: "2026-09-01T00:00:00Z"),
            Self.row("shell", F.eur("100.00"), from: "2026-11-05T00:00:00Z"),
        ])
        #expect(result.priced?.final == F.eur("85.00"))
        #expect(result.prior == .notLower(F.eur("80.00"), reductionStart: F.instant("2026-11-20T00:00:00Z")))
    }

    @Test("stacked promotions: the reduction started with the one added last, and the one before it is a price applied")
    func stacked() {
        let base = F.promotion("season", .percent(20), starts: F.instant("2026-11-01T00:00:00Z"))
        let extra = F.promotion("weekend", .percent(10), starts: F.instant("2026-11-20T00:00:00Z"), stackable: true)
        let result = prior(promotions: [base, extra], history: [Self.row("shell", F.eur("100.00"), from: "2026-09-01T00:00:00Z")])
        #expect(result.priced?.final == F.eur("72.00"))
        #expect(result.prior == .lowest(F.eur("80.00"), reductionStart: F.instant("2026-11-20T00:00:00Z")))
        #expect(PricedProduct(regular: F.eur("80.00"), final: F.eur("72.00"), applied: []).percentOff == 10)
    }

    @Test("a promotion that started before the history begins gives no prior price")
    func promotionBeforeHistory() {
        let long = F.promotion("long", .percent(20), starts: F.instant("2026-10-10T00:00:00Z"))
        let result = prior(promotions: [long], history: [Self.row("shell", F.eur("100.00"), from: "2026-10-15T00:00:00Z")])
        #expect(result.prior == .unknown(
            windowStart: F.instant("2026-09-10T00:00:00Z"), reductionStart: F.instant("2026-10-10T00:00:00Z")))
    }

    @Test("a promotion for another segment is no price applied to this one")
    func otherSegment() {
        let members = F.promotion(
            "members", .percent(30), segments: ["members"], starts: F.instant("2026-11-01T00:00:00Z"),
            ends: F.instant("2026-11-10T00:00:00Z"))
        let cut = F.promotion("cut", .percent(20), starts: F.instant("2026-11-20T00:00:00Z"))
        let history = [Self.row("shell", F.eur("100.00"), from: "2026-09-01T00:00:00Z")]
        #expect(prior(promotions: [members, cut], history: history).prior?.announced == F.eur("100.00"))
        let forMembers = prior(promotions: [members, cut], history: history, segment: F.segment("members"))
        #expect(forMembers.prior == .notLower(F.eur("70.00"), reductionStart: F.instant("2026-11-20T00:00:00Z")))
    }

    @Test("prior prices and their discounts round per currency: JPY to the yen, KWD to the fils")
    func rounding() {
        let earlier = F.promotion(
            "autumn", .percent(7), starts: F.instant("2026-11-01T00:00:00Z"), ends: F.instant("2026-11-10T00:00:00Z"))
        let cut = F.promotion("cut", .percent(15), starts: F.instant("2026-11-20T00:00:00Z"))

        let jp = Self.euRegion("jp", currency: F.jpy)
        let yen = F.product("shell", prices: ["JPY": F.money("1999", F.jpy)], stock: ["jp": 3])
        let inYen = prior(yen, promotions: [earlier, cut], history: [Self.row("shell", F.money("1999", F.jpy), from: "2026-09-01T00:00:00Z", region: "jp")], region: jp)
        // 7% of 1999 is 139.93 → 140; 15% is 299.85 → 300.
        #expect(inYen.prior?.announced == F.money("1859", F.jpy))
        #expect(inYen.priced?.final == F.money("1699", F.jpy))

        let kw = Self.euRegion("kw", currency: F.kwd)
        let fils = F.product("shell", prices: ["KWD": F.money("12.345", F.kwd)], stock: ["kw": 3])
        let inFils = prior(fils, promotions: [earlier, cut], history: [Self.row("shell", F.money("12.345", F.kwd), from: "2026-09-01T00:00:00Z", region: "kw")], region: kw)
        // 7% of 12.345 is 0.86415 → 0.864; 15% is 1.85175 → 1.852.
        #expect(inFils.prior?.announced == F.money("11.481", F.kwd))
        #expect(inFils.priced?.final == F.money("10.493", F.kwd))
        #expect(PricedProduct(regular: F.money("11.481", F.kwd), final: F.money("10.493", F.kwd), applied: []).percentOff == 9)
    }

    @Test("the 30 days are calendar days in the region's time zone, across a daylight-saving change")
    func calendarDays() {
        // Berlin leaves summer time on 2026-10-25: 30 days before 2026-11-20 00:00 (+01:00) is 2026-10-21 00:00 (+02:00).
        let berlin = Self.euRegion(timeZone: "Europe/Berlin")
        let cut = F.promotion("cut", .percent(20), starts: F.instant("2026-11-20T00:00:00+01:00"))
        let justInTime = prior(promotions: [cut], history: [Self.row("shell", F.eur("100.00"), from: "2026-10-20T22:00:00Z")], region: berlin)
        #expect(justInTime.prior?.announced == F.eur("100.00"))
        let tooLate = prior(promotions: [cut], history: [Self.row("shell", F.eur("100.00"), from: "2026-10-20T22:30:00Z")], region: berlin)
        #expect(tooLate.prior == .unknown(
            windowStart: F.instant("2026-10-21T00:00:00+02:00"), reductionStart: F.instant("2026-11-20T00:00:00+01:00")))
    }

    @Test("a product that is not discounted has no prior price")
    func notDiscounted() {
        #expect(prior(promotions: [], history: [Self.row("shell", F.eur("100.00"), from: "2026-09-01T00:00:00Z")]).prior == nil)
    }

    @Test("the build's table gives each segment its own prior price and warns once per product and region")
    func table() {
        let members = F.promotion(
            "members", .percent(30), segments: ["members"], starts: F.instant("2026-11-01T00:00:00Z"),
            ends: F.instant("2026-11-10T00:00:00Z"))
        let cut = F.promotion("cut", .percent(20), starts: F.instant("2026-11-20T00:00:00Z"))
        var content = F.content(
            products: [F.product("shell"), F.product("fleece")], segments: [F.segment(), F.segment("members")],
            regions: [Self.euRegion()], promotions: [members, cut])
        content.priceHistory = PriceHistory([Self.row("shell", F.eur("100.00"), from: "2026-09-01T00:00:00Z")])
        let table = PriorPrices(content: content, now: F.now)
        let region = Self.euRegion()
        #expect(table.prior(of: "shell", for: F.audience(region: region))?.announced == F.eur("100.00"))
        #expect(table.prior(of: "shell", for: F.audience(region: region, locale: "en-DE"))?.announced == F.eur("100.00"))
        #expect(table.prior(of: "shell", for: F.audience(region: region, segment: F.segment("members")))?.announced == nil)
        #expect(table.warnings.map(\.message) == [
            "product 'fleece' in region 'de': no price history reaches back to 2026-10-21T00:00:00Z, 30 days before its reduction started (2026-11-20T00:00:00Z), so its page shows no prior price and no reduction",
            "product 'shell' in region 'de': its discounted price is not below its lowest price of the 30 days before 2026-11-20T00:00:00Z (70.00 EUR), so its page shows no reduction",
        ])
    }

    @Test("a region without a rule has no prior prices and no warnings")
    func noRule() {
        let cut = F.promotion("cut", .percent(20), starts: F.instant("2026-11-20T00:00:00Z"))
        let table = PriorPrices(content: F.content(products: [F.product("shell")], promotions: [cut]), now: F.now)
        #expect(table.prior(of: "shell", for: F.audience()) == nil)
        #expect(table.warnings.isEmpty)
    }

    @Test("a latest history row that disagrees with the catalog price is a warning at that row")
    func historyDisagreesWithCatalog() {
        var content = F.content(products: [F.product("shell")])
        let row = PriceChange(
            product: F.ref("shell"), region: "de", price: F.eur("110.00"), from: F.instant("2026-11-01T00:00:00Z"),
            location: SourceLocation(file: "content/price-history.csv", line: 3, column: 1, path: "product_id"))
        content.priceHistory = PriceHistory([Self.row("shell", F.eur("100.00"), from: "2026-09-01T00:00:00Z"), row])
        #expect(PriorPrices(content: content, now: F.now).warnings.map(\.description) == [
            "content/price-history.csv:3:1: warning: product_id: 'shell' costs 100.00 EUR in region 'de' by the catalog but 110.00 EUR by its latest price-history.csv row (add a row with the catalog price from when it took effect)",
        ])
    }
}
