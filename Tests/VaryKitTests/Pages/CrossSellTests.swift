import Foundation
import Testing
@testable import VaryKit

@Suite("cross-sell on product pages")
struct CrossSellTests {
    typealias F = ProductPageFixture

    @Test("goes well with: most shared orders first, a declared complement first on a tie, only what the region sells")
    func ordering() throws {
        let build = F.build()
        defer { build.cleanUp() }
        let content = F.content(of: build)
        let products = Dictionary(content.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let everywhere = Dictionary(content.regions.map { ($0.id, content.products.map(\.id)) }, uniquingKeysWith: { a, _ in a })
        let crossSell = CrossSell(content, productsByRegion: everywhere, now: MiniStore.now)
        let rope = try #require(products["rope-9"])
        let us = try #require(content.regions.first { $0.id == "us" })
        let japan = try #require(content.regions.first { $0.id == "jp" })
        // The boot shares two orders, the harness (a complement) and the stove one each; o-7 lies after `now`.
        let inUS = crossSell.items(for: rope, in: us, products: products, limit: 4)
        #expect(inUS.map(\.product.id) == ["kids-boot", "harness", "stove"])
        #expect(inUS.map(\.baskets) == [2, 1, 1])
        #expect(inUS.map(\.isComplement) == [false, true, false])
        // Japan does not sell the stove.
        #expect(crossSell.items(for: rope, in: japan, products: products, limit: 4).map(\.product.id) == ["kids-boot", "harness"])
        #expect(crossSell.items(for: rope, in: us, products: products, limit: 1).map(\.product.id) == ["kids-boot"])
    }

    @Test("a complement never bought with the product comes after those that were, and shows its reasons on the page")
    func pageReasons() throws {
        let build = F.build()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let rope = try #require(build.read("us/en-us/products/rope-9/index.html"))
        let section = try #require(rope.components(separatedBy: #"<ul class="goes-well-with">"#).last)
        let ids = section.components(separatedBy: #"data-id=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(ids == ["kids-boot", "harness", "stove"])
        #expect(section.contains("<li>Bought together in 2 orders</li>"))
        #expect(section.contains("<li>Bought together in 1 order</li><li>Recommended with Dynamic Rope 9.5 mm</li>"))
        #expect(section.contains(#"<a href="/us/en-us/products/harness/">"#))
        let german = try #require(build.read("de/de-de/products/rope-9/index.html"))
        #expect(german.contains("<li>In 2 Bestellungen zusammen gekauft</li>"))
        // The harness was never bought with the boot, and names no complements: it has no cross-sell but the rope.
        let harness = try #require(build.read("us/en-us/products/harness/index.html"))
        let harnessIDs = harness.components(separatedBy: #"<ul class="goes-well-with">"#).last!
            .components(separatedBy: #"data-id=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(harnessIDs == ["rope-9"])
    }

    @Test("the generated bundle holds the product and its top co-purchases at the site's discount, with exact money math")
    func generatedBundlePrice() throws {
        let build = F.build(productPages: #"{"boughtTogether": {"percent": 10}}"#)
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let us = try #require(build.read("us/en-us/products/rope-9/index.html"))
        // 189.00 + 49.00 + 79.99 = 317.99; 10 % is 31.799, rounded half away from zero to 31.80: 286.19.
        #expect(us.contains(#"<span class="item">rope-9</span> <span class="item">kids-boot</span> <span class="item">harness</span> <span class="bundle-price">$286.19</span> <s>$317.99</s> Save $31.80"#))
        // In Germany the harness has its region price: 179.00 + 45.00 + 69.00 = 293.00, less 29.30.
        let german = try #require(build.read("de/de-de/products/rope-9/index.html"))
        #expect(german.contains(#"<span class="bundle-price">263,70\#u{00A0}€</span> <s>293,00\#u{00A0}€</s>"#))
        // In Kuwait, three decimals: 55.500 + 15.000 + 24.250 = 94.750, less 9.475 (exact): 85.275.
        let content = F.content(of: build)
        let crossSell = CrossSell(content, productsByRegion: ["kw": ["rope-9"]], now: MiniStore.now)
        let kuwait = try #require(crossSell.bundles["kw"]?["rope-9"])
        #expect((kuwait.original.minorUnits, kuwait.price.minorUnits, kuwait.saving.minorUnits) == (94_750, 85_275, 9_475))
        #expect(kuwait.items.map(\.product.id) == ["rope-9", "kids-boot", "harness"])
    }

    @Test("with no discount the generated bundle costs the items' sum and shows no saving")
    func generatedBundleWithoutDiscount() throws {
        let build = F.build()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let us = try #require(build.read("us/en-us/products/rope-9/index.html"))
        #expect(us.contains(#"<span class="bundle-price">$317.99</span></p>"#))
        // The stove was bought only with the rope: its bundle is the two of them.
        let stove = try #require(build.read("us/en-us/products/stove/index.html"))
        #expect(stove.contains(#"<span class="item">stove</span> <span class="item">rope-9</span> <span class="bundle-price">$248.00</span>"#))
    }

    @Test("a generated bundle with an item a region does not sell is skipped there, with the reason in the report")
    func generatedBundleSkipped() throws {
        let build = F.build(productPages: #"{"boughtTogether": {"percent": 10, "size": 4}}"#)
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        // rope-9 + kids-boot + harness + stove: 376.99 less 37.70.
        #expect(try #require(build.read("us/en-us/products/rope-9/index.html")).contains("$339.29"))
        let japan = try #require(build.read("jp/ja-jp/products/rope-9/index.html"))
        #expect(!japan.contains(#"class="together""#))
        let skipped = F.report(of: build).skipped.filter { $0.kind == "generated-bundle" && $0.id == "bought-together-rope-9" }
        #expect(skipped.map(\.region) == ["jp", "kw"])
        #expect(skipped.first?.reason == "item 'stove' is not sold in region 'jp'")
    }

    @Test("the curated bundles that hold the product are listed on its page")
    func curatedBundles() throws {
        let build = F.build()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let rope = try #require(build.read("us/en-us/products/rope-9/index.html"))
        #expect(rope.contains(#"<ul class="bundles"><li><a href="/us/en-us/bundles/camp-kitchen/">camp-kitchen</a></li><li><a href="/us/en-us/bundles/first-climb/">first-climb</a></li></ul>"#))
        let boot = try #require(build.read("us/en-us/products/kids-boot/index.html"))
        #expect(boot.contains(#"<ul class="bundles"></ul>"#))
    }
}

@Suite("complements")
struct ComplementTests {
    typealias F = ProductPageFixture

    @Test("a complement naming an unknown product is an error at its file, line and column with the closest id")
    func unknownComplement() throws {
        let products = try String(contentsOf: MiniStore.contentURL.appendingPathComponent("catalog/products.json"), encoding: .utf8)
        let errors = MiniStore.errors(content: [
            "catalog/products.json": products.replacingOccurrences(of: #""complements": ["harness"]"#, with: #""complements": ["harnes"]"#)
        ])
        #expect(errors == [
            "content/catalog/products.json:14:21: products[0].complements[0]: unknown product 'harnes' (did you mean 'harness'?)"
        ])
    }

    @Test("a complement in a catalog spreadsheet naming an unknown product is an error at its cell")
    func unknownComplementInCSV() throws {
        let errors = MiniStore.errors(content: ["catalog/mugs.csv": """
            id,sku,title,category,brand,image.src,image.alt,prices.USD,stock.us,complements
            mug,MG-1,Mug,camping/kitchen,Blaze,products/stove.svg,Mug,9.00,3,harness|rope-8

            """])
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("content/catalog/mugs.csv:2:") == true, "\(errors)")
        #expect(errors.first?.contains("unknown product 'rope-8'") == true)
        #expect(errors.first?.contains("rope-9") == true)
    }

    @Test("a complement a region does not sell is left out there and listed in the report")
    func unsoldComplement() throws {
        let build = F.build()
        defer { build.cleanUp() }
        let products = try #require(build.read("content/catalog/products.json", in: build.directory))
        build.write("content/catalog/products.json", products.replacingOccurrences(
            of: #""complements": ["harness"]"#, with: #""complements": ["harness", "stove"]"#))
        build.write("content/orders.csv", "order_id,product_id,quantity,region,date\n")
        #expect(build.run().exitCode == 0)
        let japan = try #require(build.read("jp/ja-jp/products/rope-9/index.html"))
        #expect(!japan.contains("stove"))
        #expect(try #require(build.read("us/en-us/products/rope-9/index.html")).contains(#"data-id="stove""#))
        let skipped = F.report(of: build).skipped.filter { $0.kind == "complement" }
        #expect(skipped.map { "\($0.id) \($0.region ?? "") \($0.reason)" } == [
            "rope-9 jp complement 'stove' is not sold in region 'jp'",
            "rope-9 kw complement 'stove' is not sold in region 'kw'",
        ])
    }
}
