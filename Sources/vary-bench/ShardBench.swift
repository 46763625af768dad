import Foundation
import VaryKit

/// `vary-bench --shards N`: the synthetic store built once on one machine, then as N shards run one after another
/// (each into its own fresh folder, as N CI jobs would) and merged; prints each shard's time, the merge's, the work
/// the split adds over the single build, and checks that the merged output is the single build's, byte for byte.
enum ShardBench {
    struct Timed {
        var name: String
        var seconds: Double
        var cpuSeconds: Double
        var pages: Int

        var line: String {
            String(format: "%@ %6d pages %7.3f s wall %7.3f s CPU", name.padding(toLength: 12, withPad: " ", startingAt: 0),
                   pages, seconds, cpuSeconds)
        }
    }

    static func run(_ store: SyntheticStore, shards count: Int, jobs: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vary-bench-shards-\(getpid())")
        try prepare(store, in: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let now = BuildTime.parse("2026-11-25T12:00:00Z")!
        func options(_ output: String, shard: Shard?) -> BuildOptions {
            var options = BuildOptions(content: root.appendingPathComponent("content").path,
                                       templates: root.appendingPathComponent("site-templates").path,
                                       output: root.appendingPathComponent(output).path, now: now, jobs: jobs)
            options.shard = shard
            return options
        }
        func timed(_ name: String, _ work: () -> BuildOutcome) -> Timed {
            let cpu = CPUTime.now(), start = DispatchTime.now()
            let outcome = work()
            guard outcome.exitCode <= 1, let report = outcome.report else {
                for diagnostic in outcome.diagnostics.prefix(20) { print(diagnostic) }
                print("vary-bench: \(name) failed with exit code \(outcome.exitCode)")
                exit(1)
            }
            return Timed(name: name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9,
                         cpuSeconds: CPUTime.now() - cpu, pages: report.pagesByKind.values.reduce(0, +))
        }
        let single = timed("one build") { StoreBuild.run(options("single", shard: nil)) }
        print(single.line)
        var parts: [Timed] = []
        for index in 1...count {
            let shard = Shard(index: index, count: count)!
            parts.append(timed("shard \(shard)") { StoreBuild.run(options("shard-\(index)", shard: shard)) })
            print(parts.last!.line)
        }
        let merge = timed("merge") {
            ShardMerge.run(MergeOptions(shards: (1...count).map { root.appendingPathComponent("shard-\($0)").path },
                                        output: root.appendingPathComponent("merged").path, jobs: jobs))
        }
        print(merge.line)
        let same = try [Manifest.path, StagingDirectory.reportPath, EmitSummary.changesPath].allSatisfy { path in
            try Data(contentsOf: root.appendingPathComponent("single/" + path)) == Data(contentsOf: root.appendingPathComponent("merged/" + path))
        }
        let shardSeconds = parts.reduce(0) { $0 + $1.seconds }, shardCPU = parts.reduce(0) { $0 + $1.cpuSeconds }
        let slowest = parts.map(\.seconds).max()!, fastest = parts.map(\.seconds).min()!
        print(String(format: "shards: %.3f s wall in all (slowest %.3f s, fastest %.3f s), %.3f s CPU; merge %.3f s",
                     shardSeconds, slowest, fastest, shardCPU, merge.seconds))
        print(String(format: "work overhead: shards + merge = %.3f s wall (%.0f%% of the single build's %.3f s), %.3f s CPU (%.0f%% of %.3f s)",
                     shardSeconds + merge.seconds, 100 * (shardSeconds + merge.seconds) / single.seconds, single.seconds,
                     shardCPU + merge.cpuSeconds, 100 * (shardCPU + merge.cpuSeconds) / single.cpuSeconds, single.cpuSeconds))
        print(String(format: "on %d machines: slowest shard + merge = %.3f s (%.0f%% of the single build)",
                     count, slowest + merge.seconds, 100 * (slowest + merge.seconds) / single.seconds))
        print("merged output \(same ? "is" : "IS NOT") the single build's (manifest, report and change list byte-identical)")
        if !same { exit(1) }
    }
}
