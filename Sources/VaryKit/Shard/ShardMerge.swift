import Dispatch
import Foundation

/// `vary merge`: joins the outputs of `vary build --shard I/N` into the output one `vary build` would have written.
///
/// Before a byte is written it proves that the shards belong together (same Vary, `now`, settings and source
/// files, cut from the same plan into the same number of shards) and that together they hold every planned page
/// exactly once; any shard that is foreign, duplicated or missing is an error naming it (exit code 2). Then every
/// file goes through the same staging directory and atomic swap as a build: files whose bytes did not change keep
/// the previous output's file and modification time. Only the files' bytes are read from the shards, each checked
/// against the shard's manifest, never their modes or times.
public enum ShardMerge {
    /// Merges the shards; nothing in the output changes unless every check passed and every file was copied.
    public static func run(_ options: MergeOptions, events: @escaping @Sendable (BuildEvent) -> Void = { _ in }) -> BuildOutcome {
        let misplaced = OutputPlacement.problems(
            output: options.output, outputName: options.outputName,
            inputs: options.shards.map { OutputPlacement.Input(role: "shard", url: $0.url, name: $0.name) }, force: options.force)
        guard misplaced.isEmpty else { return BuildOutcome(exitCode: 2, diagnostics: misplaced, report: nil, timings: []) }
        var clock = StageClock(events: events)
        clock.start("read shards")
        var shards: [ShardFolder] = []
        var problems: [Diagnostic] = []
        for (url, name) in options.shards {
            do throws(Diagnostic) {
                shards.append(try ShardFolder.read(url, name: name))
            } catch {
                problems.append(error)
            }
        }
        if problems.isEmpty { problems = ShardSet.problems(shards, outputName: options.outputName) }
        clock.finish()
        guard problems.isEmpty else { return BuildOutcome(exitCode: 2, diagnostics: problems.sorted(), report: nil, timings: clock.timings) }

        shards.sort { $0.record.shard < $1.record.shard }
        let checkProblems = shards.flatMap { shard in shard.record.problems.map { $0.diagnostic(outputName: options.outputName) } }.sorted()
        do throws(StoreBuild.Stop) {
            let report = try write(shards, options: options, clock: &clock, events: events)
            return BuildOutcome(exitCode: checkProblems.contains { $0.severity == .error } ? 1 : 0,
                                diagnostics: checkProblems, report: report, timings: clock.timings)
        } catch {
            return BuildOutcome(exitCode: error.exitCode, diagnostics: error.diagnostics, report: nil, timings: clock.timings)
        }
    }

    /// Copies every shard's files into a staging directory, checks them against the shards' manifests and commits
    /// it with one manifest and report.
    static func write(_ shards: [ShardFolder], options: MergeOptions, clock: inout StageClock,
                      events: @Sendable (BuildEvent) -> Void) throws(StoreBuild.Stop) -> BuildReport {
        clock.start("merge")
        defer { clock.finish() }
        func failure(_ error: Error) -> StoreBuild.Stop {
            if let problem = error as? Diagnostic { return StoreBuild.Stop(exitCode: 2, diagnostics: [problem]) }
            return StoreBuild.Stop(exitCode: 3, diagnostics: [Diagnostic(file: options.outputName, message: "\(error)")])
        }
        let staging: StagingDirectory
        do {
            _ = try? StagingDirectory.removeStaleStaging(for: options.output)
            staging = try StagingDirectory(output: options.output)
        } catch {
            throw failure(error)
        }
        let work = shards.flatMap { shard in shard.files.keys.sorted().map { (shard, $0) } }
        let failures = Failures()
        let next = Counter(), done = Counter()
        let step = max(1, work.count / 100)
        DispatchQueue.concurrentPerform(iterations: options.jobs) { _ in
            while !failures.any {
                let index = next.increment() - 1
                guard index < work.count else { break }
                let (shard, path) = work[index]
                do {
                    try staging.write(path, streaming: { append in try shard.copy(path, to: append) })
                } catch {
                    failures.add(error)
                    break
                }
                let finished = done.increment()
                if finished % step == 0 || finished == work.count { events(.progress(done: finished, total: work.count)) }
            }
        }
        if let error = failures.first {
            staging.abandon()
            throw failure(error)
        }
        // The bytes copied must be the bytes each shard built: a damaged artifact is refused, not deployed.
        let written = Dictionary(uniqueKeysWithValues: staging.manifest().files.map { ($0.path, $0) })
        let damaged = work.filter { shard, path in written[path] != shard.files[path] }.map { shard, path in
            Diagnostic(file: shard.name + "/" + path, message: "does not have the SHA-256 and size the shard's manifest lists",
                       hint: "the artifact was damaged or changed: download or build the shard again")
        }
        guard damaged.isEmpty else {
            staging.abandon()
            throw StoreBuild.Stop(exitCode: 2, diagnostics: damaged.sorted())
        }
        var report = mergedReport(shards)
        do {
            let summary = try staging.commit { summary in
                var final = report
                final.record(summary)
                return final.json()
            }
            report.record(summary)
        } catch {
            staging.abandon()
            throw failure(error)
        }
        // A page cache beside the output describes an output that is gone; the next build starts from the files.
        PageCache.remove(for: options.output)
        return report
    }

    /// The report of the whole build: the pages of every shard, and what each shard computed for the whole plan
    /// (skipped items, warnings, schedule, translations) from the first, since every shard computed the same.
    static func mergedReport(_ shards: [ShardFolder]) -> BuildReport {
        var report = shards[0].report
        report.pagesByKind = shards.reduce(into: [:]) { counts, shard in
            counts.merge(shard.report.pagesByKind, uniquingKeysWith: +)
        }
        report.record(EmitSummary(writtenPaths: [], removedPaths: [], unchanged: 0))
        report.timings = []
        return report
    }

    /// The first error of the copying threads.
    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [Error] = []

        var any: Bool { lock.withLock { !errors.isEmpty } }
        var first: Error? { lock.withLock { errors.first } }
        func add(_ error: Error) { lock.withLock { errors.append(error) } }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func increment() -> Int { lock.withLock { value += 1; return value } }
    }
}
