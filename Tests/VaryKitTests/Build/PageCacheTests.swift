import Foundation
import Mustache
import Testing
@testable import VaryKit

@Suite("Reusing pages of the previous build")
struct PageCacheTests {
    @Test("a page whose inputs, size and modification time are unchanged is taken over without rendering")
    func unchangedPageIsAdopted() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let path = build.output.appendingPathComponent("us/en-us/index.html").path
        let status = try #require(try FileSystemCalls.status(path))
        // Same size, same times, other bytes: only a build that did not render the page again keeps them.
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count - 1] = UInt8(ascii: " ")
        try bytes.write(to: URL(fileURLWithPath: path))
        try FileSystemCalls.setTimes(path, access: status.accessTime, modification: status.modificationTime)
        let outcome = build.run()
        #expect(outcome.exitCode == 0)
        #expect(outcome.report?.written == 0)
        #expect(FileManager.default.contents(atPath: path) == bytes)
    }

    @Test("a page changed by hand after the build is rendered again")
    func editedPageIsRenderedAgain() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let original = try #require(build.read("us/en-us/index.html"))
        build.write("output/us/en-us/index.html", "edited by hand")
        #expect(build.run().exitCode == 0)
        #expect(build.read("us/en-us/index.html") == original)
    }

    @Test("a template change renders every page again")
    func templateChangeRendersAgain() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let layout = build.templates.appendingPathComponent("layouts/base.mustache")
        let text = try String(contentsOf: layout, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "<head>", with: "<head>\n<meta name=\"generator\" content=\"Vary\">").utf8)
            .write(to: layout)
        #expect(build.run().exitCode == 0)
        #expect(build.read("us/en-us/index.html")?.contains("name=\"generator\"") == true)
        #expect(build.read("index.html")?.contains("name=\"generator\"") == true)
    }

    @Test("a changed message renders again only the pages whose templates read it")
    func messageChangeRendersItsPages() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        // The bundle template reads no message of its own, so its page must be taken over, not rendered:
        // a same-size, same-time edit survives only that.
        let bundle = try #require(build.tree().keys.first { $0.hasPrefix("us/en-us/bundles/") })
        let path = build.output.appendingPathComponent(bundle).path
        let status = try #require(try FileSystemCalls.status(path))
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count - 1] = UInt8(ascii: " ")
        try bytes.write(to: URL(fileURLWithPath: path))
        try FileSystemCalls.setTimes(path, access: status.accessTime, modification: status.modificationTime)
        let messages = build.content.appendingPathComponent("locales/en.json")
        let text = try String(contentsOf: messages, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "# picks}} for", with: "# favourites}} for").utf8).write(to: messages)
        #expect(build.run().exitCode == 0)
        #expect(build.read("us/en-us/index.html")?.contains("favourites for") == true)
        #expect(FileManager.default.contents(atPath: path) == bytes)
    }

    @Test("the build key changes with any content or template file, any setting a build reports or writes, and now, and only then")
    func buildKey() {
        let content = SourceFiles(root: "content", files: ["site.json": Array("{}".utf8), "regions.json": Array("[]".utf8)])
        let templates = SourceFiles(root: "site-templates", files: ["pages/landing.mustache": Array("x".utf8)])
        let options = BuildOptions(now: Date(timeIntervalSince1970: 100))
        let key = PageCache.buildKey(options: options, content: content, templates: templates)
        #expect(PageCache.buildKey(options: options, content: content, templates: templates) == key)
        var changed = content
        changed.files["regions.json"] = Array("[ ]".utf8)
        #expect(PageCache.buildKey(options: options, content: changed, templates: templates) != key)
        var renamed = content
        renamed.files["other.json"] = renamed.files.removeValue(forKey: "regions.json")
        #expect(PageCache.buildKey(options: options, content: renamed, templates: templates) != key)
        var skipped = content
        skipped.warnings = [Diagnostic(.warning, file: "content/link.json", message: "leads outside the store's folder")]
        #expect(PageCache.buildKey(options: options, content: skipped, templates: templates) != key)
        var edited = templates
        edited.files["pages/landing.mustache"] = Array("y".utf8)
        #expect(PageCache.buildKey(options: options, content: content, templates: edited) != key)
        // The same files in the other folder are other inputs.
        #expect(PageCache.buildKey(options: options, content: templates, templates: content) != key)
        var variants: [BuildOptions] = []
        for change in 0..<8 {
            var other = options
            switch change {
            case 0: other.now = Date(timeIntervalSince1970: 101)
            case 1: other.strict.toggle()
            case 2: other.check = .full
            case 3: other.failOnFallback = true
            case 4: other.shard = Shard(index: 1, count: 2)
            case 5: other.contentName = "store"
            case 6: other.templatesName = "theme"
            default: other.outputName = "public"
            }
            variants.append(other)
        }
        let keys = variants.map { PageCache.buildKey(options: $0, content: content, templates: templates) }
        #expect(Set(keys + [key]).count == variants.count + 1)
        var threads = options
        threads.jobs = 7
        #expect(PageCache.buildKey(options: threads, content: content, templates: templates) == key)
    }

    @Test("a page's message tree keeps only the ids and subtrees its template reads")
    func prunedMessages() {
        let tree: Value = ["nav": ["home": "Home", "offers": "Offers"], "offer": ["code": "Use code", "ends": "Ends"], "x": "X"]
        var use = TemplateProof.MessageUse()
        use.ids = ["offer.code", "missing.id"]
        use.prefixes = ["nav"]
        #expect(MessageTree.pruned(tree, keeping: use) == ["nav": ["home": "Home", "offers": "Offers"], "offer": ["code": "Use code"]])
    }

    @Test("the cache reads back what it wrote, and a cache of another version or a damaged one is empty")
    func cacheFileRoundTrips() throws {
        let directory = MiniStore.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("output")
        let entry = PageCache.Entry(inputs: "abc", sha256: "def", bytes: 12, seconds: 34, nanoseconds: 56)
        PageCache(entries: ["a/index.html": entry], build: "k1").save(for: output)
        #expect(PageCache.load(for: output).entries == ["a/index.html": entry])
        #expect(PageCache.load(for: output).build == "k1")
        #expect(PageCache.load(for: output).outcome == nil)
        var warning = Diagnostic(.warning, file: "content/a.json", line: 1, column: 2, path: "x[0]", message: "w\tsecond\nline", hint: "h")
        warning.excerpt = "  x\n  ^"
        warning.pages = 2
        warning.examplePage = "output/a/index.html"
        let diagnostics = [warning, Diagnostic(.warning, file: "f", message: "m \"quoted\" \\ é \u{1}")]
        // A build's report lists its warnings as printed; the cache keeps them once, in the diagnostics.
        var report = BuildReport(pagesByKind: ["landing": 3], skipped: [BuildReport.Skipped(kind: "bundle", id: "b", region: "us", reason: "r")],
                                 warnings: diagnostics.map(\.description), nextSchedule: [Date(timeIntervalSince1970: 1_800_000_000)],
                                 translations: ["de-de": ["message": TranslationAudit.Completeness(exact: 2, fallback: 1, missing: 0)]])
        report.combinations = ["desk": ["us": 4]]
        let outcome = PageCache.Outcome(pages: 1, diagnostics: diagnostics, report: report)
        PageCache(entries: ["a/index.html": entry], build: "k1", outcome: outcome).save(for: output)
        let loaded = PageCache.load(for: output)
        #expect(loaded.outcome == outcome)
        #expect(loaded.outcome?.report.json() == report.json())
        #expect(loaded.entries == ["a/index.html": entry])
        // Read for its own build the outcome is there; for another build it is not decoded, the rest is.
        #expect(PageCache.load(for: output, outcomeFor: "k1").outcome == outcome)
        let other = PageCache.load(for: output, outcomeFor: "k2")
        #expect(other.outcome == nil && other.build == "k1" && other.entries == ["a/index.html": entry])
        PageCache(entries: ["a/index.html": entry], build: "k1", withoutMessages: "m1", messages: ["en\tnav.home": "d1"],
                  withoutTemplates: "t1", templates: ["pages/landing.mustache": "d2"]).save(for: output)
        let partial = PageCache.load(for: output)
        #expect(partial.withoutMessages == "m1" && partial.messages == ["en\tnav.home": "d1"])
        #expect(partial.withoutTemplates == "t1" && partial.templates == ["pages/landing.mustache": "d2"])
        #expect(partial.entries == ["a/index.html": entry] && partial.outcome == nil)

        try Data("vary-page-cache 0\na/index.html\tabc\tdef\t12\t34\t56\n".utf8)
            .write(to: URL(fileURLWithPath: PageCache.location(of: output)))
        #expect(PageCache.load(for: output).entries.isEmpty)
        try Data((PageCache.version + "\na/index.html\tabc\n").utf8).write(to: URL(fileURLWithPath: PageCache.location(of: output)))
        #expect(PageCache.load(for: output).entries.isEmpty)
    }

    @Test("the inputs hash is MurmurHash3 x64 128 with seed 0")
    func inputsHashKnownValues() {
        #expect(InputsHash.hex(Array("The quick brown fox jumps over the lazy dog".utf8)) == "e34bbc7bbc071b6c7a433ca9c49a9347")
        #expect(InputsHash.hex([]) == "00000000000000000000000000000000")
        #expect(InputsHash.hex(Array("hello".utf8)) == "cbd8a7b341bd9b025b1e906a48ae1d19")
    }

    private func bytes(_ value: Mustache.Value) -> [UInt8] {
        var out: [UInt8] = []
        ModelBytes.append(value, to: &out)
        return out
    }

    @Test("model bytes tell apart values that print alike and ignore object key order")
    func modelBytesAreUnambiguous() {
        #expect(bytes(.string("1")) != bytes(.int(1)))
        #expect(bytes(.list([.string("ab"), .string("c")])) != bytes(.list([.string("a"), .string("bc")])))
        var forward: [String: Mustache.Value] = [:]
        forward["a"] = .int(1)
        forward["b"] = .int(2)
        var backward: [String: Mustache.Value] = [:]
        backward["b"] = .int(2)
        backward["a"] = .int(1)
        #expect(bytes(.object(forward)) == bytes(.object(backward)))
    }

    @Test("model bytes of an extended object are those of the object it renders as, its own fields hiding shared ones")
    func modelBytesOfExtendedObjects() {
        let fields: [String: Mustache.Value] = [
            "title": .string("Lamp"), "rank": .int(0), "price": .object(["text": .string("€9")]), "tags": .list([.string("a")]),
        ]
        let own: [String: Mustache.Value] = ["rank": .int(3), "isPinned": .bool(true)]
        for shared in [ModelBytes.shared(fields), SharedFields(fields)] {
            let card = Mustache.Value.extended(own, shared)
            #expect(bytes(card) == bytes(card.merged))
            #expect(bytes(.list([card, .string("x")])) == bytes(.list([card.merged, .string("x")])))
            #expect(bytes(card) != bytes(.extended(["rank": .int(4), "isPinned": .bool(true)], shared)))
        }
    }
}
