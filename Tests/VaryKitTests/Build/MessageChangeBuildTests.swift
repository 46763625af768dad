import Foundation
import Testing
@testable import VaryKit

@Suite("A changed message personalizes only the pages that show it")
struct MessageChangeBuildTests {
    /// Replaces `old` with `new` in a content or template file of the store.
    private func edit(_ build: TestBuild, _ path: String, _ old: String, _ new: String) throws {
        let url = build.directory.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// The pages whose bytes differ between two output trees.
    private func changedPages(_ before: [String: Data], _ after: [String: Data]) -> Set<String> {
        Set(after.keys.filter { $0.hasSuffix(".html") && before[$0] != after[$0] })
    }

    /// Every file of the site, without the two that describe one build against the previous output.
    private func site(_ tree: [String: Data]) -> [String: Data] {
        tree.filter { $0.key != EmitSummary.changesPath && $0.key != StagingDirectory.reportPath }
    }

    /// Builds the store, applies `change`, builds again into the same output, and checks every file against a
    /// fresh build of the changed store; returns the incremental build and the pages whose bytes changed.
    private func rebuild(_ build: TestBuild, change: () throws -> Void) throws -> (outcome: BuildOutcome, changed: Set<String>, pages: Int) {
        let first = build.run()
        #expect(first.exitCode == 0)
        let before = build.tree()
        try change()
        let outcome = build.run()
        #expect(outcome.exitCode == 0)
        let after = build.tree()
        let fresh = build.directory.appendingPathComponent("fresh-\(UUID().uuidString)")
        let cold = build.run(output: fresh)
        #expect(cold.exitCode == 0)
        #expect(site(after) == site(build.tree(fresh)))
        #expect(outcome.diagnostics == cold.diagnostics)
        #expect(outcome.report?.json() == cold.report?.counting(as: outcome.report).json())
        return (outcome, changedPages(before, after), outcome.report?.pagesByKind.values.reduce(0, +) ?? 0)
    }

    @Test("a message only landing pages read, changed in the default locale, personalizes only the landing pages that fall back to it")
    func landingMessage() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let result = try rebuild(build) {
            try edit(build, "content/locales/en.json", "other {# picks}} for", "other {# favourites}} for")
        }
        #expect(!result.changed.isEmpty)
        #expect(result.changed.allSatisfy { !$0.hasPrefix("de/de-de/") && !$0.hasPrefix("jp/") && !$0.hasPrefix("kw/") })
        #expect(result.outcome.personalized == result.changed.count)
        #expect(result.pages > result.changed.count)
    }

    @Test("a message the layout reads, changed in one locale, personalizes only that locale's pages")
    func layoutMessage() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let result = try rebuild(build) {
            try edit(build, "content/locales/de.json", "\"Startseite\"", "\"Zur Startseite\"")
        }
        #expect(!result.changed.isEmpty)
        #expect(result.changed.allSatisfy { $0.hasPrefix("de/de-de/") })
        #expect(result.outcome.personalized == result.changed.count)
    }

    @Test("a message removed from one locale's file personalizes that locale's pages, which now fall back to the default's")
    func removedMessageFallsBack() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let result = try rebuild(build) {
            try edit(build, "content/locales/de.json", "\"nav.home\": \"Startseite\",", "")
        }
        #expect(!result.changed.isEmpty)
        #expect(result.changed.allSatisfy { $0.hasPrefix("de/de-de/") })
        #expect(result.outcome.personalized == result.changed.count)
        #expect(build.read("de/de-de/index.html")?.contains("Home") == true)
    }

    @Test("a message no template reads, added or removed, personalizes no page")
    func unreadMessage() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let added = try rebuild(build) {
            try edit(build, "content/locales/en.json", "\"nav.home\": \"Home\",", "\"nav.home\": \"Home\",\n  \"footer.unused\": \"Not shown\",")
        }
        #expect(added.changed.isEmpty)
        #expect(added.outcome.personalized == 0)
        #expect(added.outcome.report?.written == 0)
        let removed = try rebuild(build) {
            try edit(build, "content/locales/en.json", "\n  \"footer.unused\": \"Not shown\",", "")
        }
        #expect(removed.outcome.personalized == 0)
    }

    @Test("a changed message with a built-in text, or a message changed with another file, personalizes every page")
    func everyPage() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let builtIn = try rebuild(build) {
            try edit(build, "content/locales/en.json", "\"Save {amount}\"", "\"You save {amount}\"")
        }
        #expect(builtIn.outcome.personalized == builtIn.pages)
        let withTemplate = try rebuild(build) {
            try edit(build, "content/locales/de.json", "\"Startseite\"", "\"Start\"")
            try edit(build, "site-templates/pages/landing.mustache", "{{t.products.heading}}", "{{t.products.heading}} ")
        }
        #expect(withTemplate.outcome.personalized == withTemplate.pages)
        let withPrice = try rebuild(build) {
            try edit(build, "content/locales/de.json", "\"Start\"", "\"Startseite\"")
            let catalog = try String(contentsOf: build.content.appendingPathComponent("catalog/products.json"), encoding: .utf8)
            let price = try #require(catalog.range(of: #""USD": "[0-9.]+""#, options: .regularExpression))
            try edit(build, "content/catalog/products.json", String(catalog[price]), "\"USD\": \"1234.50\"")
        }
        #expect(withPrice.outcome.personalized == withPrice.pages)
        #expect(!withPrice.changed.isEmpty)
    }

    @Test("on the sample store, a changed promotion message personalizes only pages whose templates read it, as a fresh build writes them")
    func sampleStore() throws {
        let build = TestBuild(fixture: "sample")
        defer { build.cleanUp() }
        let result = try rebuild(build) {
            try edit(build, "content/locales/en.json", "\"offer.code\": \"Use code\"", "\"offer.code\": \"Use the code\"")
        }
        // The banner partial that reads it shows only when a promotion has a code: pages including it are
        // personalized, and of those only the pages that show a code change.
        #expect(!result.changed.isEmpty)
        #expect(result.outcome.personalized >= result.changed.count)
        #expect(result.pages > result.outcome.personalized)
        let regional = try rebuild(build) {
            try edit(build, "content/locales/de.json", "\"offer.code\": \"Code\"", "\"offer.code\": \"Gutscheincode\"")
        }
        #expect(!regional.changed.isEmpty)
        #expect(regional.outcome.personalized >= regional.changed.count)
        #expect(regional.outcome.personalized < result.outcome.personalized)
    }

    @Test("a page of a locale whose own file has the message is not personalized when the default locale's changes")
    func shadowedMessage() {
        let content = MiniStore.loaded()
        let previous = MessageChanges.digests(of: content)
        var current = previous
        current["en\tproducts.heading"] = "changed"
        let changes = MessageChanges(from: previous, to: current, content: content, tags: ["de-DE", "en-US", "ja-JP"])
        var use = TemplateProof.MessageUse()
        use.ids = ["products.heading"]
        #expect(changes?.reach(use, tag: "en-US") == true)
        #expect(changes?.reach(use, tag: "de-DE") == false)
        #expect(changes?.reach(use, tag: "ja-JP") == false)
        var prefix = TemplateProof.MessageUse()
        prefix.prefixes = ["products"]
        #expect(changes?.reach(prefix, tag: "en-US") == true)
        var other = TemplateProof.MessageUse()
        other.ids = ["nav.home"]
        #expect(changes?.reach(other, tag: "en-US") == false)
        #expect(changes?.reach(nil, tag: "en-US") == true)
        current["en\tprice.saving"] = "changed"
        #expect(MessageChanges(from: previous, to: current, content: content, tags: ["en-US"]) == nil)
    }
}

