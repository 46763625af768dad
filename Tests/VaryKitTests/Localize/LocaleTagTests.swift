import Testing
@testable import VaryKit

@Suite("Locale tags")
struct LocaleTagTests {
    /// The rule as it reads: a language of two or three letters, then parts of two to eight letters or digits.
    private func reference(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    @Test("a tag is valid exactly when its language has two or three letters and every later part two to eight letters or digits")
    func validity() {
        let valid = ["en", "de-DE", "fr-CA", "ast", "zh-Hant-TW", "es-419", "sr-Latn-RS", "EN-us", "en-12345678"]
        let invalid = [
            "", "e", "engl", "en-", "-en", "en--US", "en-U", "en-123456789", "1en", "e1", "en_US", "en US", "ét", "en-ÜS",
            "en-\u{301}", "-", "ar-KW-u-nu-latn", "en-US-", "de-DE\n", "\r\n", "zh-Hant-",
        ]
        for tag in valid {
            #expect(LocaleTag.isValid(tag), "\(tag)")
            #expect(reference(tag), "\(tag)")
        }
        for tag in invalid {
            #expect(!LocaleTag.isValid(tag), "\(tag)")
            #expect(!reference(tag), "\(tag)")
        }
    }
}
