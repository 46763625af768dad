import Testing
@testable import Intl

@Suite("CLDR plural rules")
struct PluralRulesTests {
    static let required = [
        "en", "de", "fr", "es", "it", "pt", "pt-PT", "nl", "pl", "ru", "uk", "cs", "sk", "ar", "he",
        "ja", "zh", "ko", "sv", "da", "nb", "fi", "tr", "el", "hu", "ro",
    ]

    @Test("the generated vectors cover every locale with rules, and only those")
    func vectorsCoverEveryLocale() {
        #expect(PluralVector.all.count > 200)
        let vectorTags = Set(PluralVector.all.map(\.tag))
        #expect(vectorTags == Set(PluralRules.supportedTags).union(PluralRules.regionalParents.keys).subtracting(["pt-FR"]))
    }

    @Test("every locale's rules give the CLDR category for integers 0 to 200 and the sample decimals",
          arguments: PluralVector.all)
    func matchesVectors(vector: PluralVector) throws {
        let rules = try #require(PluralRules(localeTag: vector.tag))
        #expect(rules.rulesTag == PluralRules.regionalParents[vector.tag] ?? vector.tag)
        for (text, category) in vector.expected {
            let number = try #require(PluralOperand(text))
            #expect(rules.category(for: number) == category, "\(vector.tag) \(text)")
        }
    }

    @Test("the vectors of the required languages show every category the language has",
          arguments: required)
    func vectorsShowEveryCategory(tag: String) throws {
        let vector = try #require(PluralVector.named(tag))
        let rules = try #require(PluralRules(localeTag: tag))
        #expect(Set(vector.expected.map(\.category)) == Set(rules.categories))
        #expect(vector.expected.count >= 201 + 30)
    }

    @Test("the required languages distinguish the categories CLDR gives them")
    func requiredCategories() throws {
        let expected: [String: [PluralCategory]] = [
            "en": [.one, .other], "fr": [.one, .many, .other], "pl": [.one, .few, .many, .other],
            "ru": [.one, .few, .many, .other], "cs": [.one, .few, .many, .other],
            "ar": [.zero, .one, .two, .few, .many, .other], "he": [.one, .two, .other],
            "ja": [.other], "zh": [.other], "ko": [.other], "ro": [.one, .few, .other],
            "pt": [.one, .many, .other], "da": [.one, .other],
        ]
        for (tag, categories) in expected {
            #expect(try #require(PluralRules(localeTag: tag)).categories == categories, "\(tag)")
        }
    }

    @Test("Brazilian and European Portuguese differ on zero and on 0.5")
    func portugueseVariants() throws {
        let brazil = try #require(PluralRules(localeTag: "pt-BR"))
        let portugal = try #require(PluralRules(localeTag: "pt-PT"))
        #expect(brazil.rulesTag == "pt")
        #expect(brazil.category(for: 0) == .one)
        #expect(portugal.category(for: 0) == .other)
        #expect(brazil.category(for: PluralOperand("0.5")!) == .one)
        #expect(portugal.category(for: PluralOperand("0.5")!) == .other)
        #expect(brazil.category(for: 1) == .one && portugal.category(for: 1) == .one)
    }

    @Test("regional tags fall back to their language, and pt regions that follow Portugal get its rules")
    func regionalFallback() {
        #expect(PluralRules(localeTag: "de-CH")?.rulesTag == "de")
        #expect(PluralRules(localeTag: "pt-MZ")?.rulesTag == "pt-PT")
        #expect(PluralRules(localeTag: "pt_pt")?.rulesTag == "pt-PT")
        #expect(PluralRules(localeTag: "PT-ao")?.rulesTag == "pt-PT")
        #expect(PluralRules(localeTag: "zh-Hant-TW")?.rulesTag == "zh")
        #expect(PluralRules(localeTag: "sr-Latn-RS")?.rulesTag == "sr")
        #expect(PluralRules(localeTag: "en_US")?.rulesTag == "en")
        #expect(PluralRules(localeTag: "es-419")?.rulesTag == "es")
    }

    @Test("unknown languages and malformed tags have no rules", arguments: ["xx", "qaa-DE", "", "-", "1234", "e", "de DE", "zh?"])
    func unknownTags(tag: String) {
        #expect(PluralRules(localeTag: tag) == nil)
    }

    @Test("a negative number takes the category of its absolute value")
    func negativeNumbers() throws {
        let english = try #require(PluralRules(localeTag: "en"))
        let russian = try #require(PluralRules(localeTag: "ru"))
        #expect(english.category(for: -1) == .one)
        #expect(russian.category(for: -3) == .few)
        #expect(russian.category(for: PluralOperand("-21")!) == .one)
        #expect(russian.category(for: Int.min) == .many)  // ...808 ends in 8
    }

    @Test("French and Spanish put exact millions in many, but not 1000000.0 or 1000001")
    func millions() throws {
        for tag in ["fr", "es", "it", "pt"] {
            let rules = try #require(PluralRules(localeTag: tag))
            #expect(rules.category(for: 1_000_000) == .many, "\(tag)")
            #expect(rules.category(for: 3_000_000) == .many, "\(tag)")
            #expect(rules.category(for: 1_000_001) == .other, "\(tag)")
            #expect(rules.category(for: PluralOperand("1000000.0")!) == .other, "\(tag)")
        }
    }
}
