import Foundation
import Testing
@testable import VaryKit

@Suite("variant products end to end")
struct VariantBuildTests {
    /// The mini store with the fixture feeds and exports.
    private func build() -> TestBuild {
        let build = TestBuild()
        build.write("content/site.json", FeedStore.site)
        for (path, text) in FeedStore.files { build.write("content/\(path)", text) }
        return build
    }

    @Test("a variant product's card says from its lowest price and its JSON-LD is a ProductGroup with hasVariant and variesBy")
    func variantProduct() throws {
        let build = build()
        defer { build.cleanUp() }
        let outcome = build.run()
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics.filter { $0.severity == .error })")
        let page = try #require(build.read("us/en-us/promotions/sale-9876-us/index.html"))
        // Variants at $15 and $17, the feed's sale takes $3 off: from $12.00, was $15.00.
        #expect(page.contains("Google T-shirt · Google · From $12.00 <s>$15.00</s> Save $3.00"), "\(page)")
        let script = try #require(page.range(of: #"<script type="application/ld+json">"#).map { page[$0.upperBound...] })
        let json = String(script[..<script.range(of: "</script>")!.lowerBound])
        let graph = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["@graph"] as? [[String: Any]])
        let group = try #require(graph.first)
        #expect(group["@type"] as? String == "ProductGroup")
        #expect(group["productGroupID"] as? String == "9876")
        #expect(group["variesBy"] as? [String] == ["https://schema.org/color", "https://schema.org/size"])
        let variants = try #require(group["hasVariant"] as? [[String: Any]])
        #expect(variants.map { $0["sku"] as? String } == ["9876-S-GRN", "9876-M-GRN", "9876-M-BLU"])
        #expect(variants.map { $0["color"] as? String } == ["Green", "Green", "Blue"])
        let offers = variants.compactMap { $0["offers"] as? [String: Any] }
        #expect(offers.map { $0["price"] as? String } == ["15.00", "15.00", "17.00"])
        #expect(offers[1]["availability"] as? String == "https://schema.org/OutOfStock")
        let aggregate = try #require(group["offers"] as? [String: Any])
        #expect(aggregate["@type"] as? String == "AggregateOffer" && aggregate["highPrice"] as? String == "17.00")
    }

    @Test("a variant product's page lists each variant sold in the region with its options, price and stock")
    func productPage() throws {
        let build = build()
        defer { build.cleanUp() }
        build.write("site-templates/pages/product.mustache", """
            {{<layouts/base}}{{$content}}{{#product}}<h1>{{title}}</h1>
            <p>{{#price.isFrom}}{{price.fromText}}{{/price.isFrom}}</p>
            <table>{{#variants}}<tr><td>{{sku}}</td>{{#options}}<td>{{name}}: {{value}}</td>{{/options}}<td>{{#price}}{{text}}{{/price}}{{#originalPrice}} was {{text}}{{/originalPrice}}</td><td>{{#inStock}}{{stockText}}{{/inStock}}{{^inStock}}sold out{{/inStock}}</td></tr>
            {{/variants}}</table>{{/product}}{{/content}}{{/layouts/base}}
            """)
        let outcome = build.run()
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics.filter { $0.severity == .error })")
        let shirt = try #require(build.read("us/en-us/products/example-t-shirt/index.html"))
        #expect(shirt.contains("<p>From $19.99</p>"), "\(shirt)")
        #expect(shirt.contains("<tr><td>example-shirt-s</td><td>Size: Small</td><td>Color: Black</td><td>$19.99 was $24.99</td><td>12 in stock</td></tr>"), "\(shirt)")
        #expect(shirt.contains("<tr><td>example-shirt-m</td><td>Size: Medium</td><td>Color: Black</td><td>$19.99 was $24.99</td><td>sold out</td></tr>"))
        #expect(shirt.contains("<td>$21.99 was $24.99</td><td>4 in stock</td>"))
        // Germany sells only the variants its market column prices, in euros.
        let hoodie = try #require(build.read("de/de-de/products/hoodie-wool/index.html"))
        #expect(hoodie.contains("<tr><td>HW-S</td><td>Size: S</td><td>85,00\u{A0}€ was 99,00\u{A0}€</td><td>3 auf Lager</td></tr>"), "\(hoodie)")
        #expect(hoodie.contains("<td>HW-M</td><td>Size: M</td><td>89,00\u{A0}€</td>"))
        let jsonLD = try #require(hoodie.range(of: "\"@type\":\"ProductGroup\""))
        #expect(!jsonLD.isEmpty)
    }

    @Test("a feed that is not well-formed stops the build with exit 2 and leaves the previous output as it was")
    func badFeedWritesNothing() throws {
        let build = build()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let before = build.tree()
        let path = "catalog/merchant/us.en-US.xml"
        build.write("content/\(path)", FeedStore.files[path]!.replacingOccurrences(of: "</g:brand>", with: "</g:brnd>"))
        let outcome = build.run()
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics.contains { $0.file == "content/\(path)" && $0.line == 22 })
        #expect(build.tree() == before)
    }
}
