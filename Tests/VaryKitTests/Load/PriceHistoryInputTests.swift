import Foundation
import Testing
@testable import VaryKit

/// `price-history.csv` and `regions.json` `priceReductionRule`: what is accepted and where bad input is reported.
@Suite("Price history input")
struct PriceHistoryInputTests {
    private let header = "product_id,region,price,from\n"

    private func history(_ rows: String) -> PriceHistory {
        var source = MiniStore.content()
        source.files["price-history.csv"] = Array((header + rows).utf8)
        return ContentLoader.load(source).content?.priceHistory ?? PriceHistory()
    }

    @Test("rows are read in the region's currency, with or without its code, and sorted by product, region and date")
    func rowsAreRead() {
        let read = history("""
            rope-9,de,189.00 EUR,2026-10-20T00:00:00Z
            rope-9,de,179.00,2026-09-01T00:00:00+02:00
            harness,jp,11000,2026-09-01T00:00:00Z
            harness,kw,24.250 KWD,2026-09-01T00:00:00Z

            """)
        #expect(read.changes.map { "\($0.product.id) \($0.region) \($0.price)" } == [
            "harness jp 11000 JPY", "harness kw 24.250 KWD", "rope-9 de 179.00 EUR", "rope-9 de 189.00 EUR",
        ])
        #expect(read.changes(of: "rope-9", in: "de").map(\.location.line) == [3, 2])
    }

    @Test("a date without a time is midnight in the region's time zone")
    func dateIsRegionalMidnight() {
        let read = history("rope-9,de,179.00,2026-11-01\nrope-9,us,189.00,2026-11-01\n")
        // de is Europe/Berlin (UTC+1 in November); us has no time zone in the mini store, so UTC.
        #expect(read.changes(of: "rope-9", in: "de").first?.from == ISO8601DateFormatter().date(from: "2026-10-31T23:00:00Z"))
        #expect(read.changes(of: "rope-9", in: "us").first?.from == ISO8601DateFormatter().date(from: "2026-11-01T00:00:00Z"))
    }

    @Test("the price in effect at an instant is the latest row from before it")
    func priceAtInstant() {
        let read = history("rope-9,de,179.00,2026-09-01T00:00:00Z\nrope-9,de,199.00,2026-10-01T00:00:00Z\n")
        let at = { (text: String) in read.price(of: "rope-9", in: "de", at: ISO8601DateFormatter().date(from: text)!)?.price.description }
        #expect(at("2026-08-31T23:59:59Z") == nil)
        #expect(at("2026-09-01T00:00:00Z") == "179.00 EUR")
        #expect(at("2026-10-01T00:00:00Z") == "199.00 EUR")
    }

    @Test("unknown products and regions, bad money, bad instants and foreign currencies are errors at their cells")
    func badRows() {
        let errors = MiniStore.errors(content: ["price-history.csv": header + """
            rope-9,dee,179.00,2026-09-01T00:00:00Z
            rope-9,de,17x.00,2026-09-01T00:00:00Z
            rope-9,de,179.001,2026-09-01T00:00:00Z
            rope-9,de,179.00 USD,2026-09-01T00:00:00Z
            rope-9,jp,26000.5,2026-09-01T00:00:00Z
            rope-9,de,-1.00,2026-09-01T00:00:00Z
            rope-9,de,179.00,2026-09-01T00:00:00
            rope-9,de,179.00,2026-09-31
            harness,de,75.00 EURO,2026-09-01

            """])
        #expect(errors == [
            "content/price-history.csv:2:8: region: unknown region 'dee' (did you mean 'de'?)",
            "content/price-history.csv:3:11: price: \"17x.00\" is not a decimal amount",
            "content/price-history.csv:4:11: price: \"179.001\" has more decimals than EUR allows (2)",
            "content/price-history.csv:5:11: price: \"179.00 USD\" is in USD but region 'de' uses EUR",
            "content/price-history.csv:6:11: price: \"26000.5\" has more decimals than JPY allows (0)",
            "content/price-history.csv:7:11: price: \"-1.00\" is negative",
            "content/price-history.csv:8:18: from: \"2026-09-01T00:00:00\" has no UTC offset (add Z or +01:00, or give a date)",
            "content/price-history.csv:9:18: from: \"2026-09-31\" is not an ISO 8601 instant or date",
            "content/price-history.csv:10:12: price: \"75.00 EURO\" is in EURO (not an ISO 4217 code) but region 'de' uses EUR",
        ])
    }

    @Test("a row naming an unknown product is an error with a suggestion")
    func unknownProduct() {
        let errors = MiniStore.errors(content: ["price-history.csv": header + "rope-10,de,179.00,2026-09-01T00:00:00Z\n"])
        #expect(errors == ["content/price-history.csv:2:1: product_id: unknown product 'rope-10' (did you mean 'rope-9'?)"])
    }

    @Test("a second row for the same product, region and instant is an error naming the first")
    func duplicateRow() {
        let errors = MiniStore.errors(content: ["price-history.csv": header + """
            rope-9,de,179.00,2026-09-01T00:00:00Z
            rope-9,de,169.00,2026-09-01T02:00:00+02:00

            """])
        #expect(errors == [
            "content/price-history.csv:3:18: from: 'rope-9' in 'de' already has a price from 2026-09-01T02:00:00+02:00 (line 2)",
        ])
    }

    @Test("a missing column is an error at the header, an unknown one a warning")
    func columns() {
        var source = MiniStore.content()
        source.files["price-history.csv"] = Array("product_id,region,price,since\nrope-9,de,179.00,2026-09-01\n".utf8)
        let diagnostics = ContentLoader.load(source).diagnostics.map(\.description)
        #expect(diagnostics.contains("content/price-history.csv:1:1: missing column 'from'"))
        #expect(diagnostics.contains("content/price-history.csv:1:1: warning: unknown column 'since' is ignored"))
    }

    @Test("priceReductionRule eu-30-day is read, and an unknown rule is an error with a suggestion")
    func rule() throws {
        let regions = String(decoding: MiniStore.content().files["regions.json"]!, as: UTF8.self)
        let marked = regions.replacingOccurrences(of: "\"timeZone\": \"Europe/Berlin\"", with: "\"timeZone\": \"Europe/Berlin\", \"priceReductionRule\": \"eu-30-day\"")
        var source = MiniStore.content()
        source.files["regions.json"] = Array(marked.utf8)
        let loaded = try #require(ContentLoader.load(source).content)
        #expect(loaded.regions.first { $0.id == "de" }?.priceReductionRule == .eu30Day)
        #expect(loaded.regions.first { $0.id == "us" }?.priceReductionRule == nil)

        let misspelt = regions.replacingOccurrences(of: "\"timeZone\": \"Europe/Berlin\"", with: "\"timeZone\": \"Europe/Berlin\", \"priceReductionRule\": \"eu-30-days\"")
        let errors = MiniStore.errors(content: ["regions.json": misspelt])
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix("unknown price reduction rule 'eu-30-days' (known: eu-30-day) (did you mean 'eu-30-day'?)") == true)
    }
}
