import Intl
import Testing
@testable import VaryKit

/// Every combination's price is the product's regular price plus its options' deltas, then the promotions exactly
/// as for any product: the best non-stackable one, then stackable ones, each rounded half away from zero.
@Suite("configuration prices")
struct ConfigurationPriceTests {
    private let content = ConfiguratorFixture.content()

    private func prices(region id: String, locale: String) -> [String: PricedProduct] {
        let region = content.regions.first { $0.id == id }!
        let audience = PageAudience(region: region, localeTag: locale, segment: content.segments[0])
        let promotions = activePromotions(content.promotions, for: audience, at: MiniStore.now)
        let space = ConfigurationSpace(content.configurators[0], region: id)
        let product = content.products.first { $0.id == "rope-9" }!
        let priced = ConfigurationPrices(space, product: product, audience: audience, promotions: promotions)!
        return Dictionary(uniqueKeysWithValues: priced.combinations.map { (space.key($0.states), $0.price) })
    }

    @Test("in USD the 15% sale applies, then the stackable 10.00 off, to the price with the options")
    func dollars() {
        let us = prices(region: "us", locale: "en-US")
        // 189.00 − 15% (28.35) − 10.00
        #expect(us["red|m60||"]?.final.amountText == "150.65")
        #expect(us["red|m60||"]?.regular.amountText == "189.00")
        // 189.00 + 5.00 + 30.00 = 224.00; − 33.60 − 10.00
        #expect(us["blue|m60|dry|"]?.final.amountText == "180.40")
        #expect(us["blue|m60|dry|"]?.applied.map(\.promotion) == ["winter-sale", "ten-off"])
        #expect(us.count == 14)
    }

    @Test("in JPY a half yen of discount rounds away from zero")
    func yen() {
        let jp = prices(region: "jp", locale: "ja-JP")
        // 26000 + 5500 + 4100 + 450 = 36050; 15% = 5407.5 → 5408
        #expect(jp["red|m80|dry|text"]?.regular.amountText == "36050")
        #expect(jp["red|m80|dry|text"]?.final.amountText == "30642")
        #expect(jp["red|m80|dry|text"]?.final.currency.code == "JPY")
    }

    @Test("in KWD prices keep three decimals and the discount rounds to the fils")
    func dinars() {
        let kw = prices(region: "kw", locale: "ar-KW")
        // 55.500 + 1.555 + 9.250 = 66.305; 15% = 9.94575 → 9.946
        #expect(kw["blue|m60|dry|"]?.regular.amountText == "66.305")
        #expect(kw["blue|m60|dry|"]?.final.amountText == "56.359")
    }

    @Test("a region's own delta wins over its currency's")
    func regionDelta() {
        let json = ConfiguratorFixture.rope.replacingOccurrences(
            of: #""delta": {"USD": "40.00", "EUR": "36.00", "JPY": "5500", "KWD": "12.125"}"#,
            with: #""delta": {"USD": "40.00", "EUR": "36.00", "JPY": "5500", "KWD": "12.125"}, "regionDelta": {"de": "33.00"}"#)
        let content = ConfiguratorFixture.content(json)
        let region = content.regions.first { $0.id == "de" }!
        #expect(ConfigurationPrices.deltas(content.configurators[0], region: region)[1] == [0, 3300])
    }

    @Test("without active promotions the price is the regular price plus the deltas")
    func noPromotions() {
        let region = content.regions.first { $0.id == "de" }!
        let audience = PageAudience(region: region, localeTag: "de-DE", segment: content.segments[0])
        let space = ConfigurationSpace(content.configurators[0], region: "de")
        let product = content.products.first { $0.id == "rope-9" }!
        let priced = ConfigurationPrices(space, product: product, audience: audience, promotions: [])!
        let price = priced.combinations.first { space.key($0.states) == "red|m80|dry|text" }!.price
        // 179.00 + 36.00 + 28.00 + 3.00
        #expect(price.final.amountText == "246.00" && !price.isDiscounted)
    }
}
