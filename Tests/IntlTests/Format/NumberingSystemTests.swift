import Testing
@testable import Intl

/// Vectors from CLDR 47 (via Babel 2.19): each locale's default numbering system and percent pattern.
@Suite("numbering systems and percent patterns")
struct NumberingSystemTests {
    @Test("a locale writes numbers in its CLDR default numbering system", arguments: [
        ("ar-KW", "١٬٢٣٤"), ("ar-SA", "١٬٢٣٤"), ("ar-EG", "١٬٢٣٤"), ("ar", "1,234"), ("ar-AE", "1,234"),
        ("ar-MA", "1.234"), ("ja-JP", "1,234"), ("de-DE", "1.234"), ("pl-PL", "1234"),
    ])
    func defaultSystem(tag: String, expected: String) throws {
        let format = try MessageFormat("{n, number}", localeTag: tag)
        #expect(format.format(["n": 1234]) == expected)
    }

    @Test("a -u-nu- extension picks the numbering system and keeps the locale's plural rules")
    func override() throws {
        let format = try MessageFormat("{n, plural, one {# item} two {# items (dual)} other {# items}}", localeTag: "ar")
        #expect(format.writingNumbers(as: "ar-KW").format(["n": 24]) == "٢٤ items")
        #expect(format.writingNumbers(as: "ar-KW-u-nu-latn").format(["n": 24]) == "24 items")
        #expect(format.writingNumbers(as: "ar-KW-u-nu-latn").format(["n": 2]) == "2 items (dual)")
        #expect(percentText(15, localeTag: "ar-KW-u-nu-latn").contains("15"))
    }

    @Test("percents follow the locale's CLDR pattern", arguments: [
        ("de-DE", "15\u{00A0}%"), ("de-CH", "15%"), ("fr-FR", "15\u{00A0}%"), ("fr-CH", "15%"), ("it-CH", "15%"),
        ("es-ES", "15\u{00A0}%"), ("es-US", "15%"), ("it-IT", "15%"), ("nl-NL", "15%"), ("pl-PL", "15%"),
        ("pt-PT", "15%"), ("sv-SE", "15\u{00A0}%"), ("ja-JP", "15%"), ("ar-KW", "١٥٪؜"),
    ])
    func percentPatterns(tag: String, expected: String) {
        #expect(percentText(15, localeTag: tag) == expected)
    }

    @Test("a plural message lists the categories it has cases for, nested ones too")
    func pluralCases() throws {
        let format = try MessageFormat("{a, plural, one {{b, select, x {{c, plural, few {#} other {#}}} other {}}} other {}}", localeTag: "pl")
        let cases = format.pluralCases.map { "\($0.argument): \($0.categories.sorted().map(\.rawValue).joined(separator: ","))" }
        #expect(cases.sorted() == ["a: one,other", "c: few,other"])
    }
}
