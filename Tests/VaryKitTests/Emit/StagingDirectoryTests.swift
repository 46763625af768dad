import Dispatch
import Foundation
import Testing
@testable import VaryKit

@Suite("Staging and committing the output")
struct StagingDirectoryTests {
    let site = [
        "index.html": "<!DOCTYPE html><title>chooser</title>",
        "de/de-de/index.html": "<!DOCTYPE html><title>landing</title>",
        "assets/store.1a2b3c4d.css": "body { color: black }",
    ]
    let pastDate = Date(timeIntervalSince1970: 1_000_000_000)

    @Test("a first build writes every file and leaves no staging directory behind")
    func firstBuild() throws {
        let temporary = try TemporaryDirectory()
        let summary = try temporary.build(site)
        #expect(summary.writtenPaths == ["_vary/manifest.json", "assets/store.1a2b3c4d.css", "de/de-de/index.html", "index.html"])
        #expect(summary.unchanged == 0)
        #expect(summary.removed == 0)
        let tree = try temporary.tree(temporary.output)
        #expect(tree["de/de-de/index.html"] == Array(site["de/de-de/index.html"]!.utf8))
        #expect(Set(tree.keys) == Set(site.keys).union(["_vary/manifest.json", "_vary/changes.json"]))
        #expect(try temporary.siblings() == ["output"])
    }

    @Test("an identical second build counts every file unchanged and keeps their modification times")
    func identicalBuild() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(site)
        for path in site.keys { try temporary.setModificationDate(path, pastDate) }
        let summary = try temporary.build(site)
        #expect(summary.written == 0)
        #expect(summary.unchanged == site.count + 1)
        #expect(summary.removed == 0)
        for path in site.keys { #expect(try temporary.modificationDate(path) == pastDate, "\(path)") }
        // The replaced tree is kept as the next build's staging folder.
        #expect(try temporary.siblings() == ["output", "output.vary-spare"])
    }

