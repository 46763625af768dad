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
        #expect(german.format("reason.pinned") == "Staff pick")
        #expect(german.format("discount.percent", ["percent": 15]) == "15 % Rabatt")
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
