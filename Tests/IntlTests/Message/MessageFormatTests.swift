import Testing
import Intl

@Suite("MessageFormat formatting")
struct MessageFormatTests {
    func format(_ pattern: String, _ locale: String = "en", _ arguments: [String: MessageArgument] = [:]) throws -> String {
        try MessageFormat(pattern, localeTag: locale).format(arguments)
    }

    @Test("literal text and simple arguments are written in order")
    func simpleArguments() throws {
        #expect(try format("Welcome to {site}, {name}!", "en", ["site": "Vary", "name": "Ana"]) == "Welcome to Vary, Ana!")
        #expect(try format("", "en") == "")
        #expect(try format("{ site }", "en", ["site": "Vary"]) == "Vary")
    }

    @Test("a missing argument is written as {name}, also for plural and select")
    func missingArgument() throws {
        #expect(try format("Hi {name}, {n, plural, one {#} other {#}} {g, select, other {x}}") == "Hi {name}, {n} {g}")
    }

    @Test("argumentNames lists every name, nested ones included, and not quoted text")
    func argumentNames() throws {
        let message = try MessageFormat(
            "{a} '{b}' {n, plural, one {{c}} other {{g, select, x {{d}} other {#}}}} {e, number}", localeTag: "en")
        #expect(message.argumentNames == ["a", "n", "c", "g", "d", "e"])
        #expect(try MessageFormat("no arguments", localeTag: "en").argumentNames.isEmpty)
    }

    @Test("English plural picks one for 1 and other for 0, 2 and 1.0, with # formatted")
    func englishPlural() throws {
        let message = try MessageFormat("{count, plural, one {# item} other {# items}}", localeTag: "en-US")
        #expect(message.format(["count": 1]) == "1 item")
        #expect(message.format(["count": 0]) == "0 items")
        #expect(message.format(["count": 2]) == "2 items")
        #expect(message.format(["count": 1234]) == "1,234 items")
        #expect(message.format(["count": .decimal("1.0")]) == "1.0 items")
        #expect(message.format(["count": .decimal("2.50")]) == "2.50 items")
        #expect(message.format(["count": -1]) == "-1 item")
    }

    @Test("# uses the locale's grouping and decimal separators")
    func localizedPound() throws {
        let pattern = "{n, plural, one {# Artikel} other {# Artikel}}"
        #expect(try format(pattern, "de-DE", ["n": 1234567]) == "1.234.567 Artikel")
        #expect(try format(pattern, "de-DE", ["n": .decimal("1234.5")]) == "1.234,5 Artikel")
        #expect(try format("{n, plural, other {# articles}}", "fr-FR", ["n": 1234]) == "1\u{202F}234 articles")
    }

    @Test("exact =value cases win over categories and match the number before the offset")
    func exactCasesAndOffset() throws {
        let pattern = "{n, plural, offset:1 =0 {nobody} =1 {only {host}} one {{host} and # other} other {{host} and # others}}"
        let message = try MessageFormat(pattern, localeTag: "en")
        #expect(message.format(["n": 0, "host": "Ana"]) == "nobody")
        #expect(message.format(["n": 1, "host": "Ana"]) == "only Ana")
        #expect(message.format(["n": 2, "host": "Ana"]) == "Ana and 1 other")
        #expect(message.format(["n": 5, "host": "Ana"]) == "Ana and 4 others")
        #expect(message.format(["n": .decimal("1.0"), "host": "Ana"]) == "only Ana")
    }

    @Test("Slavic and Arabic plurals choose few and many", arguments: [
        ("ru", 1, "one"), ("ru", 3, "few"), ("ru", 5, "many"), ("ru", 21, "one"), ("ru", 112, "many"),
        ("pl", 22, "few"), ("pl", 25, "many"), ("pl", 1, "one"),
        ("ar", 0, "zero"), ("ar", 2, "two"), ("ar", 103, "few"), ("ar", 111, "many"), ("ar", 100, "other"),
    ])
    func slavicAndArabic(locale: String, number: Int, expected: String) throws {
        let pattern = "{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}"
        #expect(try format(pattern, locale, ["n": .int(number)]) == expected)
    }

    @Test("a category the pattern lacks falls back to other")
    func missingCategory() throws {
        #expect(try format("{n, plural, one {one} other {other}}", "ru", ["n": 3]) == "other")
    }

