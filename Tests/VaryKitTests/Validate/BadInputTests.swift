import Testing
@testable import VaryKit

/// Every way a store's data can be wrong yields an error naming the file, line, column and JSON path.
@Suite("bad input")
struct BadInputTests {
    private let product = """
        [
          {
            "id": "rope-9", "sku": "RP-9", "title": "Rope", "category": "climbing/ropes", "brand": "Summit",
            "image": {"src": "products/rope.svg", "alt": "Rope"},
            "prices": {"USD": "189.00", "EUR": "179.00", "JPY": "26000", "KWD": "55.500"},
            "stock": {"us": 1}
          }
        ]
        """

    private func promotion(_ fields: String) -> String {
        """
        [
          {"id": "p", "title": "P", "discount": {"type": "percent", "value": 10},
           \(fields)}
        ]
        """
    }

    @Test("the mini store itself has no errors")
    func miniStoreIsValid() {
        #expect(MiniStore.errors() == [])
    }

    @Test("malformed JSON names the line and column of the syntax error")
    func malformedJSON() {
        let errors = MiniStore.errors(content: ["site.json": "{\n  \"name\": \"x\",\n}"])
        #expect(errors == ["content/site.json:2:14: trailing comma before '}'"])
    }

    @Test("a missing required file is reported")
    func missingFile() {
        var source = MiniStore.content()
        source.files["regions.json"] = nil
        let (_, diagnostics) = ContentLoader.load(source)
        #expect(diagnostics.map(\.description).contains("content/regions.json: file not found"))
    }

