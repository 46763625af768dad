import Foundation
import Intl
import Testing
@testable import VaryKit

@Suite("A changed product personalizes only the pages that show it or whose selection it changes")
struct CatalogChangeBuildTests {
    /// Every file of the site, without the two that describe one build against the previous output.
    private func site(_ tree: [String: Data]) -> [String: Data] {
        tree.filter { $0.key != EmitSummary.changesPath && $0.key != StagingDirectory.reportPath }
    }

    /// What one incremental build did, next to a fresh build of the same input.
    struct Rebuild {
        var outcome: BuildOutcome
        /// The pages whose bytes changed.
        var changed: Set<String>
        var pages: Int
    }

    /// Applies `change` to a store built into its output, builds again into the same output, and checks every file,
    /// the report and the diagnostics against a fresh build of the changed store.
    private func rebuild(_ build: TestBuild, _ name: String, change: () throws -> Void) throws -> Rebuild {
        let before = build.tree()
        try change()
        let outcome = build.run()
        #expect(outcome.exitCode == 0, "\(name): \(outcome.diagnostics.filter { $0.severity == .error })")
        let after = build.tree()
        let fresh = build.directory.appendingPathComponent("fresh")
        try? FileManager.default.removeItem(at: fresh)
        let cold = build.run(output: fresh)
        #expect(cold.exitCode == 0)
        let expected = site(build.tree(fresh))
        let differing = Set(expected.keys).union(site(after).keys).filter { expected[$0] != site(after)[$0] }
        #expect(differing.isEmpty, "\(name): differs from a fresh build in \(differing.sorted().prefix(5))")
        #expect(outcome.diagnostics == cold.diagnostics, "\(name)")
        #expect(outcome.report?.json() == cold.report?.counting(as: outcome.report).json(), "\(name)")
        try? FileManager.default.removeItem(at: fresh)
        let changed = Set(after.keys.filter { $0.hasSuffix(".html") && before[$0] != after[$0] })
        // A page whose bytes changed had its model built.
        #expect(outcome.personalized >= changed.count, "\(name)")
        return Rebuild(outcome: outcome, changed: changed, pages: outcome.report?.pagesByKind.values.reduce(0, +) ?? 0)
    }

    /// A catalog of generated products beside the mini store's own, so that rankings have more to choose from than
    /// they show.
    struct GeneratedCatalog {
        var products: [[String: Any]]

        init() {
            let originals = try! JSONSerialization.jsonObject(
                with: Data(contentsOf: MiniStore.root.appendingPathComponent("content/catalog/products.json"))) as! [[String: Any]]
            let categories = ["climbing/ropes", "camping/stoves", "footwear/kids", "climbing/harnesses"]
            let images = ["products/rope.svg", "products/stove.svg", "products/boot.svg", "products/harness.svg"]
            products = originals
            for index in 1...24 {
                var product: [String: Any] = ["id": "gen-\(index)", "sku": "G-\(index)", "description": "Item \(index)"]
                product["title"] = ["en": "Generated \(index)", "de": "Erzeugt \(index)"]
                product["category"] = categories[index % 4]
                product["brand"] = ["Summit", "Blaze", "Puddle"][index % 3]
                let tags: [String] = index % 5 == 0 ? ["winter"] : index % 2 == 0 ? ["alpine"] : ["summer"]
                product["tags"] = tags
                product["image"] = ["src": images[index % 4], "alt": "Picture \(index)"]
                var prices: [String: String] = [:]
                prices["USD"] = "\(20 + index * 13).00"
                prices["EUR"] = "\(18 + index * 12).00"
                prices["JPY"] = "\(3000 + index * 1700)"
                prices["KWD"] = "\(6 + index * 4).000"
                product["prices"] = prices
                let stock: [String: Int] = ["us": index % 7, "de": 3, "jp": 2, "kw": 1]
                product["stock"] = stock
                product["popularity"] = Double(index % 10) / 10 + 0.05
                products.append(product)
            }
        }

        /// `padding` ends the file, so that the same products can be written as other bytes.
        func write(to build: TestBuild, padding: String = "") throws {
            let data = try JSONSerialization.data(withJSONObject: products, options: [.prettyPrinted, .sortedKeys])
            try (data + Data(padding.utf8)).write(to: build.content.appendingPathComponent("catalog/products.json"))
        }

