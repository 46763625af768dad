import Testing
import Intl

@Suite("Money parsing, text and rounding")
struct MoneyTests {
    static let eur = Currency(code: "EUR")!
    static let jpy = Currency(code: "JPY")!
    static let kwd = Currency(code: "KWD")!

    @Test("decimal strings become exact minor units of the currency", arguments: [
        ("19.99", "EUR", 1999), ("19.9", "EUR", 1990), ("19", "EUR", 1900), ("0.01", "EUR", 1), ("-0.5", "EUR", -50),
        ("1800", "JPY", 1800), ("1.543", "KWD", 1543), ("1.5", "KWD", 1500), ("0", "EUR", 0), ("-0", "EUR", 0),
        ("007.10", "EUR", 710),
    ])
    func parses(text: String, code: String, minorUnits: Int) throws {
        let money = try Money.parse(text, currency: #require(Currency(code: code))).get()
        #expect(money.minorUnits == minorUnits)
        #expect(money.currency.code == code)
    }

    @Test("more decimals than the currency has is an error that names the limit", arguments: [
        ("19.999", "EUR", "\"19.999\" has more decimals than EUR allows (2)"),
        ("1800.5", "JPY", "\"1800.5\" has more decimals than JPY allows (0)"),
        ("1.5430", "KWD", "\"1.5430\" has more decimals than KWD allows (3)"),
    ])
    func tooManyDecimals(text: String, code: String, message: String) throws {
        let currency = try #require(Currency(code: code))
        #expect(Money.parse(text, currency: currency) == .failure(.tooManyDecimals(text, currency)))
        #expect(Money.ParseError.tooManyDecimals(text, currency).description == message)
    }

    @Test("text that is not a plain decimal is rejected",
          arguments: ["", "1,5", ".5", "1.", "-", "+1", " 1", "1 ", "1.2.3", "1e3", "--1", "0x10", "١٢", "€5", "-.5"])
    func notADecimal(text: String) {
        #expect(Money.parse(text, currency: MoneyTests.eur) == .failure(.notADecimal(text)))
        #expect(Money.ParseError.notADecimal(text).description == "\"\(text)\" is not a decimal amount")
    }

    @Test("amounts too large for exact arithmetic are rejected")
    func outOfRange() {
        #expect(Money.parse("90071992547409.92", currency: MoneyTests.eur) == .failure(.outOfRange("90071992547409.92")))
        #expect(Money.parse("99999999999999999999", currency: MoneyTests.jpy) == .failure(.outOfRange("99999999999999999999")))
        #expect((try? Money.parse("90071992547409.91", currency: MoneyTests.eur).get())?.minorUnits == 9_007_199_254_740_991)
        // Too large, but first not a decimal, or with too many decimals: those are what is reported.
        let huge = "99999999999999999999"
        #expect(Money.parse(huge + "x", currency: MoneyTests.eur) == .failure(.notADecimal(huge + "x")))
        #expect(Money.parse(huge + ".999", currency: MoneyTests.eur) == .failure(.tooManyDecimals(huge + ".999", MoneyTests.eur)))
    }

    @Test("amountText writes exactly the currency's digits", arguments: [
        (2400, "EUR", "24.00"), (5, "EUR", "0.05"), (-5, "EUR", "-0.05"), (-1999, "EUR", "-19.99"),
        (74850, "JPY", "74850"), (-3, "JPY", "-3"), (1543, "KWD", "1.543"), (5, "KWD", "0.005"), (0, "KWD", "0.000"),
    ])
    func amountText(units: Int, code: String, expected: String) throws {
        let money = Money(minorUnits: units, currency: try #require(Currency(code: code)))
        #expect(money.amountText == expected)
        #expect(money.description == "\(expected) \(code)")
    }

    @Test("a parsed amount's text is the canonical form of the input")
    func roundTrip() throws {
        for text in ["19.99", "0.10", "1000000.00"] {
            #expect(try Money.parse(text, currency: MoneyTests.eur).get().amountText == text)
        }
        #expect(try Money.parse("19.9", currency: MoneyTests.eur).get().amountText == "19.90")
    }

    @Test("shares round half away from zero", arguments: [
        (150, 15, 23), (-150, 15, -23), (150, 10, 15), (149, 50, 75), (-149, 50, -75), (1, 49, 0), (1, 50, 1),
        (-1, 50, -1), (-1, 49, 0), (0, 30, 0), (1999, 100, 1999), (1999, 0, 0), (333, 33, 110),
    ])
    func roundedShare(units: Int, percent: Int, expected: Int) {
        #expect(Money.roundedShare(units, percent: percent) == expected)
    }

    @Test("a discount subtracts the rounded saving, in the currency's own minor units")
    func discounted() {
        #expect(Money(minorUnits: 150, currency: MoneyTests.eur).discounted(byPercent: 15).minorUnits == 127)
        #expect(Money(minorUnits: 1800, currency: MoneyTests.jpy).discounted(byPercent: 15).minorUnits == 1530)
        #expect(Money(minorUnits: 1999, currency: MoneyTests.jpy).discounted(byPercent: 15).minorUnits == 1699)
        #expect(Money(minorUnits: 1543, currency: MoneyTests.kwd).discounted(byPercent: 10).minorUnits == 1389)
        #expect(Money(minorUnits: 1000, currency: MoneyTests.eur).discounted(byPercent: 100).minorUnits == 0)
        #expect(Money(minorUnits: 1000, currency: MoneyTests.eur).discounted(byPercent: 15).currency == MoneyTests.eur)
    }

    @Test("currencies know their ISO 4217 exponent, and unknown codes are nil")
    func currencies() {
        #expect(MoneyTests.jpy.exponent == 0 && MoneyTests.jpy.minorUnitsPerMajor == 1)
        #expect(MoneyTests.kwd.exponent == 3 && MoneyTests.kwd.minorUnitsPerMajor == 1000)
        #expect(MoneyTests.eur.exponent == 2 && MoneyTests.eur.minorUnitsPerMajor == 100)
        #expect(Currency(code: "CLF")?.exponent == 4)
        #expect(Currency(code: "eur") == nil)
        #expect(Currency(code: "XYZ") == nil)
        #expect(Currency(code: "") == nil)
    }
}
