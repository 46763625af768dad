import Testing
import Intl

@Suite("Money in a locale's currency style")
struct MoneyFormatTests {
    func money(_ text: String, _ code: String) throws -> Money {
        let currency = try #require(Currency(code: code))
        return try Money.parse(text, currency: currency).get()
    }

    @Test("each locale writes its currency as Foundation's ICU data says, spaces included", arguments: [
        ("de-DE", "119.00", "EUR", "119,00\u{00A0}\u{20AC}"),
        ("de-DE", "1234.5", "EUR", "1.234,50\u{00A0}\u{20AC}"),
        ("en-IE", "119.00", "EUR", "\u{20AC}119.00"),
        ("en-US", "24", "USD", "$24.00"),
        ("en-US", "1234567.89", "USD", "$1,234,567.89"),
        ("en-GB", "24.00", "GBP", "\u{00A3}24.00"),
        ("ja-JP", "18000", "JPY", "\u{00A5}18,000"),
        ("fr-FR", "1234.56", "EUR", "1\u{202F}234,56\u{00A0}\u{20AC}"),
        ("fr-FR", "0.99", "EUR", "0,99\u{00A0}\u{20AC}"),
        ("ar-KW", "1.543", "KWD", "\u{200F}\u{0661}\u{066B}\u{0665}\u{0664}\u{0663}\u{00A0}\u{062F}.\u{0643}.\u{200F}"),
        ("en-US", "1.543", "KWD", "KWD\u{00A0}1.543"),
        ("de-CH", "1234.56", "CHF", "CHF\u{00A0}1\u{2019}234.56"),
    ])
    func localeStyles(locale: String, amount: String, code: String, expected: String) throws {
        #expect(MoneyFormat(localeTag: locale).string(try money(amount, code)) == expected)
    }

    @Test("a negative amount keeps its sign")
    func negative() throws {
        #expect(MoneyFormat(localeTag: "en-US").string(try money("-24.00", "USD")) == "-$24.00")
        #expect(MoneyFormat(localeTag: "de-DE").string(try money("-0.05", "EUR")) == "-0,05\u{00A0}\u{20AC}")
        #expect(MoneyFormat(localeTag: "ar-KW").string(try money("-0.005", "KWD")).contains("\u{0660}\u{066B}\u{0660}\u{0660}\u{0665}"))
    }

    @Test("the currency's exponent decides the digits, not the locale: JPY none, KWD three")
    func exponentDigits() throws {
        #expect(MoneyFormat(localeTag: "en-US").string(try money("1800", "JPY")) == "\u{00A5}1,800")
        #expect(MoneyFormat(localeTag: "de-DE").string(try money("0.005", "KWD")) == "0,005\u{00A0}KWD")
    }

    @Test("amounts above Double's exact range are formatted exactly")
    func exactLargeAmounts() throws {
        let large = Money(minorUnits: 9_007_199_254_740_993, currency: try #require(Currency(code: "USD")))
        #expect(MoneyFormat(localeTag: "en-US").string(large) == "$90,071,992,547,409.93")
        let negative = Money(minorUnits: -9_007_199_254_740_993, currency: try #require(Currency(code: "KWD")))
        #expect(MoneyFormat(localeTag: "de-DE").string(negative) == "-9.007.199.254.740,993\u{00A0}KWD")
    }

    @Test("formatting the same prices from many tasks gives the texts formatting alone gives")
    func concurrent() async throws {
        let eur = try #require(Currency(code: "EUR"))
        let format = MoneyFormat(localeTag: "de-DE")
        let prices = (0..<300).map { Money(minorUnits: $0 * 137, currency: eur) }
        let alone = prices.map { MoneyFormat(localeTag: "de-AT").string($0) }
        let together = await withTaskGroup(of: (Int, String).self) { group in
            for (index, price) in prices.enumerated() {
                group.addTask { (index, MoneyFormat(localeTag: "de-AT").string(price)) }
                group.addTask { (-1, format.string(price)) }
            }
            var texts = [String](repeating: "", count: prices.count)
            for await (index, text) in group where index >= 0 { texts[index] = text }
            return texts
        }
        #expect(together == alone)
        #expect(format.string(prices[10]) == "13,70\u{00A0}\u{20AC}")
    }
}
