import Testing
@testable import VaryKit

@Suite("Check: hreflang alternates and canonical")
struct AlternateRulesTests {
    @Test("an hreflang that is not a language tag is an error")
    func invalidHreflang() {
        let head = "\n<link rel=\"alternate\" hreflang=\"deutsch\" href=\"https://shop.example/de/de-de/\">"
        let diagnostics = CheckFixtures.check(CheckFixtures.page(extraHead: head))
        #expect(CheckFixtures.summary(diagnostics) == [
            "10: <link rel=\"alternate\" hreflang=\"deutsch\">: \"deutsch\" is not a language tag",
        ])
    }

    @Test("the same hreflang twice is an error naming the first")
    func duplicateHreflang() {
        let head = "\n<link rel=\"alternate\" hreflang=\"de-DE\" href=\"https://shop.example/de/de-de/\">"
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(extraHead: head))) == [
            "10: <link rel=\"alternate\" hreflang=\"de-DE\"> is listed twice (the first is on line 7)",
        ])
    }

    @Test("alternates that leave out the page's own language are an error")
    func ownLanguageMissing() {
        let html = CheckFixtures.page().replacingOccurrences(of: "hreflang=\"de-DE\"", with: "hreflang=\"fr-FR\"")
        #expect(CheckFixtures.summary(CheckFixtures.check(html)) == [
            "7: the hreflang alternates do not include the page's own language de-DE",
        ])
    }

    @Test("a page without alternates passes")
    func noAlternates() {
        let html = CheckFixtures.page().replacingOccurrences(
            of: "<link rel=\"alternate\" hreflang=\"de-DE\" href=\"https://shop.example/de/de-de/\">\n", with: "")
        #expect(CheckFixtures.check(html).isEmpty)
    }

    @Test("a relative canonical URL and a second canonical are errors")
    func canonical() {
        let head = "\n<link rel=\"canonical\" href=\"/de/de-de/\">"
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(extraHead: head))) == [
            "10: <link rel=\"canonical\" href=\"/de/de-de/\">: a canonical URL must be absolute",
            "10: a second <link rel=\"canonical\"> (the first is on line 6); a page has one",
        ])
    }

    @Test("language tags: language, script, region, variants and x-default")
    func languageTags() {
        for tag in ["de", "de-DE", "zh-Hant-TW", "es-419", "sl-rozaj", "x-default", "fil-PH"] {
            #expect(LanguageTag.isValidHreflang(tag), "\(tag)")
        }
        for tag in ["", "d", "deutsch", "de_DE", "de-", "de-DEU-x", "en-US-", "123"] {
            #expect(!LanguageTag.isValidHreflang(tag), "\(tag)")
        }
    }
}
