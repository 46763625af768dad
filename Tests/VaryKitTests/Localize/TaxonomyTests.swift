import Foundation
import Testing
@testable import VaryKit

@Suite("taxonomy names")
struct TaxonomyTests {
    @Test("a name for a tag no content uses is an error at its key, with the closest tag")
    func unknownTag() {
        let errors = MiniStore.errors(content: ["taxonomy.json": #"{"tags": {"alpin": {"en": "Alpine"}}}"#])
        #expect(errors == ["content/taxonomy.json:1:11: tags.alpin: unknown tag 'alpin': no product, segment or promotion uses it (did you mean 'alpine'?)"])
    }

    @Test("names for unknown category levels and seasons are errors too, each at its own line")
    func unknownCategoryAndSeason() {
        let taxonomy = """
            {
              "categories": {"climbing": "Climbing", "climbing/rope": {"de": "Seile"}},
              "seasons": {"wintr": {"ja": "冬"}}
            }
            """
        let errors = MiniStore.errors(content: ["taxonomy.json": taxonomy])
        #expect(errors == [
            "content/taxonomy.json:2:42: categories.climbing/rope: unknown category 'climbing/rope': no product, segment or promotion uses it (did you mean 'climbing/ropes'?)",
            "content/taxonomy.json:3:15: seasons.wintr: unknown season 'wintr': no region uses it (did you mean 'winter'?)",
        ])
    }

    @Test("a tag named twice is an error at its second key")
    func duplicateName() {
        let errors = MiniStore.errors(content: ["taxonomy.json": #"{"tags": {"alpine": "Alpine", "alpine": "Alpin"}}"#])
        #expect(errors == ["content/taxonomy.json:1:31: tags.alpine: duplicate field 'alpine'"])
    }

    @Test("a taxonomy file of the wrong shape names the key that is wrong")
    func wrongShape() {
        let errors = MiniStore.errors(content: ["taxonomy.json": #"{"tags": {"alpine": 3}}"#])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/taxonomy.json:1:21: tags.alpine: expected a string or an object of translations") == true, "\(errors)")
    }

    @Test("names resolve in the page's locale, fall back along the chain, and an id without a name reads as words")
    func names() {
        var source = MiniStore.content()
        source.files["taxonomy.json"] = Array(#"{"categories": {"climbing/ropes": {"en": "Ropes", "de": "Seile"}}, "tags": {"winter": {"ja": "冬"}}}"#.utf8)
        let content = ContentLoader.load(source).content!
        let inputs = BuildInputs(content: content, now: MiniStore.now, pages: [], assetURLs: [:], bundles: [:])
        let region = content.regions.first { $0.id == "jp" }!
        let japanese = PageLocale(tag: "ja-JP", region: region, inputs: inputs)
        #expect(japanese.name(.tags, "winter") == "冬")
        #expect(japanese.name(.seasons, "winter") == "冬")
        #expect(japanese.categoryName("climbing/ropes") == "Ropes")
        #expect(japanese.categoryName("footwear/kids-shoes") == "Kids shoes")
        #expect(japanese.name(.brands, "Summit") == "Summit")
        let german = PageLocale(tag: "de-DE", region: content.regions.first { $0.id == "de" }!, inputs: inputs)
        #expect(german.categoryName("climbing/ropes") == "Seile")
    }

    @Test("a category without a name anywhere is shown as words, with a warning and its page count")
    func missingNameWarning() {
        let build = TestBuild()
        defer { build.cleanUp() }
        let outcome = build.run()
        #expect(outcome.exitCode == 0)
        let warnings = outcome.diagnostics.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("content/taxonomy.json: warning: categories.climbing/ropes: no name in any locale, shown as 'Ropes' (") })
        #expect(warnings.contains { $0.hasPrefix("content/taxonomy.json: warning: seasons.winter: no name in any locale, shown as 'Winter' (") })
    }
}

@Suite("the sample store's translations")
struct SampleStoreTranslationTests {
    @Test("German, Japanese and Arabic pages show no raw tag, season or category id")
    func noRawIDs() throws {
        let build = TestBuild(fixture: "sample")
        defer { build.cleanUp() }
        let outcome = build.run(now: .iso("2026-12-01T12:00:00Z"))
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics.filter { $0.severity == .error })")
        let content = ContentLoader.load(try SourceFiles.read(directory: build.content, displayName: "content")).content!
        let known = ContentValidator.knownTaxonomyIDs(content)
        let ids = (known[.categories] ?? []).union(known[.tags] ?? []).union(known[.seasons] ?? [])
        #expect(!outcome.diagnostics.contains { $0.message.contains("no name in any locale") })
        let pages = ["de/de-de", "de/de-de/for/trail-runners", "jp/ja-jp", "jp/ja-jp/for/families", "kw/ar-kw", "kw/ar-kw/for/families"]
        var checked = 0
        for page in pages {
            guard let html = build.read(page + "/index.html") else { continue }
            checked += 1
            let shown = Self.texts(in: html, classes: ["card__category", "why__list"])
            #expect(!shown.isEmpty, "\(page)")
            for text in shown {
                let words = Set(text.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "/" }).map(String.init))
                #expect(words.isDisjoint(with: ids), "\(page): '\(text)' shows a raw id")
            }
        }
        #expect(checked >= 4)
    }

    /// The text inside every element with one of `classes`, tags removed.
    static func texts(in html: String, classes: [String]) -> [String] {
        classes.flatMap { name in
            html.components(separatedBy: "class=\"\(name)\"").dropFirst().map { part in
                let body = part.drop { $0 != ">" }.dropFirst()
                let end = body.range(of: name == "why__list" ? "</ul>" : "</")?.lowerBound ?? body.endIndex
                return String(body[..<end]).replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            }
        }
    }
}
