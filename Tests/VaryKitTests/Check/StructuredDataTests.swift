import Testing
@testable import VaryKit

@Suite("Check: JSON-LD structured data")
struct StructuredDataTests {
    private func script(_ json: String) -> String {
        CheckFixtures.page(body: "<script type=\"application/ld+json\">\(json)</script>")
    }

    @Test("a valid ItemList of priced Products passes")
    func validItemList() {
        let json = """
            {"@context":"https://schema.org","@type":"ItemList","itemListElement":[
            {"@type":"ListItem","position":1,"item":{"@type":"Product","name":"Jacke","offers":{"@type":"Offer","price":"119.00","priceCurrency":"EUR"}}},
            {"@type":"ListItem","position":2,"item":{"@type":["Product"],"name":"Mütze","offers":[{"@type":"Offer","price":24,"priceCurrency":"EUR"}]}},
            {"@type":"ListItem","position":3,"item":{"@type":"Product","name":"Set","offers":{"@type":"AggregateOffer","lowPrice":"90.000","priceCurrency":"KWD"}}}]}
            """
        #expect(CheckFixtures.check(script(json)).map(\.description) == [])
    }

    @Test("malformed JSON-LD is reported on the line of the error with Foundation's reason")
    func malformed() {
        let diagnostics = CheckFixtures.check(script("{\n\"@type\": \"Product\"\n\"name\": \"Jacke\"}"))
        // Foundation's wording differs between platforms; the line and the prefix do not.
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 15)
        #expect(diagnostics.first?.message.hasPrefix("JSON-LD is not valid JSON: ") == true)
    }

    @Test("a trailing comma, which Foundation accepts but JSON does not, is reported")
    func trailingComma() {
        let diagnostics = CheckFixtures.check(script("[\n{\"@type\": \"Thing\"},\n]"))
        #expect(CheckFixtures.summary(diagnostics) == [
            "14: JSON-LD is not valid JSON: a comma before a closing bracket around character 20",
        ])
        #expect(StructuredDataRules.trailingComma(in: "{\"a\": \"x,]\", \"b\": [1, 2]}") == nil)
    }

    @Test("a Product in @graph without a price, and with a lower-case currency, is reported by JSON path")
    func productWithoutPrice() {
        let json = "{\"@graph\": [{\"@type\": \"WebPage\"}, {\"@type\": \"Product\", \"name\": \"Jacke\", \"offers\": {\"priceCurrency\": \"eur\"}}]}"
        let diagnostics = CheckFixtures.check(script(json))
        #expect(diagnostics.map { "\($0.line): \($0.path): \($0.message)" } == [
            "13: @graph[1].offers.price: Product \"Jacke\" has an offer without price",
            "13: @graph[1].offers.priceCurrency: Product \"Jacke\" has priceCurrency \"eur\", which is not an ISO 4217 code like EUR",
        ])
    }

    @Test("a Product without name or offers, and a price that is not a decimal, are reported")
    func productShape() {
        let json = "[{\"@type\": \"Product\"}, {\"@type\": \"Product\", \"name\": \"Hut\", \"offers\": {\"price\": \"19,99\", \"priceCurrency\": \"EUR\"}}]"
        let diagnostics = CheckFixtures.check(script(json))
        #expect(diagnostics.map { "\($0.path): \($0.message)" } == [
            "[0].name: Product has no name",
            "[0].offers: Product has no offers",
            "[1].offers.price: Product \"Hut\" has price \"19,99\", which is not a decimal number like 19.99",
        ])
    }

    @Test("a raw < in JSON-LD is an error even inside a JSON string")
    func rawLessThan() {
        let diagnostics = CheckFixtures.check(script("{\"@type\": \"Thing\", \"name\": \"a <!-- b\"}"))
        #expect(CheckFixtures.summary(diagnostics) == ["13: JSON-LD contains a raw \"<\""])
        #expect(diagnostics.first?.hint == "escape it as \\u003c so that no content can close the <script>")
    }

    @Test("content that closes the JSON-LD script early leaves broken JSON and an inline script")
    func injectedScriptEnd() {
        let json = "{\"@type\": \"Product\", \"name\": \"</script><script>alert(1)</script>\"}"
        let messages = CheckFixtures.check(script(json)).map(\.message)
        #expect(messages.contains { $0.hasPrefix("JSON-LD is not valid JSON:") })
        #expect(messages.contains("an inline <script> is not allowed"))
    }

    @Test("several JSON-LD scripts are told apart by index")
    func severalScripts() {
        let body = "<script type=\"application/ld+json\">{}</script>\n<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"X\"}</script>"
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: body))
        #expect(diagnostics.map { "\($0.line): \($0.path)" } == ["14: jsonld[1].offers"])
    }
}
