import Foundation
import Testing
@testable import VaryKit

@Suite("product pages")
struct ProductPageTests {
    typealias F = ProductPageFixture

    @Test("every product sold and priced in a region has a page in each of its locales, and none where it is not sold")
    func pagesWhereSold() throws {
        let build = F.build()
        defer { build.cleanUp() }
        let outcome = build.run()
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        // The stove is stocked only in the US and Germany (two locales).
        for path in ["us/en-us", "de/de-de", "de/en"] {
            #expect(build.read("\(path)/products/stove/index.html") != nil, "\(path)")
        }
        for path in ["jp/ja-jp", "kw/ar-kw"] {
            #expect(build.read("\(path)/products/stove/index.html") == nil, "\(path)")
            #expect(build.read("\(path)/products/rope-9/index.html") != nil, "\(path)")
            let pages = build.tree().filter { $0.key.hasPrefix(path) && $0.key.hasSuffix(".html") }
            for (page, bytes) in pages {
                #expect(!String(decoding: bytes, as: UTF8.self).contains("/products/stove/"), "\(page) links to the stove")
            }
        }
        // 4 products in the US, 4 × 2 in Germany (the boot is sold there with 0 units), 3 in Japan, 3 in Kuwait.
        #expect(F.report(of: build).pagesByKind["product"] == 18)
        let sitemap = try #require(build.read("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://mini.example.com/de/en/products/stove/</loc>"))
        let manifest = try #require(build.read("_vary/manifest.json"))
        #expect(manifest.contains(#""de/en/products/stove/index.html""#))
    }

    @Test("a product page shows the price after the default segment's promotions, the original price, saving, tax note and stock")
    func priceAfterPromotions() throws {
        let build = F.build()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let us = try #require(build.read("us/en-us/products/rope-9/index.html"))
        // 189.00 − 15 % (28.35, the winter sale) − 10.00 (the stackable ten off) = 150.65.
        #expect(us.contains(#"<p class="price">$150.65 <s>$189.00</s> <span class="saving">Save $38.35</span>"#))
        #expect(us.contains(#"<span class="stock">12 in stock</span>"#))
        #expect(us.contains(#"<a href="/us/en-us/promotions/winter-sale/">Winter sale</a> Save $28.35"#))
        #expect(us.contains(#"<a href="/us/en-us/promotions/ten-off/">Ten off</a> Save $10.00"#))
        #expect(us.contains("<h1>Dynamic Rope 9.5 mm</h1>"))
        let german = try #require(build.read("de/de-de/products/rope-9/index.html"))
        #expect(german.contains("142,15\u{00A0}€ <s>179,00\u{00A0}€</s>"))
        #expect(german.contains(#"<span class="tax">inkl. MwSt.</span>"#))
        #expect(german.contains("<h1>Dynamikseil 9,5 mm</h1>"))
        let boot = try #require(build.read("de/de-de/products/kids-boot/index.html"))
        #expect(boot.contains(#"<span class="stock">0 auf Lager</span>"#))
    }

