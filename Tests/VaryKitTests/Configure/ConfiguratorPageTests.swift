import DataFormats
import Foundation
import Testing
@testable import VaryKit

/// The configurator pages of a built store: one per product and per merchandised value, each with its selection's
/// exact price and a form that works without JavaScript, indexed like product pages.
@Suite("configurator pages")
struct ConfiguratorPageTests {
    /// The data block's JSON of a page.
    private func data(_ page: String) throws -> JSONNode {
        let start = try #require(page.range(of: "data-configurator-data>"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        return try JSON.parse(String(page[start.upperBound..<end.lowerBound]))
    }

    @Test("every region that sells the product gets a page, plus one per value in stock there; the report counts combinations")
    func pages() throws {
        let (build, outcome) = ConfiguratorFixture.build()
        defer { build.cleanUp() }
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics.filter { $0.severity == .error })")
        for value in ["", "red/", "blue/", "green/"] {
            #expect(build.read("us/en-us/configure/rope-9/\(value)index.html") != nil, "\(value)")
        }
        #expect(build.read("de/de-de/configure/rope-9/blue/index.html") != nil)
        #expect(build.read("de/de-de/configure/rope-9/green/index.html") == nil)
        let report = try JSON.parse(try #require(build.read("_vary/report.json")))
        #expect(report["combinations"]?["rope-9"]?["us"]?.int == 14)
        #expect(report["combinations"]?["rope-9"]?["de"]?.int == 8)
        // us: the page and 3 values; de (2 locales), jp and kw: the page, red and blue (green is not stocked there).
        #expect(report["pagesByKind"]?["configure"]?.int == 4 + 3 * 2 + 3 + 3)
    }

    @Test("without JavaScript each value is a button leading to its static page, which shows that value's selection and exact price")
    func noJavaScript() throws {
        let (build, _) = ConfiguratorFixture.build()
        defer { build.cleanUp() }
        let page = try #require(build.read("us/en-us/configure/rope-9/blue/index.html"))
        #expect(page.contains(#"<button type="submit" name="colour" value="green" formaction="/us/en-us/configure/rope-9/green/" aria-pressed="false">"#))
        #expect(page.contains(#"value="blue" formaction="/us/en-us/configure/rope-9/blue/" aria-pressed="true">"#))
        #expect(page.contains(#"<form data-configurator method="get" action="/us/en-us/configure/rope-9/">"#))
        // Blue with the other defaults: 194.00, less 15% (29.10) and the stackable 10.00.
        #expect(page.contains(#"<data data-configurator-price value="154.90">$154.90</data>"#))
        #expect(page.contains(#"<s class="was" data-configurator-was>$194.00</s>"#))
        #expect(page.contains("<li>Colour: Blue</li>") && page.contains("<li>Length: 60 m</li>"))
        #expect(page.contains(#"<input type="radio" name="length" value="m60" checked="checked"> 60 m"#))
        #expect(page.contains(#"<img data-configurator-image src="/assets/products/stove."#))
        // Each button shows the price of its value's page.
        #expect(page.contains("Red $150.65</button>"))
        let base = try #require(build.read("us/en-us/configure/rope-9/index.html"))
        #expect(base.contains(#"value="red" formaction="/us/en-us/configure/rope-9/red/" aria-pressed="true">"#))
        #expect(base.contains("$150.65</data>"))
    }