    @Test("an unknown product in a bundle suggests the closest id")
    func unknownProductInBundle() {
        let bundles = """
            [
              {"id": "b", "title": "B", "pricing": {"percent": 10},
               "items": [{"product": "rope-8", "quantity": 1}]}
            ]
            """
        #expect(MiniStore.errors(content: ["bundles.json": bundles]) == [
            "content/bundles.json:3:26: bundles[0].items[0].product: unknown product 'rope-8' (did you mean 'rope-9'?)"
        ])
    }

    @Test("a date that is not an ISO 8601 instant")
    func badDate() {
        let errors = MiniStore.errors(content: ["promotions.json": promotion(#""starts": "2026-11-20T00:00:00Z", "ends": "2026-13-01""#)])
        #expect(errors == [#"content/promotions.json:3:46: promotions[0].ends: "2026-13-01" is not an ISO 8601 instant"#])
    }

    @Test("an instant without an offset")
    func instantWithoutOffset() {
        let errors = MiniStore.errors(content: [
            "promotions.json": promotion(#""starts": "2026-11-20T00:00:00", "ends": "2026-12-01T00:00:00Z""#)
        ])
        #expect(errors == [#"content/promotions.json:3:14: promotions[0].starts: "2026-11-20T00:00:00" has no UTC offset (add Z or +01:00)"#])
    }

    @Test("a promotion that ends before it starts")
    func endsBeforeStarts() {
        let errors = MiniStore.errors(content: [
            "promotions.json": promotion(#""starts": "2026-12-01T00:00:00Z", "ends": "2026-11-01T00:00:00Z""#)
        ])
        #expect(errors == ["content/promotions.json:3:46: promotions[0].ends: ends before or when it starts"])
    }

    @Test("an unknown currency suggests a real one")
    func unknownCurrency() {
        let catalog = product.replacingOccurrences(of: "\"EUR\": \"179.00\"", with: "\"EUX\": \"179.00\"")
        let errors = MiniStore.errors(content: ["catalog/products.json": catalog])
        #expect(errors.contains("content/catalog/products.json:5:33: products[0].prices.EUX: unknown currency 'EUX' (did you mean 'EUR'?)"))
    }

    @Test("money with more decimals than its currency has")
    func tooManyDecimals() {
        let catalog = product.replacingOccurrences(of: "\"JPY\": \"26000\"", with: "\"JPY\": \"26000.5\"")
        let errors = MiniStore.errors(content: ["catalog/products.json": catalog])
        #expect(errors.contains(#"content/catalog/products.json:5:57: products[0].prices.JPY: "26000.5" has more decimals than JPY allows (0)"#))
    }

    @Test("a duplicate id names where it was first defined")
    func duplicateID() {
        let catalog = product.replacingOccurrences(of: "\"id\": \"rope-9\"", with: "\"id\": \"stove\"")
        let errors = MiniStore.errors(content: ["catalog/products.json": catalog])
        #expect(errors.contains("content/catalog/extra.csv:2:1: duplicate product id 'stove' (first defined at content/catalog/products.json:2)"), "\(errors)")
    }

    @Test("an id that is not path-safe")
    func unsafeID() {
        let catalog = product.replacingOccurrences(of: "\"id\": \"rope-9\"", with: "\"id\": \"../Rope 9\"")
        let errors = MiniStore.errors(content: ["catalog/products.json": catalog])
        #expect(errors.contains(#"content/catalog/products.json:3:11: products[0].id: "../Rope 9" is not a valid id (use lowercase letters, digits and '-', starting with a letter or digit)"#))
    }

    @Test("a missing required field")
    func missingField() {
        let catalog = product.replacingOccurrences(of: "\"sku\": \"RP-9\", ", with: "")
        let errors = MiniStore.errors(content: ["catalog/products.json": catalog])
        #expect(errors.contains("content/catalog/products.json:2:3: products[0]: missing required field 'sku'"))
    }

    @Test("a value of the wrong type")
    func wrongType() {
        let catalog = product.replacingOccurrences(of: "\"stock\": {\"us\": 1}", with: "\"stock\": {\"us\": 1}, \"popularity\": \"high\"")
        let errors = MiniStore.errors(content: ["catalog/products.json": catalog])
        #expect(errors.contains("content/catalog/products.json:6:39: products[0].popularity: expected a number, found a string"))
    }

    @Test("stock in an unknown region")
    func unknownRegionInStock() {
        let catalog = product.replacingOccurrences(of: "\"stock\": {\"us\": 1}", with: "\"stock\": {\"uk\": 1}")
        let errors = MiniStore.errors(content: ["catalog/products.json": catalog])
        #expect(errors.contains("content/catalog/products.json:6:15: products[0].stock.uk: unknown region 'uk' (did you mean 'us'?)"))
    }

    @Test("a catalog whose syntax breaks after a product with a wrong field reports the syntax error alone")
    func syntaxErrorAfterBadProduct() {
        let catalog = product.replacingOccurrences(of: "\"stock\": {\"us\": 1}", with: "\"stock\": {\"us\": 1}, \"popularity\": \"high\"")
            .replacingOccurrences(of: "\n]", with: ",\n  {\"id\": }\n]")
        let errors = MiniStore.errors(content: ["catalog/products.json": catalog])
        #expect(errors == ["content/catalog/products.json:8:10: expected a value, found '}'"])
    }

    @Test("a catalog that is not an array is reported at its first character")
    func catalogNotAnArray() {
        let errors = MiniStore.errors(content: ["catalog/products.json": "\n  {\"id\": \"rope-9\"}"])
        #expect(errors.contains("content/catalog/products.json:2:3: products: expected an array, found an object"))
    }

    @Test("a product's known regions are not kept as references, its unknown ones are")
    func regionReferencesKeepUnknownOnly() throws {
        let catalog = product.replacingOccurrences(of: "\"stock\": {\"us\": 1}", with: "\"stock\": {\"us\": 1, \"mars\": 2}")
        var source = MiniStore.content()
        source.files["catalog/products.json"] = Array(catalog.utf8)
        let (content, diagnostics) = ContentLoader.load(source)
        let loaded = try #require(content, "\(diagnostics)")
        let rope = try #require(loaded.products.first { $0.id == "rope-9" })
        #expect(rope.regionReferences.map(\.id) == ["mars"])
        #expect(rope.stock == ["us": 1, "mars": 2])
    }

    @Test("a product sold in a region without a price in its currency")
    func unpricedInRegion() {
        let catalog = product.replacingOccurrences(of: ", \"KWD\": \"55.500\"", with: "")
            .replacingOccurrences(of: "\"stock\": {\"us\": 1}", with: "\"stock\": {\"us\": 1, \"kw\": 2}")
        let errors = MiniStore.errors(content: ["catalog/products.json": catalog])
        #expect(errors.contains("content/catalog/products.json:2:3: products[0]: product 'rope-9' is sold in region 'kw' but has no KWD price"))
    }

    @Test("a message with a plural that has no other case")
    func messageSyntax() {
        let errors = MiniStore.errors(content: ["locales/ja.json": #"{"nav.home": "{count, plural, one {x}}"}"#])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/locales/ja.json:1:") == true)
        #expect(errors.first?.contains("message 'nav.home': ") == true)
    }

    @Test("a message using an argument pages do not have")
    func unknownMessageArgument() {
        let errors = MiniStore.errors(content: ["locales/ja.json": #"{"nav.home": "{cnt} items"}"#])
        #expect(errors == ["content/locales/ja.json:1:14: nav.home: message 'nav.home' uses unknown argument '{cnt}' (available: count, region, segment, site) (did you mean 'count'?)"])
    }

    @Test("a region locale without any messages is a warning, not an error")
    func localeWithoutMessages() {
        let regions = #"[{"id": "us", "name": "US", "countries": ["US"], "currency": "USD", "locales": ["fr-FR"]}]"#
        let errors = MiniStore.errors(content: ["regions.json": regions])
        #expect(!errors.contains { $0.contains("no messages for locale") })
        var source = MiniStore.content()
        source.files["regions.json"] = Array(regions.utf8)
        let content = ContentLoader.load(source).content!
        let warnings = ContentValidator.validate(content, assets: nil).filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.contains("content/regions.json:1:2: warning: regions[0]: region 'us': no messages for locale 'fr-FR', its pages use the default locale's (add locales/fr-FR.json or locales/fr.json)"))
    }

    @Test("a region asking for an unknown numbering system suggests a real one")
    func unknownNumberingSystem() {
        let regions = #"[{"id": "us", "name": "US", "countries": ["US"], "currency": "USD", "locales": ["en-US"], "numbers": "latin"}]"#
        let errors = MiniStore.errors(content: ["regions.json": regions])
        #expect(errors.contains("content/regions.json:1:102: regions[0].numbers: unknown numbering system 'latin' (a CLDR numbering system such as \"latn\" or \"arab\") (did you mean 'latn'?)"), "\(errors)")
    }

    @Test("an override of a built-in text using an argument Vary does not pass names the allowed ones")
    func overrideWithUnknownArgument() {
        let errors = MiniStore.errors(content: ["locales/ja.json": #"{"price.saving": "{amount}お得 ({percent})"}"#])
        #expect(errors == ["content/locales/ja.json:1:18: price.saving: message 'price.saving' uses unknown argument '{percent}' (available: amount)"])
    }

    @Test("a store message that nests under a built-in text id")
    func nestsUnderBuiltIn() {
        let errors = MiniStore.errors(content: ["locales/ja.json": #"{"price.saving.short": "お得"}"#])
        #expect(errors == ["content/locales/ja.json:1:24: price.saving.short: message 'price.saving.short' and Vary's own text 'price.saving' cannot both be in `t`: one nests under the other"])
    }

    @Test("a promotion targeting an unknown segment")
    func unknownSegment() {
        let errors = MiniStore.errors(content: [
            "promotions.json": promotion(#""segments": ["climber"], "starts": "2026-11-20T00:00:00Z", "ends": "2026-12-01T00:00:00Z""#)
        ])
        #expect(errors == ["content/promotions.json:3:17: promotions[0].segments[0]: unknown segment 'climber' (did you mean 'climbers'?)"])
    }

    @Test("a javascript: URL in content is refused")
    func unsafeURL() {
        let regions = #"[{"id": "us", "name": "US", "countries": ["US"], "currency": "USD", "locales": ["en"], "stores": [{"name": "A", "city": "B", "address": "C", "url": "javascript:alert(1)"}]}]"#
        let errors = MiniStore.errors(content: ["regions.json": regions])
        #expect(errors.contains { $0.contains(#"regions[0].stores[0].url: "javascript:alert(1)" is not a relative, https: or http: URL"#) })
    }

    @Test("a store URL starting with /\\ is refused at its file, line and column, since browsers open it as another site")
    func backslashStoreURL() {
        let regions = #"[{"id": "us", "name": "US", "countries": ["US"], "currency": "USD", "locales": ["en"], "stores": [{"name": "A", "city": "B", "address": "C", "url": "/\\evil.example/x"}]}]"#
        let errors = MiniStore.errors(content: ["regions.json": regions])
        #expect(errors.contains(
            #"content/regions.json:1:149: regions[0].stores[0].url: "/\evil.example/x" contains a backslash, which browsers read as '/' (a leading '/\' opens another site) (write '/' for a path separator, or %5C for a literal backslash)"#))
    }

    @Test("a backslash anywhere in an event URL, an image source or the base URL is refused")
    func backslashAnywhere() {
        let regions = """
            [{"id": "us", "name": "US", "countries": ["US"], "currency": "USD", "locales": ["en"],
              "events": [{"title": "Clinic", "date": "2026-12-05", "url": "https://shop.example/events\\\\ski"}]}]
            """
        let catalog = product.replacingOccurrences(of: "products/rope.svg", with: #"products\\rope.svg"#)
        let site = #"{"name": "N", "baseURL": "https://shop.example\\@evil.example", "defaultRegion": "us", "defaultSegment": "everyone", "defaultLocale": "en"}"#
        let errors = MiniStore.errors(content: ["regions.json": regions, "catalog/products.json": catalog, "site.json": site])
        let refusal = #" contains a backslash, which browsers read as '/' (a leading '/\' opens another site) (write '/' for a path separator, or %5C for a literal backslash)"#
        #expect(errors == [
            #"content/catalog/products.json:4:22: products[0].image.src: "products\rope.svg""# + refusal,
            #"content/regions.json:2:63: regions[0].events[0].url: "https://shop.example/events\ski""# + refusal,
            #"content/site.json:1:26: baseURL: "https://shop.example\@evil.example""# + refusal,
        ])
    }

    @Test("a tab or line break inside a URL, which browsers remove, is refused")
    func controlCharacterURL() {
        let regions = #"[{"id": "us", "name": "US", "countries": ["US"], "currency": "USD", "locales": ["en"], "stores": [{"name": "A", "city": "B", "address": "C", "url": "/\t/evil.example"}]}]"#
        let errors = MiniStore.errors(content: ["regions.json": regions])
        #expect(errors.contains { $0.contains("regions[0].stores[0].url: \"/\t/evil.example\" contains the control character U+0009, which browsers remove or trim") })
    }

    @Test("a product image that is not among the assets")
    func missingImage() {
        let catalog = product.replacingOccurrences(of: "products/rope.svg", with: "products/rpoe.svg")
        let errors = MiniStore.errors(content: ["catalog/products.json": catalog])
        #expect(errors.contains("content/catalog/products.json:4:22: products[0].image.src: image 'products/rpoe.svg' is not in site-templates/assets/ (did you mean 'products/rope.svg'?)"))
    }

    @Test("a CSV row with the wrong number of cells")
    func csvRow() {
        let csv = "id,sku,title\nstove,ST-1\n"
        let errors = MiniStore.errors(content: ["catalog/extra.csv": csv])
        #expect(errors.contains("content/catalog/extra.csv:2:1: row has 2 cells, header has 3"))
    }

    @Test("a CSV cell of the wrong type names its row and column")
    func csvCellType() {
        let csv = "id,sku,title,category,brand,image.src,image.alt,prices.USD,stock.us\nstove,ST-1,Stove,camping,Blaze,products/stove.svg,Stove,59.00,many\n"
        let errors = MiniStore.errors(content: ["catalog/extra.csv": csv])
        #expect(errors.contains("content/catalog/extra.csv:2:63: stock.us: expected an integer, found a string"))
    }

    @Test("an unclosed section in a template")
    func templateUnclosedSection() {
        let errors = MiniStore.errors(templates: ["pages/chooser.mustache": "<h1>{{#regions}}{{name}}</h1>\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("site-templates/pages/chooser.mustache:1:5: ") == true)
    }

    @Test("a template naming a partial that does not exist")
    func templateUnknownPartial() {
        let errors = MiniStore.errors(templates: ["pages/chooser.mustache": "<h1>x</h1>\n{{> partials/crad}}\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("site-templates/pages/chooser.mustache:2:1: ") == true)
        #expect(errors.first?.contains("partials/crad") == true)
    }

    @Test("all problems across files are reported together, sorted")
    func manyProblemsAtOnce() {
        let errors = MiniStore.errors(
            content: ["site.json": "{", "locales/ja.json": #"{"nav.home": "{n, plural, one {x}}"}"#],
            templates: ["pages/bundle.mustache": "{{/x}}"])
        #expect(errors.count == 3)
        #expect(errors == errors.sorted())
        #expect(errors[0].hasPrefix("content/locales/ja.json") || errors[0].hasPrefix("content/site.json"))
    }
}

@Suite("bad input: references")
struct BadReferenceTests {
    @Test("a promotion targeting a locale no region has")
    func unknownLocale() {
        let promotions = """
            [
              {"id": "p", "title": "P", "discount": {"type": "percent", "value": 10}, "locales": ["fr-FR"],
               "starts": "2026-11-20T00:00:00Z", "ends": "2026-12-01T00:00:00Z"}
            ]
            """
        #expect(MiniStore.errors(content: ["promotions.json": promotions]) == [
            "content/promotions.json:2:87: promotions[0].locales[0]: no region has the locale 'fr-FR'"
        ])
    }

    @Test("a region listing one locale twice, in any case")
    func duplicateRegionLocale() {
        let regions = #"[{"id": "us", "name": "US", "countries": ["US"], "currency": "USD", "locales": ["en-US", "en-us"]}]"#
        let errors = MiniStore.errors(content: ["regions.json": regions])
        #expect(errors.contains(#"content/regions.json:1:90: regions[0].locales[1]: locale "en-us" is listed twice (as "en-US")"#), "\(errors)")
    }

    @Test("a promotion targeting a language some region has is fine")
    func knownLanguage() {
        let promotions = """
            [
              {"id": "p", "title": "P", "discount": {"type": "percent", "value": 10}, "locales": ["de", "en-US"],
               "starts": "2026-11-20T00:00:00Z", "ends": "2026-12-01T00:00:00Z"}
            ]
            """
        #expect(MiniStore.errors(content: ["promotions.json": promotions]) == [])
    }
}
