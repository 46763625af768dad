import Intl
import Testing
@testable import VaryKit

@Suite("built-in texts")
struct BuiltInTextsTests {
    @Test("every built-in text has a pattern in every language Vary ships, and no others")
    func everyLanguage() {
        for text in BuiltInTexts.all {
            #expect(Set(text.patterns.keys) == Set(BuiltInTexts.languages), "\(text.id)")
        }
        #expect(BuiltInTexts.languages.count >= 11)
        #expect(Set(BuiltInTexts.all.map(\.id)).count == BuiltInTexts.all.count)
    }

    @Test("every built-in pattern parses and uses only the arguments Vary passes")
    func patternsParse() throws {
        for text in BuiltInTexts.all {
            for (language, pattern) in text.patterns {
                let format = try MessageFormat(pattern, localeTag: language)
                #expect(format.argumentNames.isSubset(of: text.arguments), "\(text.id) in \(language)")
                #expect(!format.argumentNames.isEmpty || text.arguments.isEmpty, "\(text.id) in \(language) shows none of its arguments")
            }
        }
    }

    @Test("every plural in a built-in text has exactly the CLDR categories of its language")
    func pluralForms() throws {
        var plurals = 0
        for text in BuiltInTexts.all {
            for (language, pattern) in text.patterns {
                let rules = try #require(PluralRules(localeTag: language))
                for plural in try MessageFormat(pattern, localeTag: language).pluralCases {
                    plurals += 1
                    #expect(plural.categories == Set(rules.categories), "\(text.id) in \(language): \(plural.categories.sorted())")
                }
            }
        }
        #expect(plurals >= 2 * BuiltInTexts.languages.count)
    }

    @Test("plural built-in texts pick the right form in Polish, Arabic and Japanese")
    func pluralChoices() {
        let items = { (language: String, n: Int) in BuiltInTexts.format("bundle.items", language: language)!.format(["count": .int(n)]) }
        #expect(items("pl", 1) == "1 sztuka")
        #expect(items("pl", 3) == "3 sztuki")
        #expect(items("pl", 5) == "5 sztuk")
        #expect(items("pl", 22) == "22 sztuki")
        #expect(items("ar", 2) == "قطعتان")
        #expect(items("ar", 11) == "11 قطعة")
        #expect(items("ar", 3) == "3 قطع")
        #expect(items("ja", 4) == "4点")
        #expect(items("en", 1) == "1 item")
    }

    @Test("the prior-price label picks the right form for 30 days in Polish, Arabic and Japanese")
    func priorPriceForms() {
        let prior = { (language: String, days: Int) in
            BuiltInTexts.format("price.prior", language: language)!.format(["days": .int(days), "amount": .string("X")])
        }
        #expect(prior("en", 30) == "Lowest price in the last 30 days: X")
        #expect(prior("pl", 30) == "Najniższa cena z ostatnich 30 dni: X")
        #expect(prior("ar", 30) == "أدنى سعر خلال آخر 30 يومًا: X")
        #expect(prior("ar", 3) == "أدنى سعر خلال آخر 3 أيام: X")
        #expect(prior("ja", 30) == "過去30日間の最低価格：X")
    }

    @Test("the README lists every built-in id with its arguments and English text")
    func readmeListsEveryID() throws {
        let readme = try String(contentsOf: TestBuild.repository.appendingPathComponent("README.md"), encoding: .utf8)
        for text in BuiltInTexts.all {
            let arguments = text.arguments.sorted().map { "`{\($0)}`" }.joined(separator: ", ")
            let row = "| `\(text.id)` | \(arguments.isEmpty ? "—" : arguments) | \(text.patterns["en"]!.replacingOccurrences(of: "|", with: "\\|")) |"
            #expect(readme.contains(row), "README lacks: \(row)")
        }
    }
}