        mutating func edit(_ id: String, _ change: (inout [String: Any]) -> Void) {
            let index = products.firstIndex { $0["id"] as? String == id }!
            change(&products[index])
        }
    }

    @Test("on a generated store, every kind of single-product change builds what a fresh build writes, and a local one few models")
    func generatedStoreMatrix() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        var catalog = GeneratedCatalog()
        try catalog.write(to: build)
        #expect(build.run().exitCode == 0)
        var results: [String: Rebuild] = [:]
        func change(_ name: String, padding: String = "", _ edit: (inout GeneratedCatalog) -> Void) throws {
            results[name] = try rebuild(build, name) {
                edit(&catalog)
                try catalog.write(to: build, padding: padding)
            }
        }
        func setPrice(_ id: String, _ usd: String) -> (inout GeneratedCatalog) -> Void {
            { $0.edit(id) { product in
                var prices = product["prices"] as! [String: String]
                prices["USD"] = usd
                product["prices"] = prices
            } }
        }
        try change("price up", setPrice("gen-7", "121.00"))
        try change("price down", setPrice("gen-7", "99.00"))
        // The climbers' ceiling is 300 USD.
        try change("price across a ceiling", setPrice("gen-16", "320.00"))
        try change("price back under the ceiling", setPrice("gen-16", "229.00"))
        try change("title") { $0.edit("gen-7") { $0["title"] = ["en": "Renamed 7", "de": "Umbenannt 7"] } }
        try change("title of an unshown product") { $0.edit("gen-10") { $0["title"] = "Renamed 10" } }
        try change("category") { $0.edit("gen-5") { $0["category"] = "climbing/ropes" } }
        try change("tags") { $0.edit("gen-9") { $0["tags"] = ["winter", "alpine"] } }
        try change("brand") { $0.edit("gen-11") { $0["brand"] = "Summit" } }
        try change("stock to zero") { $0.edit("harness") { $0["stock"] = ["us": 0, "de": 9, "jp": 3, "kw": 2] } }
        try change("image") { $0.edit("gen-7") { $0["image"] = ["src": "products/boot.svg", "alt": "Another picture"] } }
        try change("popularity") { $0.edit("gen-19") { $0["popularity"] = 0.99 } }
        // Landing pages that do not show a changed product keep their ranking when the product cannot enter it.
        try change("popularity of a product below every ranking, a little up") { $0.edit("gen-20") { $0["popularity"] = 0.07 } }
        try change("popularity of a product below every ranking, up to the top") { $0.edit("gen-20") { $0["popularity"] = 1.0 } }
        try change("back in stock") { $0.edit("gen-14") { $0["stock"] = ["us": 5, "de": 3, "jp": 2, "kw": 1] } }
        try change("a pinned product out of stock") { $0.edit("rope-9") { $0["stock"] = ["us": 0, "de": 0, "jp": 0, "kw": 0] } }
        try change("a pinned product back in stock") { $0.edit("rope-9") { $0["stock"] = ["us": 4, "de": 4, "jp": 4, "kw": 4] } }
        try change("products reordered") { $0.products.reverse() }
        try change("product removed") { $0.products.removeAll { $0["id"] as? String == "gen-24" } }
        try change("product added") {
            var added = $0.products.first { $0["id"] as? String == "gen-23" }!
            added["id"] = "gen-25"
            added["sku"] = "G-25"
            $0.products.append(added)
        }
        try change("two products at once") {
            setPrice("gen-2", "45.00")(&$0)
            $0.edit("gen-13") { $0["title"] = "Renamed 13" }
        }
        try change("no product changed, the file did", padding: "\n") { _ in }
        try change("the other catalog file") { _ in
            let url = build.content.appendingPathComponent("catalog/extra.csv")
            let text = try! String(contentsOf: url, encoding: .utf8)
            try! Data(text.replacingOccurrences(of: ",59.00,", with: ",64.00,").utf8).write(to: url)
        }
        for (name, result) in results.sorted(by: { $0.key < $1.key }) {
            print("\(name): \(result.outcome.personalized) of \(result.pages) models built, \(result.changed.count) pages changed")
        }
        let pages = try #require(results["title"]?.pages)
        #expect(results["no product changed, the file did"]?.outcome.personalized == 0)
        #expect(results["title of an unshown product"]?.outcome.personalized == 0)
        // gen-7 is on a few pages: a change to it builds a few models, more than none.
        for name in ["price up", "price down", "title", "image", "two products at once"] {
            #expect(results[name]!.outcome.personalized * 2 < pages, "\(name)")
        }
        #expect(results["title"]!.outcome.personalized > 0)
        #expect(results["price up"]!.outcome.personalized > 0)
    }

    @Test("on the sample store, a product's price, title and stock change build what a fresh build writes, and few models")
    func sampleStore() throws {
        let build = TestBuild(fixture: "sample")
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        func edit(_ path: String, _ old: String, _ new: String) throws {
            let url = build.content.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old))
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
        let price = try rebuild(build, "price") { try edit("catalog/products.json", "\"USD\": \"279.00\"", "\"USD\": \"289.00\"") }
        #expect(!price.changed.isEmpty)
        #expect(price.outcome.personalized * 4 < price.pages)
        let title = try rebuild(build, "title in the CSV") {
            try edit("catalog/accessories.csv", "Wide-Brim Sun Hat,", "Wide Brim Sun Hat,")
        }
        #expect(!title.changed.isEmpty)
        #expect(title.outcome.personalized * 4 < title.pages)
        let stock = try rebuild(build, "stock") {
            try edit("catalog/accessories.csv", "Wide Brim Sun Hat,", "Wide-Brim Sun Hat,")
        }
        #expect(stock.outcome.personalized * 4 < stock.pages)
        // A feed also brings promotions and names: a change in it builds every model.
        let feed = try rebuild(build, "a variant in a feed") {
            let url = build.content.appendingPathComponent("catalog/merchant/ie.en-IE.xml")
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = try #require(text.range(of: #"<g:price>[0-9.]+ EUR</g:price>"#, options: .regularExpression))
            try Data(text.replacingCharacters(in: range, with: "<g:price>123.45 EUR</g:price>").utf8).write(to: url)
        }
        #expect(feed.outcome.personalized == feed.pages)
    }

    @Test("a product's digest covers every field but where it was read, in an order that does not depend on the run")
    func productDigests() throws {
        var content = MiniStore.loaded()
        let digests = CatalogChanges.digests(of: content)
        #expect(Set(digests.keys) == Set(content.products.map(\.id)))
        #expect(CatalogChanges.digests(of: content) == digests)
        content.products[0].location = SourceLocation(file: "elsewhere.json", line: 40)
        #expect(CatalogChanges.digests(of: content) == digests)
        content.products[0].stock["jp"] = 99
        let table = ProductTable(ids: digests.keys)
        let changes = CatalogChanges(from: digests, to: CatalogChanges.digests(of: content), table: table)
        #expect(changes.changed == [content.products[0].id])
        let changed = try #require(table.number(content.products[0].id))
        let other = try #require(table.number(content.products[1].id))
        #expect(changes.reach([changed, other].sorted()))
        #expect(!changes.reach([other]))
        // Removed products are changed, but no page of this build shows them.
        let removed = CatalogChanges(from: digests, to: [:], table: ProductTable(ids: []))
        #expect(removed.changed == Set(digests.keys))
        #expect(removed.numbers.isEmpty)
    }

    @Test("a product's digest names every stored property but its location, and changes with each of them")
    func productDigestFields() throws {
        let product = try #require(MiniStore.loaded().products.first)
        let stored = Mirror(reflecting: product.fields).children.compactMap(\.label).filter { $0 != "location" }
        #expect(StableBytes.fields(of: product).map(\.0) == stored)
        func digest(_ changed: Product) -> [UInt8] {
            var bytes: [UInt8] = []
            StableBytes.append(product: changed, to: &bytes)
            return bytes
        }
        let original = digest(product)
        let eur = try #require(Currency(code: "EUR"))
        let changes: [(String, (inout Product) -> Void)] = [
            ("title", { $0.title.entries["fr"] = "Autre" }), ("sku", { $0.sku += "x" }), ("tags", { $0.tags.append("new") }),
            ("image alt", { $0.image.alt = LocalizedText("other") }), ("image", { $0.image.src += "x" }),
            ("prices", { $0.prices["EUR"] = Money(minorUnits: 1, currency: eur) }), ("stock", { $0.stock["zz"] = 1 }),
            ("popularity", { $0.popularity += 0.001 }), ("attributes", { $0.attributes.append((name: "a", value: "b")) }),
            ("complements", { $0.complements.append(Reference("other", at: $0.location)) }), ("gtin", { $0.gtin = "0" }),
            ("gtin empty", { $0.gtin = "" }), ("countsStock", { $0.countsStock.toggle() }),
            ("shipping", { $0.shipping["de"] = Money(minorUnits: 0, currency: eur) }),
            ("additionalImages", { $0.additionalImages.append("x.jpg") }),
        ]
        for (name, change) in changes {
            var changed = product
            change(&changed)
            #expect(digest(changed) != original, "\(name)")
        }
        var moved = product
        moved.location = SourceLocation(file: "elsewhere.json", line: 40)
        #expect(digest(moved) == original)
    }

    @Test("a product's digest bytes, written by field type, are the bytes its fields cast from Any make")
    func productDigestBytesByType() throws {
        let eur = try #require(Currency(code: "EUR"))
        let mini = MiniStore.loaded().products
        var full = try #require(mini.first)
        full.gtin = "4006381333931"
        full.link = "https://shop.example.com/p"
        full.attributes = [(name: "Material", value: "Wool")]
        full.shipping = ["de": Money(minorUnits: 495, currency: eur)]
        full.compareAtPrices = ["EUR": Money(minorUnits: 99_00, currency: eur)]
        full.regionCompareAtPrices = ["de": Money(minorUnits: 89_00, currency: eur)]
        full.additionalImages = ["a.jpg", "b.jpg"]
        full.complements = []
        full.stock = [:]
        full.prices = [:]
        full.countsStock = false
        full.unitPricing = try UnitPricing.make(
            measure: Measure(digits: 750, unit: .ml), base: Measure(digits: 1, unit: .l)).get()
        // Options and variants from a Shopify export.
        let feeds = try #require(FeedStore.load().content).products
        let products = mini + [full] + feeds
        #expect(products.contains { !$0.variants.isEmpty } && products.contains { !$0.options.isEmpty })
        for product in products {
            var bytes: [UInt8] = []
            StableBytes.append(product: product, to: &bytes)
            #expect(bytes == StableBytes.reflectedBytes(of: product), "\(product.id)")
        }
    }

    @Test("what pages read of the catalog survives the page cache's line")
    func readsLine() throws {
        let reads = CatalogReads(
            key: "k", withoutCatalog: "w", context: "c", ranking: "r", products: ["b": "2", "a": "1", "c": "3"],
            pages: [
                "x/index.html": .init(digest: "d1", products: [0, 2]), "y/index.html": .init(digest: "d2", products: []),
                "z/index.html": .init(digest: "d3", products: [1], ranking: .init(digest: "r3", bound: 0.25)),
                "w/index.html": .init(digest: "d4", products: [], ranking: .init(digest: "r4", bound: -.infinity)),
            ])
        let line = try #require(reads.line())
        #expect(CatalogReads(line: Data(line)[...]) == reads)
        var broken = reads
        broken.pages["bad\u{1E}path"] = .init(digest: "d", products: [])
        #expect(broken.line() == nil)
        // Numbers out of the table or out of order are a damaged line.
        for numbers in ["0,3", "2,0", "1,1", "x", "-1", "0,2x", "0,4294967298"] {
            let damaged = String(decoding: line, as: UTF8.self).replacingOccurrences(of: "d1\u{1F}0,2", with: "d1\u{1F}" + numbers)
            #expect(CatalogReads(line: Data(damaged.utf8)[...]) == nil, "\(numbers)")
        }
        // A ranking's bound without its digest, or its digest without a bound, is a damaged line.
        let text = String(decoding: line, as: UTF8.self)
        let bound = String(Double(0.25).bitPattern)
        for (part, damaged) in [("\u{1F}r3\u{1F}", "\u{1F}\u{1F}"), ("r3\u{1F}" + bound, "r3\u{1F}")] {
            #expect(text.contains(part))
            #expect(CatalogReads(line: Data(text.replacingOccurrences(of: part, with: damaged).utf8)[...]) == nil, "\(damaged)")
        }
    }

    @Test("pages recorded against another catalog are renumbered, and a page that showed a removed product is left out")
    func readsRenumbered() throws {
        let reads = CatalogReads(
            key: "k", withoutCatalog: "w", context: "c", ranking: "r", products: ["a": "1", "b": "2", "c": "3"],
            pages: ["x/index.html": .init(digest: "d1", products: [0, 2]), "y/index.html": .init(digest: "d2", products: [1])])
        #expect(reads.pages(in: ProductTable(ids: ["c", "b", "a"])) == reads.pages)
        // "b" removed, "aa" added: "a" keeps number 0 and "c" number 2; the page that showed "b" is not kept.
        let renumbered = reads.pages(in: ProductTable(ids: ["a", "aa", "c"]))
        #expect(renumbered == ["x/index.html": .init(digest: "d1", products: [0, 2])])
        let shifted = reads.pages(in: ProductTable(ids: ["0", "a", "b", "c"]))
        #expect(shifted == ["x/index.html": .init(digest: "d1", products: [1, 3]), "y/index.html": .init(digest: "d2", products: [2])])
    }

    @Test("a page template reads the model's names outside the sections that always define them, and any name a dynamic partial may")
    func templateRoots() {
        func names(_ templates: [String: String]) -> [String: Set<String>?] {
            let files = SourceFiles(root: "t", files: templates.mapValues { Array($0.utf8) }, warnings: [])
            return TemplateRoots.names(templates: files)
        }
        let found = names([
            "pages/landing.mustache": "{{#products}}{{title}}{{> partials/card}}{{/products}}{{^bundles}}{{.}}{{/bundles}}",
            "partials/card.mustache": "{{price.text}}{{.}}",
            "pages/product.mustache": "{{#product}}{{#bundles}}{{title}}{{/bundles}}{{/product}}{{page.title}}",
            "pages/promotion.mustache": "{{#promotion}}{{#product}}{{#bundles}}{{/bundles}}{{/product}}{{/promotion}}",
            "pages/bundle.mustache": "{{>*dynamic}}",
            "pages/chooser.mustache": "{{<layouts/base}}{{$main}}{{regions}}{{/main}}{{/layouts/base}}",
            "layouts/base.mustache": "{{site.name}}{{$main}}{{/main}}",
        ])
        // The implicit iterator in an inverted section at the top is the whole model.
        #expect(found["pages/landing"] == .some(nil))
        #expect(found["pages/product"] == .some(["product", "title", "page"]))
        // Only the model's own `product` on a product page is known to have `bundles`.
        #expect(found["pages/promotion"] == .some(["promotion", "product", "bundles"]))
        #expect(found["pages/bundle"] == .some(nil))
        #expect(found["pages/chooser"] == .some(["site", "regions"]))
        #expect(names(["pages/landing.mustache": "{{#products}}{{.}}{{/products}}"])["pages/landing"] == .some(["products"]))
    }

    @Test("a product page's product always has its own bundles, which its template's bundles read instead of the model's")
    func productPagesHaveBundles() throws {
        let content = MiniStore.loaded()
        let inputs = BuildInputs(content: content, now: MiniStore.now, pages: [], assetURLs: [:], bundles: [:])
        let builder = PageModelBuilder(inputs: inputs)
        var seen = 0
        for region in content.regions {
            for product in content.products {
                let page = PageSpec(kind: .product, region: region.id, locale: region.locales[0], item: product.id)
                guard case .object(let fields) = builder.model(for: page), case .object(let own)? = fields["product"] else { continue }
                #expect(own["bundles"] != nil, "\(page.file)")
                seen += 1
            }
        }
        #expect(seen > 4)
        #expect(TemplateRoots.shadowing["pages/product"]?["product"] == ["bundles"])
    }
}
