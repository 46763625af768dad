import Testing
import Intl

@Suite("CLDR plural operands")
struct PluralOperandTests {
    @Test("a decimal string keeps its visible fraction digits")
    func visibleFractionDigits() throws {
        let number = try #require(PluralOperand("1.50"))
        #expect(number.i == 1 && number.v == 2 && number.w == 1 && number.f == 50 && number.t == 5 && number.e == 0)
        #expect(!number.isInteger)
        #expect(number.description == "1.50")
    }

    @Test("a whole number written with zero fraction digits is an integer n but has v > 0")
    func wholeDecimal() throws {
        let number = try #require(PluralOperand("2.00"))
        #expect(number.i == 2 && number.v == 2 && number.w == 0 && number.f == 0 && number.t == 0)
        #expect(number.isInteger)
    }

    @Test("fraction digits with a leading zero are counted, not dropped")
    func leadingZeroFraction() throws {
        let number = try #require(PluralOperand("3.050"))
        #expect(number.i == 3 && number.v == 3 && number.w == 2 && number.f == 50 && number.t == 5)
    }

    @Test("an integer has no fraction operands and drops its sign")
    func integer() {
        let number = PluralOperand(-1234)
        #expect(number.i == 1234 && number.v == 0 && number.w == 0 && number.f == 0 && number.t == 0)
        #expect(number.description == "-1234")
    }

    @Test("eighteen digits are accepted; more are not", arguments: [
        ("999999999999999999", true), ("99999999.9999999999", true), ("1000000000000000000", false),
        ("0.0000000000000000001", false),
    ])
    func digitLimit(text: String, accepted: Bool) {
        #expect((PluralOperand(text) != nil) == accepted)
    }

    @Test("strings that are not plain decimals have no operands",
          arguments: ["", "-", "1.", ".5", "1e3", "+1", "1,5", "--1", "1.2.3", " 1", "1 ", "١", "0x10", "-.5"])
    func rejected(text: String) {
        #expect(PluralOperand(text) == nil)
    }
}