    @Test("a product page is indexable with a canonical and hreflang alternates across the product's region-locales")
    func alternates() throws {
        let build = F.build()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let html = try #require(build.read("de/en/products/stove/index.html"))
        #expect(html.contains(#"<link rel="canonical" href="https://mini.example.com/de/en/products/stove/">"#))
        #expect(!html.contains("noindex"))
        let hreflangs = html.components(separatedBy: #"hreflang=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(hreflangs == ["x-default", "de-DE", "en-DE", "en-US"])
    }

    @Test("the JSON-LD is a Product with a priced Offer valid until the promotion ends, and a BreadcrumbList")
    func structuredData() throws {
        let build = F.build()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let json = F.jsonLD(try #require(build.read("us/en-us/products/rope-9/index.html")))
        let graph = try #require(json["@graph"] as? [[String: Any]])
        #expect(graph.count == 2)
        #expect(graph[0]["@type"] as? String == "Product")
        #expect(graph[0]["name"] as? String == "Dynamic Rope 9.5 mm")
        let offer = try #require(graph[0]["offers"] as? [String: Any])
        #expect(offer["price"] as? String == "150.65")
        #expect(offer["priceCurrency"] as? String == "USD")
        #expect(offer["availability"] as? String == "https://schema.org/InStock")
        #expect(offer["url"] as? String == "https://mini.example.com/us/en-us/products/rope-9/")
        // The winter sale ends at 2026-12-01T00:00+01:00, 23:00 on 30 November in the US region's UTC.
        #expect(offer["priceValidUntil"] as? String == "2026-11-30")
        #expect(graph[1]["@type"] as? String == "BreadcrumbList")
        let crumbs = try #require(graph[1]["itemListElement"] as? [[String: Any]])
        #expect(crumbs.map { $0["position"] as? Int } == [1, 2, 3, 4])
        #expect(crumbs.map { $0["name"] as? String } == ["Mini Outfitters", "Climbing", "Ropes", "Dynamic Rope 9.5 mm"])
        #expect(crumbs.map { $0["item"] as? String } == [
            "https://mini.example.com/us/en-us/", nil, nil, "https://mini.example.com/us/en-us/products/rope-9/",
        ])
        // The kids' boot has no promotion in Japan's… it has the winter sale; the stove has none: no priceValidUntil.
        let stove = F.jsonLD(try #require(build.read("us/en-us/products/stove/index.html")))
        let stoveOffer = try #require(((stove["@graph"] as? [[String: Any]])?.first?["offers"]) as? [String: Any])
        #expect(stoveOffer["priceValidUntil"] == nil)
        #expect(stoveOffer["price"] as? String == "59.00")
    }

    @Test("cards, bundle items and promotion products link to the product page where it exists, and every link resolves")
    func linksFromCards() throws {
        let build = F.build()
        defer { build.cleanUp() }
        build.write("site-templates/pages/bundle.mustache", """
            {{<layouts/base}}{{$content}}{{#bundle}}<h1>{{title}}</h1>
            <ul>{{#items}}<li>{{#product}}{{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{/product}}</li>{{/items}}</ul>
            {{/bundle}}{{/content}}{{/layouts/base}}
            """)
        let outcome = build.run()
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        let landing = F.links(try #require(build.read("us/en-us/index.html")))
        #expect(landing.contains("/us/en-us/products/rope-9/"))
        #expect(landing.contains("/us/en-us/products/kids-boot/"))
        let promotion = F.links(try #require(build.read("us/en-us/promotions/winter-sale/index.html")))
        #expect(promotion.contains("/us/en-us/products/rope-9/"))
        let bundle = F.links(try #require(build.read("de/de-de/bundles/first-climb/index.html")))
        #expect(bundle.contains("/de/de-de/products/rope-9/") && bundle.contains("/de/de-de/products/harness/"))
        // `vary check` parses every page and proves every internal link names a file of the output.
        #expect(try SiteCheck.check(outputDirectory: build.output).isEmpty)
    }

    @Test("limited to a category, only its products have pages and the other cards carry no link")
    func limitedToCategories() throws {
        let build = F.build(productPages: #"{"categories": ["climbing"]}"#)
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        #expect(build.read("us/en-us/products/rope-9/index.html") != nil)
        #expect(build.read("us/en-us/products/harness/index.html") != nil)
        #expect(build.read("us/en-us/products/kids-boot/index.html") == nil)
        let landing = try #require(build.read("us/en-us/index.html"))
        #expect(landing.contains(#"data-id="kids-boot"><img src="/assets/products/"#))
        #expect(!landing.contains("/products/kids-boot/"))
        #expect(F.report(of: build).pagesByKind["product"] == 10)
    }

    @Test("product pages turned off, or a store without a product template, build none and link to none")
    func switchedOff() throws {
        let off = F.build(productPages: "false")
        defer { off.cleanUp() }
        #expect(off.run().exitCode == 0)
        #expect(F.report(of: off).pagesByKind["product"] == nil)
        #expect(!(off.read("us/en-us/index.html") ?? "").contains("/us/en-us/products/"))

        let plain = TestBuild()
        defer { plain.cleanUp() }
        let outcome = plain.run()
        #expect(outcome.exitCode == 0)
        #expect(outcome.diagnostics.filter { $0.severity == .warning }.allSatisfy { !$0.message.contains("product") })
        #expect(F.report(of: plain).pagesByKind["product"] == nil)
    }

    @Test("asking for product pages without a product template is an error at site.json")
    func missingTemplate() {
        let build = TestBuild()
        defer { build.cleanUp() }
        let site = build.read("content/site.json", in: build.directory)!
        build.write("content/site.json", site.replacingOccurrences(
            of: #""recommendations": 4,"#, with: #""recommendations": 4, "productPages": {"crossSell": 2},"#))
        let outcome = build.run()
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics.map(\.description).contains {
            $0.hasPrefix("content/site.json:7:") && $0.contains("site-templates/pages/product.mustache does not exist")
        }, "\(outcome.diagnostics)")
        #expect(build.read("index.html") == nil)
    }

    @Test("a productPages category the catalog does not use is an error with the closest one")
    func unknownCategory() {
        let errors = MiniStore.errors(content: ["site.json": """
            {"name": "Mini", "baseURL": "https://mini.example.com", "defaultRegion": "us", "defaultSegment": "everyone",
             "defaultLocale": "en", "productPages": {"categories": ["climbing/rope"]}}
            """])
        #expect(errors.contains { $0.hasPrefix("content/site.json:2:") && $0.contains("unknown category 'climbing/rope'") && $0.contains("climbing/ropes") },
                "\(errors)")
    }

    @Test("a malformed productPages setting is an error at its JSON path")
    func malformedSetting() {
        func errors(_ productPages: String) -> [String] {
            MiniStore.errors(content: ["site.json": """
                {"name": "Mini", "baseURL": "https://mini.example.com", "defaultRegion": "us", "defaultSegment": "everyone",
                 "defaultLocale": "en", "productPages": \(productPages)}
                """])
        }
        #expect(errors(#""yes""#).contains { $0.hasPrefix("content/site.json:2:") && $0.contains("productPages:") && $0.contains("true or false") })
        #expect(errors(#"{"boughtTogether": {"percent": 150}}"#).contains {
            $0.contains("productPages.boughtTogether.percent: 150 is outside 0…100")
        })
        #expect(errors(#"{"boughtTogether": {"size": 1}}"#).contains { $0.contains("productPages.boughtTogether.size: 1 is outside 2…6") })
        #expect(errors(#"{"categories": []}"#).contains { $0.contains("productPages.categories: an empty category list admits no product") })
    }

    @Test("a product page's Open Graph tags say it is a product, with its price after promotions")
    func openGraph() throws {
        let build = F.build()
        defer { build.cleanUp() }
        build.write("site-templates/layouts/base.mustache", build.read("site-templates/layouts/base.mustache", in: build.directory)!
            .replacingOccurrences(of: "</head>", with: """
                {{#page.openGraph}}<meta property="{{property}}" content="{{content}}">
                {{/page.openGraph}}</head>
                """))
        #expect(build.run().exitCode == 0)
        let html = try #require(build.read("us/en-us/products/rope-9/index.html"))
        #expect(html.contains(#"<meta property="og:type" content="product">"#))
        #expect(html.contains(#"<meta property="og:image" content="https://mini.example.com/assets/products/rope."#))
        #expect(html.contains("""
            <meta property="product:price:amount" content="150.65">
            <meta property="product:price:currency" content="USD">
            """))
        let landing = try #require(build.read("us/en-us/index.html"))
        #expect(landing.contains(#"<meta property="og:type" content="website">"#))
        #expect(!landing.contains("product:price"))
    }
}
