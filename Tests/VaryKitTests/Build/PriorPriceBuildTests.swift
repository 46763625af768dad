import Foundation
import Testing
@testable import VaryKit

/// The EU 30-day rule end to end: `regions.json` marks a region, `price-history.csv` gives past prices, the pages
/// announce reductions against the prior price, and products without enough history announce none.
@Suite("Prior price in a built store")
struct PriorPriceBuildTests {
    /// The mini store with `de` under the rule and a price history for `rope-9` only.
    private func build() -> (TestBuild, BuildOutcome) {
        let store = TestBuild()
        let regions = store.read("content/regions.json", in: store.directory)!
        store.write("content/regions.json", regions.replacingOccurrences(
            of: "\"timeZone\": \"Europe/Berlin\"", with: "\"timeZone\": \"Europe/Berlin\", \"priceReductionRule\": \"eu-30-day\""))
        store.write("content/price-history.csv", "product_id,region,price,from\nrope-9,de,179.00,2026-09-01\nrope-9,us,189.00,2026-09-01\n")
        let card = store.read("site-templates/partials/card.mustache", in: store.directory)!
        store.write("site-templates/partials/card.mustache", card.replacingOccurrences(
            of: "{{/discount}}", with: "{{/discount}}{{#priorPrice}} <small data-amount=\"{{amount}}\">{{text}}</small>{{/priorPrice}}"))
        return (store, store.run())
    }

    @Test("a stacked reduction is announced against the price applied before it, with its saving and percentage")
    func announcedAgainstPriorPrice() throws {
        let (store, outcome) = build()
        defer { store.cleanUp() }
        #expect(outcome.exitCode == 0)
        let page = try #require(store.read("de/de-de/index.html"))
        // rope-9: 179.00, winter-sale −15% since Nov 20 (152.15), ten-off −10.00 stacked since Nov 25 (142.15).
        let card = try #require(page.components(separatedBy: "<li data-rank").first { $0.contains("142,15") })
        #expect(card.contains("<s>152,15\u{00A0}€</s>"))
        #expect(card.contains("Sie sparen 10,00\u{00A0}€"))
        #expect(card.contains("<small data-amount=\"152.15\">Niedrigster Preis der letzten 30 Tage: 152,15\u{00A0}€</small>"))
        #expect(!card.contains("179,00"))
    }

    @Test("a reduction without 30 days of history shows no was price and warns naming the product and region")
    func noHistoryNoWasPrice() throws {
        let (store, outcome) = build()
        defer { store.cleanUp() }
        let page = try #require(store.read("de/de-de/index.html"))
        // harness: 69.00 in de, ten-off −10.00 since Nov 25, no history.
        let card = try #require(page.components(separatedBy: "<li data-rank").first { $0.contains("59,00") })
        #expect(!card.contains("<s>"))
        #expect(!card.contains("Du sparst"))
        #expect(!card.contains("Niedrigster"))
        let warnings = outcome.diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.contains { $0.hasPrefix("product 'harness' in region 'de': no price history reaches back to 2026-10-26T00:00:00Z, 30 days before its reduction started (2026-11-25T00:00:00Z)") })
        #expect(!warnings.contains { $0.contains("'rope-9' in region 'de'") })
    }

    @Test("a region without the rule still shows the regular price as the was price")
    func otherRegionUnchanged() throws {
        let (store, _) = build()
        defer { store.cleanUp() }
        let page = try #require(store.read("us/en-us/index.html"))
        #expect(page.contains("<s>$189.00</s>"))
        #expect(!page.contains("Lowest price"))
    }

    @Test("the sample store's nl product pages show the prior price against an earlier promotion, and unit prices")
    func sampleProductPages() throws {
        let store = TestBuild(fixture: "sample")
        defer { store.cleanUp() }
        #expect(store.run(now: .iso("2026-11-25T12:00:00Z")).exitCode == 0)
        // 331.95 EUR, winter-warmers −15% since Nov 1 (282.16), Black Friday since Nov 20: the prior price is 282.16.
        let jacket = try #require(store.read("nl/nl-nl/products/alpine-shell-jacket/index.html"))
        #expect(jacket.contains("<s class=\"price__was\">€\u{00A0}282,16</s>"))
        #expect(jacket.contains("<span class=\"price__prior\">Laagste prijs van de afgelopen 30 dagen: €\u{00A0}282,16</span>"))
        // 207.95 EUR for 60 m.
        let rope = try #require(store.read("nl/nl-nl/products/dynamic-rope-9-5/index.html"))
        #expect(rope.contains("<span class=\"price__unit\">€\u{00A0}3,47 / m</span>"))
    }
}