    @Test("the data block holds every valid combination's exact price in the region's currency, escaped for the script element")
    func dataBlock() throws {
        let (build, _) = ConfiguratorFixture.build()
        defer { build.cleanUp() }
        let japan = try data(try #require(build.read("jp/ja-jp/configure/rope-9/index.html")))
        #expect(japan["currency"]?.string == "JPY")
        #expect(japan["prices"]?["red|m80|dry|text"]?.array?[0].string == "30642")
        #expect(japan["prices"]?.members?.count == 8)
        #expect(japan["prices"]?["green|m60||"] == nil)
        let kuwait = try data(try #require(build.read("kw/ar-kw/configure/rope-9/index.html")))
        #expect(kuwait["prices"]?["blue|m60|dry|"]?.array?[0].string == "56.359")
        #expect(kuwait["pages"]?["blue"]?.string == "/kw/ar-kw/configure/rope-9/blue/")
        #expect(kuwait["images"]?["colour|blue"]?["alt"]?.string == "Blue rope")
        let hostile = ConfiguratorFixture.rope.replacingOccurrences(of: #""label": "Blue""#, with: #""label": "</script><b>Blue""#)
        let (other, outcome) = ConfiguratorFixture.build(hostile)
        defer { other.cleanUp() }
        #expect(outcome.exitCode == 0)
        let page = try #require(other.read("us/en-us/configure/rope-9/index.html"))
        #expect(!page.contains("</script><b>"))
        #expect(page.contains(#"\u003c/script>\u003cb>Blue"#) || page.contains("&lt;/script&gt;&lt;b&gt;Blue"))
    }

    @Test("value pages are indexable with a canonical, reciprocal hreflang and a ProductGroup, and are in the sitemap")
    func indexing() throws {
        let (build, _) = ConfiguratorFixture.build()
        defer { build.cleanUp() }
        let page = try #require(build.read("de/en/configure/rope-9/blue/index.html"))
        #expect(page.contains(#"<link rel="canonical" href="https://mini.example.com/de/en/configure/rope-9/blue/">"#))
        #expect(page.contains(#"hreflang="de-DE" href="https://mini.example.com/de/de-de/configure/rope-9/blue/""#))
        #expect(page.contains(#"hreflang="x-default""#) && !page.contains("noindex"))
        let start = try #require(page.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let jsonLD = try JSON.parse(String(page[start.upperBound..<end.lowerBound]))
        #expect(jsonLD["@type"]?.string == "ProductGroup")
        #expect(jsonLD["variesBy"]?.array?[0].string == "https://schema.org/color")
        #expect(jsonLD["hasVariant"]?.array?.count == 2)
        #expect(jsonLD["hasVariant"]?.array?[1]["offers"]?["priceCurrency"]?.string == "EUR")
        #expect(jsonLD["hasVariant"]?.array?[1]["url"]?.string == "https://mini.example.com/de/en/configure/rope-9/blue/")
        let sitemap = try #require(build.read("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://mini.example.com/us/en-us/configure/rope-9/green/</loc>"))
        #expect(sitemap.contains("<loc>https://mini.example.com/us/en-us/configure/rope-9/</loc>"))
        let manifest = try #require(build.read("_vary/manifest.json"))
        #expect(manifest.contains(#""path" : "us/en-us/configure/rope-9/index.html""#))
        #expect(manifest.contains("assets/vary/configurator."))
    }

    @Test("a configurable product's card links to its configurator in that region and locale")
    func cardLinks() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        build.write("content/configurators.json", ConfiguratorFixture.rope)
        build.write("site-templates/pages/configure.mustache", ConfiguratorFixture.template)
        let card = try #require(build.read("partials/card.mustache", in: build.templates))
        build.write("site-templates/partials/card.mustache", card + #"{{#configureURL}}<a href="{{.}}">Customize</a>{{/configureURL}}"#)
        #expect(build.run().exitCode == 0)
        #expect(try #require(build.read("de/de-de/index.html")).contains(#"<a href="/de/de-de/configure/rope-9/">Customize</a>"#))
    }

    @Test("a configurator label shown by fallback is reported like every other shopper-visible text")
    func fallbackReport() {
        let (build, outcome) = ConfiguratorFixture.build()
        defer { build.cleanUp() }
        let warnings = outcome.diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("content/configurators.json:") && $0.contains("configurators[0].groups[0].label: no text for")
            && $0.contains("ja-JP") })
        #expect(!warnings.contains { $0.contains("configurators[0].groups[0].values[1].label") })
    }

    @Test("the pages pass the full check, libxml2 included")
    func fullCheck() throws {
        let (build, _) = ConfiguratorFixture.build()
        defer { build.cleanUp() }
        #expect(try SiteCheck.check(outputDirectory: build.output).filter { $0.severity == .error }.map(\.description) == [])
    }

    @Test("the same input gives the same bytes")
    func deterministic() throws {
        let (first, _) = ConfiguratorFixture.build()
        let (second, _) = ConfiguratorFixture.build()
        defer { first.cleanUp(); second.cleanUp() }
        let a = first.tree().filter { !$0.key.hasPrefix("_vary/report") && !$0.key.hasPrefix("_vary/changes") }
        let b = second.tree().filter { !$0.key.hasPrefix("_vary/report") && !$0.key.hasPrefix("_vary/changes") }
        #expect(a == b)
    }
}

/// The configurator script under node: it shows the price and picture Vary computed for the chosen combination.
@Suite("configurator script", .enabled(if: ExternalTool.shouldTest("node")))
struct ConfiguratorScriptTests {
    @Test("choices change the price, the price before promotions, the picture and the address; an impossible combination says so")
    func choices() throws {
        let node = try #require(ExternalTool.find("node"), "node is not installed")
        let (build, outcome) = ConfiguratorFixture.build()
        defer { build.cleanUp() }
        #expect(outcome.exitCode == 0)
        let script = try #require(build.tree().keys.first { $0.hasPrefix("assets/vary/configurator.") && $0.hasSuffix(".js") })
        let actions = """
            [{"check": ["treatment", "dry"]}, {"type": ["tag", "ANNA"]}, {"click": "blue"}, {"type": ["tag", ""]},
             {"type": ["tag", "anna"]}, {"type": ["tag", ""]}, {"check": ["length", "m80"]}, {"click": "red"}]
            """
        build.write("actions.json", actions)
        let harness = MiniStore.root.deletingLastPathComponent().appendingPathComponent("configure/run-configurator.mjs")
        let result = try ExternalTool.run(node, [
            harness.path, build.output.appendingPathComponent(script).path,
            build.output.appendingPathComponent("us/en-us/configure/rope-9/index.html").path,
            build.directory.appendingPathComponent("actions.json").path,
        ])
        #expect(result.status == 0, "\(result.error)")
        let shown = try result.output.split(separator: "\n").map { try JSON.parse(String($0)) }
        try #require(shown.count == 8)
        // red, 60 m, dry: 219.00 − 32.85 − 10.00
        #expect(shown[0]["price"]?.string == "$176.15" && shown[0]["amount"]?.string == "176.15")
        #expect(shown[0]["was"]?.string == "$219.00")
        #expect(shown[0]["image"]?.string?.hasPrefix("/assets/products/rope.") == true)
        // with a name tag: 222.00 − 33.30 − 10.00
        #expect(shown[1]["price"]?.string == "$178.70")
        // blue cannot carry a name tag
        #expect(shown[2]["unavailable"]?.bool == true && shown[2]["price"]?.string == "")
        #expect(shown[2]["location"]?.string == "/us/en-us/configure/rope-9/blue/")
        // blue, 60 m, dry, no tag: 224.00 − 33.60 − 10.00, with blue's picture
        #expect(shown[3]["price"]?.string == "$180.40" && shown[3]["unavailable"]?.bool == false)
        #expect(shown[3]["image"]?.string?.hasPrefix("/assets/products/stove.") == true && shown[3]["alt"]?.string == "Blue rope")
        // lowercase letters are not allowed in the tag
        #expect(shown[4]["unavailable"]?.bool == true)
        #expect(shown[5]["price"]?.string == "$180.40")
        // blue excludes 80 m
        #expect(shown[6]["unavailable"]?.bool == true)
        // red, 80 m, dry: 259.00 − 38.85 − 10.00
        #expect(shown[7]["price"]?.string == "$210.15" && shown[7]["location"]?.string == "/us/en-us/configure/rope-9/red/")
    }
}
