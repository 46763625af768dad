import Mustache
import Testing
@testable import VaryKit

@Suite("localization")
struct LocalizerTests {
    @Test("localized text resolves by exact tag, then language, then the default locale")
    func localizedTextFallback() {
        let text = LocalizedText(entries: ["en": "Jacket", "fr-CA": "Manteau", "fr": "Veste", "de": "Jacke"])
        #expect(text.resolve("fr-CA", fallback: "en") == "Manteau")
        #expect(text.resolve("fr-FR", fallback: "en") == "Veste")
        #expect(text.resolve("de-AT", fallback: "en") == "Jacke")
        #expect(text.resolve("ja-JP", fallback: "en") == "Jacket")
        #expect(LocalizedText(entries: ["en-GB": "Jumper"]).resolve("ja", fallback: "en-GB") == "Jumper")
        #expect(LocalizedText("Same everywhere").resolve("ar-KW", fallback: "en") == "Same everywhere")
    }

    @Test("messages fall back from the tag to its language to the default locale")
    func messageFallback() {
        let content = MiniStore.loaded()
        let german = Localizer(content: content, tag: "de-DE")
        #expect(german.format("nav.home") == "Startseite")
        #expect(german.format("discount.percent", ["percent": 15]) == "15 % Rabatt")
        #expect(german.resolutions["nav.home"]?.isExact == true)
        let danish = Localizer(content: content, tag: "da-DK")
        #expect(danish.format("nav.home") == "Home")
        #expect(danish.resolutions["nav.home"] == TextResolution(
            source: .store("en"), location: content.locales["en"]!.messages["nav.home"]!.location, isExact: false))
    }

    @Test("a built-in text in the page's language comes before the default locale's override")
    func builtInBeforeDefaultLocale() {
        let content = MiniStore.loaded()
        let german = Localizer(content: content, tag: "de-DE")
        #expect(german.format("reason.pinned") == "Von unserem Team ausgewählt")
        #expect(german.resolutions["reason.pinned"] == TextResolution(source: .builtIn("de"), location: nil, isExact: true))
        #expect(german.format("price.was", ["amount": "10,00 €"]) == "Statt 10,00 €")
    }

    @Test("a store's message overrides the built-in text of the same id")
    func overrideWins() {
        let content = MiniStore.loaded()
        #expect(Localizer(content: content, tag: "en-US").format("reason.pinned") == "Staff pick")
        #expect(Localizer(content: content, tag: "de-DE").format("price.saving", ["amount": "5 €"]) == "Sie sparen 5 €")
        #expect(Localizer(content: content, tag: "ja-JP").format("price.saving", ["amount": "¥500"]) == "¥500お得")
    }

    @Test("a language Vary has no text for falls back to the default locale's built-in text and says so")
    func builtInFallback() {
        let content = MiniStore.loaded()
        let danish = Localizer(content: content, tag: "da-DK")
        #expect(danish.format("price.now", ["amount": "kr 10"]) == "Now kr 10")
        #expect(danish.resolutions["price.now"] == TextResolution(source: .builtIn("en"), location: nil, isExact: false))
    }

    @Test("numbers in messages are written in the page's numbering system")
    func numberingSystem() {
        let content = MiniStore.loaded()
        let kuwait = Localizer(content: content, tag: "ar-KW", numbers: "ar-KW")
        #expect(kuwait.format("bundle.items", ["count": 24]) == "٢٤ قطعة")
        let latin = Localizer(content: content, tag: "ar-KW", numbers: "ar-KW-u-nu-latn")
        #expect(latin.format("bundle.items", ["count": 24]) == "24 قطعة")
        #expect(latin.format("bundle.items", ["count": 2]) == "قطعتان")
    }

    @Test("plural messages use the page language's CLDR categories")
    func pluralCategories() {
        let content = MiniStore.loaded()
        let arabic = Localizer(content: content, tag: "ar-KW")
        let heading = { (n: Int) in arabic.format("products.heading", ["count": .int(n)]) }
        #expect(heading(0) == "لا منتجات")
        #expect(heading(1) == "منتج واحد")
        #expect(heading(2) == "منتجان")
        #expect(heading(3).hasSuffix("منتجات"))
        #expect(heading(11).hasSuffix("منتجًا"))
        #expect(heading(100).hasSuffix("منتج"))
        let english = Localizer(content: content, tag: "en-US")
        #expect(english.format("products.heading", ["count": 1, "segment": "Climbers", "region": "US"]) == "1 pick for Climbers in US")
        #expect(english.format("products.heading", ["count": 24, "segment": "Climbers", "region": "US"]) == "24 picks for Climbers in US")
    }

    @Test("message ids nest by their dots for templates")
    func messageTree() {
        let content = MiniStore.loaded()
        let tree = Localizer(content: content, tag: "en").messageTree(["count": 2, "segment": "All", "region": "US", "site": "S"])
        #expect(tree["nav"]?["home"] == .string("Home"))
        #expect(tree["products"]?["heading"] == .string("2 picks for All in US"))
    }
}
