import Foundation
import Testing
@testable import VaryKit

@Suite("An unchanged rebuild leaves the output alone")
struct UnchangedOutputTests {
    /// Each file's inode and modification time, by path.
    private func identities(_ build: TestBuild) throws -> [String: String] {
        let root = build.output.path
        var found: [String: String] = [:]
        for path in try FileSystemCalls.listFiles(under: root) {
            var info = stat()
            #expect(lstat(root + "/" + path, &info) == 0)
            found[path] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return found
    }

    private func stages(_ outcome: BuildOutcome) -> Set<String> { Set(outcome.timings.map(\.stage)) }

    @Test("a rebuild of the same input keeps every file of the site, with its inode and modification time")
    func keepsEveryFile() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        #expect(build.run().exitCode == 0)
        let before = try identities(build)
        let outcome = build.run()
        #expect(outcome.exitCode == 0)
        #expect(stages(outcome).contains("unchanged"))
        #expect(!stages(outcome).contains("pages"))
        #expect(try identities(build) == before)
        #expect(outcome.report?.written == 0)
        #expect(outcome.report?.removed == 0)
        // Every file but the change list and the report, which describe the build, not the site.
        #expect(outcome.report?.unchanged == before.count - 2)
    }

    @Test("the change list and report of a kept output are byte for byte those of a full unchanged rebuild")
    func recordsWhatAFullRebuildRecords() throws {
        let fast = TestBuild()
        let full = TestBuild()
        defer {
            fast.cleanUp()
            full.cleanUp()
        }
        #expect(fast.run().exitCode == 0)
        #expect(full.run().exitCode == 0)
        let pagesBefore = try identities(fast).filter { !$0.key.hasPrefix("_vary/") }
        let kept = fast.run()
        let rendered = full.run(force: true)
        #expect(stages(kept).contains("unchanged"))
        // Nothing is parsed, validated, planned or audited: the key is known from the files' bytes.
        #expect(stages(kept).isDisjoint(with: ["validate", "plan", "audit", "pages", "emit"]))
        #expect(stages(rendered).contains("pages"))
        // The same warnings (the mini store's fallbacks) and exit code as the build that renders.
        #expect(kept.exitCode == rendered.exitCode)
        #expect(!kept.diagnostics.isEmpty)
        #expect(kept.diagnostics == rendered.diagnostics)
        #expect(kept.diagnostics.map(\.excerpt) == rendered.diagnostics.map(\.excerpt))
        #expect(kept.diagnostics.map(\.hint) == rendered.diagnostics.map(\.hint))
        #expect(try identities(fast).filter { !$0.key.hasPrefix("_vary/") } == pagesBefore)
        #expect(kept.report?.json() == rendered.report?.json())
        for path in [EmitSummary.changesPath, StagingDirectory.reportPath] {
            let written = try #require(fast.read(path))
            #expect(written == full.read(path))
        }
        #expect(fast.read(EmitSummary.changesPath)?.contains("index.html") == false)
        #expect(fast.tree() == full.tree())
        // No temporary file is left beside them.
        #expect(try FileSystemCalls.listFiles(under: fast.output.path).count == fast.tree().count)
    }

