import Foundation
import Testing
@testable import VaryKit

@Suite("vary merge refuses shards that do not make one build")
struct ShardRefusalTests {
    /// Merges `folders` over a previous output and expects exit code 2, an error naming `name` and saying `words`,
    /// and the previous output untouched.
    private func expectRefused(_ store: ShardBuild, _ folders: [URL], naming name: String, saying words: String,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let previous = store.build.tree(store.merged)
        let outcome = store.merge(folders)
        #expect(outcome.exitCode == 2, sourceLocation: sourceLocation)
        #expect(outcome.report == nil, sourceLocation: sourceLocation)
        let text = outcome.diagnostics.map(\.description).joined(separator: "\n")
        #expect(outcome.diagnostics.contains { $0.file.hasPrefix(name) && $0.description.contains(words) }, "\(text)",
                sourceLocation: sourceLocation)
        #expect(store.build.tree(store.merged) == previous, "the previous output changed", sourceLocation: sourceLocation)
    }

    /// A store with its two shards built and merged once, so every refusal runs over a previous output.
    private func mergedStore() -> ShardBuild {
        let store = ShardBuild()
        #expect(store.buildShards(2).allSatisfy { $0.exitCode == 0 })
        #expect(store.merge([store.folder(1, of: 2), store.folder(2, of: 2)]).exitCode == 0)
        return store
    }

    @Test("a shard built at another now is refused, naming it and both instants")
    func otherNow() {
        let store = mergedStore()
        defer { store.cleanUp() }
        let later = store.build.directory.appendingPathComponent("later")
        #expect(store.build.run(now: .iso("2026-11-26T12:00:00Z"), output: later, shard: Shard(index: 2, count: 2)).exitCode == 0)
        expectRefused(store, [store.folder(1, of: 2), later], naming: later.path,
                      saying: "its now is 2026-11-26T12:00:00Z, not 2026-11-25T12:00:00Z")
    }

    @Test("a shard built from other content is refused, naming it and the file that differs")
    func otherContent() throws {
        let store = mergedStore()
        defer { store.cleanUp() }
        let path = store.build.content.appendingPathComponent("promotions.json")
        let text = try String(contentsOf: path, encoding: .utf8)
        try Data((text + "\n").utf8).write(to: path)
        let changed = store.build.directory.appendingPathComponent("changed")
        #expect(store.build.run(output: changed, shard: Shard(index: 2, count: 2)).exitCode == 0)
        expectRefused(store, [store.folder(1, of: 2), changed], naming: changed.path, saying: "its content/promotions.json has other bytes")
    }

    @Test("a missing shard is refused, naming its index")
    func missingShard() {
        let store = ShardBuild()
        defer { store.cleanUp() }
        #expect(store.buildShards(3).allSatisfy { $0.exitCode == 0 })
        expectRefused(store, [store.folder(1, of: 3), store.folder(3, of: 3)], naming: "merged", saying: "shard 2/3 is missing")
        #expect(!FileManager.default.fileExists(atPath: store.merged.path))
    }

    @Test("a shard given twice is refused, naming both folders")
    func duplicatedShard() throws {
        let store = mergedStore()
        defer { store.cleanUp() }
        let copy = store.build.directory.appendingPathComponent("copy-of-2")
        try FileManager.default.copyItem(at: store.folder(2, of: 2), to: copy)
        expectRefused(store, [store.folder(1, of: 2), store.folder(2, of: 2), copy], naming: copy.path,
                      saying: "is shard 2/2 again, as \(store.folder(2, of: 2).path) is")
    }

    @Test("a shard of another split is refused, naming it")
    func foreignSplit() {
        let store = mergedStore()
        defer { store.cleanUp() }
        #expect(store.buildShard(2, of: 3).exitCode == 0)
        expectRefused(store, [store.folder(1, of: 2), store.folder(2, of: 3)], naming: store.folder(2, of: 3).path,
                      saying: "is shard 2/3, but \(store.folder(1, of: 2).path) is one of 2")
    }

    @Test("a folder that is not a shard's output is refused, naming it")
    func notAShard() {
        let store = mergedStore()
        defer { store.cleanUp() }
        let single = store.single
        #expect(store.buildSingle().exitCode == 0)
        expectRefused(store, [store.folder(1, of: 2), single], naming: single.path, saying: "is missing: this folder is not the output")
    }

    @Test("a shard whose page was changed after its build is refused, and nothing of it is deployed")
    func damagedArtifact() throws {
        let store = mergedStore()
        defer { store.cleanUp() }
        let folder = store.folder(2, of: 2)
        let record = try ShardRecord.decode(Array(try Data(contentsOf: folder.appendingPathComponent(ShardRecord.path))))
        let page = folder.appendingPathComponent(try #require(record.pages.first))
        try Data("<!DOCTYPE html><title>changed</title>".utf8).write(to: page)
        expectRefused(store, [store.folder(1, of: 2), folder], naming: page.path, saying: "does not have the SHA-256 and size")
    }

    @Test("a merge into one of its shard folders is refused before anything is read")
    func outputIsAShard() {
        let store = mergedStore()
        defer { store.cleanUp() }
        let folders = [store.folder(1, of: 2), store.folder(2, of: 2)]
        let before = store.build.tree(folders[0])
        let outcome = store.merge(folders, into: folders[0])
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics.contains { $0.message.contains("is the shard folder") })
        #expect(store.build.tree(folders[0]) == before)
    }
}