    @Test("a build takes the tree the last commit replaced as its staging folder and commits exactly what it wrote")
    func spareReused() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(site.merging(["old/page/index.html": "gone soon"]) { a, _ in a })
        var second = site
        second["index.html"] = "<!DOCTYPE html><title>second</title>"
        try temporary.build(second)
        let spare = temporary.url.appendingPathComponent("output.vary-spare")
        #expect(try temporary.tree(spare)["old/page/index.html"] == Array("gone soon".utf8))
        // The third build starts from the first build's tree: it must drop the old page, replace the chooser whose
        // file there is not the output's, keep the unchanged files' modification times, and take the landing over.
        for path in site.keys { try temporary.setModificationDate(path, pastDate) }
        let previous = try FileSystemCalls.status(temporary.output.appendingPathComponent("de/de-de/index.html").path)
        var third = second
        third["index.html"] = "<!DOCTYPE html><title>third</title>"
        third.removeValue(forKey: "de/de-de/index.html")
        third["new/index.html"] = "new"
        let staging = try StagingDirectory(output: temporary.output)
        #expect(!FileManager.default.fileExists(atPath: spare.path))
        for (path, text) in third.sorted(by: { $0.key < $1.key }) { try staging.write(path, Array(text.utf8)) }
        let landing = Array(site["de/de-de/index.html"]!.utf8)
        let adopted = try staging.adopt(
            "de/de-de/index.html", sha256: SHA256.hex(landing), bytes: landing.count,
            modified: (Int(previous!.modificationTime.tv_sec), Int(previous!.modificationTime.tv_nsec)))
        #expect(adopted)
        let summary = try staging.commit()
        #expect(summary.writtenPaths == ["_vary/manifest.json", "index.html", "new/index.html"])
        #expect(summary.removedPaths == [])
        let tree = try temporary.tree(temporary.output)
        #expect(Set(tree.keys) == Set(site.keys).union(["new/index.html", "_vary/manifest.json", "_vary/changes.json"]))
        #expect(tree["index.html"] == Array(third["index.html"]!.utf8))
        #expect(tree["de/de-de/index.html"] == landing)
        #expect(try temporary.modificationDate("de/de-de/index.html") == pastDate)
        #expect(try temporary.modificationDate("assets/store.1a2b3c4d.css") == pastDate)
        // The second build's tree is now the spare, and the output's files were never written through.
        #expect(try temporary.tree(spare)["index.html"] == Array(second["index.html"]!.utf8))
        #expect(try temporary.siblings() == ["output", "output.vary-spare"])
    }

    @Test("what the spare holds in place of a folder or a file is replaced, and nothing is written outside it")
    func spareNotTrusted() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(site)
        try temporary.build(site)
        let spare = temporary.url.appendingPathComponent("output.vary-spare")
        let elsewhere = temporary.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        // A symlink where a folder goes, a folder where a file goes, a file the output does not have.
        try FileManager.default.removeItem(at: spare.appendingPathComponent("de"))
        try FileManager.default.createSymbolicLink(at: spare.appendingPathComponent("de"), withDestinationURL: elsewhere)
        try FileManager.default.removeItem(at: spare.appendingPathComponent("index.html"))
        try FileManager.default.createDirectory(
            at: spare.appendingPathComponent("index.html/inner"), withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: spare.appendingPathComponent("stray.txt"))
        var changed = site
        changed["de/de-de/index.html"] = "<!DOCTYPE html><title>changed</title>"
        try temporary.build(changed)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
        let tree = try temporary.tree(temporary.output)
        #expect(Set(tree.keys) == Set(site.keys).union(["_vary/manifest.json", "_vary/changes.json"]))
        #expect(tree["de/de-de/index.html"] == Array(changed["de/de-de/index.html"]!.utf8))
        #expect(tree["index.html"] == Array(site["index.html"]!.utf8))
    }

    @Test("without an output the spare is removed and the build stages into a fresh folder")
    func spareWithoutOutput() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(site)
        try temporary.build(site)
        try FileManager.default.removeItem(at: temporary.output)
        let summary = try temporary.build(["index.html": "alone"])
        #expect(summary.unchanged == 0)
        #expect(try temporary.tree(temporary.output).keys.sorted() == ["_vary/changes.json", "_vary/manifest.json", "index.html"])
        #expect(try temporary.siblings() == ["output"])
    }

    @Test("a changed file is counted as written and gets a new modification time")
    func changedFile() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(site)
        for path in site.keys { try temporary.setModificationDate(path, pastDate) }
        var changed = site
        changed["index.html"] = "<!DOCTYPE html><title>new chooser</title>"
        let summary = try temporary.build(changed)
        #expect(summary.writtenPaths == ["_vary/manifest.json", "index.html"])
        #expect(summary.unchanged == 2)
        #expect(try temporary.modificationDate("index.html") > pastDate)
        #expect(try temporary.modificationDate("de/de-de/index.html") == pastDate)
        #expect(try temporary.tree(temporary.output)["index.html"] == Array(changed["index.html"]!.utf8))
    }

    @Test("a file of the same size but different bytes is counted as written")
    func sameSizeDifferentBytes() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(["a.txt": "abc"])
        let summary = try temporary.build(["a.txt": "abd"])
        #expect(summary.writtenPaths == ["_vary/manifest.json", "a.txt"])
    }

    @Test("files of the previous output that the new build lacks are removed and listed")
    func staleFilesRemoved() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(site.merging(["old/page/index.html": "gone soon"]) { a, _ in a })
        try Data("left by hand".utf8).write(to: temporary.output.appendingPathComponent("notes.txt"))
        let summary = try temporary.build(site)
        #expect(summary.removedPaths == ["notes.txt", "old/page/index.html"])
        let tree = try temporary.tree(temporary.output)
        #expect(tree["notes.txt"] == nil)
        #expect(!FileManager.default.fileExists(atPath: temporary.output.appendingPathComponent("old").path))
    }

    @Test("the change list names the written and removed paths, sorted")
    func changeList() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(["b.html": "b", "a.html": "a", "gone.html": "x"])
        try temporary.build(["b.html": "b2", "a.html": "a", "c.html": "c"])
        let changes = try temporary.tree(temporary.output)["_vary/changes.json"]!
        let decoded = try JSONDecoder().decode([String: [String]].self, from: Data(changes))
        #expect(decoded == ["written": ["_vary/manifest.json", "b.html", "c.html"], "removed": ["gone.html"]])
    }

    @Test("abandoning a build leaves the previous output byte for byte and removes the staging directory")
    func abandonLeavesOutput() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(site)
        try temporary.setModificationDate("index.html", pastDate)
        let before = try temporary.tree(temporary.output)
        let staging = try StagingDirectory(output: temporary.output)
        try staging.write("index.html", Array("half a build".utf8))
        try staging.write("new/page.html", Array("never published".utf8))
        staging.abandon()
        #expect(try temporary.tree(temporary.output) == before)
        #expect(try temporary.modificationDate("index.html") == pastDate)
        #expect(try temporary.siblings() == ["output"])
        #expect(throws: EmitError.closed) { try staging.commit() }
        #expect(throws: EmitError.closed) { try staging.write("late.html", []) }
    }

    @Test("a commit that fails before the swap leaves the previous output as it was and removes the staging directory")
    func failedCommit() throws {
        struct ReportFailed: Error {}
        let temporary = try TemporaryDirectory()
        try temporary.build(site)
        let before = try temporary.tree(temporary.output)
        #expect(throws: ReportFailed.self) {
            try temporary.build(["index.html": "replacement"]) { _ in throw ReportFailed() }
        }
        #expect(try temporary.tree(temporary.output) == before)
        #expect(try temporary.siblings() == ["output"])
    }

    @Test("writes before commit never touch the output directory")
    func nothingBeforeCommit() throws {
        let temporary = try TemporaryDirectory()
        let staging = try StagingDirectory(output: temporary.output)
        try staging.write("index.html", Array("x".utf8))
        #expect(!FileManager.default.fileExists(atPath: temporary.output.path))
        #expect(staging.url.deletingLastPathComponent().standardizedFileURL.path == temporary.url.standardizedFileURL.path)
        try staging.commit()
        #expect(try temporary.tree(temporary.output)["index.html"] == Array("x".utf8))
    }

    @Test("paths that are absolute, empty, or climb out of the output are rejected and nothing is written")
    func pathTraversalRejected() throws {
        let temporary = try TemporaryDirectory()
        let staging = try StagingDirectory(output: temporary.output)
        defer { staging.abandon() }
        let bad = ["../escape.html", "/etc/passwd", "a/../../b.html", "a//b.html", "", "./a.html", "a/./b.html",
                   "dir/", "a\\..\\b.html", "nul\u{0}.html", "..", "_vary/manifest.json", "_vary/changes.json",
                   "_vary/report.json"]
        for path in bad {
            #expect(throws: EmitError.self, "\(path)") { try staging.write(path, Array("x".utf8)) }
        }
        #expect(try FileSystemCalls.listFiles(under: staging.url.path) == [])
        #expect(try temporary.siblings() == [staging.url.lastPathComponent])
    }

    @Test("writing the same path twice is an error")
    func duplicatePath() throws {
        let temporary = try TemporaryDirectory()
        let staging = try StagingDirectory(output: temporary.output)
        defer { staging.abandon() }
        try staging.write("a/index.html", Array("one".utf8))
        #expect(throws: EmitError.duplicatePath("a/index.html")) { try staging.write("a/index.html", Array("two".utf8)) }
    }

    @Test("an output path that is a file, not a directory, is refused before anything is written")
    func outputIsAFile() throws {
        let temporary = try TemporaryDirectory()
        try Data("file".utf8).write(to: temporary.output)
        #expect(throws: EmitError.outputNotDirectory(temporary.output.standardizedFileURL.path)) {
            _ = try StagingDirectory(output: temporary.output)
        }
        #expect(try temporary.siblings() == ["output"])
    }

    @Test("files written concurrently from many threads are all recorded and written")
    func concurrentWrites() throws {
        let temporary = try TemporaryDirectory()
        let staging = try StagingDirectory(output: temporary.output)
        let count = 800
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            do {
                try staging.write("r\(index % 7)/l\(index % 3)/p\(index)/index.html", Array("page \(index)".utf8))
            } catch {
                failures.add(error)
            }
        }
        #expect(failures.isEmpty)
        let summary = try staging.commit()
        #expect(summary.written == count + 1)
        let tree = try temporary.tree(temporary.output)
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(tree["_vary/manifest.json"]!))
        #expect(manifest.files.count == count)
        #expect(manifest.files.map(\.path) == manifest.files.map(\.path).sorted())
        #expect(tree["r5/l2/p5/index.html"] == Array("page 5".utf8))
    }

    @Test("the report is written from the commit's summary and kept out of the manifest")
    func reportFromSummary() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(site)
        try temporary.build(site) { summary in
            var report = BuildReport(pagesByKind: ["landing": 1])
            report.record(summary)
            return report.json()
        }
        let tree = try temporary.tree(temporary.output)
        let report = try JSONDecoder().decode(BuildReport.self, from: Data(tree["_vary/report.json"]!))
        #expect(report.unchanged == site.count + 1)
        #expect(report.written == 0)
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(tree["_vary/manifest.json"]!))
        #expect(!manifest.files.contains { $0.path.hasPrefix("_vary/") })
    }

    @Test("a report handed over in pieces is written whole, and keeps its time when its bytes are the same")
    func reportInPieces() throws {
        let temporary = try TemporaryDirectory()
        let pieces = (0..<3).map { piece in Array("{\"piece\": \(piece)}\n".utf8) }
        for _ in 0..<2 {
            let staging = try StagingDirectory(output: temporary.output)
            for (path, text) in site { try staging.write(path, Array(text.utf8)) }
            try staging.commit(streamingReport: { _, append in
                for piece in pieces { try append(piece) }
            })
            #expect(try temporary.tree(temporary.output)["_vary/report.json"] == Array(pieces.joined()))
            try temporary.setModificationDate("_vary/report.json", pastDate)
        }
        #expect(try temporary.modificationDate("_vary/report.json") == pastDate)
        let staging = try StagingDirectory(output: temporary.output)
        try staging.commit(streamingReport: { _, append in
            for piece in pieces.reversed() { try append(piece) }
        })
        #expect(try temporary.tree(temporary.output)["_vary/report.json"] == Array(pieces.reversed().joined()))
        #expect(try temporary.modificationDate("_vary/report.json") != pastDate)
    }

    @Test("work beside the commit sees every file in place with the times it keeps; run before the report, not the report")
    func besideTheReport() throws {
        for overlapping in [true, false] {
            let temporary = try TemporaryDirectory()
            try temporary.build(site)
            try temporary.setModificationDate("index.html", pastDate)
            let staging = try StagingDirectory(output: temporary.output)
            for (path, text) in site { try staging.write(path, Array(text.utf8)) }
            let seen = ResultSlots<(files: Set<String>, kept: Bool)>(count: 1)
            try staging.commit(streamingReport: { _, append in try append(Array("{}".utf8)) }, beside: { staged in
                let files = (try? FileSystemCalls.listFiles(under: staged)) ?? []
                let kept = (try? FileSystemCalls.status(staged + "/index.html"))?.modificationTime.tv_sec == 1_000_000_000
                seen.store((Set(files), kept), at: 0)
            }, overlapping: overlapping)
            let (files, kept) = try #require(seen.value(at: 0))
            // Beside the report, the change list and the report may be on their way; before it, they are not there.
            let placed = Set(site.keys).union(["_vary/manifest.json"])
            #expect(overlapping ? files.isSuperset(of: placed) : files == placed, "overlapping: \(overlapping)")
            #expect(kept, "overlapping: \(overlapping)")
            #expect(try temporary.tree(temporary.output)["_vary/report.json"] == Array("{}".utf8))
        }
    }

    @Test("stale staging directories of finished processes are removed and live ones kept")
    func staleStagingRemoved() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(site)
        let dead = temporary.url.appendingPathComponent("output.staging-2147483646-0badf00d")
        let deadPrevious = temporary.url.appendingPathComponent("output.previous-2147483646-12")
        let live = temporary.url.appendingPathComponent("output.staging-\(getpid())-cafe")
        let unrelated = temporary.url.appendingPathComponent("outputs.staging-2147483646-1")
        for directory in [dead, deadPrevious, live, unrelated] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("x"), withIntermediateDirectories: true)
        }
        let removed = try StagingDirectory.removeStaleStaging(for: temporary.output)
        #expect(removed.map { URL(fileURLWithPath: $0).lastPathComponent } == [deadPrevious.lastPathComponent, dead.lastPathComponent])
        #expect(try temporary.siblings() == [live.lastPathComponent, "output", unrelated.lastPathComponent].sorted())
        #expect(try temporary.tree(temporary.output)["index.html"] == Array(site["index.html"]!.utf8))
    }

    @Test("a build killed between its two renames gets its previous output put back")
    func previousOutputRestored() throws {
        let temporary = try TemporaryDirectory()
        let previous = temporary.url.appendingPathComponent("output.previous-2147483646-5")
        try FileManager.default.createDirectory(at: previous, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: previous.appendingPathComponent("index.html"))
        try StagingDirectory.removeStaleStaging(for: temporary.output)
        #expect(try temporary.tree(temporary.output) == ["index.html": Array("old".utf8)])
        #expect(try temporary.siblings() == ["output"])
    }

    @Test("without an atomic exchange the output is replaced by two renames and the old tree removed")
    func swapByRenames() throws {
        let temporary = try TemporaryDirectory()
        try temporary.build(site)
        let staging = temporary.url.appendingPathComponent("next")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("new".utf8).write(to: staging.appendingPathComponent("only.txt"))
        try OutputSwap.replace(temporary.output.path, with: staging.path, allowExchange: false)
        #expect(try temporary.tree(temporary.output) == ["only.txt": Array("new".utf8)])
        #expect(try temporary.siblings() == ["output"])
    }
}

