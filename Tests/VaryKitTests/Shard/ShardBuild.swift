import Foundation
@testable import VaryKit

/// A store built whole and as shards in one temporary folder: `single/`, `shards-N/shard-I/` and merged outputs.
struct ShardBuild {
    let build: TestBuild

    init(fixture: String = "mini-store") { build = TestBuild(fixture: fixture) }

    var single: URL { build.directory.appendingPathComponent("single") }

    func folder(_ index: Int, of count: Int) -> URL {
        build.directory.appendingPathComponent("shards-\(count)/shard-\(index)")
    }

    /// Builds the whole store into `single/`.
    func buildSingle(now: Date = MiniStore.now) -> BuildOutcome { build.run(now: now, output: single) }

    /// Builds shard `index` of `count` into its folder.
    func buildShard(_ index: Int, of count: Int, now: Date = MiniStore.now) -> BuildOutcome {
        build.run(now: now, output: folder(index, of: count), shard: Shard(index: index, count: count)!)
    }

    /// Builds every shard of `count`; the outcomes in shard order.
    func buildShards(_ count: Int) -> [BuildOutcome] { (1...count).map { buildShard($0, of: count) } }

    /// Merges `folders` into `output` (default `merged/`).
    func merge(_ folders: [URL], into output: URL? = nil) -> BuildOutcome {
        var options = MergeOptions(shards: folders.map(\.path), output: (output ?? merged).path, jobs: 2)
        options.outputName = "merged"
        return ShardMerge.run(options)
    }

    var merged: URL { build.directory.appendingPathComponent("merged") }

    func cleanUp() { build.cleanUp() }
}
