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
        #expect(stages(rendered).contains("pages"))
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
