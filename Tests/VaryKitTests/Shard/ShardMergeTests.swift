import Foundation
import Testing
@testable import VaryKit

@Suite("vary merge joins shards into the output of one build")
struct ShardMergeTests {
    @Test("merging 1, 2, 4 or 7 shards of the sample store gives the single build's output byte for byte")
    func sampleStoreEquivalence() throws {
        let store = ShardBuild(fixture: "sample")
        defer { store.cleanUp() }
        #expect(store.buildSingle().exitCode == 0)
        let expected = store.build.tree(store.single)
        #expect(expected.keys.contains("_vary/manifest.json"))
        for count in [1, 2, 4, 7] {
            let outcomes = store.buildShards(count)
            #expect(outcomes.allSatisfy { $0.exitCode == 0 }, "\(outcomes.flatMap(\.diagnostics))")
            let output = store.build.directory.appendingPathComponent("merged-\(count)")
            let merged = store.merge((1...count).map { store.folder($0, of: count) }, into: output)
            #expect(merged.exitCode == 0, "\(merged.diagnostics)")
            let tree = store.build.tree(output)
            #expect(tree.keys.sorted() == expected.keys.sorted(), "N = \(count)")
            #expect(tree.keys.filter { tree[$0] != expected[$0] }.isEmpty, "N = \(count): files differ")
        }
    }

    @Test("only shard 1 writes assets and site-wide files; every shard writes its record and only its pages")
    func siteFilesComeFromTheFirstShard() throws {
        let store = ShardBuild()
        defer { store.cleanUp() }
        #expect(store.buildShards(3).allSatisfy { $0.exitCode == 0 })
        var pages: [String] = []
        var planned = 0
        for index in 1...3 {
            let tree = store.build.tree(store.folder(index, of: 3))
            let record = try ShardRecord.decode(Array(try #require(tree[ShardRecord.path])))
            #expect(record.shard == index && record.shards == 3)
            pages += record.pages
            planned = record.plan.pages
            let others = tree.keys.filter { !record.pages.contains($0) && !$0.hasPrefix("_vary/") }
            if index == 1 {
                #expect(others.contains("sitemap.xml") && others.contains("robots.txt"))
                #expect(others.contains { $0.hasPrefix("assets/") })
                #expect(tree["_vary/routes.json"] != nil)
            } else {
                #expect(others.isEmpty, "shard \(index) wrote \(others)")
                #expect(tree["_vary/routes.json"] == nil)
            }
        }
        #expect(pages.count == Set(pages).count)
        #expect(pages.count == planned)
    }

    @Test("merge reads only bytes: shard files with other modes and times merge to the same output")
    func ignoresModesAndTimes() throws {
        let store = ShardBuild()
        defer { store.cleanUp() }
        #expect(store.buildSingle().exitCode == 0)
        #expect(store.buildShards(2).allSatisfy { $0.exitCode == 0 })
        // As an artifact download leaves them: every file read-only for its owner, with the download's time.
        for index in 1...2 {
            let root = store.folder(index, of: 2).path
            for path in try FileSystemCalls.listFiles(under: root) {
                #expect(chmod(root + "/" + path, 0o400) == 0)
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)],
                                                      ofItemAtPath: root + "/" + path)
            }
        }
        #expect(store.merge([store.folder(2, of: 2), store.folder(1, of: 2)]).exitCode == 0)
        #expect(store.build.tree(store.merged) == store.build.tree(store.single))
        let page = try FileManager.default.attributesOfItem(atPath: store.merged.path + "/index.html")
        #expect((page[.posixPermissions] as? Int) == 0o644)
        #expect((page[.modificationDate] as? Date).map { $0.timeIntervalSince1970 > 1_000_000 } == true)
    }

    @Test("a merge over the previous output keeps the modification time of every unchanged file")
    func keepsUnchangedFiles() throws {
        let store = ShardBuild()
        defer { store.cleanUp() }
        #expect(store.buildShards(2).allSatisfy { $0.exitCode == 0 })
        let folders = [store.folder(1, of: 2), store.folder(2, of: 2)]
        #expect(store.merge(folders).exitCode == 0)
        let path = store.merged.path + "/us/en-us/index.html"
        let before = try #require(try FileSystemCalls.status(path)).modificationTime
        let again = store.merge(folders)
        #expect(again.exitCode == 0)
        #expect(again.report?.written == 0)
        #expect(again.report?.unchanged == store.build.tree(store.merged).count - 2)
        let after = try #require(try FileSystemCalls.status(path)).modificationTime
        #expect(before.tv_sec == after.tv_sec && before.tv_nsec == after.tv_nsec)
    }
}
