import Foundation
import Testing
@testable import VaryKit

@Suite("A build that changed only prices or stock takes the previous build's translation audit")
struct AuditReuseBuildTests {
    /// The audit key the build of `build`'s output recorded.
    private func auditKey(_ build: TestBuild) -> String? {
        PageCache.load(for: build.output).audit?.key
    }

    /// Edits a content file in place, expecting `old` in it.
    private func edit(_ build: TestBuild, _ path: String, _ old: String, _ new: String) throws {
        let url = build.content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(path) holds \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// Builds `build` again, and a fresh copy of its input into another folder: the warnings, the report's
    /// translation counts and the exit code must be the fresh build's.
    private func rebuildMatchesFresh(_ build: TestBuild, _ name: String) -> BuildOutcome {
        let outcome = build.run()
        let fresh = build.directory.appendingPathComponent("fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        let cold = build.run(output: fresh)
        #expect(outcome.exitCode == cold.exitCode, "\(name)")
        #expect(outcome.diagnostics == cold.diagnostics, "\(name)")
        #expect(outcome.report?.translations == cold.report?.translations, "\(name)")
        #expect(outcome.report?.warnings == cold.report?.warnings, "\(name)")
        return outcome
    }

    @Test("a price or stock change keeps the audit's key, and the warnings are a fresh build's")
    func priceKeepsAudit() throws {
        let build = TestBuild(fixture: "sample")
        defer { build.cleanUp() }
        let first = build.run()
        #expect(first.exitCode == 0)
        #expect(first.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("no text for") },
                "the sample store falls back somewhere, so the audit has warnings to keep")
        let key = try #require(auditKey(build))
        try edit(build, "catalog/products.json", "\"USD\": \"279.00\"", "\"USD\": \"289.00\"")
        _ = rebuildMatchesFresh(build, "price")
        #expect(auditKey(build) == key)
        // The results are the record's, not made again: a record edited to another page count is what is reported.
        let location = URL(fileURLWithPath: PageCache.location(of: build.output))
        let cache = try String(contentsOf: location, encoding: .utf8)
        let edited = cache.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("audit\t") else { return String(line) }
            // Every warning's page count (its record's seventh field; the first three records and the end are not
            // warnings).
            let records = line.split(separator: "\u{1E}", omittingEmptySubsequences: false).enumerated().map { index, record in
                guard index >= 3, record != "end" else { return String(record) }
                var fields = record.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
                fields[6] = "98765"
                return fields.joined(separator: "\u{1F}")
            }
            return records.joined(separator: "\u{1E}")
        }
        try Data(edited.joined(separator: "\n").utf8).write(to: location)
        try edit(build, "catalog/products.json", "\"USD\": \"289.00\"", "\"USD\": \"299.00\"")
        let kept = build.run()
        #expect(kept.diagnostics.contains { $0.message.hasSuffix("(98765 pages)") })
    }