@Suite("A changed template personalizes only the pages that render it")
struct TemplateChangeBuildTests {
    private func edit(_ build: TestBuild, _ path: String, _ old: String, _ new: String) throws {
        let url = build.directory.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    private func site(_ tree: [String: Data]) -> [String: Data] {
        tree.filter { $0.key != EmitSummary.changesPath && $0.key != StagingDirectory.reportPath }
    }

    /// Builds, changes, rebuilds; checks the output against a fresh build; returns the rebuild and the pages
    /// whose bytes changed.
    private func rebuild(_ build: TestBuild, change: () throws -> Void) throws -> (outcome: BuildOutcome, changed: Set<String>) {
        #expect(build.run().exitCode == 0)
        let before = build.tree()
        try change()
        let outcome = build.run()
        #expect(outcome.exitCode == 0)
        let after = build.tree()
        let fresh = build.directory.appendingPathComponent("fresh-\(UUID().uuidString)")
        let cold = build.run(output: fresh)
        #expect(site(after) == site(build.tree(fresh)))
        #expect(outcome.diagnostics == cold.diagnostics)
        return (outcome, Set(after.keys.filter { $0.hasSuffix(".html") && before[$0] != after[$0] }))
    }

    @Test("a changed page template, partial or layout personalizes exactly the pages that render it")
    func changedTemplates() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let page = try rebuild(build) {
            try edit(build, "site-templates/pages/promotion.mustache", "</", " </")
        }
        #expect(!page.changed.isEmpty)
        #expect(page.changed.allSatisfy { $0.contains("/promotions/") })
        #expect(page.outcome.personalized == page.changed.count)
        let partial = try rebuild(build) {
            try edit(build, "site-templates/partials/card.mustache", "</", " </")
        }
        #expect(!partial.changed.isEmpty)
        #expect(partial.outcome.personalized >= partial.changed.count)
        let layout = try rebuild(build) {
            try edit(build, "site-templates/layouts/base.mustache", "</", " </")
        }
        #expect(layout.outcome.personalized == layout.changed.count)
        #expect(layout.changed.count == layout.outcome.report?.pagesByKind.values.reduce(0, +))
    }

    @Test("a template added, or changed with another file, personalizes every page")
    func everyPage() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let added = try rebuild(build) {
            build.write("site-templates/partials/unused.mustache", "<p>unused</p>")
        }
        #expect(added.outcome.personalized == added.outcome.report?.pagesByKind.values.reduce(0, +))
        let withMessage = try rebuild(build) {
            try edit(build, "site-templates/pages/promotion.mustache", "</", " </")
            try edit(build, "content/locales/de.json", "\"Startseite\"", "\"Start\"")
        }
        #expect(withMessage.outcome.personalized == withMessage.outcome.report?.pagesByKind.values.reduce(0, +))
    }
}