/// Errors collected from concurrent work.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ error: Error) { lock.withLock { errors.append(error) } }
    var isEmpty: Bool { lock.withLock { errors.isEmpty } }
}

@Suite("Streaming a large file into the staging directory")
struct StreamedWriteTests {
    /// Builds once with `pieces` streamed as `sitemap.xml`, and returns the summary and the manifest's entry.
    private func build(_ temporary: TemporaryDirectory, _ pieces: [String]) throws -> (EmitSummary, ManifestEntry?) {
        let staging = try StagingDirectory(output: temporary.output)
        try staging.write("sitemap.xml", streaming: { append in for piece in pieces { try append(Array(piece.utf8)) } })
        let entry = staging.manifest().files.first { $0.path == "sitemap.xml" }
        return (try staging.commit(), entry)
    }

    @Test("a file written in pieces has the hash and size of its whole bytes")
    func hashedWhileWritten() throws {
        let temporary = try TemporaryDirectory()
        let (_, entry) = try build(temporary, ["<urlset>", "<url/>", "</urlset>"])
        #expect(entry?.sha256 == SHA256.hex(Array("<urlset><url/></urlset>".utf8)))
        #expect(entry?.bytes == 23)
        #expect(try temporary.tree(temporary.output)["sitemap.xml"] == Array("<urlset><url/></urlset>".utf8))
    }