    @Test("a damaged or older page cache makes the next build take the full path, with the same output and outcome")
    func damagedCacheTakesTheFullPath() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let first = build.run()
        #expect(first.exitCode == 0)
        let location = PageCache.location(of: build.output)
        let text = try String(contentsOfFile: location, encoding: .utf8)
        #expect(text.contains("\noutcome\t"))
        let tree = build.tree()
        for damaged in [
            text.replacingOccurrences(of: "\noutcome\t", with: "\noutcome\t!"),
            text.replacingOccurrences(of: PageCache.version, with: "vary-page-cache 4"),
        ] {
            try Data(damaged.utf8).write(to: URL(fileURLWithPath: location))
            let outcome = build.run()
            #expect(outcome.exitCode == 0)
            #expect(stages(outcome).contains("plan"))
            #expect(outcome.diagnostics == first.diagnostics)
            // Every file but those describing the build (its counts of written and unchanged files differ).
            let site: Set<String> = [EmitSummary.changesPath, StagingDirectory.reportPath]
            #expect(build.tree().filter { !site.contains($0.key) } == tree.filter { !site.contains($0.key) })
        }
        let kept = build.run()
        #expect(stages(kept).contains("unchanged"))
        #expect(kept.diagnostics == first.diagnostics)
    }

    @Test("a shard rebuilt with the same input is kept, and a folder rebuilt as another shard is rendered")
    func shardsAreKeptPerShard() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let first = build.run(shard: Shard(index: 1, count: 2))
        #expect(first.exitCode == 0)
        let again = build.run(shard: Shard(index: 1, count: 2))
        #expect(stages(again).contains("unchanged"))
        #expect(again.diagnostics == first.diagnostics)
        #expect(again.report?.pagesByKind == first.report?.pagesByKind)
        let other = build.run(shard: Shard(index: 2, count: 2))
        #expect(stages(other).contains("pages"))
        #expect(stages(build.run()).contains("pages"))
    }

    @Test("a page deleted from the output makes the next build render it again")
    func deletedPageIsRestored() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let original = try #require(build.read("us/en-us/index.html"))
        try FileManager.default.removeItem(at: build.output.appendingPathComponent("us/en-us/index.html"))
        let outcome = build.run()
        #expect(outcome.exitCode == 0)
        #expect(stages(outcome).contains("pages"))
        #expect(build.read("us/en-us/index.html") == original)
        #expect(outcome.report?.written == 1)
        #expect(build.read(EmitSummary.changesPath)?.contains("us/en-us/index.html") == true)
    }

    @Test("a page edited in the output makes the next build render it again")
    func editedPageIsRestored() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let original = try #require(build.read("us/en-us/index.html"))
        build.write("output/us/en-us/index.html", original + "<!-- edited -->")
        let outcome = build.run()
        #expect(stages(outcome).contains("pages"))
        #expect(build.read("us/en-us/index.html") == original)
        #expect(outcome.report?.written == 1)
    }

    @Test("an edited manifest or an extra file in the output makes the next build write the output again")
    func otherFilesAreVerified() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let manifest = try #require(build.read(Manifest.path))
        build.write("output/" + Manifest.path, manifest + " ")
        let repaired = build.run()
        #expect(stages(repaired).contains("pages"))
        #expect(build.read(Manifest.path) == manifest)

        build.write("output/stray.html", "not Vary's")
        let cleaned = build.run()
        #expect(stages(cleaned).contains("pages"))
        #expect(cleaned.report?.removed == 1)
        #expect(build.read("stray.html") == nil)
        #expect(stages(build.run()).contains("unchanged"))
    }

    @Test("a changed input or --force renders instead of keeping the output")
    func otherBuildsRender() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        #expect(stages(build.run(force: true)).contains("pages"))
        #expect(stages(build.run(now: MiniStore.now.addingTimeInterval(1))).contains("pages"))
        #expect(stages(build.run()).contains("pages"))
        #expect(stages(build.run()).contains("unchanged"))
    }

    @Test("a rebuild of pages with check problems renders them again and reports the problems again")
    func problemsAreReportedAgain() {
        let build = TestBuild()
        defer { build.cleanUp() }
        build.write("site-templates/partials/card.mustache", "<li><img src=\"{{image.src}}\">{{title}}</li>")
        let first = build.run()
        let second = build.run()
        #expect(second.exitCode == 1)
        #expect(stages(second).contains("pages"))
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.diagnostics.contains {
            $0.file == "site-templates/partials/card.mustache" && $0.message.contains("alt") && $0.examplePage?.hasPrefix("output/") == true
        })
    }

    @Test("a file replaced in one rename holds the new bytes and leaves no temporary file")
    func replaceFileIsAtomic() throws {
        let directory = MiniStore.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.json").path
        try FileSystemCalls.createFile(path, Array("old".utf8))
        try FileSystemCalls.replaceFile(path, Array("new".utf8))
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
        #expect(try FileSystemCalls.listFiles(under: directory.path) == ["report.json"])
    }
}
