import Foundation
import Testing
@testable import VaryKit

/// Unit prices on the cards of a built store, formatted for each page's locale and currency.
@Suite("Unit price in a built store")
struct UnitPriceBuildTests {
    @Test("a product with a measure shows its price per base measure in each locale and currency")
    func cardsShowUnitPrice() throws {
        let store = TestBuild()
        defer { store.cleanUp() }
        var lines = store.read("content/catalog/extra.csv", in: store.directory)!.split(separator: "\n").map(String.init)
        lines[0] += ",unitPricing.measure,unitPricing.base"
        lines[1] += ",1500 g,100 g"
        store.write("content/catalog/extra.csv", lines.joined(separator: "\n") + "\n")
        let card = store.read("site-templates/partials/card.mustache", in: store.directory)!
        store.write("site-templates/partials/card.mustache", card.replacingOccurrences(
            of: "{{/discount}}",
            with: "{{/discount}}{{#unitPrice}} <small data-amount=\"{{amount}}\" data-measure=\"{{measure}}\">{{text}}</small>{{/unitPrice}}"))
        let outcome = store.run()
        #expect(outcome.exitCode == 0)
        // stove: 55.00 EUR and 59.00 USD for 1500 g.
        let german = try #require(store.read("de/de-de/index.html"))
        #expect(german.contains("<small data-amount=\"3.67\" data-measure=\"1.500\u{00A0}g\">3,67\u{00A0}€ / 100\u{00A0}g</small>"))
        let american = try #require(store.read("us/en-us/index.html"))
        #expect(american.contains("<small data-amount=\"3.93\" data-measure=\"1,500\u{00A0}g\">$3.93 / 100\u{00A0}g</small>"))
    }
}