    @Test("the same bytes in other pieces keep the previous file and its time; other bytes replace it")
    func unchangedIsLinked() throws {
        let temporary = try TemporaryDirectory()
        _ = try build(temporary, ["<urlset>", "</urlset>"])
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try temporary.setModificationDate("sitemap.xml", past)
        let (same, _) = try build(temporary, ["<url", "set></urlset>"])
        #expect(same.unchanged == 2 && same.written == 0)
        #expect(try temporary.modificationDate("sitemap.xml") == past)
        let (longer, _) = try build(temporary, ["<urlset>", "</urlset>", "\n"])
        #expect(longer.writtenPaths.contains("sitemap.xml"))
        let (shorter, _) = try build(temporary, ["<urlset>"])
        #expect(shorter.writtenPaths.contains("sitemap.xml"))
        #expect(try temporary.tree(temporary.output)["sitemap.xml"] == Array("<urlset>".utf8))
    }
}

@Suite("Streaming the sitemap")
struct StreamedSitemapTests {
    @Test("streamed parts with shared alternate blocks are the bytes Sitemap.files makes, split at the same places")
    func sameAsWhole() throws {
        let alternates = [SitemapEntry.Alternate(hreflang: "de-DE", url: "https://s.example/de/de-de/"),
                          SitemapEntry.Alternate(hreflang: "x-default", url: "https://s.example/")]
        let entries = (0..<7).map { SitemapEntry(url: "https://s.example/p/\($0)&x/", alternates: $0 % 2 == 0 ? alternates : []) }
        let whole = Sitemap.files(entries: entries, baseURL: "https://s.example", urlLimit: 3)
        let blocks = [Sitemap.alternatesBlock(alternates), Sitemap.alternatesBlock([])]
        let listed = entries.map { (url: $0.url, block: $0.alternates.isEmpty ? 1 : 0) }.sorted { $0.url < $1.url }
        let sizes = listed.map { Sitemap.urlStart($0.url).count + blocks[$0.block].count + Sitemap.urlEnd.count }
        let parts = Sitemap.partition(sizes: sizes, urlLimit: 3)
        #expect(parts.count == 3 && whole.count == 4)
        #expect(whole[0].1 == Sitemap.index(parts: parts.count, baseURL: "https://s.example"))
        for (number, part) in parts.enumerated() {
            var streamed: [UInt8] = []
            try Sitemap.write(listed[part], blocks: blocks) { streamed += $0 }
            #expect(whole[number + 1].0 == Sitemap.partName(number + 1))
            #expect(whole[number + 1].1 == streamed)
        }
        var single: [UInt8] = []
        try Sitemap.write(listed[...], blocks: blocks) { single += $0 }
        #expect(single == Sitemap.xml(entries: entries))
    }
}