    @Test("a changed product text, a product moved in its file, an added product or a changed message audits again")
    func changesAuditAgain() throws {
        let build = TestBuild(fixture: "sample")
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        var keys = [try #require(auditKey(build))]
        func changed(_ name: String, _ change: () throws -> Void) throws {
            try change()
            _ = rebuildMatchesFresh(build, name)
            let key = try #require(auditKey(build))
            #expect(!keys.contains(key), "\(name) changes the audit's key")
            keys.append(key)
        }
        let products = build.content.appendingPathComponent("catalog/products.json")
        let text = try String(contentsOf: products, encoding: .utf8)
        let catalog = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let id = try #require(catalog.first?["id"] as? String)
        try changed("a title in one language only") {
            var edited = catalog
            edited[0]["title"] = "Only one language"
            try JSONSerialization.data(withJSONObject: edited, options: [.prettyPrinted, .sortedKeys]).write(to: products)
        }
        try changed("the same products, written on other lines") {
            var edited = catalog
            edited[0]["title"] = "Only one language"
            try (Data("\n\n".utf8) + JSONSerialization.data(withJSONObject: edited, options: [.prettyPrinted, .sortedKeys]))
                .write(to: products)
        }
        try changed("an added product") {
            var added = catalog[0]
            added["id"] = id + "-copy"
            added["sku"] = "COPY-1"
            added["title"] = ["en": "A copy", "xx": "Only elsewhere"]
            try JSONSerialization.data(withJSONObject: catalog + [added], options: [.prettyPrinted, .sortedKeys]).write(to: products)
        }
        try changed("a message") {
            let messages = build.content.appendingPathComponent("locales/en.json")
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: messages)) as? [String: Any])
            object["extra.note"] = "A message only English has"
            try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: messages)
        }
    }

    @Test("a damaged audit record in the cache is audited again, with a fresh build's warnings")
    func damagedRecord() throws {
        let build = TestBuild(fixture: "sample")
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let location = PageCache.location(of: build.output)
        let cache = try String(contentsOf: URL(fileURLWithPath: location), encoding: .utf8)
        let lines = cache.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("audit\t") else { return String(line) }
            // The key stays, so only reading the record can tell: a tag number beyond the record's locales.
            let fields = line.split(separator: "\t", maxSplits: 2)
            return "audit\t\(fields[1])\t" + "translation audit 1\u{1E}en\u{1E}\u{1E}x\u{1F}1\u{1F}1\u{1F}p\u{1F}en\u{1F}1024\u{1F}3\u{1F}-\u{1E}end"
        }
        #expect(lines.contains { $0.hasPrefix("audit\t") })
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: location))
        try edit(build, "catalog/products.json", "\"USD\": \"279.00\"", "\"USD\": \"289.00\"")
        let outcome = rebuildMatchesFresh(build, "damaged record")
        #expect(!outcome.diagnostics.contains { $0.file == "x" })
    }

    @Test("an audit read back from its record reports the same warnings and counts")
    func recordRoundTrip() throws {
        var content = MiniStore.loaded()
        // Texts holding the record's separators, its escape and a line break read back as they were.
        content.products[0].location.file = "odd %1E \u{1D}\u{1E}\u{1F}\n\r% name.json"
        content.products[0].title = LocalizedText(entries: ["xx": "only elsewhere"])
        let pages = Planner.plan(content, now: MiniStore.now, bundlesByRegion: [:])
        let audit = TranslationAudit(content: content, pages: pages, bundles: [:], now: MiniStore.now, localesFile: "content/locales")
        #expect(!audit.diagnostics.isEmpty)
        let record = audit.record()
        let read = try #require(TranslationAudit(record: record))
        #expect(read.diagnostics == audit.diagnostics)
        #expect(read.diagnostics.contains { $0.file == content.products[0].location.file })
        #expect(!record.contains(UInt8(ascii: "\n")))
        #expect(read.completeness == audit.completeness)
        #expect(read.record() == record, "the record is written in one order whatever the run")
        #expect(TranslationAudit(record: Array("not a record".utf8)) == nil)
        #expect(TranslationAudit(record: record.dropLast(3)) == nil, "a record cut short")
        let escape = try #require(record.firstIndex(of: UInt8(ascii: "%")))
        var malformed = record
        malformed[escape + 1] = UInt8(ascii: "Z")
        #expect(TranslationAudit(record: malformed) == nil, "a malformed escape")
        // The locales out of order would list a warning's locales out of order.
        // (Records are separated by 0x1E, the locales of the second one by 0x1D.)
        var parts = record.split(separator: 0x1E, omittingEmptySubsequences: false)
        let tags = parts[1].split(separator: 0x1D)
        #expect(tags.count > 1)
        parts[1] = Array(tags.reversed().joined(separator: [0x1D]))[...]
        #expect(TranslationAudit(record: Array(parts.joined(separator: [0x1E]))) == nil, "locales out of order")
    }
}
