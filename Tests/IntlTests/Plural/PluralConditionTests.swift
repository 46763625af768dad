import Testing
@testable import Intl

@Suite("CLDR plural rule syntax")
struct PluralConditionTests {
    func parse(_ rule: String) throws(PluralRuleSyntaxError) -> PluralCondition {
        var parser = PluralConditionParser(rule)
        return try parser.parse()
    }

    @Test("the older in / not in / is / is not / % spellings mean the same as = and !=")
    func spellings() throws {
        let pairs = [
            ("n in 1..3", "n = 1..3"), ("n not in 1,2", "n != 1,2"), ("n is 1", "n = 1"),
            ("n is not 1", "n != 1"), ("n % 10 = 1", "n mod 10 = 1"),
        ]
        for (old, new) in pairs { #expect(try parse(old) == parse(new), "\(old)") }
    }

    @Test("and binds tighter than or")
    func precedence() throws {
        let condition = try parse("n = 1 or n = 2 and v = 1")
        #expect(condition.matches(PluralOperand(1)))
        #expect(!condition.matches(PluralOperand(2)))
        #expect(condition.matches(PluralOperand("2.0")!))
    }

    @Test("n with a fraction equals no integer, so != holds and = fails")
    func fractionalN() throws {
        #expect(!(try parse("n = 1..5").matches(PluralOperand("1.5")!)))
        #expect(try parse("n != 1..5").matches(PluralOperand("1.5")!))
        #expect(try parse("n mod 100 = 3").matches(PluralOperand("103.0")!))
    }

    @Test("malformed rules are rejected with the token where they go wrong", arguments: [
        ("n = ", "end of rule"), ("x = 1", "x"), ("n == 1", "="), ("n = 5..2", "2"), ("n = 1 and", "end of rule"),
        ("n mod = 1", "="), ("n = 1 1", "1"),
    ])
    func malformed(rule: String, found: String) {
        #expect(throws: PluralRuleSyntaxError.self) { try parse(rule) }
        do {
            _ = try parse(rule)
        } catch {
            #expect(error.found == found, "\(rule)")
        }
    }
}
