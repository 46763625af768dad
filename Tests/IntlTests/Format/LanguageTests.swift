import Testing
import Intl

@Suite("Language names, direction and percentages")
struct LanguageTests {
    @Test("a language is named in itself with its first letter uppercased", arguments: [
        ("de-DE", "Deutsch"), ("de-CH", "Deutsch"), ("fr-CA", "Français"), ("en-US", "English"),
        ("ja-JP", "日本語"), ("ar-KW", "العربية"), ("pt-PT", "Português"), ("es", "Español"),
        ("tr", "Türkçe"), ("nl-NL", "Nederlands"),
    ])
    func nativeNames(tag: String, expected: String) {
        #expect(LanguageName.nativeName(of: tag) == expected)
    }

    @Test("the display name adds the region in the same language")
    func displayNames() {
        #expect(LanguageName.nativeDisplayName(of: "en-US") == "English (United States)")
        #expect(LanguageName.nativeDisplayName(of: "de-CH") == "Deutsch (Schweiz)")
        #expect(LanguageName.nativeDisplayName(of: "fr-CA") == "Français (Canada)")
    }

    @Test("an unknown language is named by its tag")
    func unknownLanguage() {
        #expect(LanguageName.nativeName(of: "xx-YY") == "xx-YY")
        #expect(LanguageName.nativeDisplayName(of: "qq") == "qq")
    }

    @Test("right-to-left languages and scripts are recognised", arguments: [
        ("ar", true), ("ar-KW", true), ("he", true), ("he-IL", true), ("fa", true), ("ur", true), ("ps", true),
        ("yi", true), ("dv", true), ("ckb", true), ("sd", true), ("uz-Arab", true),
        ("en", false), ("de-DE", false), ("ja", false), ("sd-Deva", false), ("tr", false), ("", false),
    ])
    func direction(tag: String, rightToLeft: Bool) {
        #expect(isRightToLeft(languageTag: tag) == rightToLeft)
    }

    @Test("percentages use the locale's percent style", arguments: [
        (15, "en-US", "15%"), (15, "de-DE", "15\u{00A0}%"), (15, "fr-FR", "15\u{00A0}%"), (100, "en", "100%"),
        (-5, "en-US", "-5%"), (1500, "en-US", "1,500%"),
    ])
    func percents(percent: Int, tag: String, expected: String) {
        #expect(percentText(percent, localeTag: tag) == expected)
    }
}
