import Foundation
import Testing
@testable import VaryKit

/// A store written from the SPEC alone (`Tests/Fixtures/spec-store`): eleven languages whose locale files hold only
/// the two messages its templates use, with taxonomy names from content.
@Suite("a store that supplies only its templates' messages")
struct LocalizedStoreTests {
    static let now = Date.iso("2026-11-25T12:00:00Z")
    static let pages: [String: String] = [
        "en": "us/en-us", "de": "de/de-de", "fr": "fr/fr-fr", "es": "es/es-es", "it": "it/it-it", "nl": "nl/nl-nl",
        "pl": "pl/pl-pl", "pt": "pt/pt-pt", "sv": "se/sv-se", "ja": "jp/ja-jp", "ar": "kw/ar-kw",
    ]

    /// The text of the page between `<main>` and `</main>` with tags removed.
    static func mainText(_ html: String) -> String {
        let main = html.components(separatedBy: "<main>").last?.components(separatedBy: "</main>").first ?? ""
        return main.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    /// Danish (which neither Vary nor the store has texts for) as the second locale of the German region.
    static func addDanish(to build: TestBuild) {
        let regions = build.read("content/regions.json", in: build.directory)!
        build.write("content/regions.json", regions.replacingOccurrences(of: #""de-DE""#, with: #""de-DE", "da-DK""#))
    }

    @Test("it builds with exit code 0 and reports no fallback")
    func buildsWithoutFallbacks() {
        let build = TestBuild(fixture: "spec-store")
        defer { build.cleanUp() }
        let outcome = build.run(now: Self.now)
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let report = try! JSONDecoder().decode(BuildReport.self, from: Data(build.read("_vary/report.json")!.utf8))
        for tag in ["pl-PL", "ar-KW", "ja-JP"] {
            #expect(report.translations[tag]?["vary"] == TranslationAudit.Completeness(exact: BuiltInTexts.all.count))
            #expect(report.translations[tag]?["categories"]?.fallback == 0)
        }
    }

    @Test("every language's pages show Vary's texts and the taxonomy names in that language, never a raw id")
    func pagesReadInTheirLanguage() throws {
        let build = TestBuild(fixture: "spec-store")
        defer { build.cleanUp() }
        #expect(build.run(now: Self.now).exitCode == 0)
        let taxonomyFile = try #require(build.read("content/taxonomy.json", in: build.directory))
        let taxonomy = try #require(
            try JSONSerialization.jsonObject(with: Data(taxonomyFile.utf8)) as? [String: [String: [String: String]]])
        for (language, base) in Self.pages {
            let html = try #require(build.read("\(base)/for/climbers/index.html"), "\(base)")
            let text = Self.mainText(html)
            let pinned = BuiltInTexts.byID["reason.pinned"]!.patterns[language]!
            #expect(text.contains(pinned), "\(language): \(text)")
            let ropes = try #require(taxonomy["categories"]?["climbing/ropes"]?[language])
            #expect(text.contains(ropes), "\(language) lacks the category name \(ropes)")
            for raw in ["climbing/ropes", "footwear/winter", "alpine", "winter"] {
                #expect(!text.contains(raw), "\(language) shows the raw id '\(raw)'")
            }
        }
        let polish = Self.mainText(build.read("pl/pl-pl/for/climbers/index.html")!)
        #expect(polish.contains("Pasuje do Twoich zainteresowań: Wspinaczka"))
        #expect(polish.contains("Sprawdzi się w sezonie: Zima"))
        #expect(polish.contains("15% taniej"))
        let bundle = Self.mainText(build.read("pl/pl-pl/bundles/first-climb/index.html")!)
        #expect(bundle.contains("3 sztuki"))
        let german = Self.mainText(build.read("de/de-de/index.html")!)
        #expect(german.contains("-15\u{00A0}%"))
        #expect(german.contains("15\u{00A0}% Rabatt"))
        #expect(german.contains("Winterschuhe"))
    }

    @Test("an ar-KW page writes every number Vary formats in Arabic-Indic digits")
    func arabicDigits() throws {
        let build = TestBuild(fixture: "spec-store")
        defer { build.cleanUp() }
        #expect(build.run(now: Self.now).exitCode == 0)
        for path in ["kw/ar-kw/for/climbers/index.html", "kw/ar-kw/bundles/first-climb/index.html"] {
            var text = Self.mainText(try #require(build.read(path)))
            // The store's own titles carry Latin digits; everything else on the page is Vary's.
            for title in ["Andes 9.5 Rope", "Andes 9.5", "Cordillera -15"] { text = text.replacingOccurrences(of: title, with: "") }
            #expect(text.range(of: "[0-9]", options: .regularExpression) == nil, "\(path): \(text)")
            #expect(text.range(of: "[٠-٩]", options: .regularExpression) != nil)
        }
        let footer = try #require(build.read("kw/ar-kw/index.html")).components(separatedBy: "<footer>").last!
        #expect(footer.contains("١٢"))
    }

    @Test("a region's numbers setting puts every number of its pages in Latin digits")
    func latinDigitsOverride() throws {
        let build = TestBuild(fixture: "spec-store")
        defer { build.cleanUp() }
        let regions = try #require(build.read("content/regions.json", in: build.directory))
        build.write("content/regions.json", regions.replacingOccurrences(
            of: #""currency": "KWD","#, with: #""currency": "KWD", "numbers": "latn","#))
        #expect(build.run(now: Self.now).exitCode == 0)
        for path in ["kw/ar-kw/for/climbers/index.html", "kw/ar-kw/bundles/first-climb/index.html", "kw/ar-kw/index.html"] {
            let html = try #require(build.read(path))
            #expect(html.range(of: "[٠-٩]", options: .regularExpression) == nil, "\(path)")
        }
        let landing = Self.mainText(build.read("kw/ar-kw/for/climbers/index.html")!)
        #expect(landing.contains("4 اقتراحات"))
        #expect(landing.contains("55.500"))
        #expect(build.read("kw/ar-kw/index.html")!.contains("12"))
    }

    @Test("a locale with no texts anywhere falls back to English, one warning per text with its page count")
    func fallbackWarnings() throws {
        let build = TestBuild(fixture: "spec-store")
        defer { build.cleanUp() }
        Self.addDanish(to: build)
        let outcome = build.run(now: Self.now)
        #expect(outcome.exitCode == 0)
        let warnings = outcome.diagnostics.filter { $0.severity == .warning }.map(\.description)
        // da-DK has two landings, the promotion's page, the bundle's and four product pages; the region warns that it
        // has no messages.
        #expect(warnings.contains { $0.contains("no messages for locale 'da-DK'") })
        #expect(warnings.contains("content/locales/en.json:2:15: warning: nav.home: no text for da-DK, used en (8 pages)"))
        #expect(warnings.contains("content/locales: warning: reason.pinned: no text for da-DK, used Vary's en (8 pages)"))
        #expect(warnings.contains { $0.hasPrefix("content/taxonomy.json:") && $0.contains("categories.climbing/ropes: no text for da-DK, used en (") })
        #expect(!warnings.contains { $0.contains("pl-PL") })
        let report = try JSONDecoder().decode(BuildReport.self, from: Data(build.read("_vary/report.json")!.utf8))
        #expect(report.translations["da-DK"]?["vary"] == TranslationAudit.Completeness(fallback: BuiltInTexts.all.count))
        #expect(report.translations["da-DK"]?["messages"] == TranslationAudit.Completeness(fallback: 2))
        #expect(report.warnings.contains("content/locales/en.json:2:15: warning: nav.home: no text for da-DK, used en (8 pages)"))
    }

    @Test("with --fail-on-fallback a fallback is an error, exit code 2, and nothing is written")
    func failOnFallback() throws {
        let build = TestBuild(fixture: "spec-store")
        defer { build.cleanUp() }
        Self.addDanish(to: build)
        let outcome = build.run(now: Self.now, failOnFallback: true)
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.description == "content/locales/en.json:2:15: nav.home: no text for da-DK, used en (8 pages)" })
        #expect(!FileManager.default.fileExists(atPath: build.output.path))
    }

    @Test("site.json failOnFallback stops the build the same way")
    func failOnFallbackSetting() throws {
        let build = TestBuild(fixture: "spec-store")
        defer { build.cleanUp() }
        let site = try #require(build.read("content/site.json", in: build.directory))
        build.write("content/site.json", site.replacingOccurrences(of: #""recommendations": 4"#, with: #""recommendations": 4, "failOnFallback": true"#))
        build.write("content/catalog/products.json", build.read("content/catalog/products.json", in: build.directory)!
            .replacingOccurrences(of: #""title": "Nevado Boot""#, with: #""title": {"en": "Nevado Boot", "de": "Nevado-Stiefel"}"#))
        let outcome = build.run(now: Self.now)
        #expect(outcome.exitCode == 2)
        let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix("products[2].title: no text for ar-KW, es-ES, fr-FR, it-IT, ja-JP, nl-NL, pl-PL, pt-PT, sv-SE, used en (36 pages)") == true, "\(errors)")
    }
}