    @Test("a plural argument given as a numeric string is a number; other text takes other")
    func pluralWithStrings() throws {
        let pattern = "{n, plural, one {# one} other {# other}}"
        #expect(try format(pattern, "en", ["n": "1"]) == "1 one")
        #expect(try format(pattern, "en", ["n": "many"]) == "many other")
    }

    @Test("a locale without CLDR plural rules puts every number in other")
    func unknownLocale() throws {
        #expect(try format("{n, plural, one {one} other {other}}", "xx", ["n": 1]) == "other")
    }

    @Test("select picks the matching case, else other; integers select by their digits")
    func select() throws {
        let pattern = "{g, select, female {She} male {He} other {They}} replied"
        #expect(try format(pattern, "en", ["g": "female"]) == "She replied")
        #expect(try format(pattern, "en", ["g": "unknown"]) == "They replied")
        #expect(try format("{k, select, 1 {first} other {later}}", "en", ["k": 1]) == "first")
    }

    @Test("plural and select nest both ways; # inside a nested select stays literal as in ICU")
    func nesting() throws {
        let pattern = "{g, select, female {{n, plural, one {She has # cat} other {She has # cats}}} other {{n, plural, other {They have # pets {k, select, other {#}}}}}}"
        #expect(try format(pattern, "en", ["g": "female", "n": 1]) == "She has 1 cat")
        #expect(try format(pattern, "en", ["g": "x", "n": 3, "k": "y"]) == "They have 3 pets #")
    }

    @Test("numbers in simple and number arguments use the locale's format; strings do not")
    func numberArguments() throws {
        #expect(try format("{n} / {n, number}", "de-DE", ["n": 12345]) == "12.345 / 12.345")
        #expect(try format("{n} / {n, number}", "de-DE", ["n": "12345"]) == "12345 / 12.345")
        #expect(try format("{p, number}", "en", ["p": .decimal("0.50")]) == "0.50")
        #expect(try format("{p, number}", "en", ["p": .decimal("n/a")]) == "n/a")
    }

    @Test("numbers keep all 18 digits and use the locale's own digits")
    func exactAndNativeDigits() throws {
        #expect(try format("{n, number}", "en", ["n": .decimal("123456789012345678")]) == "123,456,789,012,345,678")
        #expect(try format("{n, number}", "en", ["n": .decimal("-1234567890123456.78")]) == "-1,234,567,890,123,456.78")
        #expect(try format("{n, plural, other {#}}", "ar-EG", ["n": 1234]) == "\u{0661}\u{066C}\u{0662}\u{0663}\u{0664}")
        #expect(try format("{n, number}", "en", ["n": .decimal("-0.05")]) == "-0.05")
    }

    @Test("# outside a plural is literal text")
    func poundOutsidePlural() throws {
        #expect(try format("Item #{n}", "en", ["n": 7]) == "Item #7")
    }

    @Test("apostrophes follow ICU: '' is one, '{…}' quotes syntax, a lone apostrophe is literal", arguments: [
        ("l'été", "l'été"),
        ("It''s {n}", "It's 5"),
        ("'{n}' is literal", "{n} is literal"),
        ("'{'{n}'}'", "{5}"),
        ("'{a''b}'", "{a'b}"),
        ("don't {n}", "don't 5"),
        ("'", "'"),
        ("''", "'"),
        ("{n, plural, other {'#' is #}}", "# is 5"),
        ("'#' stays quoted outside plural", "'#' stays quoted outside plural"),
        ("unclosed '{quote runs to the end}", "unclosed {quote runs to the end}"),
    ])
    func apostrophes(pattern: String, expected: String) throws {
        #expect(try format(pattern, "en", ["n": 5]) == expected)
    }

    @Test("formatting from many tasks at once gives the same text as formatting alone")
    func concurrentFormatting() async throws {
        let message = try MessageFormat("{n, plural, one {# Artikel} other {# Artikel}} für {name}", localeTag: "de-DE")
        let expected = (0..<200).map { message.format(["n": .int($0 * 1001), "name": "Ana"]) }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for index in 0..<200 {
                group.addTask { (index, message.format(["n": .int(index * 1001), "name": "Ana"])) }
            }
            var results = [String](repeating: "", count: 200)
            for await (index, text) in group { results[index] = text }
            return results
        }
        #expect(results == expected)
        #expect(expected[2] == "2.002 Artikel für Ana")
    }
}
