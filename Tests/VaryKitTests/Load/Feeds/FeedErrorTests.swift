import Testing
@testable import VaryKit

@Suite("bad feeds and exports")
struct FeedErrorTests {
    private let xml = "catalog/merchant/us.en-US.xml"
    private let tsv = "catalog/merchant/de.de-DE.tsv"
    private let older = "catalog/shopify/older-export.csv"

    @Test("XML that is not well-formed is an error at its line, and nothing loads")
    func malformedXML() {
        let (content, diagnostics) = FeedStore.load(FeedStore.replacing(xml, "<g:brand>LG</g:brand>", "<g:brand>LG</g:brnd>"))
        #expect(content == nil)
        let error = diagnostics.first { $0.file == "content/\(xml)" }
        #expect(error?.line == 22)
        #expect(error?.message.hasPrefix("not well-formed XML: ") == true, "\(String(describing: error))")
    }

    @Test("a price without a currency is an error that suggests the region's currency")
    func priceWithoutCurrency() {
        let errors = FeedStore.errors(FeedStore.replacing(xml, "<g:price>159.00 USD</g:price>", "<g:price>159.00</g:price>"))
        #expect(errors.contains("content/\(xml):15:1: price: \"159.00\" has no currency (write \"159.00 USD\")"), "\(errors)")
    }

    @Test("a price in a currency the region does not use is an error naming both currencies")
    func wrongCurrency() {
        let errors = FeedStore.errors(FeedStore.replacing(tsv, "149.00 EUR", "149.00 USD"))
        #expect(errors.contains { $0.hasPrefix("content/\(tsv):2:") && $0.contains("\"149.00 USD\" is in USD, but region 'de' uses EUR") }, "\(errors)")
    }

    @Test("an unknown availability is an error with the closest of Google's values")
    func unknownAvailability() {
        let errors = FeedStore.errors(FeedStore.replacing(tsv, "backorder", "back_order"))
        #expect(errors.contains { $0.contains("availability: unknown availability \"back_order\"") && $0.hasSuffix("(did you mean 'backorder'?)") }, "\(errors)")
    }

    @Test("a bad sale_price_effective_date is an error at its line")
    func badInterval() {
        let errors = FeedStore.errors(FeedStore.replacing(xml, "2026-11-20T13:00-0800/", "2026-11-20T13:00-0800 to "))
        #expect(errors.contains { $0.hasPrefix("content/\(xml):38:1: sale_price_effective_date:") }, "\(errors)")
    }

    @Test("an unknown unit_pricing_measure unit is an error at its line with the closest unit")
    func unknownUnit() {
        let errors = FeedStore.errors(FeedStore.replacing(xml, "<g:unit_pricing_measure>750ml</g:unit_pricing_measure>", "<g:unit_pricing_measure>750 mll</g:unit_pricing_measure>"))
        #expect(errors.contains { $0.hasPrefix("content/\(xml):82:") && $0.contains("unit_pricing_measure") && $0.hasSuffix("(did you mean 'ml'?)") }, "\(errors)")
    }

    @Test("a unit_pricing_base_measure in another dimension is an error at the base measure's line")
    func baseInAnotherDimension() {
        let errors = FeedStore.errors(FeedStore.replacing(xml, "<g:unit_pricing_base_measure>100ml</g:unit_pricing_base_measure>", "<g:unit_pricing_base_measure>1kg</g:unit_pricing_base_measure>"))
        #expect(errors.contains { $0.hasPrefix("content/\(xml):83:") && $0.contains("unit_pricing_base_measure") }, "\(errors)")
    }

    @Test("an id both in a feed and in products.json is an error naming both places")
    func duplicateAcrossFeedAndJSON() {
        let errors = FeedStore.errors(FeedStore.replacing(xml, "<g:id>TV_123456</g:id>", "<g:id>rope-9</g:id>"))
        #expect(errors.contains { $0.hasPrefix("content/\(xml):") && $0.contains("duplicate product id 'rope-9' (first defined at content/catalog/products.json:") }, "\(errors)")
    }

    @Test("an item id twice in one feed is an error naming the first line")
    func duplicateItem() {
        let errors = FeedStore.errors(FeedStore.replacing(tsv, "9876-M-BLU\t", "9876-S-GRN\t"))
        #expect(errors.contains("content/\(tsv):4:1: item: duplicate item id '9876-S-GRN' (first at line 3)"), "\(errors)")
    }

    @Test("a feed named after an unknown region suggests the closest one")
    func unknownRegionInName() {
        let text = FeedStore.files[tsv]!
        let errors = FeedStore.errors([tsv: nil, "catalog/merchant/dd.de-DE.tsv": text])
        #expect(errors.contains("content/catalog/merchant/dd.de-DE.tsv: feed name names region 'dd', which regions.json does not have (did you mean 'de'?)"), "\(errors)")
    }

    @Test("a Shopify row whose Handle changes in the middle of a variant group is an error with the group's handle")
    func handleChangesMidGroup() {
        let errors = FeedStore.errors(FeedStore.replacing(older, "example-t-shirt,,,,,,,,Large", "example-t-shrt,,,,,,,,Large"))
        #expect(errors.contains("content/\(older):4:1: Handle: Handle changes from 'example-t-shirt' to 'example-t-shrt' in the middle of a variant group (this row has no Title) (did you mean 'example-t-shirt'?)"), "\(errors)")
    }

    @Test("a Handle with no letter or digit cannot be a product id, and the error names its row")
    func unsafeHandle() {
        let errors = FeedStore.errors(FeedStore.replacing(older, "example-pants,Classic", "---,Classic"))
        #expect(errors.contains { $0.hasPrefix("content/\(older):6:1: Handle: Handle \"---\" cannot be made a path-safe product id") }, "\(errors)")
    }

    @Test("a Shopify price that is not a decimal is an error at its cell")
    func badShopifyPrice() {
        let errors = FeedStore.errors(FeedStore.replacing(older, "manual,21.99", "manual,21,99"))
        #expect(errors.contains { $0.hasPrefix("content/\(older):4:") }, "\(errors)")
    }

    @Test("Shopify exports without shopify.regions in site.json are an error that shows the setting")
    func missingShopifyRegions() {
        let site = String(decoding: MiniStore.content().files["site.json"]!, as: UTF8.self)
        let errors = FeedStore.errors(["site.json": site])
        #expect(errors.contains { $0.contains("is a Shopify export, but site.json names no regions for it") }, "\(errors)")
    }
}
